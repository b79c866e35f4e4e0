// read_input_file / check_utf8_text: what is not a file is refused at once, with
// its name, before it is opened (a FIFO would block, /dev/zero never ends), and a
// file larger than its kind's bound is refused with its size.
#include "fixtures/temp_dir.hpp"
#include "io/input_file.hpp"
#include "io/input_limits.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>

namespace coron::io {
namespace {

using fixtures::TempDir;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

/// The one message read_input_file records for `path`, or "" when it reads.
std::string refusal(const fs::path& path, std::uintmax_t max_bytes = max_yaml_bytes) {
  Diagnostics diag;
  const auto text = read_input_file(path, max_bytes, "a scenario or data YAML file", diag);
  if (text) return "";
  EXPECT_EQ(diag.size(), 1u);
  return diag.items().front().format();
}

TEST(InputFile, ARegularFileIsReadWhole) {
  TempDir dir("input_regular");
  std::ofstream(dir.path() / "a.yaml") << "coron: 1\n";
  Diagnostics diag;
  EXPECT_EQ(read_input_file(dir.path() / "a.yaml", max_yaml_bytes, "x", diag), "coron: 1\n");
  EXPECT_TRUE(diag.empty());
}

TEST(InputFile, AFifoIsRefusedWithoutOpeningIt) {
  // Opening a FIFO for reading would block until a writer comes: the test would hang.
  TempDir dir("input_fifo");
  const fs::path fifo = dir.path() / "scenario.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(refusal(fifo), fifo.string() + ": cannot read: is a FIFO (named pipe), not a file");
}

TEST(InputFile, ADeviceIsRefusedWithoutReadingIt) {
  EXPECT_EQ(refusal("/dev/zero"), "/dev/zero: cannot read: is a device, not a file");
  EXPECT_EQ(refusal("/dev/null"), "/dev/null: cannot read: is a device, not a file");
}

TEST(InputFile, AFolderIsRefused) {
  TempDir dir("input_folder");
  EXPECT_EQ(refusal(dir.path()), dir.path().string() + ": cannot read: is a folder, not a file");
}

TEST(InputFile, ASymbolicLinkLoopAndADanglingLinkAreNamed) {
  TempDir dir("input_links");
  fs::create_symlink(dir.path() / "b.yaml", dir.path() / "a.yaml");
  fs::create_symlink(dir.path() / "a.yaml", dir.path() / "b.yaml");
  EXPECT_EQ(refusal(dir.path() / "a.yaml"),
            (dir.path() / "a.yaml").string() + ": cannot read: symbolic link loop");
  fs::create_symlink(dir.path() / "nothing.yaml", dir.path() / "dangling.yaml");
  EXPECT_THAT(refusal(dir.path() / "dangling.yaml"),
              HasSubstr("cannot read: no such file (a symbolic link to nothing)"));
  EXPECT_EQ(refusal(dir.path() / "missing.yaml"),
            (dir.path() / "missing.yaml").string() + ": cannot read: no such file");
}

TEST(InputFile, AFileAboveTheBoundIsRefusedWithItsSizeAndTheBound) {
  TempDir dir("input_large");
  const fs::path big = dir.path() / "big.yaml";
  std::ofstream(big) << "x";
  fs::resize_file(big, max_yaml_bytes + 1);  // sparse: nothing is written to disk
  EXPECT_EQ(refusal(big), big.string() +
                              ": cannot read: is 16.0 MiB (16777217 bytes), more than the 16 MiB limit for a "
                              "scenario or data YAML file (sim/io/input_limits.hpp)");
  fs::resize_file(big, 1000);
  EXPECT_EQ(refusal(big, 999),
            big.string() +
                ": cannot read: is 1000 bytes (1000 bytes), more than the 999 bytes limit for "
                "a scenario or data YAML file (sim/io/input_limits.hpp)");
  EXPECT_EQ(refusal(big, 1000), "");
}

TEST(InputFile, TheBoundsAreOrdered) {
  EXPECT_EQ(max_yaml_bytes, 16u << 20);
  EXPECT_EQ(max_weather_bytes, 64u << 20);
  EXPECT_EQ(max_stock_csv_bytes, std::uintmax_t{2} << 30);
}

TEST(InputFile, EveryTextFaultIsReportedAtItsLineAndColumn) {
  Diagnostics diag;
  EXPECT_FALSE(check_utf8_text(std::string("name: a\nb: C\xE9t\0\nc: \xFF", 20), "x.yaml", diag));
  ASSERT_EQ(diag.size(), 3u);
  EXPECT_THAT(diag.items()[0].format(), HasSubstr("x.yaml:2:5: byte 0xE9, not UTF-8 at byte 12 of the file"));
  EXPECT_THAT(diag.items()[1].format(), HasSubstr("x.yaml:2:7: a NUL byte at byte 14 of the file"));
  EXPECT_THAT(diag.items()[2].format(), HasSubstr("x.yaml:3:4: byte 0xFF, not UTF-8"));
  EXPECT_THAT(diag.items()[2].format(), HasSubstr("save the file as UTF-8"));
}

TEST(InputFile, AUtf16FileIsNamedAsSuch) {
  Diagnostics diag;
  EXPECT_FALSE(check_utf8_text(std::string("\xFF\xFE"
                                           "c\0o\0r\0",
                                           8),
                               "s.yaml", diag));
  ASSERT_EQ(diag.size(), 1u);
  EXPECT_EQ(diag.items()[0].format(),
            "s.yaml: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
}

TEST(InputFile, ManyFaultsAreCappedWithACount) {
  Diagnostics diag;
  EXPECT_FALSE(check_utf8_text(std::string(100, '\xFF'), "x.csv", diag));
  ASSERT_EQ(diag.size(), 21u);
  EXPECT_THAT(diag.items().back().format(), HasSubstr("and 80 more bytes that are not UTF-8"));
}

}  // namespace
}  // namespace coron::io
