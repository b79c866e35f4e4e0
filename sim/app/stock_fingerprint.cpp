#include "app/stock_fingerprint.hpp"

#include "coron/rng.hpp"

#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace coron::app {

namespace {

// Bytes are taken eight at a time (the tail zero-padded) and the length is mixed
// in too, so a trailing zero byte and a shorter dataset do not collide.
std::uint64_t absorb_bytes(std::uint64_t h, std::span<const std::byte> bytes) {
  h = detail::absorb(h, bytes.size());
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + at, 8);
    h = detail::absorb(h, word);
  }
  if (at < bytes.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + at, bytes.size() - at);
    h = detail::absorb(h, word);
  }
  return h;
}

std::uint64_t absorb_text(std::uint64_t h, std::string_view text) {
  return absorb_bytes(h, std::as_bytes(std::span<const char>(text.data(), text.size())));
}

}  // namespace

std::uint64_t stock_fingerprint(const io::ResultsReader& in) {
  std::uint64_t h = detail::mix64(0x636f726f6e2d7374ULL);  // "coron-st"
  const std::string prefix = "/stock/";
  for (const std::string& path : in.datasets()) {  // name order
    // The stock's columns only: its coordinate repeats dwelling_id, and files written before
    // coordinates existed must give the same fingerprint.
    if (path.compare(0, prefix.size(), prefix) != 0 || in.is_coordinate(path)) continue;
    h = absorb_text(h, path);
    if (in.type_name(path) == "string") {
      for (const std::string& s : in.read_strings(path)) h = absorb_text(h, s);
    } else {
      h = absorb_text(h, in.type_name(path));
      h = absorb_bytes(h, in.raw_bytes(path));
    }
  }
  return h;
}

}  // namespace coron::app
