#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

// Arrays of plain values packed into bytes and read back in the same order: what one
// process sends another (the ranks of an MPI run, the slices of a stock). Both ends run
// the same program, so the bytes are the machine's own; a message that does not fit its
// reader means the two ends do not run the same scenario and stock.

namespace coron {

/// Appends arrays as (element count, raw bytes).
class BytePacker {
 public:
  template <class T>
  void put(std::span<const T> values) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::uint64_t n = values.size();
    append(&n, sizeof n);
    append(values.data(), values.size() * sizeof(T));
  }
  template <class T>
  void put(const std::vector<T>& values) {
    put(std::span<const T>(values));
  }
  [[nodiscard]] std::vector<std::byte> take() { return std::move(bytes_); }

 private:
  void append(const void* data, std::size_t size) {
    // resize and copy: g++ 12 mistakes vector<byte>::insert of a range for an overflow.
    const std::size_t at = bytes_.size();
    bytes_.resize(at + size);
    if (size != 0) std::memcpy(bytes_.data() + at, data, size);
  }
  std::vector<std::byte> bytes_;
};

/// Reads back what a BytePacker wrote, array by array.
class ByteUnpacker {
 public:
  explicit ByteUnpacker(std::span<const std::byte> bytes) : bytes_(bytes) {}

  /// The next array into `values`, which must be its size.
  template <class T>
  void get(std::span<T> values) {
    std::uint64_t n = 0;
    read(&n, sizeof n);
    if (n != values.size())
      throw std::runtime_error(
          "a message between processes does not fit its record: they do not run the same scenario and "
          "stock");
    read(values.data(), values.size() * sizeof(T));
  }
  /// The next array into `values`, which must be its size.
  template <class T>
  void get(std::vector<T>& values) {
    get(std::span<T>(values));
  }
  /// The next array, appended to `values`.
  template <class T>
  void append_to(std::vector<T>& values) {
    std::uint64_t n = 0;
    read(&n, sizeof n);
    const std::size_t at = values.size();
    values.resize(at + n);
    read(values.data() + at, n * sizeof(T));
  }
  /// The next array, whatever its size.
  template <class T>
  [[nodiscard]] std::vector<T> next() {
    std::vector<T> values;
    append_to(values);
    return values;
  }
  void expect_end() const {
    if (at_ != bytes_.size())
      throw std::runtime_error("a message between processes is longer than its record");
  }

 private:
  void read(void* data, std::size_t size) {
    if (bytes_.size() - at_ < size) throw std::runtime_error("a message between processes ends early");
    if (size != 0) std::memcpy(data, bytes_.data() + at_, size);
    at_ += size;
  }
  std::span<const std::byte> bytes_;
  std::size_t at_ = 0;
};

}  // namespace coron
