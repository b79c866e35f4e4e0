#pragma once
#include "coron/error.hpp"
#include "coron/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// Where a command may write. The results file is written beside itself (NAME.partial)
// and renamed over NAME at the end: a NAME that is an input of the run would replace
// that input with results, and a device, a FIFO or a folder cannot be renamed over (or,
// for /dev/null as root, would be replaced). All of these are refused before any work.

namespace coron::setup {

/// Every file a run of `scenario` reads: the scenario, the stock CSV, the weather file,
/// the funders file and every file under the data folder.
[[nodiscard]] std::vector<std::filesystem::path> run_inputs(const Scenario& scenario);

/// Every file under `folder` (recursively; none when it cannot be listed).
[[nodiscard]] std::vector<std::filesystem::path> files_under(const std::filesystem::path& folder);

/// Records in `diag`, under `key`, each reason `file` may not be written: it does not end
/// in `extension` (when not empty), it is one of `inputs` (compared with
/// std::filesystem::equivalent, so "./x.yaml", hard and symbolic links are caught), or it is
/// a folder, a device, a FIFO or a socket.
void check_output_target(const std::filesystem::path& file, const std::string& key,
                         std::string_view extension, const std::vector<std::filesystem::path>& inputs,
                         Diagnostics& diag);

}  // namespace coron::setup
