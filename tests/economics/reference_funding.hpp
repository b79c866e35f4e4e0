#pragma once
#include "coron/funding.hpp"

#include <vector>

// An independent, plain reference of the funding ledger, written from docs/model-funding.md
// with loops and if branches. It shares nothing with models/economics/funding.cpp but the
// parameter structs: its own step-function lookup, eligibility, caps and carry-over.

namespace coron::reference {

/// One dwelling's split: per funder, and the landlord's part.
struct Split {
  std::vector<double> grant_eur, loan_eur;
  double landlord_eur = 0.0;
};

/// Every condition of `funder` holds for `works`.
[[nodiscard]] bool funder_eligible(const Funder& funder, const WorksToFund& works);

/// Money per funder, opened year by year.
struct Ledger {
  const FundingParams* params = nullptr;
  std::vector<double> money;  ///< left per funder
  bool opened = false;
  int opened_year = 0;

  explicit Ledger(const FundingParams& p);
  void begin_year(int year);
  Split fund(const WorksToFund& works);
};

}  // namespace coron::reference
