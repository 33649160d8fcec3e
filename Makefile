# The two commands: `make` (set up, build, render participants.yaml into out/) and
# `make test` (set up, build, run the whole suite through ctest). `make package` makes the
# Debian package, `make install [PREFIX=…]` installs binary, man page and layouts.
JOBS    ?= $(shell nproc)
WERROR  ?= OFF
CMAKE_ARGS = -DLOGOGRID_WERROR=$(WERROR)

.PHONY: all deps build run test test-asan fuzz bench format format-check package install clean

all: run

deps:
	@tools/install-deps

build: deps
	cmake --preset default $(CMAKE_ARGS) >/dev/null
	cmake --build --preset default -j $(JOBS)

run: build
	@mkdir -p out
	build/default/logogrid build -p participants.yaml -o out/participants.pdf --report out/participants.json

test: build
	ctest --preset default -j $(JOBS)

test-asan: deps
	cmake --preset asan $(CMAKE_ARGS) >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

fuzz:
	@tools/install-deps fuzz
	cmake --preset fuzz $(CMAKE_ARGS) >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	@echo "fuzz targets in build/fuzz/tests/fuzz/ (run e.g. build/fuzz/tests/fuzz/fuzz_participants tests/fuzz/corpus/participants)"

package: build
	cmake --build --preset default --target package
	@ls build/default/logogrid_*_amd64.deb

install: build
	cmake --install build/default $(if $(PREFIX),--prefix $(PREFIX))

bench: build
	@tools/install-deps bench
	bench/run $(BENCH_SIZES)

SOURCES = $(shell git ls-files '*.cpp' '*.hpp')

format:
	@tools/install-deps format
	@clang-format -i $(SOURCES)

format-check:
	@tools/install-deps format
	@echo "clang-format --dry-run --Werror on $(words $(SOURCES)) files"
	@clang-format --dry-run --Werror $(SOURCES)

clean:
	rm -rf build out
