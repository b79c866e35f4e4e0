#include "cluster/rank_slices.hpp"

namespace coron::cluster {

RankSlices::RankSlices(const Ranks& ranks, const Stock& stock)
    : ranks_(ranks), dwellings_(slice_bounds(stock, static_cast<std::size_t>(ranks.size()))) {
  // Slice k's cités begin with its first dwelling's (the first slice's with cité 0, which
  // holds the cités without dwellings before it); the last ends with the table.
  cites_.push_back(0);
  for (std::size_t k = 1; k + 1 < dwellings_.size(); ++k)
    cites_.push_back(static_cast<std::size_t>(stock.cite_id[dwellings_[k]]));
  cites_.push_back(stock.cites.size());
}

}  // namespace coron::cluster
