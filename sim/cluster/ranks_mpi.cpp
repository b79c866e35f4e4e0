#include "cluster/ranks.hpp"

#include <climits>

#include <algorithm>
#include <cstdlib>
#include <mpi.h>
#include <stdexcept>
#include <string>

// The MPI build. A message is its size (8 bytes), then its bytes in pieces of at most 1 GiB:
// MPI counts in int, and a replicate's record of a large stock passes 2 GiB.

namespace coron::cluster {

namespace {

constexpr int tag = 1;
constexpr std::size_t piece_bytes = std::size_t{1} << 30;

Ranks started(0, 1);
bool initialised_here = false;

void check(int code, const char* call) {
  if (code == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, text, &length);
  throw std::runtime_error(std::string(call) + ": " + std::string(text, static_cast<std::size_t>(length)));
}

}  // namespace

Session::Session(int& argc, char**& argv) {
  int provided = 0;
  check(MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided), "MPI_Init_thread");
  initialised_here = true;
  if (provided < MPI_THREAD_SERIALIZED)
    throw std::runtime_error(
        "this MPI library cannot take calls from several threads one at a time "
        "(MPI_THREAD_SERIALIZED), which the replicates' hand-over needs");
  int rank = 0, size = 1;
  check(MPI_Comm_rank(MPI_COMM_WORLD, &rank), "MPI_Comm_rank");
  check(MPI_Comm_size(MPI_COMM_WORLD, &size), "MPI_Comm_size");
  started = Ranks(rank, size);
}

Session::~Session() {
  if (initialised_here) MPI_Finalize();
}

const Ranks& Ranks::world() noexcept { return started; }

bool Ranks::distributed_build() noexcept { return true; }

void Ranks::send(int to, std::span<const std::byte> bytes) const {
  const std::uint64_t size = bytes.size();
  check(MPI_Send(&size, 1, MPI_UINT64_T, to, tag, MPI_COMM_WORLD), "MPI_Send");
  for (std::size_t at = 0; at < bytes.size(); at += piece_bytes) {
    const int count = static_cast<int>(std::min(piece_bytes, bytes.size() - at));
    check(MPI_Send(bytes.data() + at, count, MPI_BYTE, to, tag, MPI_COMM_WORLD), "MPI_Send");
  }
  sent_ += sizeof size + bytes.size();
}

std::vector<std::byte> Ranks::receive(int from) const {
  std::uint64_t size = 0;
  check(MPI_Recv(&size, 1, MPI_UINT64_T, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
  std::vector<std::byte> bytes(size);
  for (std::size_t at = 0; at < bytes.size(); at += piece_bytes) {
    const int count = static_cast<int>(std::min(piece_bytes, bytes.size() - at));
    check(MPI_Recv(bytes.data() + at, count, MPI_BYTE, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
          "MPI_Recv");
  }
  received_ += sizeof size + bytes.size();
  return bytes;
}

std::vector<std::vector<std::byte>> Ranks::all_gather(std::span<const std::byte> bytes) const {
  const std::uint64_t mine = bytes.size();
  std::vector<std::uint64_t> sizes(static_cast<std::size_t>(size_));
  check(MPI_Allgather(&mine, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD),
        "MPI_Allgather");
  // MPI counts and places in int: one exchange holds less than 2 GiB (a year's candidates of
  // every slice, about a kilobyte each).
  std::uint64_t total = 0;
  for (const std::uint64_t n : sizes) total += n;
  if (total > INT_MAX)
    throw std::runtime_error("an exchange between slices passes 2 GiB (" + std::to_string(total) +
                             " bytes): take more slices, or fewer candidates a year");
  std::vector<int> counts, displacements;
  for (const std::uint64_t n : sizes) {
    displacements.push_back(counts.empty() ? 0 : displacements.back() + counts.back());
    counts.push_back(static_cast<int>(n));
  }
  std::vector<std::byte> all(total);
  check(MPI_Allgatherv(bytes.data(), static_cast<int>(mine), MPI_BYTE, all.data(), counts.data(),
                       displacements.data(), MPI_BYTE, MPI_COMM_WORLD),
        "MPI_Allgatherv");
  std::vector<std::vector<std::byte>> out;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    const auto* first = all.data() + displacements[k];
    out.emplace_back(first, first + sizes[k]);
  }
  sent_ += (sizeof mine + mine) * static_cast<std::uint64_t>(size_ - 1);
  received_ += total - mine;
  return out;
}

void Ranks::abort(int exit_code) const {
  MPI_Abort(MPI_COMM_WORLD, exit_code);
  std::_Exit(exit_code);
}

}  // namespace coron::cluster
