#include "coron/criterion_weights.hpp"

namespace coron {

double CriterionWeights::operator[](Criterion c) const noexcept {
  switch (c) {
    case Criterion::poverty:
      return poverty;
    case Criterion::fuel_poverty:
      return fuel_poverty;
    case Criterion::qpv:
      return qpv;
    case Criterion::label:
      return label;
    case Criterion::primary_energy:
      return primary_energy;
    case Criterion::heritage:
      return heritage;
    case Criterion::condition:
      return condition;
  }
  return 0.0;
}

}  // namespace coron
