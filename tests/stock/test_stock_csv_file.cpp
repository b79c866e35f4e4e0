// write_stock_csv_file: a path that cannot take the file is bad input, and no
// failure leaves a .partial behind.
#include "fixtures/partials.hpp"
#include "fixtures/temp_dir.hpp"
#include "stock/stock_csv.hpp"
#include "stock_fixture.hpp"

#include "coron/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace coron::stock {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string error_writing(const fs::path& path) {
  try {
    write_stock_csv_file(testing::default_stock(), path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(StockCsvFile, OntoAFolderIsBadInput) {
  const fixtures::TempDir dir("csv_onto_folder");
  fs::create_directory(dir.path() / "stock.csv");
  EXPECT_THAT(error_writing(dir.path() / "stock.csv"),
              HasSubstr("stock.csv: cannot write here: it is a folder"));
  EXPECT_TRUE(fs::is_directory(dir.path() / "stock.csv"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "stock.csv").empty());
}

TEST(StockCsvFile, UnderAPlainFileIsBadInput) {
  const fixtures::TempDir dir("csv_under_file");
  std::ofstream(dir.path() / "somefile") << "x\n";
  EXPECT_THAT(error_writing(dir.path() / "somefile" / "x.csv"), HasSubstr("x.csv: cannot write here"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "somefile" / "x.csv").empty());
}

TEST(StockCsvFile, SuccessLeavesOnlyTheFile) {
  const fixtures::TempDir dir("csv_success");
  write_stock_csv_file(testing::default_stock(), dir.path() / "sub" / "stock.csv");
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "sub" / "stock.csv"));
  EXPECT_TRUE(fixtures::partials_of(dir.path() / "sub" / "stock.csv").empty());
}

}  // namespace
}  // namespace coron::stock
