#pragma once
#include <cstdint>
#include <string>

namespace coron::util {

/// "16 MiB", "1.5 GiB", "512 bytes": a size as a reader sees it (binary units,
/// whole when exact, else one decimal).
[[nodiscard]] std::string human_size(std::uintmax_t bytes);

}  // namespace coron::util
