#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

// Natural logarithm, exponential and e^y - 1 for the gain-utilisation factor of the
// monthly method, evaluated 9 times per dwelling and year in the hot loop.
//
// Why not std::pow / std::log: a libm call per month was the largest cost of the kernel
// and cannot be vectorised. These use only IEEE +, -, x, / and 64-bit integer add, and,
// or and logical shifts, all of which SSE2 and AVX2 have lane by lane: no table (a table
// would need a gather), no branch on the data, no int64 <-> double conversion (SSE2 has
// none; the 2^52 magic-number trick does it with an addition). So the kernel's month loop
// runs its dwellings side by side in vector registers, and the scalar, SSE2 and AVX2
// code give the same bits: every lane does the same correctly rounded operations in the
// same order (the project builds with -ffp-contract=off, never -ffast-math).
//
// log: x = 2^e m with m in [sqrt(2)/2, sqrt(2)), found by integer arithmetic on the bits
//      (adding 0x3ff0... - bits(sqrt(2)/2) carries into the exponent exactly when m >=
//      sqrt(2)). f = m - 1 is exact (Sterbenz), s = f / (2 + f), |s| <= 0.1716, and
//      ln(1 + f) = 2 atanh(s) = f - s (f - T), T = sum_{i>=1} 2 s^2i / (2i + 1) = z P(z)
//      with z = s^2 <= 0.029437, P a polynomial of degree 6 (error bound below). Writing
//      2s = f - s f makes the rounding of s enter only the small correction s (f - T),
//      so ln(1 + f) is within ~1 ulp also near x = 1 (relative accuracy, not only
//      absolute). ln x = e ln2_hi + (e ln2_lo + ln(1 + f)); e ln2_hi is exact (ln2_hi has
//      32 significant bits, e at most 11).
// exp: y = k ln2 + r, k = round(y / ln2) with the 1.5 . 2^52 shifter, |r| <= ln2/2
//      (Cody-Waite reduction, k ln2_hi exact). e^r - 1 = r + r^2 Q(r), Q a polynomial of
//      degree 10 (error bound below). e^y - 1 = (2^k - 1) + 2^k (e^r - 1): for k = 0
//      this is the polynomial alone, so e^y - 1 keeps its relative accuracy as y -> 0,
//      which 1 - X^alpha needs near X = 1.
//
// Measured against libm over X in (0, 10] (tests/thermal/test_fast_math.cpp): log and
// e^y - 1 within a few 1e-16 relative, X^alpha within 1e-14 relative for X >= 1e-30 (the
// rounding of alpha ln X, |alpha ln X| 2^-53, grows for smaller X: 1e-13 at X ~ 1e-60).

namespace coron::detail {

inline constexpr double ln2_hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000: 32 significant bits
inline constexpr double ln2_lo = 1.90821492927058770002e-10;  // ln 2 - ln2_hi
inline constexpr double inv_ln2 = 1.44269504088896338700e+00;
inline constexpr double two_52 = 4503599627370496.0;
inline constexpr double exp_shifter = 6755399441055744.0;  // 1.5 . 2^52: y + shifter rounds y to an integer
inline constexpr std::uint64_t sqrt_half_bits = 0x3fe6a09e667f3bcdULL;  // sqrt(2)/2 rounded down
inline constexpr std::uint64_t mantissa_mask = 0x000fffffffffffffULL;
/// Arguments of fast_exp and fast_expm1 are clamped to this: 2^k stays a normal number.
inline constexpr double exp_arg_limit = 700.0;

// Polynomial coefficients, lowest degree first: Chebyshev interpolants (mpmath chebyfit,
// 50 digits, then rounded to double) of
//   log: P(z) = T(z)/z = 2 (atanh(sqrt z)/sqrt z - 1)/z on [0, 0.029437], degree 6;
//        |P - p| <= 3.1e-16, which enters ln(1 + f) multiplied by s z / (2 s) <= 0.0147:
//        <= 5e-18 relative. (The Taylor series needs degree 8 for the same bound.)
//   expm1: Q(r) = (e^r - 1 - r)/r^2 on [-ln2/2, ln2/2], degree 10; |Q - q| <= 1.4e-18,
//        which enters e^r - 1 multiplied by r^2/(e^r - 1) <= 0.42: <= 6e-19 relative.
//        (Taylor needs degree 11.)
// Both far below the rounding of the evaluation itself (~1 ulp).
inline constexpr double log_c0 = 0.66666666666666697, log_c1 = 0.39999999999899504,
                        log_c2 = 0.28571428625975485, log_c3 = 0.2222221113479508,
                        log_c4 = 0.18182889125261722, log_c5 = 0.15331721600556041,
                        log_c6 = 0.14616449685043406;
inline constexpr double exp_c0 = 0.5, exp_c1 = 0.16666666666666671, exp_c2 = 0.04166666666666667,
                        exp_c3 = 0.0083333333333261409, exp_c4 = 0.0013888888888883752,
                        exp_c5 = 0.00019841269874800492, exp_c6 = 2.4801587325533364e-5,
                        exp_c7 = 2.7557255425746179e-6, exp_c8 = 2.7557273661348454e-7,
                        exp_c9 = 2.5105206374063313e-8, exp_c10 = 2.0914679376659846e-9;

/// `c ? a : b` through integer masks. A plain conditional lets the compiler move the
/// computation of the unselected value under a branch, which it then cannot turn back
/// into a vector blend (the moved operations might raise floating-point flags); both
/// values here are always computed and the choice is bitwise. Pure function.
[[nodiscard, gnu::always_inline]] inline double select(bool c, double a, double b) noexcept {
  const std::uint64_t mask = std::uint64_t{0} - static_cast<std::uint64_t>(c);
  return std::bit_cast<double>((std::bit_cast<std::uint64_t>(a) & mask) |
                               (std::bit_cast<std::uint64_t>(b) & ~mask));
}

// Each function takes a batch of N independent arguments and runs every step of the
// method over the whole batch before the next step. Why: one evaluation is a chain of
// ~60 dependent operations (~190 cycles of latency with the two divisions of the month
// loop), longer than the processor's reordering window can hide; written step by step, N
// chains sit side by side in the instruction stream and run in parallel. The arithmetic
// of each element is the same whatever N (the scalar functions are N = 1).
template <std::size_t N>
using Batch = std::array<double, N>;

/// ln(x) for finite x > 0 (normal numbers), element by element. Pure function.
template <std::size_t N>
[[nodiscard, gnu::always_inline]] inline Batch<N> fast_log(const Batch<N>& x) noexcept {
  Batch<N> e{}, f{}, s{}, z{}, out{};
  for (std::size_t j = 0; j < N; ++j) {
    const std::uint64_t t = std::bit_cast<std::uint64_t>(x[j]) + (0x3ff0000000000000ULL - sqrt_half_bits);
    // Biased exponent to double without an int64 conversion: 2^52 + e_biased, minus 2^52 + 1023.
    e[j] = std::bit_cast<double>((t >> 52) | 0x4330000000000000ULL) - (two_52 + 1023.0);
    f[j] = std::bit_cast<double>((t & mantissa_mask) + sqrt_half_bits) - 1.0;
  }
  for (std::size_t j = 0; j < N; ++j) s[j] = f[j] / (2.0 + f[j]);
  for (std::size_t j = 0; j < N; ++j) z[j] = s[j] * s[j];
  for (std::size_t j = 0; j < N; ++j) {
    // Estrin's scheme: shorter dependency chains than Horner for the same operations.
    const double z2 = z[j] * z[j];
    const double z4 = z2 * z2;
    const double p = ((log_c0 + log_c1 * z[j]) + z2 * (log_c2 + log_c3 * z[j])) +
                     z4 * ((log_c4 + log_c5 * z[j]) + z2 * log_c6);
    z[j] = z[j] * p;  // now T
  }
  for (std::size_t j = 0; j < N; ++j) {
    const double log1p_f = f[j] - s[j] * (f[j] - z[j]);
    out[j] = e[j] * ln2_hi + (e[j] * ln2_lo + log1p_f);
  }
  return out;
}

/// Reduction of e^y, y already in [-700, 700]: y = k ln2 + r. Returns e^r - 1 and sets
/// `two_k` to 2^k, element by element.
template <std::size_t N>
[[nodiscard, gnu::always_inline]] inline Batch<N> expm1_reduced(const Batch<N>& y, Batch<N>& two_k) noexcept {
  Batch<N> r{}, out{};
  for (std::size_t j = 0; j < N; ++j) {
    const double t = y[j] * inv_ln2 + exp_shifter;
    const double k = t - exp_shifter;
    r[j] = (y[j] - k * ln2_hi) - k * ln2_lo;
    // k is in the low bits of t: bits(t) - bits(shifter) = k modulo 2^64, so k + 1023 is
    // the biased exponent of 2^k (|k| <= 1010).
    two_k[j] = std::bit_cast<double>(
        (std::bit_cast<std::uint64_t>(t) - std::bit_cast<std::uint64_t>(exp_shifter) + 1023U) << 52);
  }
  for (std::size_t j = 0; j < N; ++j) {
    const double r2 = r[j] * r[j];
    const double r4 = r2 * r2;
    const double r8 = r4 * r4;
    const double q = ((exp_c0 + exp_c1 * r[j]) + r2 * (exp_c2 + exp_c3 * r[j])) +
                     r4 * ((exp_c4 + exp_c5 * r[j]) + r2 * (exp_c6 + exp_c7 * r[j])) +
                     r8 * ((exp_c8 + exp_c9 * r[j]) + r2 * exp_c10);
    out[j] = r[j] + r2 * q;
  }
  return out;
}

/// y clamped to [-700, 700]: 2^k stays a normal number.
[[nodiscard, gnu::always_inline]] inline double clamp_exp_arg(double y) noexcept {
  return select(y < -exp_arg_limit, -exp_arg_limit, select(y > exp_arg_limit, exp_arg_limit, y));
}

/// e^y - 1 for finite y, accurate in relative terms also as y -> 0; y clamped to
/// [-700, 700] (no overflow, no subnormals). Element by element. Pure function.
template <std::size_t N>
[[nodiscard, gnu::always_inline]] inline Batch<N> fast_expm1(Batch<N> y) noexcept {
  for (std::size_t j = 0; j < N; ++j) y[j] = clamp_exp_arg(y[j]);
  Batch<N> two_k{};
  Batch<N> p = expm1_reduced(y, two_k);
  for (std::size_t j = 0; j < N; ++j) p[j] = (two_k[j] - 1.0) + two_k[j] * p[j];
  return p;
}

/// ln(x) for finite x > 0 (normal numbers). Pure function.
[[nodiscard, gnu::always_inline]] inline double fast_log(double x) noexcept {
  return fast_log(Batch<1>{x})[0];
}

/// e^y - 1 for finite y, accurate in relative terms also as y -> 0; y clamped to
/// [-700, 700] (no overflow, no subnormals). Pure function.
[[nodiscard, gnu::always_inline]] inline double fast_expm1(double y) noexcept {
  return fast_expm1(Batch<1>{y})[0];
}

/// e^y for finite y; clamped to [-700, 700] (no overflow, no subnormals). Pure function.
[[nodiscard, gnu::always_inline]] inline double fast_exp(double y) noexcept {
  Batch<1> two_k{};
  const Batch<1> p = expm1_reduced(Batch<1>{clamp_exp_arg(y)}, two_k);
  return two_k[0] * (1.0 + p[0]);
}

/// x^a for x > 0 and finite a, as exp(a ln x). Pure function.
[[nodiscard, gnu::always_inline]] inline double fast_pow(double x, double a) noexcept {
  return fast_exp(a * fast_log(x));
}

/// x^a for x > 0 (normal numbers) and finite a, element by element, the same bits as fast_pow.
/// Pure function.
template <std::size_t N>
[[nodiscard, gnu::always_inline]] inline Batch<N> fast_pow(const Batch<N>& x, double a) noexcept {
  const Batch<N> ln_x = fast_log(x);
  Batch<N> y{}, two_k{};
  for (std::size_t j = 0; j < N; ++j) y[j] = clamp_exp_arg(a * ln_x[j]);
  Batch<N> p = expm1_reduced(y, two_k);
  for (std::size_t j = 0; j < N; ++j) p[j] = two_k[j] * (1.0 + p[j]);
  return p;
}

}  // namespace coron::detail
