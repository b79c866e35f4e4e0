// The chunk shape of /dwelling keeps years that repeat bit for bit almost free
// once deflated (timings: benchmarks/bench_h5_write.cpp).

#include "fixtures/results_data.hpp"
#include "fixtures/temp_dir.hpp"
#include "io/results_reader.hpp"
#include "io/results_writer.hpp"

#include "coron/results.hpp"
#include "coron/scenario.hpp"
#include "coron/stock.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace coron::io {
namespace {

namespace fs = std::filesystem;

// The default chunk puts all years of a few thousand dwellings together, so
// years that repeat bit for bit cost almost nothing once deflated.
TEST(H5WriteSpeed, DefaultChunkingCompressesRepeatedYears) {
  const std::size_t n = 10'000;
  Stock stock;
  Results results;
  fixtures::make_results_data(fixtures::Drift::baseline, n, 30, stock, results);
  OutputSpec spec;
  spec.dwelling_columns = fixtures::output_columns();
  spec.compression = 1;
  const fs::path dir = fixtures::unique_temp_path("h5_chunking");
  fs::create_directories(dir);
  const fs::path file = dir / "baseline.h5";
  write_results(file, RunMetadata{}, stock, results, spec);
  {
    const ResultsReader in(file);
    const DataSet need = in.file().open_dataset("/dwelling/heating_need_kwh");
    EXPECT_EQ(need.chunk(), (std::vector<std::size_t>{1, 30, 2000}));  // 10,000 in five equal pieces
    EXPECT_EQ(need.deflate_level(), 1);
    EXPECT_LT(need.storage_bytes(), n * 30 * sizeof(double) / 8);
    const ReplicateRecord& record = results.replicates[0];
    EXPECT_EQ(in.read_double("/dwelling/heating_need_kwh"),
              fixtures::column_of<double>(record, "heating_need_kwh"));
    EXPECT_EQ(in.read_uint8("/dwelling/label"), fixtures::column_of<std::uint8_t>(record, "label"));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace coron::io
