#include "cluster/ranks.hpp"

#include <cstdlib>
#include <stdexcept>

// The ordinary build: one process, no MPI.

namespace coron::cluster {

Session::Session(int&, char**&) {}
Session::~Session() = default;

const Ranks& Ranks::world() noexcept {
  static const Ranks one(0, 1);
  return one;
}

bool Ranks::distributed_build() noexcept { return false; }

void Ranks::send(int, std::span<const std::byte>) const {
  throw std::logic_error("Ranks::send: a run of one process has no other rank");
}

std::vector<std::byte> Ranks::receive(int) const {
  throw std::logic_error("Ranks::receive: a run of one process has no other rank");
}

std::vector<std::vector<std::byte>> Ranks::all_gather(std::span<const std::byte> bytes) const {
  return {std::vector<std::byte>(bytes.begin(), bytes.end())};
}

void Ranks::abort(int exit_code) const { std::exit(exit_code); }

}  // namespace coron::cluster
