#include "cluster/shared_file.hpp"

#include <algorithm>
#include <string>

namespace coron::cluster {

std::filesystem::path create_shared_file(const Ranks& ranks, std::optional<setup::ResultsFile>& results,
                                         const setup::RunSetup& setup, int threads,
                                         const std::filesystem::path& file, const io::RunMetadata& meta) {
  if (!ranks.is_root()) {
    const std::vector<std::byte> name = ranks.receive(0);
    return std::string(reinterpret_cast<const char*>(name.data()), name.size());
  }
  results.emplace(setup, static_cast<std::size_t>(std::max(1, threads)), file, meta);
  results->suspend();
  const std::string name = results->partial_path().string();
  for (int k = 1; k < ranks.size(); ++k)
    ranks.send(k, {reinterpret_cast<const std::byte*>(name.data()), name.size()});
  return results->partial_path();
}

}  // namespace coron::cluster
