#pragma once
#include "io/dpe_certificate.hpp"

#include "coron/vocabulary.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

// A certificate's heating generators as the stock row's two (main and second, 3CL §9.1.4):
// each generator's heat is its consumption times the R_g its certificate computed at its load
// (donnee_intermediaire: conso_ch x rendement_generation, or x scop for a heat pump), which
// holds whatever split the method applied (a wood stove's 0.25 as backup, a boiler relieving a
// heat pump, the installations' surfaces, a cascade's powers, a collective base's coverage).
// Generators of one coron heating class are one; the generator giving most heat is the main one
// (its emitters, year and power are the row's), the other class giving most heat the second,
// with its share of the need (its heat times the R_e R_d R_r / I0 of the emitters it heats
// through, when every generator's are known: a stove's heat reaches the room with fewer losses
// than a boiler's); one burning electricity when the main burns a fuel (or the
// reverse) comes first, and a third class joins the kept generator of its kind, so that every
// part keeps its primary factor. docs/dpe-import.md.

namespace coron::stock {

/// What a generator's emitters do to its heat (3CL §8-9.1): the I0 of their intermittence and
/// their R_e R_d R_r; 0 when unknown.
struct EmitterChain {
  double i0 = 0.0;
  double efficiency = 0.0;
};

struct HeatingGenerators {
  /// Index of the generator giving most heat (consuming most when a generator states no R_g):
  /// its year, power and emitters are the row's.
  std::size_t main = 0;
  HeatingSystem main_system{};
  /// R_g of the main class's generators together (their heat over their consumption); 0 when
  /// a generator states none (the row then keeps its class's, and one generator).
  double main_efficiency = 0.0;
  HeatingSystem backup_system{};
  /// Index of the second class's generator giving most heat (its emitters are the second's);
  /// read when backup_share > 0.
  std::size_t backup = 0;
  double backup_share = 0.0;       ///< the second class's share of the need; 0: one generator
  double backup_efficiency = 0.0;  ///< its R_g, heat over consumption
  std::vector<std::string> notes;  ///< what was approximated
};

/// The main and second heating generators of `generators`, all of them of a known type id
/// (heating_system_of), at least one; `chains` holds each one's emitters (empty, or one of them
/// unknown: the shares are those of the heat).
[[nodiscard]] HeatingGenerators heating_generators(std::span<const io::DpeGenerator> generators,
                                                   std::span<const EmitterChain> chains = {});

}  // namespace coron::stock
