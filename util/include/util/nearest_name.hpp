#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

// "Did you mean ...?" for misspelt keys, column names and vocabulary words.

namespace coron::util {

/// Edit distance between two words: the fewest insertions, deletions and
/// substitutions of single bytes turning `a` into `b`. Case-sensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` if it is at most `max_edits` edits away, else "".
/// On a tie the candidate listed first wins. Pure function, thread-safe.
[[nodiscard]] std::string nearest_name(std::string_view word, std::span<const std::string> candidates,
                                       std::size_t max_edits = 3);
/// Same, over views (an enum's vocabulary).
[[nodiscard]] std::string nearest_name(std::string_view word, std::span<const std::string_view> candidates,
                                       std::size_t max_edits = 3);

}  // namespace coron::util
