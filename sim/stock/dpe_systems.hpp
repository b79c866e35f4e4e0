#pragma once
#include "coron/vocabulary.hpp"

#include <optional>
#include <string_view>

// The certificate's enumerations (ADEME DPE 2021 model, as listed in Open3CL src/enums.js)
// mapped to coron's vocabulary. `exact` is false where the vocabulary lacks the
// certificate's value and the closest one stands in; `why` then says what was lost.

namespace coron::stock {

template <class E>
struct DpeMapped {
  E value{};
  bool exact = true;
  std::string_view why;  ///< empty when exact
};

/// enum_type_generateur_ch_id (1..170); nothing for an unknown id.
[[nodiscard]] std::optional<DpeMapped<HeatingSystem>> heating_system_of(int type_id) noexcept;
/// The first installation year of the period an enum_type_generateur_ch_id names, for the boilers
/// whose coron class has the same loss curve and table rows (gas standard and classic, gas
/// condensing, oil standard and classic, pellets: data/thermal/systems.yaml part_load); 0 for
/// any other generator (its class keeps its fixed efficiency).
[[nodiscard]] int generator_year_of(int type_id) noexcept;
/// enum_type_generateur_ecs_id (1..133); nothing for an unknown id.
[[nodiscard]] std::optional<DpeMapped<DhwSystem>> dhw_system_of(int type_id) noexcept;
/// The carrier of enum_type_energie_id (1..14: electricity, natural gas, fuel oil, wood, a heat
/// network, propane, butane, coal, renewable electricity, LPG, other fossil fuel as fuel oil);
/// nothing for another id.
[[nodiscard]] std::optional<Carrier> carrier_of_energy(int energy_id) noexcept;
/// enum_type_ventilation_id (1..38); nothing for an unknown id.
[[nodiscard]] std::optional<DpeMapped<Ventilation>> ventilation_of(int type_id) noexcept;
/// enum_classe_inertie_id (1 very heavy, 2 heavy, 3 medium, 4 light); nothing otherwise.
[[nodiscard]] std::optional<DpeMapped<Inertia>> inertia_of(int class_id) noexcept;

}  // namespace coron::stock
