#pragma once
#include "io/results_reader.hpp"

#include <cstdint>

namespace coron::app {

/// A 64-bit fingerprint of the stock a results file was run on: every /stock
/// dataset's name and stored bytes (strings: their text), in name order, mixed
/// with splitmix64's finaliser. Equal stocks give equal fingerprints whatever the
/// compression; any changed value changes it (with overwhelming probability).
/// Throws H5Error when /stock cannot be read.
[[nodiscard]] std::uint64_t stock_fingerprint(const io::ResultsReader& in);

}  // namespace coron::app
