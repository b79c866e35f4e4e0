#include "util/utf8.hpp"

#include <cstdint>
#include <cstdio>

namespace coron::util {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

/// Length of the valid UTF-8 sequence starting at `at`, or 0 when it is not one.
std::size_t sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80U) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80U;   // the second byte's range, narrowed to refuse overlong forms,
  unsigned char high = 0xBFU;  // surrogates and code points above U+10FFFF
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) low = 0xA0U;
    if (lead == 0xEDU) high = 0x9FU;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) low = 0x90U;
    if (lead == 0xF4U) high = 0x8FU;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (!is_continuation(byte(k))) return 0;
  return length;
}

}  // namespace

std::vector<TextFault> text_faults(std::string_view text, std::size_t max_faults, std::size_t* total) {
  std::vector<TextFault> faults;
  std::size_t count = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == 0) {
      if (count++ < max_faults) faults.push_back({at, "a NUL byte"});
      ++at;
      continue;
    }
    const std::size_t length = sequence_length(text, at);
    if (length > 0) {
      at += length;
      continue;
    }
    if (count++ < max_faults) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(c));
      faults.push_back({at, std::string("byte ") + hex + ", not UTF-8"});
    }
    // One fault per broken sequence: its stray continuation bytes are not counted again.
    ++at;
    while (at < text.size() && is_continuation(static_cast<unsigned char>(text[at]))) ++at;
  }
  if (total != nullptr) *total = count;
  return faults;
}

std::string_view wide_encoding(std::string_view text) noexcept {
  // UTF-32 LE starts like UTF-16 LE (FF FE), then two zero bytes: test it first.
  if (text.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
      text.starts_with(std::string_view("\0\0\xFE\xFF", 4)))
    return "UTF-32";
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return "UTF-16";
  return "";
}

std::string_view without_utf8_bom(std::string_view text) noexcept {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

}  // namespace coron::util
