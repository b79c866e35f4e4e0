#!/bin/bash
# The million-dwelling run of docs/scaling.md and docs/performance.md: the generated mining
# stock copied 15 times (1,050,000 dwellings, 8,145 cités), the at-vacancy scenario over
# 30 years with 2 replicates (both recording their dwellings), run as 1 MPI rank of 2 threads,
# as 2 ranks of 1 thread (a replicate each) and as 2 ranks of 1 thread each stepping one
# dwelling slice of both replicates (--slices), RUNS times each in turn. Prints each run's wall time, each
# rank's peak memory and the bytes the other ranks sent rank 0; the two files' datasets are
# compared with h5diff at the end (only /meta's run attributes may differ).
#
#   make build build-mpi && benchmarks/scale_1m.sh [RUNS] [WORK_DIR]
set -euo pipefail

runs=${1:-3}
work=${2:-/tmp/coron-scale}
root=$(cd "$(dirname "$0")/.." && pwd)
serial=$root/build/release/sim/app/coron
mpi=$root/build/mpi/sim/app/coron
[ -x "$serial" ] && [ -x "$mpi" ] || { echo "build first: make build build-mpi" >&2; exit 2; }
mkdir -p "$work"

if [ ! -s "$work/stock-1m.csv" ]; then
  "$serial" stock generate --seed 2017 -o "$work/stock.csv"
  python3 "$root/tools/stock/scale_stock.py" "$work/stock.csv" 15 -o "$work/stock-1m.csv"
fi
# The shipped scenario on the copies: works capacity scaled with the stock (15 x 2,300).
sed -e "s#^data: ../data#data: $root/data#" \
    -e "s#  generate: {seed: 2017}#  file: $work/stock-1m.csv#" \
    -e 's#capacity_per_year: 2300#capacity_per_year: 34500#' \
    -e 's#^replicates: 1#replicates: 2#' \
    -e 's#dwelling_replicates: 1#dwelling_replicates: 2#' \
    -e 's#^name: at-vacancy#name: at-vacancy-1m#' \
    "$root/scenarios/at-vacancy.yaml" > "$work/at-vacancy-1m.yaml"

# --bind-to none: OpenMPI binds each of 2 or fewer ranks to one core, where a rank's second
# thread would only share it.
mpirun_flags=(--bind-to none)
[ "$(id -u)" = 0 ] && mpirun_flags+=(--allow-run-as-root)
for i in $(seq "$runs"); do
  for shape in "1 2" "2 1" "2 1 --slices"; do
    read -r ranks threads slices <<<"$shape"
    name=${ranks}x${threads}${slices:+-slices}
    log=$work/run-$name-$i.log
    start=$(date +%s.%N)
    mpirun "${mpirun_flags[@]}" -n "$ranks" /usr/bin/time -f "peak %M kB" \
      "$mpi" run "$work/at-vacancy-1m.yaml" --threads "$threads" $slices -o "$work/out-$name.h5" >"$log" 2>&1
    end=$(date +%s.%N)
    printf '%s: run %s: %.1f s wall; %s; %s\n' "$name" "$i" \
      "$(echo "$end - $start" | bc)" "$(grep -h '^peak' "$log" | paste -sd' ' -)" \
      "$(grep -h 'ran on' "$log" || echo 'one rank: nothing sent')"
  done
done
ls -l "$work"/out-*.h5
for other in 2x1 2x1-slices; do
  h5diff -r --exclude-path /meta "$work/out-1x2.h5" "$work/out-$other.h5" >/dev/null &&
    echo "$other: datasets identical to 1x2's (h5diff, /meta excluded)"
done
