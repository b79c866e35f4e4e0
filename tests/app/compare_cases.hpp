#pragma once
// Three hand-made runs on one three-dwelling stock, 2018-2020, whose `coron
// compare` figures are worked out by hand in test_compare_cli.cpp:
//  - base: the reference, seed 5, 3 replicates, no works datasets (a baseline);
//  - prog: seed 5, 3 replicates (paired with base), works, funders, rental bans;
//  - alt:  seed 9, 1 replicate (unpaired), works but no funders nor bans.
#include "app/hand_results.hpp"

namespace coron::testing {

inline HandRun base_run() {
  HandRun run;
  run.scenario = "base";
  run.sums("final_energy_gwh", {{100, 100, 100}, {102, 102, 102}, {98, 98, 98}});
  run.sums("actual_final_energy_gwh", {{90, 90, 90}, {91, 91, 91}, {89, 89, 89}});
  run.sums("ghg_kt", {{20, 20, 20}, {21, 21, 21}, {19, 19, 19}});
  run.counts("fuel_poor", {{40, 40, 40}, {42, 42, 42}, {38, 38, 38}});
  const std::vector<std::vector<double>> labels = {
      {0, 0, 10, 20, 30, 20, 20}, {0, 0, 8, 20, 32, 22, 18}, {0, 0, 12, 20, 28, 20, 20}};  // E-G 70, 72, 68
  run.labels(labels, labels);
  return run;
}

inline HandRun programme_run() {
  HandRun run;
  run.scenario = "prog";
  run.counts("started", {{10, 20, 30}, {12, 18, 30}, {8, 22, 25}});
  run.counts("renovated", {{10, 30, 60}, {12, 30, 60}, {8, 30, 55}});
  run.sums("works_cost_meur", {{1.0, 2.0, 3.0}, {1.2, 1.8, 3.0}, {0.8, 2.2, 2.6}});
  run.sums("grants_meur", {{0.5, 1.0, 1.5}, {0.6, 0.9, 1.5}, {0.4, 1.1, 1.25}});
  run.sums("loans_meur", {{0.2, 0.4, 0.6}, {0.2, 0.4, 0.6}, {0.1, 0.4, 0.5}});
  run.sums("landlord_spend", {{0.3, 0.6, 0.9}, {0.4, 0.5, 0.9}, {0.3, 0.7, 0.85}});
  run.aggregates["spend_by_funder"] =
      HandDataset{{3, 3, 2},
                  {0.3, 0.1, 0.6, 0.2, 0.9, 0.3,   // r0: (anah, region) by year
                   0.3, 0.1, 0.6, 0.2, 0.9, 0.3,   // r1
                   0.2, 0.1, 0.7, 0.2, 0.8, 0.2},  // r2
                  false,
                  "funders",
                  {"anah", "region"}};
  run.sums("final_energy_gwh", {{100, 97, 94}, {102, 99, 95}, {98, 96, 94}});
  run.sums("actual_final_energy_gwh", {{90, 88, 86}, {91, 89, 88}, {89, 88, 86}});
  run.sums("ghg_kt", {{20, 19, 18}, {21, 20, 18.5}, {19, 18.6, 18}});
  run.counts("fuel_poor", {{40, 39, 37}, {42, 41, 40}, {38, 37, 35}});
  run.labels({{0, 0, 10, 20, 30, 20, 20}, {0, 0, 8, 20, 32, 22, 18}, {0, 0, 12, 20, 28, 20, 20}},
             {{0, 5, 15, 20, 25, 20, 15},
              {0, 5, 14, 20, 27, 20, 14},
              {0, 4, 16, 20, 26, 19, 15}});  // E-G 60, 61, 60
  run.counts("banned_from_letting", {{5, 5, 3}, {6, 6, 4}, {5, 5, 2}});
  run.counts("households_in_banned", {{4, 4, 2}, {5, 5, 3}, {4, 4, 1}});
  run.counts("relettable", {{95, 95, 97}, {94, 94, 96}, {95, 95, 98}});
  return run;
}

inline HandRun unpaired_run() {
  HandRun run;
  run.scenario = "alt";
  run.seed = 9;
  run.replicates = 1;
  run.counts("started", {{10, 15, 15}});
  run.counts("renovated", {{10, 25, 40}});
  run.sums("works_cost_meur", {{1, 1, 2}});
  run.sums("final_energy_gwh", {{100, 98, 95}});
  run.sums("actual_final_energy_gwh", {{90, 89, 87}});
  run.sums("ghg_kt", {{20, 19, 18}});
  run.counts("fuel_poor", {{40, 40, 39}});
  run.labels({{0, 0, 10, 20, 30, 20, 20}}, {{0, 5, 10, 20, 25, 20, 20}});  // E-G 70, then 65
  return run;
}

}  // namespace coron::testing
