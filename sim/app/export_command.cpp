#include "app/export_command.hpp"

#include "app/export_format.hpp"
#include "app/export_tables.hpp"
#include "util/partial_file.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

namespace coron::app {

namespace {

void check_options(const ExportCommand& cmd, Diagnostics& diag) {
  if (cmd.to != "csv" && cmd.to != "json")
    diag.add("--to", 0, 0, "", fmt::format("expected csv or json, got '{}'", cmd.to));
  if (cmd.lang != "en" && cmd.lang != "fr")
    diag.add("--lang", 0, 0, "", fmt::format("expected en or fr, got '{}'", cmd.lang));
  std::error_code ec;
  if (!std::filesystem::exists(cmd.dir, ec)) return;
  if (!std::filesystem::is_directory(cmd.dir, ec))
    diag.add(cmd.dir.string(), 0, 0, "", "exists and is not a folder");
  else if (!cmd.force && !std::filesystem::is_empty(cmd.dir, ec))
    diag.add(
        cmd.dir.string(), 0, 0, "",
        "folder already holds files; give an empty or new folder, or --force to replace the tables in it");
}

/// One file to write: its name in the folder and how to fill it.
struct Output {
  std::string name;
  std::function<void(std::ostream&)> write;
  std::size_t rows = 0;  ///< records, for the summary line
};

/// Writes every output beside its name (util/partial_file.hpp), then renames them all: a
/// reader of the folder never sees a half-written table, and a failure or a signal leaves
/// none of this run's.
void write_outputs(const std::filesystem::path& dir, const std::vector<Output>& outputs) {
  std::vector<std::unique_ptr<util::PartialFile>> partials;
  for (const Output& output : outputs) {
    const std::filesystem::path target = dir / output.name;
    partials.push_back(std::make_unique<util::PartialFile>(target));
    std::ofstream out(partials.back()->path(), std::ios::binary | std::ios::trunc);
    if (!out) {
      // A folder the user cannot write to is bad input; a full or failing disk is not.
      const int error = errno;
      if (util::is_storage_failure(error))
        throw std::runtime_error(fmt::format("cannot write {}: {}", target.string(), std::strerror(error)));
      throw InputError(
          {Diagnostic{target.string(), 0, 0, "", "cannot write here (is the folder writable?)"}});
    }
    output.write(out);
    out.close();
    if (!out) throw std::runtime_error(fmt::format("failed writing {} (is the disk full?)", target.string()));
  }
  // A rename that fails midway leaves the tables renamed before it in place (each whole) and
  // removes the partials of the others.
  for (const auto& partial : partials) {
    try {
      partial->commit();
    } catch (const std::filesystem::filesystem_error& e) {
      throw std::runtime_error(
          fmt::format("cannot replace {}: {}", partial->target().string(), e.code().message()));
    }
  }
}

}  // namespace

int export_command(const ExportCommand& cmd) {
  Diagnostics diag;
  check_options(cmd, diag);
  std::optional<ExportSet> set = read_export_set(cmd.file, ExportChoice{cmd.dwellings}, diag);
  diag.throw_if_any();

  const ExportLanguage language = cmd.lang == "fr" ? ExportLanguage::fr : ExportLanguage::en;
  const bool csv = cmd.to == "csv";
  std::vector<Output> outputs;
  for (const ExportTable& table : set->tables) {
    Output output{table.name + (csv ? ".csv" : ".json"), {}, table.rows()};
    if (csv)
      output.write = [&table, language](std::ostream& out) { write_table_csv(out, table, language); };
    else
      output.write = [&table, language](std::ostream& out) { write_table_json(out, table, language); };
    outputs.push_back(std::move(output));
  }
  const ExportTable meta = meta_table(set->meta);
  if (csv)
    outputs.push_back(
        {"meta.csv", [&](std::ostream& out) { write_table_csv(out, meta, language); }, meta.rows()});
  else
    outputs.push_back({"meta.json", [&](std::ostream& out) { write_meta_json(out, set->meta); }, 1});

  std::error_code ec;
  std::filesystem::create_directories(cmd.dir, ec);
  if (ec)
    throw InputError({Diagnostic{cmd.dir.string(), 0, 0, "", "cannot create this folder: " + ec.message()}});
  write_outputs(cmd.dir, outputs);
  if (!cmd.quiet)
    for (const Output& output : outputs)
      fmt::print("{}: {} row{}\n", (cmd.dir / output.name).string(), output.rows,
                 output.rows == 1 ? "" : "s");
  return 0;
}

}  // namespace coron::app
