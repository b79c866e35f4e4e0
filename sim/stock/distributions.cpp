#include "stock/distributions.hpp"

#include <boost/math/distributions/normal.hpp>

namespace coron::stock::detail {

namespace {

// Errors come back as values rather than exceptions: normal_quantile is noexcept
// and is only called with p in (0, 1), where neither error can happen.
using QuantilePolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>>;

}  // namespace

double normal_quantile(double p) noexcept {
  return boost::math::quantile(boost::math::normal_distribution<double, QuantilePolicy>(0.0, 1.0), p);
}

}  // namespace coron::stock::detail
