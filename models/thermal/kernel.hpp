#pragma once
#include "coron/thermal.hpp"

#include <cstddef>
#include <cstdint>

// The kernel is compiled twice from one source: for the x86-64 baseline (SSE2) and for
// AVX2, picked once at run time. Both do the same IEEE operations in the same order (no
// FMA: -ffp-contract=off, and AVX2 does not imply FMA), lane by lane, so they give the
// same bits; tests/thermal/test_kernel_paths.cpp checks it. evaluate_thermal uses the
// widest path the processor has; these entry points let the tests run each one.

namespace coron::detail {

enum class KernelPath : std::uint8_t { baseline, avx2 };

/// Whether this build has the path and this processor can run it.
[[nodiscard]] bool kernel_path_available(KernelPath path) noexcept;

/// evaluate_thermal through one given path (which must be available).
void evaluate_thermal_path(KernelPath path, const ThermalInputs& in, const ThermalParams& params,
                           const YearFactors& year, const ThermalOutputs& out, std::size_t begin,
                           std::size_t end) noexcept;

}  // namespace coron::detail
