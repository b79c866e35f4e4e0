#include "util/nearest_name.hpp"

#include <algorithm>
#include <vector>

namespace coron::util {
namespace {

template <class Name>
std::string nearest(std::string_view word, std::span<const Name> candidates, std::size_t max_edits) {
  std::string best;
  std::size_t best_distance = max_edits + 1;
  for (const Name& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Levenshtein, one row at a time.
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string nearest_name(std::string_view word, std::span<const std::string> candidates,
                         std::size_t max_edits) {
  return nearest(word, candidates, max_edits);
}

std::string nearest_name(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t max_edits) {
  return nearest(word, candidates, max_edits);
}

}  // namespace coron::util
