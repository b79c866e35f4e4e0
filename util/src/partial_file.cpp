#include "util/partial_file.hpp"

#include "util/interrupt.hpp"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <signal.h>
#include <string>
#include <string_view>
#include <unistd.h>

namespace coron::util {

namespace {

/// FILE.<pid>.<n>.partial: this process's own, and a new one for each writer in it.
std::filesystem::path partial_name(const std::filesystem::path& target) {
  static std::atomic<unsigned> next{0};
  std::filesystem::path partial = target;
  // Appended piecewise: g++ 12 warns falsely (-Wrestrict) on "." + std::string.
  std::string suffix(1, '.');
  suffix.append(std::to_string(::getpid()))
      .append(1, '.')
      .append(std::to_string(next.fetch_add(1)))
      .append(".partial");
  partial += suffix;
  return partial;
}

/// Removes the partials of `target` that no running process writes: those of a process that
/// was killed outright (SIGKILL, a crash), and the single TARGET.partial of older versions.
void remove_stale_partials(const std::filesystem::path& target) {
  std::error_code ec;
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  const std::string prefix = target.filename().string() + ".";
  constexpr std::string_view suffix = ".partial";
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix) || !name.ends_with(suffix)) continue;
    const std::string_view middle =
        std::string_view(name).substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    bool stale = name == target.filename().string() + ".partial";
    if (!stale) {
      long pid = 0;
      const auto [end, err] = std::from_chars(middle.data(), middle.data() + middle.size(), pid);
      const bool ours = err == std::errc{} && end != middle.data() && *end == '.';
      stale =
          ours && pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
    }
    if (stale) std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace

PartialFile::PartialFile(std::filesystem::path target)
    : target_(std::move(target)), partial_(partial_name(target_)), slot_(register_for_removal(partial_)) {
  remove_stale_partials(target_);
}

PartialFile::~PartialFile() {
  if (!done_) discard();
}

void PartialFile::commit() {
  std::filesystem::rename(partial_, target_);
  done_ = true;
  unregister_for_removal(slot_);
  slot_ = -1;
}

bool is_storage_failure(int error) noexcept {
  return error == ENOSPC || error == EDQUOT || error == EIO || error == EFBIG;
}

void PartialFile::discard() noexcept {
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
  done_ = true;
  unregister_for_removal(slot_);
  slot_ = -1;
}

}  // namespace coron::util
