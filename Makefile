# Thin wrapper: install missing packages, configure, build, run, test, bench.
JOBS ?= $(shell nproc)
PACKAGES := cmake g++ make libtbb-dev libeigen3-dev libhdf5-dev libyaml-cpp-dev libboost-dev \
            libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev hdf5-tools zlib1g-dev libxml2-dev \
            python3-h5py python3-xarray python3-h5netcdf python3-jsonschema python3-yaml \
            libjs-chart.js chromium clang libclang-rt-14-dev \
            openmpi-bin libopenmpi-dev libhdf5-openmpi-dev ccache
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build build-mpi run test test-release test-asan test-mpi fuzz tsan bench clean

all: build

# apt-get only when a package is missing.
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

run: build
	mkdir -p results
	./build/release/sim/app/coron run scenarios/mission-2017.yaml

test: test-release test-asan test-mpi

test-release: build
	ctest --preset release

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer, built by clang
# (which also builds the fuzz harnesses, each run here for a few seconds), but for the
# end-to-end runs of the whole stock that repeat in it what the Release pass checked (the
# sweep CLI's four tests, each re-running two sweeps; the 1/2/4-thread bit identity; the
# xarray view; the report in Chromium; the large-cohort death count): their code paths run
# under the sanitizers in the smaller tests, and together they took twelve minutes of
# processor time in the sanitizer pass (CMakePresets.json, test preset "asan").
test-asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan

# The MPI build (preset "mpi": OpenMPI, HDF5's OpenMPI flavour) of the command and of what
# tests it: `mpirun -n 1|2|4` against the ordinary build's coron, which test-release built.
# The ordinary build knows nothing of MPI.
build-mpi: deps
	cmake --preset mpi >/dev/null
	cmake --build --preset mpi -j $(JOBS)

test-mpi: build build-mpi
	ctest --preset mpi

# Each libFuzzer harness (tests/fuzz) for FUZZ_SECONDS, its corpus kept in build/asan/fuzz
# from run to run; a crash or leak stops with the reproducer saved beside the corpus.
FUZZ_SECONDS ?= 600
FUZZERS := fuzz_scenario fuzz_data_files fuzz_stock_csv fuzz_epw fuzz_dpe_xml
fuzz: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS) --target coron_fuzzers coron
	@for f in $(FUZZERS); do \
	  sh tests/fuzz/run_fuzzer.sh $$f build/asan/tests/fuzz/$$f $(FUZZ_SECONDS) build/asan/fuzz . \
	    build/asan/sim/app/coron || exit 1; \
	done

# The engine's and the command line's tests under ThreadSanitizer (not part of `make test`:
# a third build of the project; docs/reliability.md records its last run).
tsan: deps
	cmake --preset tsan >/dev/null
	cmake --build --preset tsan -j $(JOBS)
	ctest --preset tsan

# Median of 5 repetitions of each benchmark; figures go to docs/performance.md.
bench: build
	./build/release/benchmarks/coron_benchmarks --benchmark_repetitions=5 \
	  --benchmark_report_aggregates_only=true --benchmark_counters_tabular=true

clean:
	rm -rf build
