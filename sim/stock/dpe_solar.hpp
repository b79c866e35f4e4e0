#pragma once
#include "io/dpe_certificate.hpp"

#include <array>

// A certificate's solar gains as the row's four facades hold them. 3CL §6.2 sums, month by
// month, each window's area . sw . F_e . C1 (its orientation's and tilt's irradiation relative
// to a south vertical plane), and §6.3 adds what a veranda passes on; the row holds each
// facade's glazing area and one g, so each facade gets a sun factor: what its windows collect
// over the heating season (each month's irradiation weighting its C1) over what the same area
// of unshaded vertical glazing of the row's g would collect. 1 for unshaded vertical windows.

namespace coron::stock {

/// The four facades in the row's order: south, east, west, north.
inline constexpr std::size_t facade_count = 4;

struct FacadeSun {
  std::array<double, facade_count> factor{1.0, 1.0, 1.0, 1.0};
  bool horizontal = false;  ///< horizontal glazing, counted with the south facade
  /// Verandas that differ: only the first counts (as Open3CL 6.2_surface_sud_equivalente.js,
  /// which takes the first of the duplicates some software writes); a repeated one is no note.
  bool several_verandas = false;
  bool veranda_elsewhere = false;  ///< a veranda's gains without a window onto it, on the south facade
};

/// The row's facade of an enum_orientation_id: 1 south, 2 north, 3 east, 4 west, 5 horizontal (south).
[[nodiscard]] std::size_t facade_of(int orientation) noexcept;

/// The sun factors of `c`'s windows with b > 0, in climate zone `zone` (0 h1a .. 7 h3), altitude
/// class `altitude` (0 .. 2) and climate variant `ilpa` (0 or 1). Windows onto anything but the
/// outside or a veranda collect nothing (Open3CL counts only enum_type_adjacence_id 1 and 10).
[[nodiscard]] FacadeSun facade_sun(const io::DpeCertificate& c, std::size_t zone, std::size_t altitude,
                                   std::size_t ilpa);

}  // namespace coron::stock
