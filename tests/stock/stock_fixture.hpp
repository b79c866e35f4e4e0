#pragma once
#include "stock/generator.hpp"

#include "coron/error.hpp"
#include "coron/stock.hpp"

#include <cstdint>

// The generator's parameters from data/stock, loaded once for all tests, and the
// stock of the default seed.

namespace coron::stock::testing {

inline constexpr std::uint64_t default_seed = 2018;

inline const StockParameters& parameters() {
  static const StockParameters params = [] {
    Diagnostics diag;
    StockParameters p = load_stock_parameters(CORON_DATA_DIR, diag);
    diag.throw_if_any();
    return p;
  }();
  return params;
}

inline const Stock& default_stock() {
  static const Stock stock = generate_stock(parameters(), default_seed);
  return stock;
}

inline bool is_mc(const Stock& s, std::size_t i) {
  return s.owner[i] == static_cast<std::uint8_t>(Owner::maisons_et_cites);
}

}  // namespace coron::stock::testing
