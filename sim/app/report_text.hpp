#pragma once
#include "app/json_text.hpp"  // json_string, used with the words and numbers here

#include <string>
#include <string_view>

// The words and number formats of the `coron report` page, in English or French,
// and the escaping of text taken from the results files.

namespace coron::app {

enum class Language : unsigned char { en, fr };

/// Every label, title and heading the page shows, in one language.
struct ReportWords {
  std::string_view html_lang;  ///< the <html lang> attribute
  std::string_view js_locale;  ///< the locale Chart.js formats numbers with
  std::string_view title;
  std::string_view scenarios;
  std::string_view replicates_note;  ///< after the replicate count: what the lines and bands are
  std::string_view labels_title;
  std::string_view dwellings;
  std::string_view year;
  std::string_view energy_title;
  std::string_view energy_unit;
  std::string_view ghg_title;
  std::string_view ghg_unit;
  std::string_view started_title;
  std::string_view renovations;
  std::string_view spend_title;
  std::string_view spend_unit;
  std::string_view fuel_poor_title;
  std::string_view households;
  std::string_view bans_title;
  std::string_view households_in_banned;
  std::string_view banned_from_letting;
  std::string_view cites_title;
  std::string_view sort_hint;
  std::string_view cite;
  std::string_view renovated;
  std::string_view works_cost;
  std::string_view energy_first;  ///< followed by the year
  std::string_view energy_last;   ///< followed by the year
  std::string_view fuel_poor_last;
  std::string_view provenance_title;
  std::string_view file;
  std::string_view version;
  std::string_view seed;
  std::string_view created;
  std::string_view replicates;
  std::string_view scenario_text;
  std::string_view band;  ///< legend of a P10-P90 band
};

/// The words of `language`. Static storage, any thread.
[[nodiscard]] const ReportWords& report_words(Language language);

/// `value` with `decimals` decimals, thousands grouped: "12,345.6" in English,
/// "12 345,6" in French (U+202F narrow no-break space, the French thin space, and a
/// decimal comma). "-" for NaN. Pure function.
[[nodiscard]] std::string format_number(double value, int decimals, Language language);

/// Text safe inside HTML elements and quoted attributes: & < > " ' escaped.
[[nodiscard]] std::string escape_html(std::string_view text);

}  // namespace coron::app
