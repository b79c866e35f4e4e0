#include "setup/machine_room.hpp"

#include <fstream>
#include <limits>
#include <string>
#include <sys/resource.h>
#include <system_error>

namespace coron::setup {

namespace fs = std::filesystem;

namespace {

/// The value of `name` in a "name value [kB]" file (/proc/meminfo, /proc/self/status,
/// cgroup memory.stat), times `unit`.
std::optional<std::uint64_t> field_of(const fs::path& file, const std::string& name, std::uint64_t unit) {
  std::ifstream in(file);
  std::string key;
  std::uint64_t value = 0;
  while (in >> key >> value) {
    if (key == name) return value * unit;
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return std::nullopt;
}

/// The single number in a cgroup file (memory.max, memory.current); none for "max" or no file.
std::optional<std::uint64_t> number_in(const fs::path& file) {
  std::ifstream in(file);
  std::uint64_t value = 0;
  if (in >> value) return value;
  return std::nullopt;
}

/// The folder of this process's cgroup (v2: the "0::/path" line of /proc/self/cgroup).
std::optional<fs::path> own_cgroup() {
  std::ifstream in("/proc/self/cgroup");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("0::", 0) == 0)
      return fs::path("/sys/fs/cgroup") / fs::path(line.substr(3)).relative_path();
  return std::nullopt;
}

/// Memory a container's cgroup still allows: its limit less what it holds, not counting
/// the page cache, which the kernel gives back before it kills anything.
std::optional<std::uint64_t> cgroup_room() {
  const std::optional<fs::path> group = own_cgroup();
  if (!group) return std::nullopt;
  const std::optional<std::uint64_t> limit = number_in(*group / "memory.max");
  const std::optional<std::uint64_t> held = number_in(*group / "memory.current");
  if (!limit || !held) return std::nullopt;
  const std::uint64_t cache = field_of(*group / "memory.stat", "file", 1).value_or(0);
  const std::uint64_t used = *held > cache ? *held - cache : 0;
  return *limit > used ? *limit - used : 0;
}

/// The soft limit `resource`, when one is set.
std::optional<std::uint64_t> limit_of(int resource) {
  rlimit limit{};
  if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::uint64_t>(limit.rlim_cur);
}

/// The nearest folder of `output` that exists (the run creates the others).
fs::path existing_folder(const fs::path& output) {
  std::error_code ec;
  fs::path folder = fs::absolute(output, ec).parent_path();
  while (!folder.empty() && !fs::is_directory(folder, ec) && folder != folder.root_path())
    folder = folder.parent_path();
  return folder;
}

}  // namespace

MachineRoom machine_room(const fs::path& output) {
  MachineRoom room;
  std::error_code ec;
  const fs::space_info space = fs::space(existing_folder(output), ec);
  if (!ec && space.available != static_cast<std::uintmax_t>(-1)) room.free_disk = space.available;
  room.file_size_limit = limit_of(RLIMIT_FSIZE);
  room.free_memory = field_of("/proc/meminfo", "MemAvailable:", 1024);
  if (const std::optional<std::uint64_t> cgroup = cgroup_room();
      cgroup && (!room.free_memory || *cgroup < *room.free_memory))
    room.free_memory = cgroup;
  if (const std::optional<std::uint64_t> address = limit_of(RLIMIT_AS)) {
    const std::uint64_t mapped = field_of("/proc/self/status", "VmSize:", 1024).value_or(0);
    room.address_room = *address > mapped ? *address - mapped : 0;
  }
  return room;
}

}  // namespace coron::setup
