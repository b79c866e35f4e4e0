#pragma once
// The generated mining stock of the shipped scenarios (data/stock, seed 2017), built once
// per benchmark program and shared by the benchmarks that need the whole stock.
#include "stock/generator.hpp"

#include "coron/error.hpp"
#include "coron/stock.hpp"

namespace coron::bench {

inline const Stock& mining_stock() {
  static const Stock stock = [] {
    Diagnostics diag;
    const stock::StockParameters p = stock::load_stock_parameters(CORON_DATA_DIR, diag);
    diag.throw_if_any();
    return stock::generate_stock(p, 2017);
  }();
  return stock;
}

}  // namespace coron::bench
