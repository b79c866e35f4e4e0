#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// A thin, checked wrapper over the HDF5 C API: RAII handles, and one check per C
// call that turns a negative return into coron::io::H5Error carrying the call,
// the object path and the HDF5 error stack. Only what coron's output needs.
//
// hdf5.h stays out of this header: identifiers are plain std::int64_t here (the
// .cpp checks that this is HDF5's hid_t), so tests and report tools that read
// results do not pull in HDF5's macros.
//
// Thread-safety: HDF5 1.10 serialises every call behind one global lock, so
// nothing is gained by calling it from several threads. Use one File from one
// thread; distinct Files on distinct threads are safe but not faster.

namespace coron::io {

/// An HDF5 C call failed. what() names the call, the object path (file and
/// object inside it) and the HDF5 error stack, innermost frame last.
class H5Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

using hid = std::int64_t;  ///< HDF5's hid_t

/// Throws H5Error for the failed `call` on `where` with the current HDF5 error
/// stack (which it clears). Calling thread only.
[[noreturn]] void throw_h5_error(std::string_view call, std::string_view where);

/// Returns `result` unless an HDF5 call signalled failure with a negative value.
template <class T>
T check(T result, std::string_view call, std::string_view where) {
  if (result < 0) throw_h5_error(call, where);
  return result;
}

/// Turns off HDF5's printing of error stacks to stderr on the calling thread
/// (the stack goes into H5Error instead). Cheap after the first call per thread.
void silence_hdf5_printing();

/// What closes a handle.
enum class HandleKind : std::uint8_t { none, file, group, dataset, attribute, dataspace, datatype, plist };

/// Owns one HDF5 identifier and closes it with the matching H5*close. Move-only.
class Handle {
 public:
  Handle() = default;
  Handle(hid id, HandleKind kind) noexcept : id_(id), kind_(kind) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(other.id_), kind_(other.kind_) { other.kind_ = HandleKind::none; }
  Handle& operator=(Handle&& other) noexcept;
  ~Handle();

  [[nodiscard]] hid id() const noexcept { return id_; }
  [[nodiscard]] bool valid() const noexcept { return kind_ != HandleKind::none; }
  /// Closes now; throws H5Error naming `where` if HDF5 reports a failure.
  void close(std::string_view where);

 private:
  hid id_ = -1;
  HandleKind kind_ = HandleKind::none;
};

/// How many closes by a destructor (whose errors cannot be thrown) have failed in this process.
[[nodiscard]] std::uint64_t unchecked_close_failure_count() noexcept;

/// The element types datasets and numeric attributes are read and written as.
template <class T>
inline constexpr bool is_h5_scalar =
    std::is_same_v<T, double> || std::is_same_v<T, std::uint8_t> || std::is_same_v<T, std::int16_t> ||
    std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int64_t> || std::is_same_v<T, std::uint64_t>;

}  // namespace detail

/// Storage options of a new dataset. An empty `chunk` means contiguous storage
/// (then no filter is possible); `deflate` 0 means no filter, 1..9 shuffle + deflate.
struct DataSetOptions {
  std::vector<std::size_t> chunk;
  int deflate = 0;
};

/// Something attributes hang on: a group, a dataset or the file's root group.
class Object {
 public:
  /// The file name and object path, as H5Error messages show them.
  [[nodiscard]] std::string where() const;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] const std::filesystem::path& file_name() const noexcept { return file_; }
  [[nodiscard]] detail::hid id() const noexcept { return handle_.id(); }

  /// Scalar variable-length UTF-8 string attribute (replaces an existing one).
  void set_attribute(std::string_view name, std::string_view value);
  void set_attribute(std::string_view name, const char* value) {
    set_attribute(name, std::string_view(value));
  }
  /// One-dimensional variable-length UTF-8 string array attribute.
  void set_attribute(std::string_view name, std::span<const std::string_view> values);
  /// Numeric scalar attribute, stored little-endian with T's width and signedness.
  template <class T>
  requires detail::is_h5_scalar<T>
  void set_attribute(std::string_view name, T value);
  void set_attribute(std::string_view name, int value) { set_attribute<std::int32_t>(name, value); }

  [[nodiscard]] bool has_attribute(std::string_view name) const;
  /// Names of every attribute, in name order.
  [[nodiscard]] std::vector<std::string> attribute_names() const;
  /// A scalar string attribute (fixed or variable length).
  [[nodiscard]] std::string string_attribute(std::string_view name) const;
  /// A one-dimensional string array attribute (fixed or variable length).
  [[nodiscard]] std::vector<std::string> string_array_attribute(std::string_view name) const;
  /// A numeric scalar attribute, converted by HDF5 to T.
  template <class T>
  requires detail::is_h5_scalar<T>
  [[nodiscard]] T attribute(std::string_view name) const;

 protected:
  Object() = default;
  Object(detail::Handle handle, std::filesystem::path file, std::string path)
      : handle_(std::move(handle)), file_(std::move(file)), path_(std::move(path)) {}

  detail::Handle handle_;
  std::filesystem::path file_;
  std::string path_;
};

/// A dataset: shape, whole-dataset reads and writes.
class DataSet : public Object {
 public:
  /// Extent of each dimension.
  [[nodiscard]] std::vector<std::size_t> shape() const;
  /// Number of elements (product of the shape).
  [[nodiscard]] std::size_t size() const;
  /// Chunk extents; empty when the dataset is not chunked.
  [[nodiscard]] std::vector<std::size_t> chunk() const;
  /// Deflate level of the filter pipeline, 0 when there is none.
  [[nodiscard]] int deflate_level() const;
  /// Bytes the data takes in the file (after filters).
  [[nodiscard]] std::uint64_t storage_bytes() const;
  /// "float64", "int32", "uint8", ..., or "string"; what the file stores.
  [[nodiscard]] std::string type_name() const;

  /// Writes the whole dataset; `data.size()` must equal size().
  template <class T>
  requires detail::is_h5_scalar<T>
  void write(std::span<const T> data);
  /// Writes the block of `count` elements per dimension starting at `offset`
  /// (a hyperslab); `data` holds the block row-major. `transfer`: the data transfer
  /// property list, 0 for HDF5's default. With a collective one (a file several processes
  /// write through MPI-IO), every process must call, and a block of no element is this
  /// process's part of the write: none.
  template <class T>
  requires detail::is_h5_scalar<T>
  void write_slab(std::span<const std::size_t> offset, std::span<const std::size_t> count,
                  std::span<const T> data, detail::hid transfer = 0);
  /// Writes one chunk's bytes as they are stored, already through the dataset's
  /// filters (shuffle then deflate): `offset` is the chunk's first element.
  void write_chunk(std::span<const std::size_t> offset, std::span<const std::byte> stored);
  /// Writes the whole one-dimensional string dataset.
  void write_strings(std::span<const std::string> data);

  /// Reads the whole dataset, converted by HDF5 to T (row-major).
  template <class T>
  requires detail::is_h5_scalar<T>
  [[nodiscard]] std::vector<T> read() const;
  /// Reads a string dataset (fixed or variable length).
  [[nodiscard]] std::vector<std::string> read_strings() const;
  /// The data as the file's type lays it out in memory, without conversion:
  /// equal bytes mean bit-identical values. Fixed-size types only.
  [[nodiscard]] std::vector<std::byte> read_raw() const;

 private:
  friend class Group;
  using Object::Object;
};

/// A group: children by name (paths relative to this group, or absolute).
class Group : public Object {
 public:
  [[nodiscard]] Group create_group(std::string_view name);
  [[nodiscard]] Group open_group(std::string_view name) const;
  /// An empty dataset of element type T; write it with DataSet::write.
  template <class T>
  requires detail::is_h5_scalar<T>
  [[nodiscard]] DataSet create_dataset(std::string_view name, std::span<const std::size_t> shape,
                                       const DataSetOptions& options = {});
  /// A one-dimensional dataset of variable-length UTF-8 strings, written at once.
  DataSet write_strings(std::string_view name, std::span<const std::string> values);
  [[nodiscard]] DataSet open_dataset(std::string_view name) const;
  /// True when a link of that name (or path) exists, parents included.
  [[nodiscard]] bool exists(std::string_view name) const;
  /// True when `name` exists and is a dataset (false for a group).
  [[nodiscard]] bool is_dataset(std::string_view name) const;
  /// Absolute paths of every dataset below this group (recursive, name order).
  [[nodiscard]] std::vector<std::string> dataset_paths() const;
  /// Absolute paths of every group below this group (recursive, name order).
  [[nodiscard]] std::vector<std::string> group_paths() const;

 protected:
  friend class File;
  using Object::Object;

 private:
  [[nodiscard]] std::string child_path(std::string_view name) const;
};

/// An HDF5 file; itself the root group "/".
class File : public Group {
 public:
  /// Creates (truncating) a file for writing. Calling thread only.
  [[nodiscard]] static File create(const std::filesystem::path& file);
  /// Opens an existing file read-only. Calling thread only.
  [[nodiscard]] static File open(const std::filesystem::path& file);
  /// Opens an existing file to write into it, through `access` (a file access property
  /// list: MPI-IO for a file several processes write; 0 for HDF5's default, one process).
  /// Its close checks, as a created file's, that every object was closed first.
  [[nodiscard]] static File open_to_write(const std::filesystem::path& file, detail::hid access = 0);
  /// Flushes and closes; throws H5Error if HDF5 cannot finish the file. The
  /// destructor closes too, but swallows errors, so call this on success paths.
  void close();
  /// Bytes the file takes so far, as HDF5 has allocated them (written or not yet flushed).
  [[nodiscard]] std::uint64_t size() const;

 private:
  using Group::Group;
  /// For a file being written, the count of failed destructor closes when it was created.
  std::optional<std::uint64_t> close_failures_at_create_;
};

}  // namespace coron::io
