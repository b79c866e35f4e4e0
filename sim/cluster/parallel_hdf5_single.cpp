#include "cluster/parallel_hdf5.hpp"

#include <stdexcept>

namespace coron::cluster {

ParallelHdf5::ParallelHdf5() { throw std::logic_error("parallel HDF5 needs the MPI build (preset \"mpi\")"); }

ParallelHdf5::~ParallelHdf5() = default;

}  // namespace coron::cluster
