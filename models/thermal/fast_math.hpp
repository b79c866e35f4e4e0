#pragma once
#include <array>
#include <bit>
#include <cstdint>

// Natural logarithm and exponential for the gain-utilisation factor X^alpha of the
// monthly method, evaluated 9 times per dwelling and year in the hot loop.
//
// Why not std::pow: a libm call per month was the largest cost of the kernel and
// cannot be vectorised. These use only IEEE +, -, x, integer bit operations and two
// 32-entry tables: no division, no branch on the data, so the month loop runs its
// months side by side. fast_log is accurate in absolute terms (~1e-16), which is what
// exp(a ln x) needs; near x = 1 its relative error grows. The project builds with -ffp-contract=off, so every
// machine and every thread count gives the same bits. Relative error of fast_pow <= 1e-13 over the ranges
// used (tests/thermal/test_fast_math.cpp compares with std::pow).
//
// log: x = 2^e.m, m in [1, 2); m = c_i.(1 + r) with c_i = 1 + i/32 picked by the top
//      5 mantissa bits, r = m/c_i - 1 in [0, 1/32); ln x = e ln2 - ln(1/c_i) + log1p(r),
//      log1p by its series to r^10 (remainder < 1e-16). The table holds -ln of the
//      rounded reciprocal actually used, so the rounding of 1/c_i does not matter.
// exp: y = (32q + j) ln2/32 + r, |r| <= ln2/64; e^y = 2^q . 2^(j/32) . e^r, e^r by its
//      series to r^6 (remainder < 4e-18).
// Table values: correctly rounded from 50-digit decimal arithmetic.

namespace coron::detail {

inline constexpr std::array<double, 32> exp2_j_32 = {1.0,
                                                     1.0218971486541166,
                                                     1.0442737824274138,
                                                     1.0671404006768237,
                                                     1.0905077326652577,
                                                     1.1143867425958924,
                                                     1.1387886347566916,
                                                     1.1637248587775775,
                                                     1.189207115002721,
                                                     1.215247359980469,
                                                     1.241857812073484,
                                                     1.2690509571917332,
                                                     1.2968395546510096,
                                                     1.3252366431597413,
                                                     1.3542555469368927,
                                                     1.383909881963832,
                                                     1.4142135623730951,
                                                     1.4451808069770467,
                                                     1.4768261459394993,
                                                     1.5091644275934228,
                                                     1.5422108254079407,
                                                     1.5759808451078865,
                                                     1.6104903319492543,
                                                     1.645755478153965,
                                                     1.681792830507429,
                                                     1.718619298122478,
                                                     1.7562521603732995,
                                                     1.7947090750031072,
                                                     1.8340080864093424,
                                                     1.8741676341103,
                                                     1.9152065613971474,
                                                     1.9571441241754002};

inline constexpr std::array<double, 32> inv_c_i = {1.0,
                                                   0.9696969696969697,
                                                   0.9411764705882353,
                                                   0.9142857142857143,
                                                   0.8888888888888888,
                                                   0.8648648648648649,
                                                   0.8421052631578947,
                                                   0.8205128205128205,
                                                   0.8,
                                                   0.7804878048780488,
                                                   0.7619047619047619,
                                                   0.7441860465116279,
                                                   0.7272727272727273,
                                                   0.7111111111111111,
                                                   0.6956521739130435,
                                                   0.6808510638297872,
                                                   0.6666666666666666,
                                                   0.6530612244897959,
                                                   0.64,
                                                   0.6274509803921569,
                                                   0.6153846153846154,
                                                   0.6037735849056604,
                                                   0.5925925925925926,
                                                   0.5818181818181818,
                                                   0.5714285714285714,
                                                   0.5614035087719298,
                                                   0.5517241379310345,
                                                   0.5423728813559322,
                                                   0.5333333333333333,
                                                   0.5245901639344263,
                                                   0.5161290322580645,
                                                   0.5079365079365079};

inline constexpr std::array<double, 32> ln_c_i = {  // -ln(inv_c_i[i]), exact value of the stored reciprocal
    0.0,
    0.03077165866675366,
    0.060624621816434854,
    0.08961215868968717,
    0.11778303565638351,
    0.14518200984449783,
    0.17185025692665928,
    0.19782574332991992,
    0.2231435513142097,
    0.2478361639045812,
    0.2719337154836418,
    0.2954642128938359,
    0.3184537311185346,
    0.3409265869705932,
    0.3629054936893685,
    0.38441169891033206,
    0.40546510810816444,
    0.42608439531090014,
    0.4462871026284195,
    0.46608972992459924,
    0.48550781578170077,
    0.5045560107523953,
    0.5232481437645479,
    0.5415972824327444,
    0.5596157879354228,
    0.5773153650348236,
    0.5947071077466928,
    0.6118015411059929,
    0.6286086594223742,
    0.6451379613735847,
    0.661398482245365,
    0.6773988235918061};

inline constexpr double ln2_hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000: 32 significant bits
inline constexpr double ln2_lo = 1.90821492927058770002e-10;
inline constexpr double two_52 = 4503599627370496.0;

/// ln(x) for finite x > 0 (normal numbers). Pure function.
[[nodiscard]] inline double fast_log(double x) noexcept {
  const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
  const std::uint64_t i = (bits >> 47) & 31u;
  const double m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
  // Biased exponent to double without an int64 conversion: 2^52 + e_biased, minus 2^52 + 1023.
  const double e = std::bit_cast<double>((bits >> 52) | 0x4330000000000000ULL) - (two_52 + 1023.0);
  const double r = m * inv_c_i[i] - 1.0;
  double p = -1.0 / 10.0;
  p = p * r + 1.0 / 9.0;
  p = p * r - 1.0 / 8.0;
  p = p * r + 1.0 / 7.0;
  p = p * r - 1.0 / 6.0;
  p = p * r + 1.0 / 5.0;
  p = p * r - 1.0 / 4.0;
  p = p * r + 1.0 / 3.0;
  p = p * r - 1.0 / 2.0;
  const double log1p_r = r + r * r * p;
  return e * ln2_hi + (ln_c_i[i] + (log1p_r + e * ln2_lo));
}

/// e^y for finite y; clamped to [-700, 700] (no overflow, no subnormals). Pure function.
[[nodiscard]] inline double fast_exp(double y) noexcept {
  y = y < -700.0 ? -700.0 : (y > 700.0 ? 700.0 : y);
  // Round y.32/ln2 to the nearest integer k with the 1.5 . 2^52 shifter: a plain IEEE
  // addition, and k is then in the low bits of t.
  constexpr double shifter = 6755399441055744.0;
  constexpr double inv_ln2_32 = 32.0 * 1.44269504088896338700e+00;
  const double t = y * inv_ln2_32 + shifter;
  const double k = t - shifter;
  const double r = (y - k * (ln2_hi / 32.0)) - k * (ln2_lo / 32.0);
  const std::int64_t ki = std::bit_cast<std::int64_t>(t) - std::bit_cast<std::int64_t>(shifter);
  const std::uint64_t j = static_cast<std::uint64_t>(ki) & 31u;
  const std::int64_t q = ki >> 5;  // floor(k / 32): arithmetic shift
  double p = 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  const double two_q = std::bit_cast<double>(static_cast<std::uint64_t>(q + 1023) << 52);
  return (p * exp2_j_32[j]) * two_q;
}

/// x^a for x > 0 and finite a, as exp(a ln x). Pure function.
[[nodiscard]] inline double fast_pow(double x, double a) noexcept { return fast_exp(a * fast_log(x)); }

}  // namespace coron::detail
