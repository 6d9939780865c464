# The two commands a newcomer runs: `make run` and `make test`. Both install what is missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
FUZZ_RUNS  ?= 200000
JOBS       ?= $(shell nproc)
DEBS := g++ cmake ninja-build pkg-config ccache libcpp-httplib-dev nlohmann-json3-dev libssl-dev \
        libsqlite3-dev libspdlog-dev catch2 libkainjow-mustache-dev libcli11-dev libcmark-dev sqlite3 \
        chromium
# What `make fuzz` adds: clang, and libFuzzer's runtime (only a Recommends of clang-14).
FUZZ_DEBS := clang-14 libclang-rt-14-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMAKE_FLAGS := -G Ninja -DWARROOM_WERROR=ON

.PHONY: all deps build run test test-fast asan tsan bench soak fuzz fuzz-deps fuzz-build format clean

all: build

# Installs the Debian packages that are not installed yet (through sudo when not root).
deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Starts the bot on the embedded SQLite default (./warroom.db).
run: build
	./$(BUILD)/warroom serve

# Every test, in the normal build and under AddressSanitizer + UndefinedBehaviorSanitizer, and
# the threaded parts (writer, outbox worker, scheduler, HTTP server end to end) under
# ThreadSanitizer.
test: build test-fast asan tsan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DWARROOM_SANITIZE=address,undefined

asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

$(TSAN_BUILD)/build.ninja:
	cmake -S . -B $(TSAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DWARROOM_SANITIZE=thread

TSAN_TAGS := [writer],[outbox],[scheduler],[pager],[e2e],[server],[concurrency],[faults]
tsan: deps $(TSAN_BUILD)/build.ninja
	cmake --build $(TSAN_BUILD) -j $(JOBS)
	cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ./warroom_tests --order rand "$(TSAN_TAGS)"

# Benchmarks (bench/README.md): the optimised build, then every benchmark in one session (the
# slash-command load side by side with both baseline bots and both ceilings, BENCH_ROUNDS
# interleaved rounds) and one table of every goal and ratio, also kept in $(BUILD)/bench/.
BENCH_ROUNDS ?= 3
bench: build
	cmake --build $(BUILD) -j $(JOBS) --target warroom_review_bench warroom_ceilings warroom_stats_bench
	WARROOM_BUILD=$(BUILD) bench/all.sh $(BENCH_ROUNDS) $(BUILD)/bench

# libFuzzer (docs/testing.md): clang builds the fuzz targets in $(FUZZ_BUILD); each runs
# FUZZ_RUNS inputs from the fixtures and tests/fuzz/corpus. A crash input is copied into
# tests/fuzz/corpus/<target>/, where the test suite replays it, and the run fails.
fuzz-deps:
	@$(MAKE) --no-print-directory deps DEBS="$(DEBS) $(FUZZ_DEBS)"

$(FUZZ_BUILD)/build.ninja:
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DWARROOM_FUZZ=ON

fuzz-build: fuzz-deps $(FUZZ_BUILD)/build.ninja
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers

fuzz: fuzz-build
	FUZZ_RUNS=$(FUZZ_RUNS) fuzz/run.sh $(FUZZ_BUILD)

# The crash and fault tests at soak strength (bench/README.md): 20 kills, a minute per storm.
soak: build
	bench/soak.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
