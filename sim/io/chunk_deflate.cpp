#include "io/chunk_deflate.hpp"

#include <stdexcept>
#include <string>
#include <zlib.h>

namespace coron::io {

std::vector<std::byte> shuffle_deflate(std::span<const std::byte> raw, std::size_t element_size, int level) {
  const std::size_t count = element_size > 0 ? raw.size() / element_size : 0;
  std::vector<std::byte> shuffled(raw.size());
  if (element_size <= 1 || count <= 1) {
    shuffled.assign(raw.begin(), raw.end());  // HDF5's shuffle leaves these as they are
  } else {
    for (std::size_t i = 0; i < count; ++i)
      for (std::size_t b = 0; b < element_size; ++b) shuffled[b * count + i] = raw[i * element_size + b];
    // Bytes past the last whole element (none for our types) stay in place, as in HDF5.
    for (std::size_t j = count * element_size; j < raw.size(); ++j) shuffled[j] = raw[j];
  }
  uLongf size = compressBound(static_cast<uLong>(shuffled.size()));
  std::vector<std::byte> out(size);
  const int status =
      compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(shuffled.data()),
                static_cast<uLong>(shuffled.size()), level);
  if (status != Z_OK) throw std::runtime_error("zlib compress2 failed with status " + std::to_string(status));
  out.resize(size);
  return out;
}

}  // namespace coron::io
