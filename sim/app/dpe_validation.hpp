#pragma once
#include "stock/dpe_import.hpp"

#include "coron/thermal.hpp"

#include <array>
#include <string>
#include <vector>

// `coron validate-dpe`: each imported certificate evaluated by the 3CL kernel beside what
// the certificate declares (GV, heating need, primary energy, GHG, label), then how the
// relative errors are distributed, houses and flats apart (docs/validation.md).

namespace coron::app {

/// One certificate: the kernel's figures and the declared ones, per dwelling.
struct DpeComparison {
  std::string number;
  bool is_house = false;
  bool approximated = false;
  double gv_w_per_k = 0.0, declared_gv_w_per_k = 0.0;
  double heating_need_kwh = 0.0, declared_heating_need_kwh = 0.0;
  double primary_energy_kwh_m2 = 0.0, declared_primary_energy_kwh_m2 = 0.0;
  double ghg_kg_m2 = 0.0, declared_ghg_kg_m2 = 0.0;
  /// Air renewal by ventilation and by permeability, W/K (the certificate's first ventilation).
  double hvent_w_per_k = 0.0, declared_hvent_w_per_k = 0.0;
  double hperm_w_per_k = 0.0, declared_hperm_w_per_k = 0.0;
  /// Final energy by use, kWh: heating, hot water, and lighting with the auxiliaries. A Cep
  /// miss is traced to its use by these.
  double heating_final_kwh = 0.0, declared_heating_final_kwh = 0.0;
  double dhw_final_kwh = 0.0, declared_dhw_final_kwh = 0.0;
  double other_final_kwh = 0.0, declared_other_final_kwh = 0.0;
  char label = '?', declared_label = '?';
};

/// The quantities compared, in the order of DpeErrorShares' arrays.
inline constexpr std::array<std::string_view, 9> dpe_compared = {
    "GV", "heating need", "Cep", "GHG", "H_vent", "H_perm", "heating final", "DHW final", "other final"};

/// The share of certificates within 1 % and 5 % (|computed/declared - 1|) per quantity,
/// and the share whose label is the declared one.
struct DpeErrorShares {
  std::size_t count = 0;
  std::array<double, dpe_compared.size()> within_1_percent{};
  std::array<double, dpe_compared.size()> within_5_percent{};
  std::array<double, dpe_compared.size()> median_abs_error{};  ///< median of |computed/declared - 1|
  double label_exact = 0.0;
};

/// The kernel's heat loss of row `i`, W/K, in the parts the certificate declares apart.
struct KernelHeatLoss {
  double transmission_w_per_k = 0.0, hvent_w_per_k = 0.0, hperm_w_per_k = 0.0;
};

/// Row `i`'s heat loss by the same functions the kernel sums.
[[nodiscard]] KernelHeatLoss kernel_heat_loss(const ThermalInputs& in, const ThermalParams& params,
                                              std::size_t i) noexcept;

/// The kernel's GV, W/K, of row `i` (the sum of kernel_heat_loss's parts).
[[nodiscard]] double kernel_gv_w_per_k(const ThermalInputs& in, const ThermalParams& params,
                                       std::size_t i) noexcept;

/// The primary energy factor of electricity a certificate of `year` applies: 2.3 until 2025
/// (arrêté du 31 mars 2021), 1.9 from 1 January 2026 (arrêté du 13 août 2025;
/// shared/reference/thermal-reference.md §4.2).
[[nodiscard]] double electricity_pef_in_force(int year) noexcept;

/// Whether a certificate established on `date` (YYYYMMDD) rates a dwelling under 40 m2 by the
/// limits of its own area: from 1 July 2024 (arrêté du 25 mars 2024, data/thermal/dpe-labels.yaml);
/// before, every dwelling took the general limits.
[[nodiscard]] bool small_dwelling_limits_in_force(int date) noexcept;

/// `params` with every small-dwelling row of the label limits set to the general limits.
[[nodiscard]] ThermalParams without_small_dwelling_limits(ThermalParams params);

/// Evaluates every imported row; declared building-scale figures (GV, need) are taken at
/// the row's envelope share. `electricity_pef` is the primary energy factor of electricity for
/// every certificate; 0: the one in force on each certificate's date. The label limits are
/// always those in force on each certificate's date.
[[nodiscard]] std::vector<DpeComparison> compare_with_certificates(const stock::DpeImport& imported,
                                                                   const ThermalParams& params,
                                                                   double electricity_pef = 0.0);

/// Which certificates an error distribution covers.
enum class DpeGroup { houses, flats, all };

/// The error shares of the rows of `group`.
[[nodiscard]] DpeErrorShares error_shares(const std::vector<DpeComparison>& rows, DpeGroup group);

/// The per-certificate table, then the distribution for houses, flats and all.
[[nodiscard]] std::string dpe_validation_report(const std::vector<DpeComparison>& rows);

/// |computed / declared - 1|; 0 when both are 0, infinity when only the declared one is.
[[nodiscard]] double relative_error(double computed, double declared) noexcept;

}  // namespace coron::app
