# Byline: two commands matter, `make run` and `make test`. Each sets up what it needs first.
SHELL := /bin/bash
CARGO ?= cargo
DEMO_DIR := target/demo
DEMO_LIBRARY := $(DEMO_DIR)/library
CLI_DEMO_DIR := target/cli-demo

.PHONY: all run test build package bench fuzz setup-test setup-app ui test-core test-app test-package demo clean-demo lint bindings

all: build

## Open the desktop app on a demo library seeded from drafts/ (kept between runs).
run: setup-app ui
	$(CARGO) build -p byline-app -p byline-cli
	@scripts/seed-demo.sh target/debug/byline $(DEMO_LIBRARY)
	@scripts/run-app.sh target/debug/byline-app $(DEMO_LIBRARY)

## Set up, then run every test headless: core and CLI, the shell, the UI, and the real app under
## Xvfb; the tree must be rustfmt-formatted and clippy-clean.
test: test-core test-app test-package lint

test-core: setup-test
	# Formatting first: it takes a second and needs no build.
	$(CARGO) fmt --all --check
	cd fuzz && $(CARGO) fmt --check
	$(CARGO) test --no-fail-fast
	# Each benchmark once, on small inputs, as a smoke check (figures come from `make bench`).
	# Every default member, as above, so features resolve the same and nothing is rebuilt.
	$(CARGO) test --benches
	# Each fuzz target (render, front matter, import) for a short run; longer runs: fuzz/README.md.
	scripts/fuzz.sh

test-app: setup-app
	scripts/e2e.sh
	$(CARGO) test -p byline-app
	cd ui && npm test --silent

## The Debian package built from the debug binaries test-app left (no release build in `make
## test`): its files and control fields, then, as root, installed, used, and removed again.
test-package: setup-app
	scripts/package.sh debug
	$(CARGO) test -p byline-e2e --test package -- --test-threads=1 --nocapture

## Benchmarks side by side with peers (comrak, markdown-it + highlight.js, pandoc): one table,
## and target/bench/summary.json. Not part of `make test`.
bench:
	bench/run.sh

## Fuzz every target for BYLINE_FUZZ_SECONDS each (default 20; see fuzz/README.md for long runs).
fuzz:
	scripts/fuzz.sh

## Release binaries: target/release/byline (CLI) and target/release/byline-app (desktop app).
build: setup-app ui
	$(CARGO) build --release -p byline-cli -p byline-app
	@echo "built: target/release/byline (CLI) and target/release/byline-app (desktop app)"

## The Debian package of the release build (app, CLI, desktop entry, icons, manual pages and
## completions): target/release/bundle/deb/byline_VERSION_ARCH.deb. `sudo apt install ./…deb`.
package: setup-app
	scripts/package.sh release

## The CLI demo of the core: import drafts/ into a scratch library, export an article and a site.
demo:
	rm -rf $(CLI_DEMO_DIR)
	$(CARGO) build --release -p byline-cli
	@scripts/demo.sh target/release/byline $(CLI_DEMO_DIR)

setup-test:
	@scripts/setup-test.sh

setup-app:
	@scripts/setup-app.sh

ui: setup-app
	cd ui && npm run build --silent

## Regenerate ui/ipc/bindings.ts from the Rust types that cross IPC (a test fails while it is stale).
bindings: setup-app
	BYLINE_WRITE_BINDINGS=1 $(CARGO) test -p byline-app bindings

clean-demo:
	rm -rf $(DEMO_DIR)

## Clippy on every crate and test, warnings as errors. Last in `make test`: the shell's build
## embeds ui/dist, which test-app has built by then.
lint: ui
	$(CARGO) clippy --workspace --all-targets -- -D warnings
