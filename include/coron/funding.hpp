#pragma once
#include "coron/scenario.hpp"
#include "coron/vocabulary.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

// Who pays for works (docs/model-funding.md): funders with yearly envelopes,
// eligibility rules and a maximum share of a cost, as grants or loans; the landlord
// pays the rest. Funders are served in the order they are listed; dwellings in the
// order the works step hands them over, so the split is deterministic. Numbers from
// data/economics/funders.yaml (or the scenario's own file), each with its source.

namespace coron {

enum class FunderKind : std::uint8_t { grant, loan };
inline constexpr std::array<std::string_view, 2> funder_kind_names = {"grant", "loan"};

struct Funder {
  std::string name;
  FunderKind kind = FunderKind::grant;
  std::string source;

  // Envelope: money available per year over [first_year, last_year].
  std::vector<YearStep> envelope_eur_per_yr;  ///< step function of the year
  int first_year = 0;
  int last_year = 9999;
  bool carry_over = false;  ///< unspent money of a year adds to the next year's

  // Eligibility (all must hold):
  std::vector<std::uint8_t> cite_categories;  ///< CiteCategory values; empty: any
  std::vector<std::string> cite_names;        ///< named cités; empty: any (resolved to cite_ids by setup)
  std::vector<std::int32_t> cite_ids;         ///< sorted; filled from cite_names
  bool qpv_only = false;
  std::vector<std::uint8_t> owners;   ///< Owner values; empty: any
  std::uint8_t label_before_min = 0;  ///< label before works at least this (0 = A: any)
  double primary_energy_before_min_kwh_m2 = 0.0;
  double primary_saving_min = 0.0;  ///< relative primary energy saving, 0..1
  std::uint8_t label_after_max = label_count - 1;

  // Amount for one dwelling: the least of these, of the envelope left and of the cost
  // not yet covered, rounded down to a whole euro (docs/model-funding.md: whole euros
  // make grants + loans + landlord == cost hold exactly, in any order of addition).
  double max_share = 1.0;  ///< of the works' cost
  double max_eur_per_dwelling = std::numeric_limits<double>::infinity();
  double eur_per_kwh_saved = 0.0;  ///< if > 0: at most this per kWh/yr of conventional final energy saved

  // Loans only:
  double interest_rate = 0.0;  ///< yearly
  int loan_years = 0;
};

/// The tenant's contribution after works (CCH L.442-3, R.442-24 to 30): a fixed
/// monthly sum of at most `saving_share` of the estimated energy saving, for `years`.
struct TenantContribution {
  bool enabled = false;
  double saving_share = 0.5;
  int years = 15;
};

struct FundingParams {
  std::vector<Funder> funders;
  TenantContribution tenant_contribution;
  /// Rent after works: ordinary tenants' rent rises by this, EUR per m2 and month.
  double rent_increase_eur_per_m2_month = 0.0;
};

/// What the funders need to know about one dwelling's works.
struct WorksToFund {
  std::int32_t cite_id = 0;
  std::uint8_t cite_category = 0;
  std::uint8_t owner = 0;
  bool qpv = false;
  std::uint8_t label_before = 0, label_after = 0;
  double primary_before_kwh_m2 = 0.0, primary_after_kwh_m2 = 0.0;
  double final_saving_kwh = 0.0;  ///< conventional final energy saved per year
  double cost_eur = 0.0;
};

/// Money still available per funder, year by year. Not thread-safe: one ledger per
/// replicate, dwellings funded one after another.
class FundingLedger {
 public:
  explicit FundingLedger(const FundingParams& params);

  /// Opens `year`: each funder's envelope of the year (0 outside [first_year,
  /// last_year]), plus, if it carries over, is active in `year` and the previous call
  /// opened `year - 1`, what was left of that year. Anything else left is lost.
  void begin_year(int year);
  /// Splits `works.cost_eur` between the funders (grant_eur, loan_eur: one entry per
  /// funder, overwritten) and returns the landlord's own part. Never exceeds an
  /// envelope; grants + loans + landlord == cost.
  double fund(const WorksToFund& works, std::span<double> grant_eur, std::span<double> loan_eur);
  /// What funder f has left this year.
  [[nodiscard]] double available(std::size_t f) const noexcept { return left_[f]; }

 private:
  const FundingParams* params_;
  int year_ = 0;
  std::vector<double> left_;
};

/// The tenant's contribution after works, EUR per year: `saving_share` of the estimated
/// saving on the energy bill (bill before works - bill after), never negative; 0 when not
/// enabled. The caller stops it after `years`. Pure, thread-safe.
[[nodiscard]] double tenant_contribution_eur_per_yr(const TenantContribution& contribution,
                                                    double bill_before_eur, double bill_after_eur) noexcept;

/// Yearly repayment of a loan of `principal` at `rate` over `years` (annuity; rate 0: linear).
[[nodiscard]] double loan_annuity_eur(double principal, double rate, int years) noexcept;

}  // namespace coron
