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
/// enum_type_generateur_ecs_id (1..133); nothing for an unknown id.
[[nodiscard]] std::optional<DpeMapped<DhwSystem>> dhw_system_of(int type_id) noexcept;
/// enum_type_ventilation_id (1..38); nothing for an unknown id.
[[nodiscard]] std::optional<DpeMapped<Ventilation>> ventilation_of(int type_id) noexcept;
/// enum_classe_inertie_id (1 very heavy, 2 heavy, 3 medium, 4 light); nothing otherwise.
[[nodiscard]] std::optional<DpeMapped<Inertia>> inertia_of(int class_id) noexcept;

}  // namespace coron::stock
