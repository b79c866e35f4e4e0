#include "setup/output_target.hpp"

#include <fmt/format.h>

#include <system_error>

namespace coron::setup {

namespace fs = std::filesystem;

std::vector<fs::path> files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    if (std::error_code type_ec; it->is_regular_file(type_ec)) files.push_back(it->path());
  return files;
}

std::vector<fs::path> run_inputs(const Scenario& s) {
  std::vector<fs::path> inputs = files_under(s.data_dir);
  inputs.push_back(s.source_file);
  if (s.stock.kind == StockSource::Kind::file) inputs.push_back(s.stock.file);
  for (const fs::path& certificates : s.stock.dpe) {
    std::error_code ec;
    if (fs::is_directory(certificates, ec)) {
      const std::vector<fs::path> files = files_under(certificates);
      inputs.insert(inputs.end(), files.begin(), files.end());
    } else {
      inputs.push_back(certificates);
    }
  }
  if (!s.stock.dpe_cites.empty()) inputs.push_back(s.stock.dpe_cites);
  if (!s.thermal.weather_file.empty()) inputs.push_back(s.thermal.weather_file);
  if (!s.renovation.funders_file.empty()) inputs.push_back(s.renovation.funders_file);
  return inputs;
}

void check_output_target(const fs::path& file, const std::string& key, std::string_view extension,
                         const std::vector<fs::path>& inputs, Diagnostics& diag) {
  const auto refuse = [&](const std::string& reason) { diag.add(file.string(), 0, 0, key, reason); };
  if (!extension.empty() && (file.extension() != extension || file.stem().empty()))
    refuse(fmt::format("expected a file name ending in {}, got '{}'", extension, file.string()));

  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);  // follows links, as writing would
  switch (status.type()) {
    case fs::file_type::not_found:
      return;  // a new file: nothing of the run can be overwritten
    case fs::file_type::directory:
      refuse("cannot write here: it is a folder");
      return;
    case fs::file_type::character:
    case fs::file_type::block:
      refuse("cannot write here: it is a device, not a file");
      return;
    case fs::file_type::fifo:
      refuse("cannot write here: it is a FIFO (named pipe), not a file");
      return;
    case fs::file_type::socket:
      refuse("cannot write here: it is a socket, not a file");
      return;
    case fs::file_type::regular:
      break;
    default:
      if (ec == std::errc::too_many_symbolic_link_levels)
        refuse("cannot write here: symbolic link loop");
      else
        refuse(fmt::format("cannot write here ({})", ec ? ec.message() : "not a regular file"));
      return;
  }
  for (const fs::path& input : inputs) {
    if (std::error_code same_ec; fs::equivalent(file, input, same_ec) && !same_ec) {
      refuse(fmt::format("cannot write here: it is '{}', an input of this run (choose another file)",
                         input.string()));
      return;
    }
  }
}

}  // namespace coron::setup
