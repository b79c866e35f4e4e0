#include "io/h5_file.hpp"

#include "coron/error.hpp"

#include <fmt/core.h>
#include <hdf5.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <utility>

namespace coron::io {

static_assert(std::is_same_v<detail::hid, hid_t>, "detail::hid must be HDF5's hid_t");

namespace detail {
namespace {

// Called for each frame of a copied error stack, outermost first: appends the
// same lines H5Eprint2 would print, so the message reads like HDF5's own.
herr_t append_frame(unsigned n, const H5E_error2_t* err, void* client) {
  auto& text = *static_cast<std::string*>(client);
  std::array<char, 256> major{};
  std::array<char, 256> minor{};
  if (H5Eget_msg(err->maj_num, nullptr, major.data(), major.size()) < 0) major[0] = '\0';
  if (H5Eget_msg(err->min_num, nullptr, minor.data(), minor.size()) < 0) minor[0] = '\0';
  text += fmt::format("  #{:03}: {} line {} in {}(): {}\n    major: {}\n    minor: {}\n", n,
                      err->file_name ? err->file_name : "?", err->line, err->func_name ? err->func_name : "?",
                      err->desc ? err->desc : "", major.data(), minor.data());
  return 0;
}

std::string current_error_stack() {
  // Copying the stack also clears it; walking the copy cannot be disturbed by
  // the H5Eget_msg calls made while formatting.
  const hid_t stack = H5Eget_current_stack();
  if (stack < 0) return "  (HDF5 error stack unavailable)\n";
  std::string text;
  if (H5Ewalk2(stack, H5E_WALK_DOWNWARD, append_frame, &text) < 0) text += "  (walk failed)\n";
  H5Eclose_stack(stack);
  return text.empty() ? "  (empty)\n" : text;
}

}  // namespace

void throw_h5_error(std::string_view call, std::string_view where) {
  throw H5Error(
      fmt::format("HDF5 {} failed on {}\nHDF5 error stack:\n{}", call, where, current_error_stack()));
}

void silence_hdf5_printing() {
  // At exit HDF5 closes what is still open. A file whose close failed (a full disk while
  // flushing) is half freed by then, and closing it again crashes HDF5 1.10; every file coron
  // writes or reads is closed before exit anyway. Only effective before HDF5's first call,
  // which is this one for every file opened through File.
  static const bool no_close_at_exit = H5dont_atexit() >= 0;
  (void)no_close_at_exit;
  // The Debian build is thread-safe, where the automatic printing is set per
  // thread; hence a per-thread flag rather than a global one.
  thread_local bool silenced = false;
  if (silenced) return;
  if (H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) < 0) throw H5Error("HDF5 H5Eset_auto2 failed");
  silenced = true;
}

namespace {

const char* close_call(HandleKind kind) noexcept {
  switch (kind) {
    case HandleKind::file:
      return "H5Fclose";
    case HandleKind::group:
      return "H5Gclose";
    case HandleKind::dataset:
      return "H5Dclose";
    case HandleKind::attribute:
      return "H5Aclose";
    case HandleKind::dataspace:
      return "H5Sclose";
    case HandleKind::datatype:
      return "H5Tclose";
    case HandleKind::plist:
      return "H5Pclose";
    case HandleKind::none:
      return "close";
  }
  return "close";
}

herr_t close_id(hid_t id, HandleKind kind) noexcept {
  switch (kind) {
    case HandleKind::file:
      return H5Fclose(id);
    case HandleKind::group:
      return H5Gclose(id);
    case HandleKind::dataset:
      return H5Dclose(id);
    case HandleKind::attribute:
      return H5Aclose(id);
    case HandleKind::dataspace:
      return H5Sclose(id);
    case HandleKind::datatype:
      return H5Tclose(id);
    case HandleKind::plist:
      return H5Pclose(id);
    case HandleKind::none:
      return 0;
  }
  return 0;
}

// A dataset or group closed by its destructor flushes what HDF5 still holds of it (chunks in
// the chunk cache, its header); a failed write there cannot be thrown from a destructor, and
// HDF5 then forgets it. Every such failure is counted, so that closing a file being written
// fails if any happened since the file was created (File::close), instead of a file with
// holes being renamed into place. Process-wide: files are written from one thread, and a
// count raised by another file only makes a close fail that might have succeeded.
std::atomic<std::uint64_t> unchecked_close_failures{0};

void close_unchecked(hid_t id, HandleKind kind) noexcept {
  if (close_id(id, kind) < 0) unchecked_close_failures.fetch_add(1);
}

}  // namespace

std::uint64_t unchecked_close_failure_count() noexcept { return unchecked_close_failures.load(); }

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    if (valid()) close_unchecked(id_, kind_);
    id_ = other.id_;
    kind_ = std::exchange(other.kind_, HandleKind::none);
  }
  return *this;
}

Handle::~Handle() {
  // Errors cannot be reported from a destructor; the checked path is close().
  if (valid()) close_unchecked(id_, kind_);
}

void Handle::close(std::string_view where) {
  if (!valid()) return;
  // A file whose objects are still open is refused before HDF5 touches it: the handle stays
  // owned, so the destructor tries again once they are gone. Any other failure (a full disk
  // while flushing) comes after HDF5 has freed most of the file, and closing it a second
  // time crashes HDF5 1.10: the handle is let go whatever the result.
  if (kind_ == HandleKind::file && H5Fget_obj_count(id_, H5F_OBJ_LOCAL | H5F_OBJ_DATASET | H5F_OBJ_GROUP |
                                                             H5F_OBJ_DATATYPE | H5F_OBJ_ATTR) > 0) {
    check(close_id(id_, kind_), close_call(kind_), where);
    kind_ = HandleKind::none;  // a reader's file (H5F_CLOSE_WEAK) closes once its objects are gone
    return;
  }
  const HandleKind kind = std::exchange(kind_, HandleKind::none);
  check(close_id(id_, kind), close_call(kind), where);
}

}  // namespace detail

namespace {

using detail::check;
using detail::Handle;
using detail::HandleKind;

// Memory (native) and file (little-endian, fixed width) types of each element type.
template <class T>
hid_t mem_type() {
  if constexpr (std::is_same_v<T, double>) return H5T_NATIVE_DOUBLE;
  if constexpr (std::is_same_v<T, std::uint8_t>) return H5T_NATIVE_UINT8;
  if constexpr (std::is_same_v<T, std::int16_t>) return H5T_NATIVE_INT16;
  if constexpr (std::is_same_v<T, std::int32_t>) return H5T_NATIVE_INT32;
  if constexpr (std::is_same_v<T, std::int64_t>) return H5T_NATIVE_INT64;
  if constexpr (std::is_same_v<T, std::uint64_t>) return H5T_NATIVE_UINT64;
}

template <class T>
hid_t file_type() {
  if constexpr (std::is_same_v<T, double>) return H5T_IEEE_F64LE;
  if constexpr (std::is_same_v<T, std::uint8_t>) return H5T_STD_U8LE;
  if constexpr (std::is_same_v<T, std::int16_t>) return H5T_STD_I16LE;
  if constexpr (std::is_same_v<T, std::int32_t>) return H5T_STD_I32LE;
  if constexpr (std::is_same_v<T, std::int64_t>) return H5T_STD_I64LE;
  if constexpr (std::is_same_v<T, std::uint64_t>) return H5T_STD_U64LE;
}

std::string join(const std::string& parent, std::string_view name) {
  if (name.starts_with('/')) return std::string(name);
  std::string out = parent;
  if (!out.ends_with('/')) out += '/';
  out += name;
  return out;
}

Handle make_space(std::span<const hsize_t> dims, std::string_view where) {
  if (dims.empty()) return {check(H5Screate(H5S_SCALAR), "H5Screate", where), HandleKind::dataspace};
  return {
      check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "H5Screate_simple", where),
      HandleKind::dataspace};
}

std::vector<hsize_t> to_hsize(std::span<const std::size_t> v) { return {v.begin(), v.end()}; }

Handle utf8_string_type(std::string_view where) {
  Handle type{check(H5Tcopy(H5T_C_S1), "H5Tcopy", where), HandleKind::datatype};
  check(H5Tset_size(type.id(), H5T_VARIABLE), "H5Tset_size", where);
  check(H5Tset_cset(type.id(), H5T_CSET_UTF8), "H5Tset_cset", where);
  return type;
}

Handle object_create_plist(hid_t cls, std::string_view where) {
  Handle plist{check(H5Pcreate(cls), "H5Pcreate", where), HandleKind::plist};
  // Modification times in object headers would make two runs' files differ
  // byte for byte although their contents are the same.
  check(H5Pset_obj_track_times(plist.id(), false), "H5Pset_obj_track_times", where);
  return plist;
}

std::size_t element_count(hid_t space, std::string_view where) {
  const hssize_t n = check(H5Sget_simple_extent_npoints(space), "H5Sget_simple_extent_npoints", where);
  return static_cast<std::size_t>(n);
}

// Reads `n` strings of file type `ftype` through `read(mem_type, buffer)`,
// whether the file stores them with fixed or variable length.
template <class Read>
std::vector<std::string> read_string_elements(hid_t ftype, hid_t space, std::size_t n, Read read,
                                              std::string_view call, std::string_view where) {
  if (check(H5Tget_class(ftype), "H5Tget_class", where) != H5T_STRING)
    throw H5Error(fmt::format("{} is not a string", where));
  Handle mem{check(H5Tcopy(H5T_C_S1), "H5Tcopy", where), HandleKind::datatype};
  check(H5Tset_cset(mem.id(), check(H5Tget_cset(ftype), "H5Tget_cset", where)), "H5Tset_cset", where);
  std::vector<std::string> out;
  out.reserve(n);
  const htri_t variable = check(H5Tis_variable_str(ftype), "H5Tis_variable_str", where);
  if (variable > 0) {
    check(H5Tset_size(mem.id(), H5T_VARIABLE), "H5Tset_size", where);
    std::vector<char*> buffer(n, nullptr);
    if (n == 0) return out;
    check(read(mem.id(), buffer.data()), call, where);
    // HDF5 allocated the strings; give them back even if copying throws.
    struct Reclaim {
      hid_t type, space;
      std::vector<char*>& buffer;
      ~Reclaim() { H5Dvlen_reclaim(type, space, H5P_DEFAULT, buffer.data()); }
    } reclaim{mem.id(), space, buffer};
    for (const char* s : buffer) out.emplace_back(s ? s : "");
    return out;
  }
  const std::size_t width = H5Tget_size(ftype);
  if (width == 0) detail::throw_h5_error("H5Tget_size", where);
  check(H5Tset_size(mem.id(), width), "H5Tset_size", where);
  check(H5Tset_strpad(mem.id(), H5T_STR_NULLPAD), "H5Tset_strpad", where);
  std::vector<char> buffer(n * width);
  if (n == 0) return out;
  check(read(mem.id(), buffer.data()), call, where);
  for (std::size_t i = 0; i < n; ++i) {
    const char* s = buffer.data() + i * width;
    out.emplace_back(s, strnlen(s, width));
  }
  return out;
}

Handle open_attribute(hid_t object, std::string_view name, std::string_view where) {
  return {check(H5Aopen(object, std::string(name).c_str(), H5P_DEFAULT), "H5Aopen", where),
          HandleKind::attribute};
}

}  // namespace

// ---------------------------------------------------------------- Object

std::string Object::where() const { return fmt::format("{} in {}", path_, file_.string()); }

namespace {

// Attributes are replaced rather than rewritten in place: the new value may
// have another type or shape.
Handle create_attribute(hid_t object, std::string_view name, hid_t type, hid_t space,
                        const std::string& where) {
  const std::string key(name);
  if (check(H5Aexists(object, key.c_str()), "H5Aexists", where) > 0)
    check(H5Adelete(object, key.c_str()), "H5Adelete", where);
  return {check(H5Acreate2(object, key.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2", where),
          HandleKind::attribute};
}

}  // namespace

void Object::set_attribute(std::string_view name, std::string_view value) {
  const std::string at = fmt::format("{} attribute '{}'", where(), name);
  Handle type = utf8_string_type(at);
  Handle space = make_space({}, at);
  Handle attr = create_attribute(id(), name, type.id(), space.id(), at);
  const std::string copy(value);  // HDF5 reads a NUL-terminated string
  const char* ptr = copy.c_str();
  check(H5Awrite(attr.id(), type.id(), &ptr), "H5Awrite", at);
  attr.close(at);
}

void Object::set_attribute(std::string_view name, std::span<const std::string_view> values) {
  const std::string at = fmt::format("{} attribute '{}'", where(), name);
  Handle type = utf8_string_type(at);
  const std::array<hsize_t, 1> dims{values.size()};
  Handle space = make_space(dims, at);
  Handle attr = create_attribute(id(), name, type.id(), space.id(), at);
  const std::vector<std::string> copies(values.begin(), values.end());
  std::vector<const char*> ptrs;
  ptrs.reserve(copies.size());
  for (const auto& s : copies) ptrs.push_back(s.c_str());
  if (!ptrs.empty()) check(H5Awrite(attr.id(), type.id(), ptrs.data()), "H5Awrite", at);
  attr.close(at);
}

template <class T>
requires detail::is_h5_scalar<T>
void Object::set_attribute(std::string_view name, T value) {
  const std::string at = fmt::format("{} attribute '{}'", where(), name);
  Handle space = make_space({}, at);
  Handle attr = create_attribute(id(), name, file_type<T>(), space.id(), at);
  check(H5Awrite(attr.id(), mem_type<T>(), &value), "H5Awrite", at);
  attr.close(at);
}

bool Object::has_attribute(std::string_view name) const {
  return check(H5Aexists(id(), std::string(name).c_str()), "H5Aexists", where()) > 0;
}

std::vector<std::string> Object::attribute_names() const {
  std::vector<std::string> names;
  auto collect = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t index = 0;
  check(H5Aiterate2(id(), H5_INDEX_NAME, H5_ITER_INC, &index, collect, &names), "H5Aiterate2", where());
  return names;
}

std::string Object::string_attribute(std::string_view name) const {
  const std::string at = fmt::format("{} attribute '{}'", where(), name);
  auto values = string_array_attribute(name);
  if (values.size() != 1) throw H5Error(fmt::format("{} holds {} strings, not one", at, values.size()));
  return std::move(values.front());
}

std::vector<std::string> Object::string_array_attribute(std::string_view name) const {
  const std::string at = fmt::format("{} attribute '{}'", where(), name);
  Handle attr = open_attribute(id(), name, at);
  Handle type{check(H5Aget_type(attr.id()), "H5Aget_type", at), HandleKind::datatype};
  Handle space{check(H5Aget_space(attr.id()), "H5Aget_space", at), HandleKind::dataspace};
  const hid_t a = attr.id();
  return read_string_elements(
      type.id(), space.id(), element_count(space.id(), at),
      [a](hid_t mem, void* buf) { return H5Aread(a, mem, buf); }, "H5Aread", at);
}

template <class T>
requires detail::is_h5_scalar<T> T Object::attribute(std::string_view name)
const {
  const std::string at = fmt::format("{} attribute '{}'", where(), name);
  Handle attr = open_attribute(id(), name, at);
  Handle space{check(H5Aget_space(attr.id()), "H5Aget_space", at), HandleKind::dataspace};
  if (element_count(space.id(), at) != 1) throw H5Error(fmt::format("{} is not a scalar", at));
  T value{};
  check(H5Aread(attr.id(), mem_type<T>(), &value), "H5Aread", at);
  return value;
}

// ---------------------------------------------------------------- DataSet

std::vector<std::size_t> DataSet::shape() const {
  Handle space{check(H5Dget_space(id()), "H5Dget_space", where()), HandleKind::dataspace};
  const int rank = check(H5Sget_simple_extent_ndims(space.id()), "H5Sget_simple_extent_ndims", where());
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr), "H5Sget_simple_extent_dims", where());
  return {dims.begin(), dims.end()};
}

std::size_t DataSet::size() const {
  Handle space{check(H5Dget_space(id()), "H5Dget_space", where()), HandleKind::dataspace};
  return element_count(space.id(), where());
}

std::vector<std::size_t> DataSet::chunk() const {
  Handle plist{check(H5Dget_create_plist(id()), "H5Dget_create_plist", where()), HandleKind::plist};
  if (check(H5Pget_layout(plist.id()), "H5Pget_layout", where()) != H5D_CHUNKED) return {};
  std::array<hsize_t, H5S_MAX_RANK> dims{};
  const int rank = check(H5Pget_chunk(plist.id(), H5S_MAX_RANK, dims.data()), "H5Pget_chunk", where());
  return {dims.begin(), dims.begin() + rank};
}

int DataSet::deflate_level() const {
  Handle plist{check(H5Dget_create_plist(id()), "H5Dget_create_plist", where()), HandleKind::plist};
  const int filters = check(H5Pget_nfilters(plist.id()), "H5Pget_nfilters", where());
  for (int i = 0; i < filters; ++i) {
    unsigned flags = 0;
    unsigned config = 0;
    std::array<unsigned, 8> values{};
    std::size_t count = values.size();
    const H5Z_filter_t filter = H5Pget_filter2(plist.id(), static_cast<unsigned>(i), &flags, &count,
                                               values.data(), 0, nullptr, &config);
    check(filter, "H5Pget_filter2", where());
    if (filter == H5Z_FILTER_DEFLATE) return count > 0 ? static_cast<int>(values[0]) : 0;
  }
  return 0;
}

std::uint64_t DataSet::storage_bytes() const { return H5Dget_storage_size(id()); }

std::string DataSet::type_name() const {
  Handle type{check(H5Dget_type(id()), "H5Dget_type", where()), HandleKind::datatype};
  const std::size_t bits = H5Tget_size(type.id()) * 8;
  switch (check(H5Tget_class(type.id()), "H5Tget_class", where())) {
    case H5T_FLOAT:
      return fmt::format("float{}", bits);
    case H5T_INTEGER:
      return fmt::format(
          "{}int{}", check(H5Tget_sign(type.id()), "H5Tget_sign", where()) == H5T_SGN_NONE ? "u" : "", bits);
    case H5T_STRING:
      return "string";
    default:
      return "other";
  }
}

template <class T>
requires detail::is_h5_scalar<T>
void DataSet::write(std::span<const T> data) {
  CORON_ASSERT(data.size() == size());
  if (data.empty()) return;
  check(H5Dwrite(id(), mem_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "H5Dwrite", where());
}

template <class T>
requires detail::is_h5_scalar<T>
void DataSet::write_slab(std::span<const std::size_t> offset, std::span<const std::size_t> count,
                         std::span<const T> data, detail::hid transfer) {
  static_assert(H5P_DEFAULT == 0, "transfer 0 stands for H5P_DEFAULT");
  const std::vector<std::size_t> extent = shape();
  CORON_ASSERT(offset.size() == extent.size() && count.size() == extent.size());
  std::size_t elements = 1;
  for (std::size_t d = 0; d < extent.size(); ++d) {
    CORON_ASSERT(offset[d] + count[d] <= extent[d]);
    elements *= count[d];
  }
  CORON_ASSERT(data.size() == elements);
  if (elements == 0 && transfer == H5P_DEFAULT) return;
  Handle file_space{check(H5Dget_space(id()), "H5Dget_space", where()), HandleKind::dataspace};
  if (elements == 0) {
    // This process's part of a collective write: nothing, on both sides.
    check(H5Sselect_none(file_space.id()), "H5Sselect_none", where());
    Handle memory_space{check(H5Scopy(file_space.id()), "H5Scopy", where()), HandleKind::dataspace};
    const T nothing{};
    check(H5Dwrite(id(), mem_type<T>(), memory_space.id(), file_space.id(), transfer, &nothing), "H5Dwrite",
          where());
    return;
  }
  const std::vector<hsize_t> start = to_hsize(offset);
  const std::vector<hsize_t> block = to_hsize(count);
  check(H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, start.data(), nullptr, block.data(), nullptr),
        "H5Sselect_hyperslab", where());
  Handle memory_space = make_space(block, where());
  check(H5Dwrite(id(), mem_type<T>(), memory_space.id(), file_space.id(), transfer, data.data()), "H5Dwrite",
        where());
}

void DataSet::write_chunk(std::span<const std::size_t> offset, std::span<const std::byte> stored) {
  const std::vector<hsize_t> start = to_hsize(offset);
  // Filter mask 0: every filter of the pipeline was applied.
  check(H5Dwrite_chunk(id(), H5P_DEFAULT, 0, start.data(), stored.size(), stored.data()), "H5Dwrite_chunk",
        where());
}

void DataSet::write_strings(std::span<const std::string> data) {
  CORON_ASSERT(data.size() == size());
  if (data.empty()) return;
  Handle type = utf8_string_type(where());
  std::vector<const char*> ptrs;
  ptrs.reserve(data.size());
  for (const auto& s : data) ptrs.push_back(s.c_str());
  check(H5Dwrite(id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "H5Dwrite", where());
}

template <class T>
requires detail::is_h5_scalar<T> std::vector<T> DataSet::read()
const {
  std::vector<T> out(size());
  if (out.empty()) return out;
  check(H5Dread(id(), mem_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "H5Dread", where());
  return out;
}

std::vector<std::string> DataSet::read_strings() const {
  Handle type{check(H5Dget_type(id()), "H5Dget_type", where()), HandleKind::datatype};
  Handle space{check(H5Dget_space(id()), "H5Dget_space", where()), HandleKind::dataspace};
  const hid_t d = id();
  return read_string_elements(
      type.id(), space.id(), element_count(space.id(), where()),
      [d](hid_t mem, void* buf) { return H5Dread(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf); }, "H5Dread",
      where());
}

std::vector<std::byte> DataSet::read_raw() const {
  Handle type{check(H5Dget_type(id()), "H5Dget_type", where()), HandleKind::datatype};
  if (check(H5Tdetect_class(type.id(), H5T_VLEN), "H5Tdetect_class", where()) > 0 ||
      check(H5Tis_variable_str(type.id()), "H5Tis_variable_str", where()) > 0)
    throw H5Error(fmt::format("{} has variable-length elements: no raw bytes to compare", where()));
  const std::size_t width = H5Tget_size(type.id());
  std::vector<std::byte> out(size() * width);
  if (out.empty()) return out;
  // Reading with the file's own type asks HDF5 for no conversion at all.
  check(H5Dread(id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "H5Dread", where());
  return out;
}

// ---------------------------------------------------------------- Group

std::string Group::child_path(std::string_view name) const { return join(path_, name); }

Group Group::create_group(std::string_view name) {
  std::string path = child_path(name);
  const std::string at = fmt::format("{} in {}", path, file_.string());
  Handle gcpl = object_create_plist(H5P_GROUP_CREATE, at);
  Handle group{check(H5Gcreate2(id(), std::string(name).c_str(), H5P_DEFAULT, gcpl.id(), H5P_DEFAULT),
                     "H5Gcreate2", at),
               HandleKind::group};
  return Group(std::move(group), file_, std::move(path));
}

Group Group::open_group(std::string_view name) const {
  std::string path = child_path(name);
  const std::string at = fmt::format("{} in {}", path, file_.string());
  Handle group{check(H5Gopen2(id(), std::string(name).c_str(), H5P_DEFAULT), "H5Gopen2", at),
               HandleKind::group};
  return Group(std::move(group), file_, std::move(path));
}

template <class T>
requires detail::is_h5_scalar<T> DataSet Group::create_dataset(std::string_view name,
                                                               std::span<const std::size_t> shape,
                                                               const DataSetOptions& options) {
  std::string path = child_path(name);
  const std::string at = fmt::format("{} in {}", path, file_.string());
  CORON_ASSERT(options.chunk.empty() || options.chunk.size() == shape.size());
  CORON_ASSERT(options.deflate >= 0 && options.deflate <= 9);
  CORON_ASSERT(options.deflate == 0 || !options.chunk.empty());
  const std::vector<hsize_t> dims = to_hsize(shape);
  Handle space = make_space(dims, at);
  Handle dcpl = object_create_plist(H5P_DATASET_CREATE, at);
  if (!options.chunk.empty()) {
    const std::vector<hsize_t> chunk = to_hsize(options.chunk);
    check(H5Pset_chunk(dcpl.id(), static_cast<int>(chunk.size()), chunk.data()), "H5Pset_chunk", at);
    if (options.deflate > 0) {
      // Shuffle first: grouping the bytes of equal significance makes the
      // slowly varying high bytes of doubles compress far better.
      check(H5Pset_shuffle(dcpl.id()), "H5Pset_shuffle", at);
      check(H5Pset_deflate(dcpl.id(), static_cast<unsigned>(options.deflate)), "H5Pset_deflate", at);
    }
  }
  Handle dataset{check(H5Dcreate2(id(), std::string(name).c_str(), file_type<T>(), space.id(), H5P_DEFAULT,
                                  dcpl.id(), H5P_DEFAULT),
                       "H5Dcreate2", at),
                 HandleKind::dataset};
  return DataSet(std::move(dataset), file_, std::move(path));
}

DataSet Group::write_strings(std::string_view name, std::span<const std::string> values) {
  std::string path = child_path(name);
  const std::string at = fmt::format("{} in {}", path, file_.string());
  Handle type = utf8_string_type(at);
  const std::array<hsize_t, 1> dims{values.size()};
  Handle space = make_space(dims, at);
  Handle dcpl = object_create_plist(H5P_DATASET_CREATE, at);
  Handle dataset{check(H5Dcreate2(id(), std::string(name).c_str(), type.id(), space.id(), H5P_DEFAULT,
                                  dcpl.id(), H5P_DEFAULT),
                       "H5Dcreate2", at),
                 HandleKind::dataset};
  DataSet out(std::move(dataset), file_, std::move(path));
  out.write_strings(values);
  return out;
}

DataSet Group::open_dataset(std::string_view name) const {
  std::string path = child_path(name);
  const std::string at = fmt::format("{} in {}", path, file_.string());
  Handle dataset{check(H5Dopen2(id(), std::string(name).c_str(), H5P_DEFAULT), "H5Dopen2", at),
                 HandleKind::dataset};
  return DataSet(std::move(dataset), file_, std::move(path));
}

bool Group::exists(std::string_view name) const {
  // H5Lexists fails (rather than answering no) when a parent is missing, so
  // walk the path one component at a time.
  std::string prefix = name.starts_with('/') ? "/" : "";
  std::size_t begin = name.find_first_not_of('/');
  while (begin != std::string_view::npos) {
    const std::size_t end = std::min(name.find('/', begin), name.size());
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    prefix += name.substr(begin, end - begin);
    if (check(H5Lexists(id(), prefix.c_str(), H5P_DEFAULT), "H5Lexists", where()) <= 0) return false;
    begin = name.find_first_not_of('/', end);
    if (begin == std::string_view::npos) return true;
    H5O_info_t info{};
    check(H5Oget_info_by_name2(id(), prefix.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
          "H5Oget_info_by_name2", where());
    if (info.type != H5O_TYPE_GROUP) return false;
  }
  return true;  // "" or "/": this group itself
}

bool Group::is_dataset(std::string_view name) const {
  if (!exists(name)) return false;
  H5O_info_t info{};
  check(H5Oget_info_by_name2(id(), std::string(name).c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
        "H5Oget_info_by_name2", where());
  return info.type == H5O_TYPE_DATASET;
}

namespace {

struct VisitState {
  std::string base;
  H5O_type_t wanted;
  std::vector<std::string>* out;
};

herr_t collect_objects(hid_t, const char* name, const H5O_info_t* info, void* data) {
  auto& state = *static_cast<VisitState*>(data);
  if (info->type == state.wanted && std::strcmp(name, ".") != 0) state.out->push_back(join(state.base, name));
  return 0;
}

}  // namespace

std::vector<std::string> Group::dataset_paths() const {
  std::vector<std::string> out;
  VisitState state{path_, H5O_TYPE_DATASET, &out};
  check(H5Ovisit2(id(), H5_INDEX_NAME, H5_ITER_INC, collect_objects, &state, H5O_INFO_BASIC), "H5Ovisit2",
        where());
  return out;
}

std::vector<std::string> Group::group_paths() const {
  std::vector<std::string> out;
  VisitState state{path_, H5O_TYPE_GROUP, &out};
  check(H5Ovisit2(id(), H5_INDEX_NAME, H5_ITER_INC, collect_objects, &state, H5O_INFO_BASIC), "H5Ovisit2",
        where());
  return out;
}

// ---------------------------------------------------------------- File

namespace {

Handle file_access_plist(H5F_close_degree_t degree, std::string_view where) {
  Handle fapl{check(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate", where), HandleKind::plist};
  check(H5Pset_fclose_degree(fapl.id(), degree), "H5Pset_fclose_degree", where);
  return fapl;
}

}  // namespace

File File::create(const std::filesystem::path& file) {
  detail::silence_hdf5_printing();
  const std::string at = fmt::format("/ in {}", file.string());
  // Closing a file being written while one of its objects is still open is
  // an error, instead of HDF5 silently keeping it open and unfinished on disk
  // (which the rename to the final name would then expose).
  Handle fapl = file_access_plist(H5F_CLOSE_SEMI, at);
  Handle handle{check(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.id()), "H5Fcreate", at),
                HandleKind::file};
  File created(std::move(handle), file, "/");
  created.close_failures_at_create_ = detail::unchecked_close_failure_count();
  return created;
}

File File::open(const std::filesystem::path& file) {
  detail::silence_hdf5_printing();
  const std::string at = fmt::format("/ in {}", file.string());
  // A reader may hand out datasets that outlive it; HDF5 closes the file
  // when the last of them is closed.
  Handle fapl = file_access_plist(H5F_CLOSE_WEAK, at);
  Handle handle{check(H5Fopen(file.c_str(), H5F_ACC_RDONLY, fapl.id()), "H5Fopen", at), HandleKind::file};
  return File(std::move(handle), file, "/");
}

File File::open_to_write(const std::filesystem::path& file, detail::hid access) {
  detail::silence_hdf5_printing();
  const std::string at = fmt::format("/ in {}", file.string());
  Handle own_access;
  if (access == H5P_DEFAULT) {
    own_access = file_access_plist(H5F_CLOSE_SEMI, at);
    access = own_access.id();
  }
  Handle handle{check(H5Fopen(file.c_str(), H5F_ACC_RDWR, access), "H5Fopen", at), HandleKind::file};
  File opened(std::move(handle), file, "/");
  opened.close_failures_at_create_ = detail::unchecked_close_failure_count();
  return opened;
}

void File::close() {
  const bool writing = close_failures_at_create_.has_value();
  handle_.close(where());
  if (writing && detail::unchecked_close_failure_count() != *close_failures_at_create_)
    throw H5Error(
        fmt::format("HDF5 could not finish writing {}: closing one of its objects failed (is the disk "
                    "full?)",
                    file_name().string()));
}

std::uint64_t File::size() const {
  hsize_t bytes = 0;
  check(H5Fget_filesize(id(), &bytes), "H5Fget_filesize", where());
  return bytes;
}

// ---------------------------------------------------------------- instantiations

#define CORON_H5_INSTANTIATE(T)                                                                    \
  template void Object::set_attribute<T>(std::string_view, T);                                     \
  template T Object::attribute<T>(std::string_view) const;                                         \
  template void DataSet::write<T>(std::span<const T>);                                             \
  template void DataSet::write_slab<T>(std::span<const std::size_t>, std::span<const std::size_t>, \
                                       std::span<const T>, detail::hid);                           \
  template std::vector<T> DataSet::read<T>() const;                                                \
  template DataSet Group::create_dataset<T>(std::string_view, std::span<const std::size_t>,        \
                                            const DataSetOptions&);
CORON_H5_INSTANTIATE(double)
CORON_H5_INSTANTIATE(std::uint8_t)
CORON_H5_INSTANTIATE(std::int16_t)
CORON_H5_INSTANTIATE(std::int32_t)
CORON_H5_INSTANTIATE(std::int64_t)
CORON_H5_INSTANTIATE(std::uint64_t)
#undef CORON_H5_INSTANTIATE

}  // namespace coron::io
