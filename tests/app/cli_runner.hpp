#pragma once
// Runs the `coron` binary as a user would, in a folder of its own, and captures
// its exit code and everything it printed.
#include "fixtures/temp_dir.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace coron::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// `environment`: assignments put before the command, say "CORON_PROGRESS=lines".
/// `program`: what runs instead of the coron under test, as the shell reads it (another
/// build's coron, or `mpirun ... coron`).
inline CommandResult run_coron(const std::string& arguments, const std::filesystem::path& workdir,
                               const std::string& environment = {}, const std::string& program = {}) {
  std::string command = "cd '" + workdir.string() + "' && " + environment + " ";
  if (program.empty())
    command.append("'").append(CORON_BINARY).append("'");
  else
    command.append(program);
  command.append(" ").append(arguments).append(" 2>&1");
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), got);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// Every regular file under `dir` (recursively).
inline std::size_t count_files(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) ++n;
  return n;
}

}  // namespace coron::testing
