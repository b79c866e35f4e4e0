// libFuzzer harness: any bytes as a stock CSV (docs/stock-csv.md). The reader must
// answer with an InputError listing the problems or a stock, never crash or leak.
#include "stock/stock_csv.hpp"

#include "coron/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<coron::Diagnostic> notices;
  try {
    (void)coron::stock::parse_stock_csv(std::string_view(reinterpret_cast<const char*>(data), size),
                                        "fuzz.csv", &notices);
  } catch (const coron::InputError&) {
  }
  return 0;
}
