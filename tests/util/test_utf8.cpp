// text_faults / wide_encoding / without_utf8_bom: which bytes are UTF-8 text and
// where the others are (see util/utf8.hpp).
#include "util/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace coron::util {
namespace {

using namespace std::string_view_literals;

TEST(Utf8, WellFormedTextHasNoFault) {
  // ASCII, é (2 bytes), € (3 bytes), U+1F600 (4 bytes), U+10FFFF (the last code point).
  for (const std::string_view text : {"Cité n°543, Wingles"sv, "12 €"sv, "\xF0\x9F\x98\x80"sv,
                                      "\xF4\x8F\xBF\xBF"sv, "\xED\x9F\xBF"sv, ""sv}) {
    std::size_t total = 99;
    EXPECT_TRUE(text_faults(text, 10, &total).empty()) << text;
    EXPECT_EQ(total, 0u) << text;
  }
}

TEST(Utf8, EachBrokenSequenceIsOneFaultAtItsFirstByte) {
  struct Case {
    std::string_view text;
    std::size_t offset;
    std::string_view what;
  };
  for (const Case& c : {
           Case{"Cit\xE9"sv, 3, "byte 0xE9, not UTF-8"},           // Latin-1 é
           Case{"ab\xC0\xAF"sv, 2, "byte 0xC0, not UTF-8"},        // overlong '/'
           Case{"\xE0\x80\xAF"sv, 0, "byte 0xE0, not UTF-8"},      // overlong, 3 bytes
           Case{"x\xED\xA0\x80"sv, 1, "byte 0xED, not UTF-8"},     // a surrogate, U+D800
           Case{"\xF4\x90\x80\x80"sv, 0, "byte 0xF4, not UTF-8"},  // above U+10FFFF
           Case{"\xE2\x82"sv, 0, "byte 0xE2, not UTF-8"},          // cut short at the end
           Case{"a\x80"sv, 1, "byte 0x80, not UTF-8"},             // a lone continuation
           Case{"ab\0cd"sv, 2, "a NUL byte"},
       }) {
    std::size_t total = 0;
    const std::vector<TextFault> faults = text_faults(c.text, 10, &total);
    ASSERT_EQ(faults.size(), 1u) << c.what;
    EXPECT_EQ(total, 1u) << c.what;
    EXPECT_EQ(faults[0].offset, c.offset) << c.what;
    EXPECT_EQ(faults[0].what, c.what);
  }
}

TEST(Utf8, ANulDoesNotHideTheFaultsAfterIt) {
  const std::string_view text = "a\0b\xE9 c\0\xFF"sv;
  std::size_t total = 0;
  const std::vector<TextFault> faults = text_faults(text, 10, &total);
  ASSERT_EQ(faults.size(), 4u);
  EXPECT_EQ(total, 4u);
  EXPECT_EQ(faults[0].offset, 1u);
  EXPECT_EQ(faults[1].offset, 3u);
  EXPECT_EQ(faults[2].offset, 6u);
  EXPECT_EQ(faults[3].offset, 7u);
}

TEST(Utf8, TheListIsCappedButTheTotalCountsAll) {
  const std::string text(1000, '\xFF');
  std::size_t total = 0;
  EXPECT_EQ(text_faults(text, 20, &total).size(), 20u);
  EXPECT_EQ(total, 1000u);
}

TEST(Utf8, WideEncodingsAreNamedByTheirByteOrderMark) {
  EXPECT_EQ(wide_encoding("\xFF\xFE"
                          "c\0o\0"sv),
            "UTF-16");
  EXPECT_EQ(wide_encoding("\xFE\xFF\0c\0o"sv), "UTF-16");
  EXPECT_EQ(wide_encoding("\xFF\xFE\0\0c\0\0\0"sv), "UTF-32");
  EXPECT_EQ(wide_encoding("\0\0\xFE\xFF"sv), "UTF-32");
  EXPECT_EQ(wide_encoding("coron: 1"sv), "");
  EXPECT_EQ(wide_encoding("\xEF\xBB\xBF"
                          "coron: 1"sv),
            "");
}

TEST(Utf8, OnlyALeadingUtf8ByteOrderMarkIsDropped) {
  EXPECT_EQ(without_utf8_bom("\xEF\xBB\xBF"
                             "a,b"sv),
            "a,b");
  EXPECT_EQ(without_utf8_bom("a,b"sv), "a,b");
  EXPECT_EQ(without_utf8_bom("a\xEF\xBB\xBF"sv), "a\xEF\xBB\xBF");
  EXPECT_EQ(without_utf8_bom("\xEF\xBB"sv), "\xEF\xBB");
}

}  // namespace
}  // namespace coron::util
