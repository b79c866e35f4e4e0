#pragma once
#include "coron/error.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A DPE certificate's XML as libxml2 reads it, with what the reader needs: children by
// name, text as a number, the line of each element and its path
// (/dpe/logement/.../installation_chauffage[2]) for diagnostics. libxml2 stays in the .cpp.

struct _xmlDoc;
struct _xmlNode;

namespace coron::io {

/// One element of a parsed document (a non-owning handle; null when absent).
class XmlElement {
 public:
  XmlElement() = default;
  explicit XmlElement(_xmlNode* node) : node_(node) {}

  [[nodiscard]] explicit operator bool() const noexcept { return node_ != nullptr; }
  /// The first child element called `name`, or a null element.
  [[nodiscard]] XmlElement child(std::string_view name) const noexcept;
  /// The element at `path` ("a/b/c") below this one, or a null element.
  [[nodiscard]] XmlElement find(std::string_view path) const noexcept;
  /// Every child element called `name`, in document order.
  [[nodiscard]] std::vector<XmlElement> children(std::string_view name) const;
  /// Every element called `name` at any depth below this one, in document order.
  [[nodiscard]] std::vector<XmlElement> descendants(std::string_view name) const;
  /// The element's text, trimmed ("" for a null element).
  [[nodiscard]] std::string text() const;
  /// The text of `path` read as a number; nothing when absent, empty or not a number.
  [[nodiscard]] std::optional<double> number(std::string_view path) const;
  /// 1-based line of the element in its file (0 for a null element).
  [[nodiscard]] int line() const noexcept;
  /// XPath-like location, e.g. /dpe/logement/enveloppe/mur_collection/mur[3].
  [[nodiscard]] std::string path() const;

 private:
  _xmlNode* node_ = nullptr;
};

/// A parsed XML file; owns the libxml2 document.
class XmlDocument {
 public:
  /// Parses `path`. Throws InputError (file:line: what libxml2 found) when the file is
  /// missing or is not well-formed XML.
  static XmlDocument parse_file(const std::string& path);
  /// Sets libxml2 up for parsing on several threads at once (xmlInitParser): call it on
  /// one thread before such parsing starts. Calling it again does nothing.
  static void prepare_threads();
  [[nodiscard]] XmlElement root() const noexcept;

 private:
  struct Free {
    void operator()(_xmlDoc* doc) const noexcept;
  };
  std::unique_ptr<_xmlDoc, Free> doc_;
};

}  // namespace coron::io
