#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>

// What the machine leaves this process for a run: disk in the output folder, memory,
// and the limits set on the process (ulimit -f, ulimit -v, a container's cgroup).
// Read once, before a run, to refuse one that cannot fit (setup/run_footprint.hpp).

namespace coron::setup {

/// What this process may use, each unknown when it could not be read.
struct MachineRoom {
  std::optional<std::uint64_t> free_disk;        ///< bytes free to this user in the output folder
  std::optional<std::uint64_t> file_size_limit;  ///< RLIMIT_FSIZE, when set
  std::optional<std::uint64_t> free_memory;      ///< MemAvailable, or the cgroup's room if smaller
  std::optional<std::uint64_t> address_room;     ///< RLIMIT_AS less what is mapped, when set
};

/// The room for a results file written at `output` (its nearest existing folder is asked).
[[nodiscard]] MachineRoom machine_room(const std::filesystem::path& output);

}  // namespace coron::setup
