#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Text a user gives coron (names, descriptions, cité names) ends up in HDF5 strings
// declared UTF-8 and in terminal messages: bytes that are not UTF-8, or a NUL that
// cuts a C string short, would be stored as they are and garble every reader. So
// input text is checked here, byte by byte, and every fault is found in one pass.

namespace coron::util {

/// One place where a text is not UTF-8 without NUL.
struct TextFault {
  std::size_t offset = 0;  ///< byte offset of the fault from the start of the text
  std::string what;        ///< "a NUL byte", "byte 0xE9, not UTF-8"
};

/// Where `text` is not valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF) or holds a NUL byte, in order. At most `max_faults` are returned;
/// `total` (if given) receives how many there are in all. Thread-safe.
[[nodiscard]] std::vector<TextFault> text_faults(std::string_view text, std::size_t max_faults,
                                                 std::size_t* total = nullptr);

/// "UTF-16" or "UTF-32" when `text` starts with that encoding's byte-order mark, else "".
[[nodiscard]] std::string_view wide_encoding(std::string_view text) noexcept;

/// `text` without a leading UTF-8 byte-order mark (EF BB BF), which spreadsheets write
/// at the start of "CSV UTF-8" files and some editors at the start of any file.
[[nodiscard]] std::string_view without_utf8_bom(std::string_view text) noexcept;

}  // namespace coron::util
