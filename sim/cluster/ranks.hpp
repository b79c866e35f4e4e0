#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// The processes of a run. Under `mpirun -n K` of the MPI build (preset "mpi"), the K ranks
// of MPI_COMM_WORLD; otherwise, and in the ordinary build always, this one process. The
// rest of the program sees only this: who am I, how many are we, and ordered messages of
// bytes between two ranks (MPI keeps the order of two messages from one rank to another).

namespace coron::cluster {

/// Starts MPI for the program's lifetime in the MPI build (one per process, first thing in
/// main); nothing otherwise. Each rank's TBB threads never call MPI at the same time: the
/// engine hands replicates over one at a time (MPI_THREAD_SERIALIZED is asked for).
class Session {
 public:
  Session(int& argc, char**& argv);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();
};

class Ranks {
 public:
  /// This process's ranks: those of MPI_COMM_WORLD once a Session has started, or one.
  [[nodiscard]] static const Ranks& world() noexcept;

  [[nodiscard]] int rank() const noexcept { return rank_; }
  [[nodiscard]] int size() const noexcept { return size_; }
  [[nodiscard]] bool is_root() const noexcept { return rank_ == 0; }
  /// Whether this build can run over several ranks (the MPI build).
  [[nodiscard]] static bool distributed_build() noexcept;

  /// Sends `bytes` to rank `to` (blocking until MPI holds them); any size.
  void send(int to, std::span<const std::byte> bytes) const;
  /// The next message from rank `from`, in the order that rank sent them.
  [[nodiscard]] std::vector<std::byte> receive(int from) const;
  /// Every rank's `bytes`, in rank order (this one's included): collective, every rank
  /// calls it. Sent bytes count once per other rank.
  [[nodiscard]] std::vector<std::vector<std::byte>> all_gather(std::span<const std::byte> bytes) const;
  /// Bytes this process has sent so far.
  [[nodiscard]] std::uint64_t bytes_sent() const noexcept { return sent_; }
  /// Bytes this process has received so far (rank 0: all that the others sent it).
  [[nodiscard]] std::uint64_t bytes_received() const noexcept { return received_; }
  /// Ends every rank of the run with `exit_code` (an error on one rank must not leave
  /// the others waiting for it); exits this process when there is one rank.
  [[noreturn]] void abort(int exit_code) const;

  Ranks(int rank, int size) noexcept : rank_(rank), size_(size) {}

 private:
  int rank_ = 0;
  int size_ = 1;
  mutable std::uint64_t sent_ = 0;
  mutable std::uint64_t received_ = 0;
};

}  // namespace coron::cluster
