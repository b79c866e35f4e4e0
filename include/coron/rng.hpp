#pragma once
#include <cstdint>

// Counter-based random numbers: every draw is a pure function of
// (seed, replicate, year, dwelling_id, stream), so it never depends on which
// thread asked, or in what order. splitmix64's finaliser mixes each key in turn
// (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators").

namespace coron {

/// Named random streams: one per independent use, so adding a draw somewhere
/// never shifts the numbers drawn elsewhere.
enum class Stream : std::uint32_t {
  stock_cite = 1,
  stock_dwelling = 2,
  stock_envelope = 3,
  stock_system = 4,
  stock_household = 5,
  stock_flags = 6,
  demography = 16,
  economics = 32,
  works_cost = 40,
  policy = 48,
};

namespace detail {
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
constexpr std::uint64_t absorb(std::uint64_t h, std::uint64_t v) noexcept {
  return mix64(h + 0x9e3779b97f4a7c15ULL + v);
}
}  // namespace detail

/// The key of one random draw. Thread-safe (pure value type).
struct RngKey {
  std::uint64_t seed = 0;
  std::uint32_t replicate = 0;
  std::int32_t year = 0;
  std::uint64_t dwelling_id = 0;
  Stream stream = Stream::stock_dwelling;

  /// 64 random bits for the k-th draw under this key.
  [[nodiscard]] constexpr std::uint64_t bits(std::uint32_t k = 0) const noexcept {
    std::uint64_t h = detail::mix64(seed);
    h = detail::absorb(h, replicate);
    h = detail::absorb(h, static_cast<std::uint32_t>(year));
    h = detail::absorb(h, dwelling_id);
    h = detail::absorb(h, static_cast<std::uint32_t>(stream));
    return detail::absorb(h, k);
  }
  /// Uniform double in [0, 1) for the k-th draw (53 random bits).
  [[nodiscard]] constexpr double uniform(std::uint32_t k = 0) const noexcept {
    return static_cast<double>(bits(k) >> 11) * 0x1.0p-53;
  }
};

}  // namespace coron
