#include "engine/slice_counts.hpp"

#include "coron/byte_pack.hpp"

namespace coron::engine {

SliceCounts count_over_slices(const SliceExchange& slices, std::span<const std::uint64_t> mine) {
  BytePacker out;
  out.put(mine);
  const std::vector<std::vector<std::byte>> all = slices.all_gather(out.take());
  SliceCounts counts{std::vector<std::uint64_t>(mine.size(), 0), std::vector<std::uint64_t>(mine.size(), 0)};
  std::vector<std::uint64_t> theirs(mine.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    ByteUnpacker in(all[k]);
    in.get(theirs);
    in.expect_end();
    for (std::size_t item = 0; item < mine.size(); ++item) {
      if (k < slices.slice()) counts.before[item] += theirs[item];
      counts.total[item] += theirs[item];
    }
  }
  return counts;
}

}  // namespace coron::engine
