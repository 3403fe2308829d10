# Byline: two commands matter, `make run` and `make test`. Each sets up what it needs first.
SHELL := /bin/bash
CARGO ?= cargo
DEMO_DIR := target/demo
DEMO_LIBRARY := $(DEMO_DIR)/library

.PHONY: all run test build bench setup-test lint clean-demo

all: build

## Release binaries in target/release/ (the CLI is target/release/byline).
build:
	$(CARGO) build --release -p byline-cli

## Set up, then run every test headless.
test: setup-test
	$(CARGO) test --workspace --no-fail-fast

setup-test:
	@scripts/setup-test.sh

## Demo: import drafts/ into a scratch library under target/ and export an article.
run: clean-demo
	$(CARGO) build --release -p byline-cli
	@scripts/demo.sh target/release/byline $(DEMO_DIR)

clean-demo:
	rm -rf $(DEMO_DIR)

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings
