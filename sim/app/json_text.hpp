#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>

// Text as a JSON string, for every JSON coron writes (compare --json, export --to json, the
// report's chart data): quotes, backslashes and control characters escaped, and `<` as
// \u003c, so that the same text may also sit inside an HTML <script> without closing it.

namespace coron::app {

/// Appends `text` to `out` as a JSON string, quotes included.
void append_json_string(fmt::memory_buffer& out, std::string_view text);
/// `text` as a JSON string, quotes included.
[[nodiscard]] std::string json_string(std::string_view text);

}  // namespace coron::app
