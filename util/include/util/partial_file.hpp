#pragma once
#include <filesystem>

// Every file coron writes is written beside its final name and renamed over it when complete
// (docs/reliability.md): a reader never sees half a file, and a failure leaves the previous
// one as it was. The partial name is this process's own (FILE.<pid>.<n>.partial), so two
// runs writing the same output at once never write into each other's file; the last to
// finish renames last and wins. While it exists, the partial is registered so that SIGINT
// and SIGTERM remove it before the process exits (util/interrupt.hpp).

namespace coron::util {

class PartialFile {
 public:
  /// Chooses the partial name of `target` and registers it; creates nothing. Removes the
  /// partials of `target` left by processes that no longer run (killed outright).
  explicit PartialFile(std::filesystem::path target);
  /// Removes the partial unless committed.
  ~PartialFile();
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  /// Where to write.
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return partial_; }
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
  /// Renames the partial over the target (throws std::filesystem::filesystem_error).
  void commit();
  /// Removes the partial now (no throw).
  void discard() noexcept;

 private:
  std::filesystem::path target_, partial_;
  int slot_ = -1;  ///< in the interrupt registry, -1 when full
  bool done_ = false;
};

/// Whether a failed open or write's `error` (an errno) is the storage's fault (a full disk, a
/// quota, an I/O error, the file size limit) rather than the path's: the former fails the command (exit 1),
/// the latter is the user's choice of output (exit 2, docs/reliability.md).
[[nodiscard]] bool is_storage_failure(int error) noexcept;

}  // namespace coron::util
