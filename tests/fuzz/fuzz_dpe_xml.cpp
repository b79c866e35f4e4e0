// libFuzzer harness: any bytes as a DPE certificate (ADEME "DPE 3CL 2021" XML). The import
// must answer with an InputError (not well-formed XML), a refusal naming the element, or a
// row, never crash, hang, leak or expand entities without bound.
#include "fixtures/temp_dir.hpp"
#include "stock/dpe_import.hpp"

#include "coron/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

// libxml2 reads the certificate from a file, as `coron stock import-dpe` does; its folder is
// removed when the harness exits.
const fs::path& input_path() {
  static const coron::fixtures::TempDir dir("fuzz_dpe");
  static const fs::path path = dir.path() / "certificate.xml";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(input_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const coron::stock::DpeImport result =
        coron::stock::import_dpe({input_path()}, {}, coron::ThermalParams{});
    (void)coron::stock::dpe_import_summary(result);
  } catch (const coron::InputError&) {
  }
  return 0;
}
