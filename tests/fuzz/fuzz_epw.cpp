// libFuzzer harness: any bytes as an EnergyPlus weather file. The reader must answer
// with an InputError at the offending line and column or a weather year, never crash.
#include "io/epw_reader.hpp"

#include "coron/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)coron::io::parse_epw(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.epw");
  } catch (const coron::InputError&) {
  }
  return 0;
}
