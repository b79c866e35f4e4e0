#pragma once
#include "io/dpe_certificate.hpp"
#include "stock/dpe_mapping.hpp"

#include "coron/stock.hpp"
#include "coron/thermal.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

// Certificates to a stock: each accepted certificate becomes one dwelling of the cité its
// number or address is assigned to (a cités table), or of the catch-all cité.

namespace coron::stock {

/// The catch-all cité of certificates no table row names.
inline constexpr std::string_view dpe_catch_all_cite = "hors cités";

/// Certificate number or address -> cité name.
struct DpeCiteTable {
  std::map<std::string, std::string> cite_of_key;
};

/// One accepted certificate: what was read and how it was mapped.
struct DpeImported {
  io::DpeCertificate certificate;
  DpeMapping mapping;
};

struct DpeImport {
  Stock stock;                        ///< one row per accepted certificate, in file order
  std::vector<DpeImported> imported;  ///< same order as the stock's rows
  std::vector<DpeRefusal> refused;
};

/// The .xml files of `inputs`: each file as given, each folder's *.xml sorted by name.
/// Throws InputError listing every input that does not exist.
[[nodiscard]] std::vector<std::filesystem::path> dpe_files(const std::vector<std::filesystem::path>& inputs);

/// Reads a cités table: a CSV with a header `key,cite` (key: a certificate number or its
/// address as "adresse_brut, code_postal_brut nom_commune_brut"). Throws InputError.
[[nodiscard]] DpeCiteTable read_dpe_cite_table(const std::filesystem::path& path);

/// Reads and maps every file, each use at the GHG content of the carrier its certificate burns
/// (`params`: stock/dpe_carriers.hpp). Throws InputError listing every file that is not
/// well-formed XML; refused certificates are listed in the result, not thrown. `files_done`, when
/// given, is called after each file with the count read so far (for a progress display).
[[nodiscard]] DpeImport import_dpe(const std::vector<std::filesystem::path>& files, const DpeCiteTable& cites,
                                   const ThermalParams& params,
                                   const std::function<void(std::size_t)>& files_done = {});

/// Imported, approximated and refused counts, then each refusal with its reason.
[[nodiscard]] std::string dpe_import_summary(const DpeImport& result);

}  // namespace coron::stock
