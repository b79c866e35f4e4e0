#pragma once
#include <cstddef>
#include <functional>

// Fixed blocks of dwellings, the unit of parallel work. The block structure
// depends on the number of dwellings only, never on the number of threads, so a
// step that writes per-dwelling rows, or reduces per-block partials in block
// order, gives the same bits on any thread count (DESIGN.md, determinism).

namespace coron::engine {

/// Dwellings per block: large enough to amortise a task, small enough to balance.
inline constexpr std::size_t block_dwellings = 2048;

/// Runs a body over the blocks of [0, n), serially in block order or with TBB in
/// the caller's task arena. Steps receive one and know nothing else of threads.
class Blocks {
 public:
  using Body = std::function<void(std::size_t block, std::size_t begin, std::size_t end)>;

  explicit Blocks(bool parallel) noexcept : parallel_(parallel) {}

  /// Number of blocks of [0, n).
  [[nodiscard]] static constexpr std::size_t count(std::size_t n) noexcept {
    return (n + block_dwellings - 1) / block_dwellings;
  }
  /// body(block, begin, end) for every block of [0, n). Bodies of different blocks
  /// may run concurrently: each must write only its own rows and partials. Work
  /// heavier than a dwelling's (a package search, a whole aggregate) takes smaller
  /// blocks; the size must not depend on the thread count either.
  void for_each(std::size_t n, const Body& body, std::size_t block_size = block_dwellings) const;

 private:
  bool parallel_;
};

}  // namespace coron::engine
