# The two commands a newcomer runs: `make run` and `make test`. Both install what is missing first.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
DEBS := g++ cmake ninja-build pkg-config ccache libcpp-httplib-dev nlohmann-json3-dev libssl-dev \
        libsqlite3-dev libspdlog-dev catch2 libkainjow-mustache-dev libcli11-dev libcmark-dev sqlite3 \
        chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMAKE_FLAGS := -G Ninja -DWARROOM_WERROR=ON

.PHONY: all deps build run test test-fast asan bench format clean

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

# Every test, in the normal build and under AddressSanitizer + UndefinedBehaviorSanitizer.
test: build test-fast asan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

$(ASAN_BUILD)/build.ninja:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DWARROOM_SANITIZE=address,undefined

asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# Benchmarks (bench/README.md): Release build, then each benchmark side by side with its baselines.
bench: build
	cmake --build $(BUILD) --target warroom_review_bench
	./$(BUILD)/warroom_review_bench 10000 20
	bench/slash.sh 3

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
