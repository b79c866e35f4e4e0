#!/bin/sh
# run_fuzzer.sh HARNESS BINARY SECONDS WORK_DIR SOURCE_DIR [CORON_BINARY]
#
# Runs one libFuzzer harness for SECONDS over a corpus kept in WORK_DIR/HARNESS/corpus
# (it grows from run to run) and a seed corpus rebuilt each time from the project's own
# files (WORK_DIR/HARNESS/seeds). A crash, leak, sanitizer report or timeout fails with the
# reproducer saved as WORK_DIR/HARNESS/crash-* (replay: BINARY FILE). Prints one line:
# the executions reached and the corpus size.
set -eu
harness=$1 binary=$2 seconds=$3 work=$4 src=$5 coron=${6:-}
dir="$work/$harness"
seeds="$dir/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$dir/corpus"

copy_seeds() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$seeds/"; done; return 0; }

case "$harness" in
  fuzz_scenario)
    copy_seeds "$src"/scenarios/*.yaml "$src"/tests/data/*.yaml "$src"/tests/data/renovation/*.yaml ;;
  fuzz_stock_csv)
    copy_seeds "$src"/tests/data/*.csv
    # A valid stock, short: the generator's first rows.
    if [ -n "$coron" ]; then
      "$coron" stock generate -q -o "$dir/stock.csv" --data "$src/data" >/dev/null 2>&1 ||
        "$coron" stock generate -o "$dir/stock.csv" --data "$src/data" >/dev/null
      head -n 40 "$dir/stock.csv" > "$seeds/generated_head.csv"
    fi ;;
  fuzz_epw)
    copy_seeds "$src"/tests/data/weather/bad_epw_*.epw
    # A valid file is a year of hours; its header and first two days make a short seed.
    head -n 56 "$src/data/climate/lille-lesquin-typical.epw" > "$seeds/lille_two_days.epw" ;;
  fuzz_dpe_xml)
    copy_seeds "$src"/tests/data/dpe/*.xml "$src"/tests/data/dpe_bad/*.xml ;;
  fuzz_data_files)
    (cd "$src/data" && find . -name '*.yaml' -o -name '*.csv') | sed 's|^\./||' | while read -r f; do
      { echo "$f"; cat "$src/data/$f"; } > "$seeds/$(echo "$f" | tr '/' '_')"
    done
    # One input read with its whole folder, for what crosses files (fuzz_data_files.cpp).
    { echo "+thermal/method.yaml"; cat "$src/data/thermal/method.yaml"; } > "$seeds/whole_thermal_method.yaml" ;;
  *) echo "run_fuzzer.sh: unknown harness '$harness'" >&2; exit 2 ;;
esac

# Leaks count as failures here, whatever the sanitizer pass's own options say. No
# allocation stacks are recorded (malloc_context_size=0): that makes the harnesses half as
# fast again, and a reproducer replayed by hand (BINARY FILE) prints them in full.
ASAN_OPTIONS="malloc_context_size=0:${ASAN_OPTIONS:-}:detect_leaks=1:abort_on_error=1"
export ASAN_OPTIONS
# FUZZ_RUNS, when set, also stops the harness after that many executions.
runs=${FUZZ_RUNS:+-runs=$FUZZ_RUNS}
log="$dir/last.log"
status=0
# shellcheck disable=SC2086 # $runs is one word or none
"$binary" -max_total_time="$seconds" $runs -timeout=30 -rss_limit_mb=3072 -max_len=1048576 \
  -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" "$seeds" >"$log" 2>&1 || status=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
units=$(ls "$dir/corpus" | wc -l)
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log" >&2
  echo "$harness: FAILED (exit $status) after ${execs:-?} executions; reproducer in $dir/" >&2
  exit 1
fi
elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
echo "$harness: ${execs:-?} executions in ${elapsed:-$seconds} s, no crash, leak or sanitizer report; corpus $units inputs"
