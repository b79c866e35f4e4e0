#pragma once
#include <filesystem>
#include <string>

namespace coron::app {

struct ExportCommand {
  std::filesystem::path file;  ///< results file (HDF5) written by `coron run`
  std::string to = "csv";      ///< csv or json
  std::filesystem::path dir;   ///< folder to write the tables into
  std::string lang = "en";     ///< en or fr (docs/export.md)
  bool dwellings = false;      ///< also the /dwelling columns, a row per replicate, year and dwelling
  bool force = false;          ///< write into a folder that already holds files
  bool quiet = false;          ///< no line per file written
};

/// `coron export`: reads the whole file first and refuses (InputError, exit code 2) a
/// missing or unreadable file, one of another schema version, an unknown format or
/// language, or a folder that is a file or already holds files (without --force), all
/// problems at once and before anything is written. Then writes each table as
/// NAME.partial in `dir` and renames them all once every one is complete.
int export_command(const ExportCommand& cmd);

}  // namespace coron::app
