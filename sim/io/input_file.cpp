#include "io/input_file.hpp"

#include "util/human_size.hpp"
#include "util/utf8.hpp"

#include <fmt/format.h>

#include <fstream>
#include <system_error>

namespace coron::io {
namespace {

namespace fs = std::filesystem;

using util::human_size;

std::string too_large(std::uintmax_t bytes, std::uintmax_t max_bytes, std::string_view what) {
  return fmt::format("is {} ({} bytes), more than the {} limit for {} (sim/io/input_limits.hpp)",
                     human_size(bytes), bytes, human_size(max_bytes), what);
}

}  // namespace

std::optional<std::string> input_file_problem(const fs::path& path, std::uintmax_t max_bytes,
                                              std::string_view what) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows links; never opens
  switch (status.type()) {
    case fs::file_type::not_found:
      return fs::is_symlink(fs::symlink_status(path, ec)) ? "no such file (a symbolic link to nothing)"
                                                          : "no such file";
    case fs::file_type::regular:
      break;
    case fs::file_type::directory:
      return "is a folder, not a file";
    case fs::file_type::fifo:
      return "is a FIFO (named pipe), not a file";
    case fs::file_type::character:
    case fs::file_type::block:
      return "is a device, not a file";
    case fs::file_type::socket:
      return "is a socket, not a file";
    default:
      if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
      if (ec) return ec.message();
      return "not a regular file";
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return ec.message();
  if (size > max_bytes) return too_large(size, max_bytes, what);
  return std::nullopt;
}

std::optional<std::string> read_input_file(const fs::path& path, std::uintmax_t max_bytes,
                                           std::string_view what, Diagnostics& diag) {
  if (const auto problem = input_file_problem(path, max_bytes, what)) {
    diag.add(path.string(), 0, 0, "", "cannot read: " + *problem);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.add(path.string(), 0, 0, "", "cannot read: cannot open the file (is it readable?)");
    return std::nullopt;
  }
  // The bound holds while reading too, for a file that grows after it was checked.
  std::string text;
  constexpr std::size_t block = 1 << 16;
  while (in) {
    const std::size_t at = text.size();
    text.resize(at + block);
    in.read(text.data() + at, static_cast<std::streamsize>(block));
    text.resize(at + static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      diag.add(path.string(), 0, 0, "", "cannot read: " + too_large(text.size(), max_bytes, what));
      return std::nullopt;
    }
  }
  if (in.bad()) {
    diag.add(path.string(), 0, 0, "", "cannot read the file");
    return std::nullopt;
  }
  return text;
}

bool check_utf8_text(std::string_view text, const std::string& file, Diagnostics& diag) {
  if (const std::string_view wide = util::wide_encoding(text); !wide.empty()) {
    diag.add(file, 0, 0, "",
             fmt::format("the file is {} text (it starts with a {} byte-order mark); save it as UTF-8", wide,
                         wide));
    return false;
  }
  constexpr std::size_t shown = 20;
  std::size_t total = 0;
  const std::vector<util::TextFault> faults = util::text_faults(text, shown, &total);
  int line = 1;
  std::size_t line_start = 0;
  std::size_t scanned = 0;
  for (const util::TextFault& fault : faults) {
    for (; scanned < fault.offset; ++scanned)
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    diag.add(file, line, static_cast<int>(fault.offset - line_start + 1), "",
             fmt::format("{} at byte {} of the file: text must be UTF-8 without NUL bytes (save the file "
                         "as UTF-8)",
                         fault.what, fault.offset));
  }
  if (total > faults.size())
    diag.add(file, line, 0, "",
             fmt::format("and {} more bytes that are not UTF-8 text after this line", total - faults.size()));
  return total == 0;
}

std::string read_input_file(const fs::path& path, std::uintmax_t max_bytes, std::string_view what) {
  Diagnostics diag;
  std::optional<std::string> text = read_input_file(path, max_bytes, what, diag);
  diag.throw_if_any();
  return std::move(text).value();
}

}  // namespace coron::io
