// The checked HDF5 wrapper: failures become H5Error with the call, the path
// and HDF5's own stack; nothing is printed behind the caller's back.

#include "fixtures/temp_dir.hpp"
#include "io/h5_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class H5File : public ::testing::Test {
 protected:
  // One empty folder per test, removed afterwards.
  fixtures::TempDir tmp_{"h5_file_" +
                         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())};
  const fs::path dir_ = tmp_.path();
};

TEST_F(H5File, OpeningAMissingFileNamesCallPathAndStack) {
  const fs::path missing = dir_ / "missing.h5";
  ::testing::internal::CaptureStderr();
  try {
    (void)File::open(missing);
    FAIL() << "expected H5Error";
  } catch (const H5Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("H5Fopen"));
    EXPECT_THAT(e.what(), HasSubstr(missing.string()));
    EXPECT_THAT(e.what(), HasSubstr("HDF5 error stack"));
    EXPECT_THAT(e.what(), HasSubstr("#000:"));
    EXPECT_THAT(e.what(), HasSubstr("major:"));
  }
  // HDF5's automatic stack printing is off: the stack is in the exception only.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(H5File, OpeningAMissingDatasetNamesTheObjectPath) {
  const fs::path path = dir_ / "f.h5";
  File f = File::create(path);
  Group g = f.create_group("stock");
  try {
    (void)g.open_dataset("floor_area_m2");
    FAIL() << "expected H5Error";
  } catch (const H5Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("H5Dopen2"));
    EXPECT_THAT(e.what(), HasSubstr("/stock/floor_area_m2"));
    EXPECT_THAT(e.what(), HasSubstr(path.string()));
  }
}

TEST_F(H5File, CreatingADatasetTwiceFails) {
  File f = File::create(dir_ / "f.h5");
  const std::array<std::size_t, 1> shape{3};
  (void)f.create_dataset<double>("x", shape);
  EXPECT_THROW((void)f.create_dataset<double>("x", shape), H5Error);
}

TEST_F(H5File, NumericAndStringRoundTrip) {
  const fs::path path = dir_ / "f.h5";
  {
    File f = File::create(path);
    {
      Group g = f.create_group("g");
      const std::array<std::size_t, 2> shape{2, 3};
      const std::vector<std::int64_t> values{-1, 0, 1, INT64_MIN, INT64_MAX, 42};
      DataSet d = g.create_dataset<std::int64_t>("values", shape, {{1, 3}, 9});
      d.write(std::span<const std::int64_t>(values));
      d.set_attribute("units", "1");
      const std::array<std::string_view, 2> names{"ä", ""};
      d.set_attribute("names", std::span<const std::string_view>(names));
      g.set_attribute("count", std::uint64_t{UINT64_MAX});
      g.set_attribute("year", 2018);
      g.set_attribute("ratio", 0.25);
      const std::vector<std::string> text{"a", "", "Liévin"};
      (void)g.write_strings("text", text);
    }
    f.close();
  }
  const File f = File::open(path);
  const DataSet d = f.open_dataset("/g/values");
  EXPECT_THAT(d.shape(), ElementsAre(2, 3));
  EXPECT_THAT(d.chunk(), ElementsAre(1, 3));
  EXPECT_EQ(d.deflate_level(), 9);
  EXPECT_EQ(d.type_name(), "int64");
  EXPECT_THAT(d.read<std::int64_t>(), ElementsAre(-1, 0, 1, INT64_MIN, INT64_MAX, 42));
  EXPECT_THAT(d.read<double>(), ElementsAre(-1.0, 0.0, 1.0, static_cast<double>(INT64_MIN),
                                            static_cast<double>(INT64_MAX), 42.0));
  EXPECT_EQ(d.string_attribute("units"), "1");
  EXPECT_THAT(d.string_array_attribute("names"), ElementsAre("ä", ""));
  EXPECT_THAT(d.attribute_names(), ElementsAre("names", "units"));
  const Group g = f.open_group("g");
  EXPECT_EQ(g.attribute<std::uint64_t>("count"), UINT64_MAX);
  EXPECT_EQ(g.attribute<std::int32_t>("year"), 2018);
  EXPECT_EQ(g.attribute<double>("ratio"), 0.25);
  EXPECT_THAT(f.open_dataset("g/text").read_strings(), ElementsAre("a", "", "Liévin"));
  EXPECT_EQ(f.open_dataset("g/text").type_name(), "string");
  EXPECT_THROW((void)f.open_dataset("g/text").read_raw(), H5Error);
  EXPECT_THROW((void)g.string_attribute("missing"), H5Error);
}

TEST_F(H5File, ClosingAFileBeingWrittenWithOpenObjectsFails) {
  // Otherwise HDF5 would keep the file open and unfinished behind our back.
  File f = File::create(dir_ / "f.h5");
  Group g = f.create_group("g");
  try {
    f.close();
    FAIL() << "expected H5Error";
  } catch (const H5Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("H5Fclose"));
    EXPECT_THAT(e.what(), HasSubstr("objects still open"));
  }
}

TEST_F(H5File, AReaderClosesItsFileWhileAGroupIsStillOpenAndTheGroupStillReads) {
  {
    File f = File::create(dir_ / "f.h5");
    f.create_group("g").set_attribute("x", 1);
    f.close();
  }
  File f = File::open(dir_ / "f.h5");
  Group g = f.open_group("g");
  EXPECT_NO_THROW(f.close());
  EXPECT_EQ(g.attribute<int>("x"), 1);
}

TEST_F(H5File, AttributesAreReplacedEvenWithAnotherType) {
  File f = File::create(dir_ / "f.h5");
  f.set_attribute("x", 1);
  f.set_attribute("x", "one");
  EXPECT_EQ(f.string_attribute("x"), "one");
  EXPECT_TRUE(f.has_attribute("x"));
  EXPECT_FALSE(f.has_attribute("y"));
}

TEST_F(H5File, ExistsWalksPathsWithoutFailing) {
  File f = File::create(dir_ / "f.h5");
  Group g = f.create_group("a");
  const std::array<std::size_t, 1> shape{1};
  (void)g.create_dataset<std::uint8_t>("leaf", shape);
  EXPECT_TRUE(f.exists("/"));
  EXPECT_TRUE(f.exists("/a"));
  EXPECT_TRUE(f.exists("a/leaf"));
  EXPECT_TRUE(g.exists("leaf"));
  EXPECT_FALSE(f.exists("/b/c"));       // missing parent
  EXPECT_FALSE(f.exists("/a/leaf/x"));  // a dataset is not a parent
  EXPECT_TRUE(f.is_dataset("/a/leaf"));
  EXPECT_FALSE(f.is_dataset("/a"));
  EXPECT_THAT(f.dataset_paths(), ElementsAre("/a/leaf"));
  EXPECT_THAT(f.group_paths(), ElementsAre("/a"));
  EXPECT_THAT(g.dataset_paths(), ElementsAre("/a/leaf"));
}

TEST_F(H5File, RawBytesAreTheStoredLittleEndianValues) {
  File f = File::create(dir_ / "f.h5");
  const std::array<std::size_t, 1> shape{2};
  DataSet d = f.create_dataset<std::int32_t>("x", shape);
  const std::array<std::int32_t, 2> values{1, 0x01020304};
  d.write(std::span<const std::int32_t>(values));
  const std::vector<std::byte> raw = d.read_raw();
  ASSERT_EQ(raw.size(), 8u);
  EXPECT_EQ(raw[0], std::byte{1});
  EXPECT_EQ(raw[4], std::byte{4});
  EXPECT_EQ(raw[7], std::byte{1});
}

TEST_F(H5File, CreatingInAMissingFolderThrows) {
  const fs::path path = dir_ / "no" / "such" / "folder" / "f.h5";
  try {
    (void)File::create(path);
    FAIL() << "expected H5Error";
  } catch (const H5Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("H5Fcreate"));
    EXPECT_THAT(e.what(), HasSubstr(path.string()));
  }
}

}  // namespace
}  // namespace coron::io
