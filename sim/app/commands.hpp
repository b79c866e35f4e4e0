#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

// The `coron` subcommands. Each returns the process exit code; bad input is
// reported by throwing InputError (exit code 2), anything else is exit code 1.

namespace coron::app {

struct RunCommand {
  std::filesystem::path scenario;
  std::filesystem::path output;   ///< overrides output.file when not empty
  int threads = 0;                ///< 0: every core
  std::optional<int> replicates;  ///< overrides the scenario's
  bool serial = false;            ///< run the steps on one thread, block after block
  bool quiet = false;
  bool slices = false;  ///< over MPI ranks: one dwelling slice of the stock per rank
};
int run_command(const RunCommand& cmd);

int validate_command(const std::filesystem::path& scenario);

/// Prints the registry's columns of the stock, the state or both (Markdown).
int columns_command(const std::string& which);

struct StockCommand {
  std::filesystem::path data_dir;  ///< parameters folder (data/)
  std::uint64_t seed = 2017;
  std::filesystem::path file;    ///< summary: read this CSV instead of generating
  std::filesystem::path output;  ///< generate: CSV to write
};
int stock_generate_command(const StockCommand& cmd);
int stock_summary_command(const StockCommand& cmd);

}  // namespace coron::app
