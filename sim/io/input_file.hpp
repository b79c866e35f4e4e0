#pragma once
#include "coron/error.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

// Reading a whole input file, after checking what it is. The type is checked before
// opening: opening a FIFO for reading blocks until a writer comes, and a device such
// as /dev/zero never ends. The size is checked against the kind's bound
// (input_limits.hpp) so that a wrong file is refused with its size, not read until
// memory runs out.

namespace coron::io {

/// Why `path` cannot be read as an input file of at most `max_bytes`, or nothing when
/// it is a regular file (after following links) within the bound: "no such file",
/// "is a folder", "is a FIFO (named pipe), not a file", "is a device, not a file",
/// "symbolic link loop", "is 20 MiB (20971520 bytes), more than the 16 MiB limit for ...".
/// `what` names the kind in the last message ("a scenario or data YAML file"). Thread-safe.
[[nodiscard]] std::optional<std::string> input_file_problem(const std::filesystem::path& path,
                                                            std::uintmax_t max_bytes, std::string_view what);

/// The bytes of `path` after input_file_problem() found nothing wrong; otherwise the
/// problem is recorded in `diag` as "PATH: cannot read: ..." and nothing is returned.
std::optional<std::string> read_input_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                           std::string_view what, Diagnostics& diag);

/// Checks that `text`, read from `file`, is UTF-8 without NUL bytes: a UTF-16 or UTF-32
/// file is reported once, as such; otherwise each fault is reported at its line:column
/// (the column counts bytes), up to 20 and then how many more. Returns true when the
/// text is clean. A leading UTF-8 byte-order mark must have been removed first.
bool check_utf8_text(std::string_view text, const std::string& file, Diagnostics& diag);

/// As read_input_file, throwing InputError instead of recording.
[[nodiscard]] std::string read_input_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                          std::string_view what);

}  // namespace coron::io
