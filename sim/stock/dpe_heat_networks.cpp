#include "stock/dpe_heat_networks.hpp"

#include <algorithm>

namespace coron::stock {

namespace {

struct HeatNetworkRow {
  int year;
  std::string_view network;
  double kg_per_kwh;
};

constexpr HeatNetworkRow heat_network_rows[] = {
#include "stock/dpe_heat_networks.inc"
};

constexpr int first_list = 2022, last_list = 2024;

double in_list(std::string_view network, int year) noexcept {
  for (const HeatNetworkRow& r : heat_network_rows)
    if (r.year == year && r.network == network) return r.kg_per_kwh;
  return 0.0;
}

}  // namespace

int heat_network_list_year(int arrete_year, int certificate_year) noexcept {
  const int named = arrete_year > 0 ? arrete_year : certificate_year;
  return std::clamp(named - 1, first_list, last_list);
}

double heat_network_ghg(std::string_view network, int list_year) noexcept {
  if (network.empty()) return 0.0;
  for (int distance = 0; distance <= last_list - first_list; ++distance)
    for (const int year : {list_year - distance, list_year + distance})
      if (year >= first_list && year <= last_list)
        if (const double g = in_list(network, year); g > 0.0) return g;
  return 0.0;
}

}  // namespace coron::stock
