#pragma once
#include <list>
#include <optional>
#include <string>
#include <vector>

// What a loader asks of a document, as recorded by a describing MapReader
// (yaml_reader.hpp): the loader run over no document writes this tree instead of
// reading, so the scenario schema (scenario_schema.hpp) cannot drift from the loader.

namespace coron::io {

struct KeyProperty;

/// One value: its JSON type, range, vocabulary and, for a mapping, its keys.
struct KeySchema {
  enum class Type { any, boolean, integer, number, string, array, object };
  Type type = Type::any;
  std::string description;  ///< the loader's own "expected ..." words
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::vector<std::string> enumeration;
  std::optional<std::size_t> min_items;  ///< arrays
  std::optional<std::size_t> max_items;
  std::list<KeySchema> items;  ///< arrays: the element (one at most)
  // Lists keep their elements in place, so a describing child reader may hold on to
  // its node while its parent's siblings are added.
  std::list<KeyProperty> properties;             ///< mappings, in the order the loader asks
  std::vector<std::string> required;             ///< keys asked for without has()
  std::vector<std::vector<std::string>> one_of;  ///< groups of keys of which exactly one is given
  bool closed = false;                           ///< the loader reports keys it did not ask for
  std::list<KeySchema> year_values;              ///< a mapping of year to this value (one at most)
  std::list<KeySchema> any_of;                   ///< a key read in more than one way
};

struct KeyProperty {
  std::string name;
  KeySchema schema;
};

}  // namespace coron::io
