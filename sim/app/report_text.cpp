#include "app/report_text.hpp"

#include <fmt/core.h>

#include <cmath>

namespace coron::app {

namespace {

constexpr ReportWords english{
    .html_lang = "en",
    .js_locale = "en-GB",
    .title = "coron report",
    .scenarios = "Scenarios",
    .replicates_note = "Lines are medians (P50) across replicates; bands span P10 to P90.",
    .labels_title = "Dwellings by energy label",
    .dwellings = "dwellings",
    .year = "year",
    .energy_title = "Final energy",
    .energy_unit = "GWh/yr",
    .ghg_title = "CO2 emissions",
    .ghg_unit = "ktCO2e/yr",
    .started_title = "Renovations started per year",
    .renovations = "renovations",
    .spend_title = "Spending by funder",
    .spend_unit = "MEUR",
    .fuel_poor_title = "Fuel-poor households",
    .households = "households",
    .bans_title = "Rental-ban exposure",
    .households_in_banned = "households in banned dwellings",
    .banned_from_letting = "dwellings banned from letting",
    .cites_title = "By cité",
    .sort_hint = "Click a column header to sort.",
    .cite = "Cité",
    .renovated = "Renovated",
    .works_cost = "Works cost (MEUR)",
    .energy_first = "Final energy (GWh/yr)",
    .energy_last = "Final energy (GWh/yr)",
    .fuel_poor_last = "Fuel-poor households",
    .provenance_title = "Scenarios and provenance",
    .file = "File",
    .version = "coron version",
    .seed = "Seed",
    .created = "Created (UTC)",
    .replicates = "Replicates",
    .scenario_text = "Scenario",
    .band = "P10-P90",
};

constexpr ReportWords french{
    .html_lang = "fr",
    .js_locale = "fr-FR",
    .title = "Rapport coron",
    .scenarios = "Scénarios",
    .replicates_note = "Les lignes sont les médianes (P50) des réplicats ; les bandes vont de P10 à P90.",
    .labels_title = "Logements par étiquette énergétique",
    .dwellings = "logements",
    .year = "année",
    .energy_title = "Énergie finale",
    .energy_unit = "GWh/an",
    .ghg_title = "Émissions de CO2",
    .ghg_unit = "ktCO2e/an",
    .started_title = "Rénovations engagées par an",
    .renovations = "rénovations",
    .spend_title = "Dépenses par financeur",
    .spend_unit = "M€",
    .fuel_poor_title = "Ménages en précarité énergétique",
    .households = "ménages",
    .bans_title = "Exposition aux interdictions de louer",
    .households_in_banned = "ménages dans des logements interdits",
    .banned_from_letting = "logements interdits à la location",
    .cites_title = "Par cité",
    .sort_hint = "Cliquer sur un en-tête de colonne pour trier.",
    .cite = "Cité",
    .renovated = "Rénovés",
    .works_cost = "Coût des travaux (M€)",
    .energy_first = "Énergie finale (GWh/an)",
    .energy_last = "Énergie finale (GWh/an)",
    .fuel_poor_last = "Ménages précaires",
    .provenance_title = "Scénarios et provenance",
    .file = "Fichier",
    .version = "Version de coron",
    .seed = "Graine",
    .created = "Créé le (UTC)",
    .replicates = "Réplicats",
    .scenario_text = "Scénario",
    .band = "P10-P90",
};

// U+202F NARROW NO-BREAK SPACE: the French thousands separator (a thin space that
// does not break the number), the one Intl.NumberFormat("fr-FR") uses in the charts.
constexpr std::string_view french_group = "\u202F";

}  // namespace

const ReportWords& report_words(Language language) { return language == Language::fr ? french : english; }

std::string format_number(double value, int decimals, Language language) {
  if (std::isnan(value)) return "-";
  const std::string plain = fmt::format("{:.{}f}", std::fabs(value), decimals < 0 ? 0 : decimals);
  const std::size_t point = plain.find('.');
  const std::string integer = plain.substr(0, point);
  const std::string_view group = language == Language::fr ? french_group : std::string_view(",");
  std::string out;
  const bool negative = value < 0.0 && plain.find_first_not_of("0.") != std::string::npos;
  if (negative) out += '-';
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += group;
    out += integer[i];
  }
  if (point != std::string::npos) {
    out += language == Language::fr ? ',' : '.';
    out += plain.substr(point + 1);
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace coron::app
