// libFuzzer harness: any bytes as one of the data files (data/**.yaml, data/stock/*.csv).
// The first line names the file (relative to data/; a name that is none picks one by its
// bytes' sum), the rest replaces its text, and the loaders of that file's folder read it.
// They must answer with an InputError or parameters, never crash, hang or leak.
//
// "thermal/systems.yaml" puts the text in a private folder holding that file alone: the
// other files of the folder are missing, so their loaders stop at once with "not found"
// and the input's own reader runs in full. Reading the whole thermal folder takes ten
// times longer than one file, and a million inputs are the aim (docs/reliability.md).
// "+thermal/method.yaml" puts it in a private copy of the whole data/, which also runs
// what crosses files (the lighting of method.yaml by the zones' hours). Seeds are the name
// line followed by the shipped file. The file is restored after each input, so one input
// never sees another's text.
#include "fixtures/temp_dir.hpp"
#include "io/demography_data.hpp"
#include "io/economics_data.hpp"
#include "io/thermal_data.hpp"
#include "io/works_data.hpp"
#include "stock/generator.hpp"

#include "coron/error.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Everything under one temporary folder, removed when the harness exits.
struct DataCopy {
  DataCopy();
  coron::fixtures::TempDir root{"fuzz_data"};
  fs::path dir;                 ///< the whole of data/
  std::vector<fs::path> files;  ///< relative to dir, sorted: a name's meaning is stable
  std::vector<fs::path> alone;  ///< per file, a folder holding only that file
  std::vector<std::string> originals;
};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& path, const char* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

DataCopy::DataCopy() : dir(root.path() / "data") {
  fs::copy(CORON_DATA_DIR, dir, fs::copy_options::recursive);
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".csv"))
      files.push_back(fs::relative(e.path(), dir));
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    originals.push_back(read_all(dir / f));
    const fs::path folder = root.path() / ("alone_" + std::to_string(alone.size()));
    fs::create_directories((folder / f).parent_path());
    fs::copy_file(dir / f, folder / f);
    alone.push_back(folder);
  }
}

DataCopy& data_copy() {
  static DataCopy copy;
  return copy;
}

// Runs the loaders that read `file`: those of its folder (and, for a file no loader is
// known to read, all of them, so that a data file added later is still covered).
void load(const fs::path& dir, const fs::path& file) {
  const std::string top = file.begin()->string();
  const std::string name = file.filename().string();
  const bool all = top != "thermal" && top != "demography" && top != "economics" && top != "stock" &&
                   name != "measures.yaml";
  coron::Diagnostics diag;
  if (all || top == "thermal") (void)coron::io::load_thermal_params(dir, diag);
  if (all || top == "demography") (void)coron::io::load_demography_params(dir, diag);
  if (all || (top == "economics" && name != "funders.yaml" && name != "rental-bans.yaml"))
    (void)coron::io::load_economics_params(dir, diag);
  if (all || name == "measures.yaml" || name == "rental-bans.yaml")
    (void)coron::io::load_works_params(dir, diag);
  if (all || name == "funders.yaml")
    (void)coron::io::load_funding_params(coron::io::default_funders_file(dir), diag);
  if (all || top == "stock") (void)coron::stock::load_stock_parameters(dir, diag);
  diag.throw_if_any();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  DataCopy& copy = data_copy();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = std::min(input.find('\n'), input.size());
  std::string_view name = input.substr(0, newline);
  const bool whole_folder = !name.empty() && name.front() == '+';
  if (whole_folder) name.remove_prefix(1);
  const std::string_view text = input.substr(std::min(newline + 1, input.size()));
  const auto named = std::find(copy.files.begin(), copy.files.end(), fs::path(name));
  std::size_t k = static_cast<std::size_t>(named - copy.files.begin());
  if (named == copy.files.end()) {
    std::size_t sum = 0;
    for (const char c : name) sum += static_cast<unsigned char>(c);
    k = sum % copy.files.size();
  }
  const fs::path& dir = whole_folder ? copy.dir : copy.alone[k];
  const fs::path target = dir / copy.files[k];
  write_all(target, text.data(), text.size());
  try {
    load(dir, copy.files[k]);
  } catch (const coron::InputError&) {
  }
  write_all(target, copy.originals[k].data(), copy.originals[k].size());
  return 0;
}
