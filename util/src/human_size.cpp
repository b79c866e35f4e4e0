#include "util/human_size.hpp"

#include <array>
#include <cstdio>

namespace coron::util {

std::string human_size(std::uintmax_t bytes) {
  constexpr std::array<const char*, 4> names = {"TiB", "GiB", "MiB", "KiB"};
  constexpr std::array<std::uintmax_t, 4> units = {std::uintmax_t{1} << 40, std::uintmax_t{1} << 30,
                                                   std::uintmax_t{1} << 20, std::uintmax_t{1} << 10};
  std::array<char, 48> text{};
  for (std::size_t k = 0; k < units.size(); ++k) {
    if (bytes < units[k]) continue;
    if (bytes % units[k] == 0)
      std::snprintf(text.data(), text.size(), "%ju %s", bytes / units[k], names[k]);
    else
      std::snprintf(text.data(), text.size(), "%.1f %s",
                    static_cast<double>(bytes) / static_cast<double>(units[k]), names[k]);
    return text.data();
  }
  std::snprintf(text.data(), text.size(), "%ju bytes", bytes);
  return text.data();
}

}  // namespace coron::util
