#pragma once
#include <cstdint>

// The HDF5 property lists through which the ranks of an MPI run write one file side by
// side: file access by MPI-IO over MPI_COMM_WORLD, and collective transfers (which HDF5
// needs to write compressed chunks from several processes). Only the MPI build has them.

namespace coron::cluster {

class ParallelHdf5 {
 public:
  /// Throws std::logic_error in the ordinary build (a run of one process never asks).
  ParallelHdf5();
  ParallelHdf5(const ParallelHdf5&) = delete;
  ParallelHdf5& operator=(const ParallelHdf5&) = delete;
  ~ParallelHdf5();

  [[nodiscard]] std::int64_t access() const noexcept { return access_; }
  [[nodiscard]] std::int64_t transfer() const noexcept { return transfer_; }

 private:
  std::int64_t access_ = -1;
  std::int64_t transfer_ = -1;
};

}  // namespace coron::cluster
