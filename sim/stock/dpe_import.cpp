#include "stock/dpe_import.hpp"

#include "io/dpe_xml.hpp"
#include "stock/dpe_carriers.hpp"
#include "util/csv_split.hpp"

#include "coron/error.hpp"
#include "coron/parallel_for.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>

namespace coron::stock {

namespace {

// The row's identity and household columns: certificates say nothing of the landlord or
// the household. The archetype is a placeholder (the vocabulary has the mining forms
// only): pavillon for a house, cite_moderne for a flat (docs/dpe-import.md).
void append_row(Stock& s, const DpeImported& d, std::int32_t cite) {
  const std::size_t i = s.size();
  s.resize(i + 1);
  s.dwelling_id[i] = static_cast<std::int64_t>(i);
  s.cite_id[i] = cite;
  s.owner[i] = static_cast<std::uint8_t>(Owner::other_landlord);
  s.archetype[i] =
      static_cast<std::uint8_t>(d.mapping.is_house ? Archetype::pavillon : Archetype::cite_moderne);
  s.year_built[i] = std::clamp(d.certificate.year_built > 0 ? d.certificate.year_built : 1948, 1700, 2100);
#define CORON_DPE_COPY(T, name, unit, spec, text) s.name[i] = d.mapping.row.name;
  CORON_THERMAL_COLUMNS(CORON_DPE_COPY)
#undef CORON_DPE_COPY
}

std::int32_t cite_row(CiteTable& cites, const std::string& name) {
  const auto it = std::find(cites.name.begin(), cites.name.end(), name);
  if (it != cites.name.end()) return static_cast<std::int32_t>(it - cites.name.begin());
  cites.name.push_back(name);
  cites.communes.emplace_back();
  cites.epci.emplace_back();
  cites.category.push_back(static_cast<std::uint8_t>(CiteCategory::unnamed));
  cites.dwellings.push_back(0);
  cites.heritage_unesco.push_back(0);
  cites.qpv.push_back(0);
  return static_cast<std::int32_t>(cites.size() - 1);
}

}  // namespace

std::vector<std::filesystem::path> dpe_files(const std::vector<std::filesystem::path>& inputs) {
  Diagnostics diag;
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::filesystem::path> in_folder;
      for (const auto& entry : std::filesystem::directory_iterator(input, ec))
        if (entry.path().extension() == ".xml") in_folder.push_back(entry.path());
      std::sort(in_folder.begin(), in_folder.end());
      files.insert(files.end(), in_folder.begin(), in_folder.end());
    } else if (std::filesystem::exists(input, ec)) {
      files.push_back(input);
    } else {
      diag.add(input.string(), 0, 0, "", "no such file or folder");
    }
  }
  diag.throw_if_any();
  return files;
}

DpeCiteTable read_dpe_cite_table(const std::filesystem::path& path) {
  Diagnostics diag;
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.add(file, 0, 0, "", "cannot read this file");
    diag.throw_if_any();
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string error;
  int line = 0, column = 0;
  const std::vector<util::CsvRecord> records = util::split_csv(text.str(), error, line, column);
  if (!error.empty()) diag.add(file, line, column, "", error);
  diag.throw_if_any();
  DpeCiteTable table;
  if (records.empty() || records[0].fields.size() != 2 || records[0].fields[0].text != "key" ||
      records[0].fields[1].text != "cite") {
    diag.add(file, 1, 1, "", "expected the header 'key,cite'");
    diag.throw_if_any();
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& rec = records[r];
    if (rec.fields.size() != 2 || rec.fields[0].text.empty() || rec.fields[1].text.empty()) {
      diag.add(file, rec.line, 1, "", "expected a key and a cité name");
      continue;
    }
    const auto [it, inserted] = table.cite_of_key.emplace(rec.fields[0].text, rec.fields[1].text);
    if (!inserted && it->second != rec.fields[1].text)
      diag.add(file, rec.line, 1, "key",
               fmt::format("'{}' is already assigned to '{}'", it->first, it->second));
  }
  diag.throw_if_any();
  return table;
}

namespace {

/// One certificate read and mapped, or the diagnostics of a file that is not well-formed XML.
struct ReadCertificate {
  DpeImported d;
  std::vector<Diagnostic> malformed;
};

ReadCertificate read_certificate(const std::filesystem::path& file) {
  ReadCertificate r;
  try {
    r.d.certificate = io::read_dpe_certificate(file.string());
  } catch (const InputError& e) {
    r.malformed = e.diagnostics();
    return r;
  }
  r.d.mapping = map_dpe_certificate(r.d.certificate);
  return r;
}

/// Adds one read certificate to `result` (a row of its cité, or a refusal); a file that is
/// not well-formed XML goes to `diag`.
void add_certificate(ReadCertificate&& read, const DpeCiteTable& cites, DpeImport& result,
                     Diagnostics& diag) {
  for (Diagnostic& item : read.malformed) diag.add(std::move(item));
  if (!read.malformed.empty()) return;
  DpeImported& d = read.d;
  if (d.mapping.refused) {
    result.refused.push_back(d.mapping.refusal);
    return;
  }
  auto it = cites.cite_of_key.find(d.certificate.number);
  if (it == cites.cite_of_key.end()) it = cites.cite_of_key.find(d.certificate.address);
  const std::string cite = it != cites.cite_of_key.end() ? it->second : std::string(dpe_catch_all_cite);
  const std::int32_t row = cite_row(result.stock.cites, cite);
  ++result.stock.cites.dwellings[static_cast<std::size_t>(row)];
  append_row(result.stock, d, row);
  result.imported.push_back(std::move(d));
}

}  // namespace

DpeImport import_dpe(const std::vector<std::filesystem::path>& files, const DpeCiteTable& cites,
                     const ThermalParams& params, const std::function<void(std::size_t)>& files_done) {
  // Files are parsed and mapped in parallel, a batch at a time, then added in file order,
  // so that rows, refusals and diagnostics do not depend on the thread count and the
  // progress callback runs on this thread only.
  io::XmlDocument::prepare_threads();
  Diagnostics diag;
  DpeImport result;
  constexpr std::size_t batch = 256;
  std::vector<ReadCertificate> read(std::min(batch, files.size()));
  for (std::size_t first = 0; first < files.size(); first += batch) {
    const std::size_t count = std::min(batch, files.size() - first);
    coron::parallel_for(count, [&](std::size_t k) { read[k] = read_certificate(files[first + k]); });
    for (std::size_t k = 0; k < count; ++k) {
      add_certificate(std::move(read[k]), cites, result, diag);
      if (files_done) files_done(first + k + 1);
    }
  }
  diag.throw_if_any();
  (void)apply_certificate_carriers(result, params);
  return result;
}

std::string dpe_import_summary(const DpeImport& result) {
  const std::size_t approximated = static_cast<std::size_t>(
      std::count_if(result.imported.begin(), result.imported.end(),
                    [](const DpeImported& d) { return !d.mapping.approximations.empty(); }));
  const std::size_t houses =
      static_cast<std::size_t>(std::count_if(result.imported.begin(), result.imported.end(),
                                             [](const DpeImported& d) { return d.mapping.is_house; }));
  std::string out = fmt::format(
      "imported {} certificates ({} houses, {} flats), {} of them approximated; "
      "refused {}\n",
      result.imported.size(), houses, result.imported.size() - houses, approximated, result.refused.size());
  for (const DpeRefusal& r : result.refused) out += fmt::format("  refused {}\n", r.format());
  return out;
}

}  // namespace coron::stock
