#include "cluster/parallel_hdf5.hpp"

#include <hdf5.h>

#include <mpi.h>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace coron::cluster {

static_assert(std::is_same_v<hid_t, std::int64_t>);

namespace {

hid_t checked(hid_t id, const char* call) {
  if (id < 0) throw std::runtime_error(std::string(call) + " failed");
  return id;
}

void checked(herr_t status, const char* call) {
  if (status < 0) throw std::runtime_error(std::string(call) + " failed");
}

}  // namespace

ParallelHdf5::ParallelHdf5() {
  access_ = checked(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate");
  transfer_ = checked(H5Pcreate(H5P_DATASET_XFER), "H5Pcreate");
  checked(H5Pset_fapl_mpio(access_, MPI_COMM_WORLD, MPI_INFO_NULL), "H5Pset_fapl_mpio");
  // As a file being written alone: closing it with an object still open is an error.
  checked(H5Pset_fclose_degree(access_, H5F_CLOSE_SEMI), "H5Pset_fclose_degree");
  checked(H5Pset_dxpl_mpio(transfer_, H5FD_MPIO_COLLECTIVE), "H5Pset_dxpl_mpio");
}

ParallelHdf5::~ParallelHdf5() {
  if (transfer_ >= 0) H5Pclose(transfer_);
  if (access_ >= 0) H5Pclose(access_);
}

}  // namespace coron::cluster
