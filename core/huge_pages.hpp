#pragma once
#include <cstddef>

#if defined(__linux__)
#include <sys/mman.h>

#include <cstdint>
#endif

// Large buffers written once then streamed (a replicate's record) fault in page by page
// on first touch; transparent huge pages cut the faults 512-fold where the kernel offers
// them for advised ranges (/sys/kernel/mm/transparent_hugepage/enabled = madvise or always).

namespace coron {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with huge
/// pages. A hint: ignored where unsupported or refused, and for ranges under 4 MiB.
inline void advise_huge_pages(void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  if (data == nullptr || bytes < 2 * huge) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace coron
