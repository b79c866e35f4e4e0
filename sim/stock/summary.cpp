#include "stock/summary.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <vector>

namespace coron::stock {

namespace {

double percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

/// Median of `values` (mean of the two middle ones when even); 0 when empty.
double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t m = values.size() / 2;
  return values.size() % 2 ? values[m] : 0.5 * (values[m - 1] + values[m]);
}

template <std::size_t N>
void count_line(fmt::memory_buffer& out, std::string_view title, const std::array<std::string_view, N>& names,
                const std::vector<std::uint8_t>& column) {
  std::array<std::size_t, N> count{};
  for (const std::uint8_t v : column)
    if (v < N) ++count[v];
  fmt::format_to(std::back_inserter(out), "{}:\n", title);
  for (std::size_t k = 0; k < N; ++k)
    fmt::format_to(std::back_inserter(out), "  {:<24}{:>8}  {:5.1f} %\n", names[k], count[k],
                   percent(count[k], column.size()));
}

}  // namespace

std::string summarize(const Stock& s) {
  fmt::memory_buffer out;
  const auto put = [&out]<class... Args>(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
  };
  const std::size_t n = s.size();
  put("stock: {} dwellings in {} cités\n", n, s.cites.size());

  count_line(out, "owners", owner_names, s.owner);
  count_line(out, "forms", archetype_names, s.archetype);
  {
    std::vector<std::uint8_t> category(n);
    for (std::size_t i = 0; i < n; ++i)
      category[i] = s.cites.category[static_cast<std::size_t>(s.cite_id[i])];
    count_line(out, "dwellings by cité category", cite_category_names, category);
    std::array<std::size_t, cite_category_names.size()> cites{};
    for (const std::uint8_t c : s.cites.category)
      if (c < cites.size()) ++cites[c];
    put("cités by category:");
    for (std::size_t k = 0; k < cites.size(); ++k) put(" {} {}", cite_category_names[k], cites[k]);
    put("\n");
  }

  std::size_t mc = 0, mc_unesco = 0, mc_qpv = 0, mc_unfit = 0, unfit = 0;
  for (std::size_t i = 0; i < n; ++i) {
    unfit += s.structurally_unfit[i];
    if (s.owner[i] != static_cast<std::uint8_t>(Owner::maisons_et_cites)) continue;
    ++mc;
    mc_unesco += s.heritage_unesco[i];
    mc_qpv += s.qpv[i];
    mc_unfit += s.structurally_unfit[i];
  }
  put("Maisons et Cités dwellings: {}\n", mc);
  put("  UNESCO heritage           {:>8}  {:5.1f} %\n", mc_unesco, percent(mc_unesco, mc));
  put("  in a QPV                  {:>8}  {:5.1f} %\n", mc_qpv, percent(mc_qpv, mc));
  put("  structurally unfit        {:>8}  {:5.1f} %\n", mc_unfit, percent(mc_unfit, mc));
  put("structurally unfit, all owners: {}\n", unfit);

  count_line(out, "heating systems", heating_system_names, s.heating_system);

  std::size_t occupied = 0, rights = 0, persons = 0;
  double rights_age_sum = 0.0;
  std::vector<double> income;
  std::vector<double> tenant_age;
  income.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!s.occupied[i]) continue;
    ++occupied;
    persons += s.household_size[i];
    income.push_back(s.income_per_cu_eur[i]);
    if (s.rights_holder[i]) {
      ++rights;
      rights_age_sum += s.head_age[i];
    } else {
      tenant_age.push_back(s.head_age[i]);
    }
  }
  put("households:\n");
  put("  occupied                  {:>8}  {:5.1f} % (vacant {:.1f} %)\n", occupied, percent(occupied, n),
      100.0 - percent(occupied, n));
  put("  rights holders            {:>8}  {:5.1f} % of occupied, mean head age {:.1f}\n", rights,
      percent(rights, occupied), rights ? rights_age_sum / static_cast<double>(rights) : 0.0);
  put("  other tenants' median head age {:.0f}\n", median(tenant_age));
  put("  persons                   {:>8}  {:.2f} per household\n", persons,
      occupied ? static_cast<double>(persons) / static_cast<double>(occupied) : 0.0);
  put("  median income             {:>8.0f}  EUR per consumption unit\n", median(income));

  if (n > 0) {
    const auto [lo, hi] = std::minmax_element(s.floor_area_m2.begin(), s.floor_area_m2.end());
    double sum = 0.0;
    for (const double a : s.floor_area_m2) sum += a;
    put("floor area: mean {:.1f} m2, median {:.1f} m2, min {:.1f} m2, max {:.1f} m2, total {:.0f} m2\n",
        sum / static_cast<double>(n), median(s.floor_area_m2), *lo, *hi, sum);
  }
  return fmt::to_string(out);
}

}  // namespace coron::stock
