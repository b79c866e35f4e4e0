// split_csv: the RFC 4180 cases, where each field starts, and the malformed
// quotes it must refuse (see util/csv_split.hpp for the dialect).
#include "util/csv_split.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace coron::util {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

/// The outcome of one split: records, and the error with its place if any.
struct Split {
  std::vector<CsvRecord> records;
  std::string error;
  int line = 0;
  int column = 0;

  explicit Split(std::string_view text) { records = split_csv(text, error, line, column); }
  /// The texts of record `r`.
  [[nodiscard]] std::vector<std::string> texts(std::size_t r) const {
    std::vector<std::string> out;
    for (const CsvField& f : records.at(r).fields) out.push_back(f.text);
    return out;
  }
};

TEST(CsvSplit, PlainFieldsAndTheirPlaces) {
  const Split s("id,name\n1,Wingles\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_THAT(s.texts(0), ElementsAre("id", "name"));
  EXPECT_THAT(s.texts(1), ElementsAre("1", "Wingles"));
  EXPECT_EQ(s.records[1].line, 2);
  EXPECT_EQ(s.records[1].fields[1].line, 2);
  EXPECT_EQ(s.records[1].fields[1].column, 3);
}

TEST(CsvSplit, QuotedFieldMayHoldCommas) {
  const Split s("a,\"Cité n°543, Wingles\",b\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_THAT(s.texts(0), ElementsAre("a", "Cité n°543, Wingles", "b"));
  EXPECT_EQ(s.records[0].fields[1].column, 3);  // the opening quote
  EXPECT_EQ(s.records[0].fields[2].column,
            3 + static_cast<int>(std::string_view("\"Cité n°543, Wingles\",").size()));
}

TEST(CsvSplit, DoubledQuoteIsOneQuote) {
  const Split s("\"a\"\"b\",\"\"\"\",\"x\"\"\"\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_THAT(s.texts(0), ElementsAre("a\"b", "\"", "x\""));
}

TEST(CsvSplit, UnterminatedQuoteIsAnErrorAtTheQuote) {
  const Split s("id,name\n1,\"Wingles\n2,Lens\n");
  EXPECT_THAT(s.error, HasSubstr("unterminated"));
  EXPECT_EQ(s.line, 2);
  EXPECT_EQ(s.column, 3);
  // Not accepted: the record holding the open quote is not returned.
  ASSERT_EQ(s.records.size(), 1u);
  EXPECT_THAT(s.texts(0), ElementsAre("id", "name"));
}

TEST(CsvSplit, UnterminatedQuoteAtTheEndOfTheText) {
  const Split s("a,\"b");
  EXPECT_THAT(s.error, HasSubstr("unterminated"));
  EXPECT_EQ(s.line, 1);
  EXPECT_EQ(s.column, 3);
  EXPECT_TRUE(s.records.empty());
}

TEST(CsvSplit, CrlfLineEndsNeverReachAField) {
  const Split s("a,b\r\n1,2\r\n\"3\",\"4\"\r\n5,\r\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  ASSERT_EQ(s.records.size(), 4u);
  EXPECT_THAT(s.texts(0), ElementsAre("a", "b"));
  EXPECT_THAT(s.texts(1), ElementsAre("1", "2"));
  EXPECT_THAT(s.texts(2), ElementsAre("3", "4"));
  EXPECT_THAT(s.texts(3), ElementsAre("5", ""));
  EXPECT_EQ(s.records[3].line, 4);
}

TEST(CsvSplit, CrlfWithoutAFinalLineEnd) {
  const Split s("a,b\r\nc,d");
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_THAT(s.texts(1), ElementsAre("c", "d"));
}

TEST(CsvSplit, LineBreaksInsideQuotesKeepLaterPlacesRight) {
  const Split s("a,\"two\nlines\",b\n\"x\r\ny\",c\nlast,row\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  ASSERT_EQ(s.records.size(), 3u);
  EXPECT_THAT(s.texts(0), ElementsAre("a", "two\nlines", "b"));
  EXPECT_EQ(s.records[0].fields[2].line, 2);
  EXPECT_EQ(s.records[0].fields[2].column, 8);        // lines",b
  EXPECT_THAT(s.texts(1), ElementsAre("x\ny", "c"));  // a CRLF inside quotes reads as "\n"
  EXPECT_EQ(s.records[1].line, 3);
  EXPECT_EQ(s.records[1].fields[1].line, 4);
  EXPECT_EQ(s.records[1].fields[1].column, 4);
  EXPECT_EQ(s.records[2].line, 5);
  EXPECT_EQ(s.records[2].fields[1].line, 5);
  EXPECT_EQ(s.records[2].fields[1].column, 6);
}

TEST(CsvSplit, EmptyLinesAreSkipped) {
  const Split s("\na,b\n\n\r\n1,2\n\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  ASSERT_EQ(s.records.size(), 2u);
  EXPECT_EQ(s.records[0].line, 2);
  EXPECT_EQ(s.records[1].line, 5);
  EXPECT_THAT(s.texts(1), ElementsAre("1", "2"));
}

TEST(CsvSplit, EmptyFieldsAndTrailingCommaAreKept) {
  const Split s("a,,b\n,\n\"\"\nc,d,\n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  ASSERT_EQ(s.records.size(), 4u);
  EXPECT_THAT(s.texts(0), ElementsAre("a", "", "b"));
  EXPECT_THAT(s.texts(1), ElementsAre("", ""));
  EXPECT_THAT(s.texts(2), ElementsAre(""));
  EXPECT_THAT(s.texts(3), ElementsAre("c", "d", ""));
  EXPECT_EQ(s.records[3].fields[2].column, 5);
}

TEST(CsvSplit, QuoteInsideAnUnquotedFieldIsAnError) {
  const Split s("a,b\n1,ab\"c,2\n");
  EXPECT_THAT(s.error, HasSubstr("quote inside an unquoted field"));
  EXPECT_EQ(s.line, 2);
  EXPECT_EQ(s.column, 5);
  ASSERT_EQ(s.records.size(), 1u);
}

TEST(CsvSplit, TextAfterAClosingQuoteIsAnError) {
  const Split s("\"ab\"c,d\n");
  EXPECT_THAT(s.error, HasSubstr("after a closing quote"));
  EXPECT_EQ(s.line, 1);
  EXPECT_EQ(s.column, 5);
  EXPECT_TRUE(s.records.empty());
}

TEST(CsvSplit, SpacesArePartOfFields) {
  const Split s(" a , b \n");
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_THAT(s.texts(0), ElementsAre(" a ", " b "));
}

TEST(CsvEscape, QuotesOnlyWhenNeededAndReadsBack) {
  EXPECT_EQ(csv_escape("Wingles"), "Wingles");
  EXPECT_EQ(csv_escape("Cité n°543, Wingles"), "\"Cité n°543, Wingles\"");
  EXPECT_EQ(csv_escape("a\"b"), "\"a\"\"b\"");
  for (const std::string_view field : {"plain", "with, comma", "with \"quote\"", "two\nlines", ""}) {
    const Split s(csv_escape(field) + ",end\n");
    ASSERT_TRUE(s.error.empty()) << field;
    EXPECT_THAT(s.texts(0), ElementsAre(std::string(field), "end")) << field;
  }
}

}  // namespace
}  // namespace coron::util
