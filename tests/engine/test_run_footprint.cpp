// The estimates of a run's results file and memory (setup/run_footprint.hpp): a shape
// worked by hand, the refusals each limit of the machine gives, and the estimate against
// the file a real run writes.
#include "fixtures/temp_dir.hpp"
#include "setup/run_footprint.hpp"
#include "setup/run_to_file.hpp"

#include "coron/aggregates.hpp"
#include "coron/columns.hpp"
#include "coron/results.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace coron {
namespace {

using setup::MachineRoom;
using setup::RunFootprint;
using setup::RunShape;
using ::testing::HasSubstr;

/// 1000 dwellings in 4 cités, 10 years, 5 replicates of which 2 record three columns
/// (heating_need_kwh float64, label uint8, head_age int16: 11 bytes), 3 funders, at most
/// 300 works per recorded replicate, 3 replicates in flight, uncompressed.
RunShape hand_shape() {
  RunShape s;
  s.dwellings = 1000;
  s.cites = 4;
  s.years = 10;
  s.replicates = 5;
  s.dwelling_replicates = 2;
  s.columns = recorded_columns(std::vector<std::string>{"heating_need_kwh", "label", "head_age"});
  s.funders = 3;
  s.works_rows = 300;
  s.in_flight = 3;
  s.compression = 0;
  return s;
}

TEST(RunFootprint, DwellingAndWorksBytesOfAHandShape) {
  const RunFootprint f = setup::estimate_footprint(hand_shape());
  EXPECT_EQ(f.dwelling_bytes, 2u * 10 * 1000 * 11);  // 220,000
  // A /works row: replicate 4, year 4, row 8, dwelling_id 8, package 4, cost 8, grant and
  // loan 8 per funder (48), landlord 8, labels 1 + 1, primary energy 8 + 8, target 1: 111 bytes.
  EXPECT_EQ(f.works_bytes, 2u * 300 * 111);  // 66,600
  EXPECT_EQ(f.record_bytes, 10u * 1000 * 11);
  EXPECT_EQ(f.file_bytes_max, f.dwelling_bytes + f.works_bytes + f.other_bytes);
  EXPECT_EQ(f.file_bytes_min,
            f.file_bytes_max - f.works_bytes);  // uncompressed, at its smallest without works
}

// A rank of a run cut into slices (coron run --slices): one replicate at a time over its
// share of the stock, rounded up, having read the whole stock.
TEST(RunFootprint, ASliceRankStepsOneReplicateOverItsShareAndReadsTheWholeStock) {
  const RunShape slice = setup::slice_shape(hand_shape(), 3);
  EXPECT_EQ(slice.dwellings, 334u);  // 1000 / 3, rounded up
  EXPECT_EQ(slice.in_flight, 1u);
  EXPECT_EQ(slice.replicates, 5u);
  EXPECT_EQ(slice.cites, 4u);
  std::uint64_t stock_row = 0;
  for (const ColumnInfo& c : stock_columns()) stock_row += setup::column_bytes(c.type);
  EXPECT_EQ(setup::whole_stock_bytes(hand_shape()), 1000u * stock_row);
  EXPECT_LT(setup::estimate_footprint(slice).memory_bytes,
            setup::estimate_footprint(hand_shape()).memory_bytes / 3);
}

TEST(RunFootprint, ACompressedFileIsBoundedByDeflatesGreatestRatio) {
  RunShape shape = hand_shape();
  shape.compression = 1;
  const RunFootprint f = setup::estimate_footprint(shape);
  const RunFootprint plain = setup::estimate_footprint(hand_shape());
  EXPECT_EQ(f.file_bytes_max, plain.file_bytes_max);
  // /dwelling alone would be 220,000 / 1032, rounded up: 214 bytes. The rest of the
  // smallest file is what is never deflated (the stock's doubles, the coordinates, /aggregate).
  EXPECT_LT(f.file_bytes_min, plain.file_bytes_min - 220000 + 214 + 1);
  EXPECT_GT(f.file_bytes_min, plain.file_bytes_min / 1032);
}

TEST(RunFootprint, RecordedReplicatesAreAtMostTheReplicates) {
  RunShape shape = hand_shape();
  shape.dwelling_replicates = 7;  // more than the 5 replicates: 5 record
  const RunFootprint f = setup::estimate_footprint(shape);
  EXPECT_EQ(f.dwelling_bytes, 5u * 10 * 1000 * 11);
  EXPECT_EQ(f.works_bytes, 5u * 300 * 111);
}

/// Bytes of `columns`' values for one dwelling, each type's width written out.
std::uint64_t reference_row(std::span<const ColumnInfo> columns) {
  std::uint64_t bytes = 0;
  for (const ColumnInfo& c : columns) {
    if (c.type == ColumnType::f64 || c.type == ColumnType::i64) bytes += 8;
    if (c.type == ColumnType::i32) bytes += 4;
    if (c.type == ColumnType::i16) bytes += 2;
    if (c.type == ColumnType::u8) bytes += 1;
  }
  return bytes;
}

TEST(RunFootprint, MemoryOfAHandShapeTermByTerm) {
  std::uint64_t totals = 3;  // one value per funder, then one per aggregate (per bin for a histogram)
  for (const AggregateInfo& a : aggregate_columns) totals += a.kind == AggregateKind::histogram ? a.bins : 1;
  totals *= 8;
  const std::uint64_t stock = 1000 * reference_row(stock_columns());
  const std::uint64_t state =
      1000 * reference_row(state_columns()) + 10 * 4 * totals;  // and its cités' totals
  const std::uint64_t record = 10 * 1000 * 11;
  const std::uint64_t widest_column = 10 * 1000 * 8;  // heating_need_kwh, deflated by the writer
  const std::uint64_t works = 2 * 300 * 103;          // the /works row less the dwelling's identifier
  const std::uint64_t stock_totals = 5 * 10 * totals;
  // 3 replicates in flight, 2 of them recording.
  EXPECT_EQ(setup::estimate_footprint(hand_shape()).memory_bytes,
            stock + 3 * state + 2 * record + widest_column + works + stock_totals);
}

TEST(RunFootprint, MemoryGrowsByOneRecordPerRecordingReplicateInFlight) {
  RunShape one = hand_shape();
  one.in_flight = 1;
  RunShape two = one;
  two.in_flight = 2;
  RunShape three = one;
  three.in_flight = 3;  // only 2 replicates record: the third in flight holds its state only
  const RunFootprint f1 = setup::estimate_footprint(one);
  const RunFootprint f2 = setup::estimate_footprint(two);
  const RunFootprint f3 = setup::estimate_footprint(three);
  const std::uint64_t state = f3.memory_bytes - f2.memory_bytes;  // a state and its cités' totals
  EXPECT_GT(state, 0u);
  EXPECT_EQ(f2.memory_bytes - f1.memory_bytes, state + f1.record_bytes);
}

std::vector<Diagnostic> refusals(const RunShape& shape, const MachineRoom& room) {
  Diagnostics diag;
  setup::check_footprint(shape, setup::estimate_footprint(shape), room, "out.h5", "run.yaml", diag);
  return diag.items();
}

TEST(RunFootprint, NothingIsRefusedWhenTheMachineIsUnknownOrLargeEnough) {
  EXPECT_TRUE(refusals(hand_shape(), MachineRoom{}).empty());
  const RunFootprint f = setup::estimate_footprint(hand_shape());
  const MachineRoom exact{f.file_bytes_max, f.file_bytes_max, f.memory_bytes, f.memory_bytes};
  EXPECT_TRUE(refusals(hand_shape(), exact).empty());
}

TEST(RunFootprint, AFileLargerThanTheFreeDiskIsRefusedWithBothFigures) {
  const RunFootprint f = setup::estimate_footprint(hand_shape());
  MachineRoom room;
  room.free_disk = f.file_bytes_min;
  EXPECT_TRUE(refusals(hand_shape(), room).empty());
  room.free_disk = f.file_bytes_min - 1;
  const std::vector<Diagnostic> d = refusals(hand_shape(), room);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].file, "out.h5");
  EXPECT_EQ(d[0].key, "output.file");
  EXPECT_THAT(d[0].message, HasSubstr("the results file will be at least "));
  EXPECT_THAT(d[0].message, HasSubstr(std::to_string(f.file_bytes_min) + " bytes) uncompressed"));
  EXPECT_THAT(d[0].message, HasSubstr(std::to_string(f.file_bytes_min - 1) + " bytes) free in its folder"));
  EXPECT_THAT(d[0].message, HasSubstr("/dwelling is 2 replicates x 10 years x 1000 dwellings x 3 columns"));
}

TEST(RunFootprint, ACompressedFileIsRefusedOnlyWhenItCannotFitAtItsSmallest) {
  RunShape shape = hand_shape();
  shape.compression = 1;
  const RunFootprint f = setup::estimate_footprint(shape);
  MachineRoom room;
  room.free_disk = f.file_bytes_min;
  EXPECT_TRUE(refusals(shape, room).empty());
  room.free_disk = f.file_bytes_min - 1;
  const std::vector<Diagnostic> d = refusals(shape, room);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_THAT(d[0].message, HasSubstr("cannot be smaller than"));
  EXPECT_THAT(d[0].message, HasSubstr("deflate's greatest ratio being 1032:1"));
}

TEST(RunFootprint, EveryLimitExceededIsReportedAtOnce) {
  const RunFootprint f = setup::estimate_footprint(hand_shape());
  const MachineRoom room{f.file_bytes_min - 1, f.file_bytes_min - 1, f.memory_bytes - 1, f.memory_bytes - 1};
  const std::vector<Diagnostic> d = refusals(hand_shape(), room);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_THAT(d[0].message, HasSubstr("free in its folder"));
  EXPECT_THAT(d[1].message, HasSubstr("file size limit of"));
  EXPECT_THAT(d[1].message, HasSubstr("(ulimit -f)"));
  EXPECT_EQ(d[2].file, "run.yaml");
  EXPECT_THAT(d[2].message, HasSubstr(std::to_string(f.memory_bytes) + " bytes) of memory"));
  EXPECT_THAT(d[2].message, HasSubstr("2 replicates in flight recording"));
  EXPECT_THAT(d[2].message, HasSubstr(std::to_string(f.memory_bytes - 1) + " bytes) available"));
  EXPECT_THAT(d[2].message, HasSubstr("fewer --threads"));
  EXPECT_THAT(d[3].message, HasSubstr("(ulimit -v)"));
}

std::vector<Diagnostic> projected(std::size_t recorded, std::uint64_t written, std::uint64_t first,
                                  const MachineRoom& room) {
  RunShape shape = hand_shape();
  shape.replicates = 10;
  shape.dwelling_replicates = recorded;
  Diagnostics diag;
  setup::check_projection(shape, written, first, room, "out.h5", diag);
  return diag.items();
}

TEST(RunProjection, TheFileIsProjectedFromItsFirstReplicateOverTheOthers) {
  // 4 recorded replicates, 1000 bytes before them, 300 for the first: 3 more to come
  // (900 bytes), 2,200 bytes in all.
  MachineRoom room;
  room.free_disk = 900;
  room.file_size_limit = 2200;
  EXPECT_TRUE(projected(4, 1300, 300, room).empty());
  room.free_disk = 899;
  room.file_size_limit = 2199;
  const std::vector<Diagnostic> d = projected(4, 1300, 300, room);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].key, "output.file");
  EXPECT_THAT(d[0].message,
              HasSubstr("its first replicate took 300 bytes of the results file: with its 4 recorded "
                        "replicates it would reach 2.1 KiB (2200 bytes), 900 bytes more than the 899 "
                        "bytes free in its folder"));
  EXPECT_THAT(d[1].message,
              HasSubstr("more than this process's file size limit of 2.1 KiB (2199 bytes) (ulimit -f)"));
}

TEST(RunProjection, ARunRecordingOneReplicateHasNothingMoreToProject) {
  const MachineRoom none{0, 0, 0, 0};
  EXPECT_TRUE(projected(1, 1300, 300, none).empty());
  EXPECT_TRUE(projected(0, 1300, 300, none).empty());
  EXPECT_EQ(projected(2, 1300, 300, none).size(), 2u);
}

const std::filesystem::path data_dir = std::filesystem::path(CORON_SOURCE_DIR) / "data";

/// A run of the generated stock without works, `compression` as given.
std::filesystem::path write_scenario(const std::filesystem::path& dir, int compression) {
  const std::filesystem::path file = dir / "footprint.yaml";
  std::ofstream(file)
      << "coron: 1\nname: footprint\nseed: 1\nstart_year: 2018\nyears: 2\nreplicates: 3\ndata: "
      << data_dir.string()
      << "\nstock:\n  generate: {seed: 1}\nenergy:\n  electricity_primary_factor: {2018: 2.3}\n"
      << "output:\n  file: footprint.h5\n  dwelling_replicates: 2\n  compression: " << compression << "\n";
  return file;
}

TEST(RunFootprint, TheEstimateIsTheSizeOfTheUncompressedFileARunWrites) {
  fixtures::TempDir dir("footprint_file");
  for (const int compression : {0, 1}) {
    const setup::RunSetup run = setup::prepare_run(write_scenario(dir.path(), compression));
    const RunFootprint f = setup::estimate_footprint(setup::run_shape(run, 2));
    const std::filesystem::path file = dir.path() / "footprint.h5";
    (void)setup::run_to_file(run, RunOptions{}, file, setup::metadata_for(run, 1, "test"));
    const auto written = static_cast<double>(std::filesystem::file_size(file));
    if (compression == 0) {
      // What the estimate leaves out (/meta, /cites, the dimension scales, HDF5's own
      // records) is small beside the arrays it counts.
      EXPECT_NEAR(written / static_cast<double>(f.file_bytes_max), 1.0, 0.03)
          << written << " bytes written, " << f.file_bytes_max << " estimated";
    } else {
      EXPECT_LT(written, static_cast<double>(f.file_bytes_max));
      EXPECT_GT(written, static_cast<double>(f.file_bytes_min));
      // The smallest is mostly what is never deflated: the stock's doubles.
      EXPECT_GT(static_cast<double>(f.file_bytes_min), 0.5 * written);
    }
  }
}

}  // namespace
}  // namespace coron
