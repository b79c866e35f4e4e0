// libFuzzer harness: any bytes as a scenario file. The loader must answer with an
// InputError (a list of diagnostics) or a scenario, never crash, hang or leak; any
// other exception escaping is a bug too (libFuzzer reports it as a crash).
#include "io/scenario_loader.hpp"

#include "coron/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Relative paths in the scenario (data:, stock: file:) resolve against the test data,
  // so that inputs mutated from the shipped scenarios reach the data and stock checks.
  try {
    (void)coron::io::parse_scenario(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml",
                                    CORON_FUZZ_SCENARIO_FOLDER);
  } catch (const coron::InputError&) {
  }
  return 0;
}
