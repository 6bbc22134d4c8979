# Instance Atlas: every command a developer or CI needs. Each target installs what is
# missing first (scripts/setup.sh is idempotent and quick when everything is there).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup serve dist test test-host test-wasm test-e2e bench bench-anchors lint

setup:
	@./scripts/setup.sh

## Serve the app with live rebuilds on http://127.0.0.1:8080 (built into target/serve, never dist/)
serve: setup
	trunk serve --dist target/serve

## Release build of the deployable site into dist/, with embed.html (the Families chart
## alone, the `embed-page` build, staged in target/embed-dist) beside index.html; built with
## the pinned nightly and settings in scripts/release-build (every other target uses the
## stable toolchain of rust-toolchain.toml)
dist: setup
	./scripts/release-build trunk build --release
	./scripts/release-build trunk build embed.html --release --dist target/embed-dist
	cp target/embed-dist/index.html dist/embed.html
	cp target/embed-dist/*.js target/embed-dist/*.wasm target/embed-dist/*.css dist/
	rm -rf dist/prices && cp -r target/embed-dist/prices dist/
	node scripts/postbuild.mjs --check dist

## Every test: host, browser (wasm-bindgen-test), end to end (Playwright) on the release build
test: setup test-host test-wasm test-e2e

test-host:
	cargo test -p atlas-model

test-wasm:
	cargo test --target wasm32-unknown-unknown -p instance-atlas --test web

test-e2e: dist
	node --test tests/e2e/*.test.mjs

## The release site side by side with Plot, Vega-Lite and Plotly drawing the same chart, in
## headless Chromium (medians); the comparison pages' libraries are installed on first use.
bench: dist bench-anchors
	node tests/e2e/bench.mjs
	cargo run -q -p atlas-model --release --example scale_bench

bench-anchors:
	@[ -d tests/bench/anchors/node_modules/@observablehq/plot ] || \
		(cd tests/bench/anchors && npm ci --no-audit --no-fund --loglevel=error)

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p instance-atlas -p atlas-importer -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p instance-atlas --tests -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p instance-atlas --features embed-page -- -D warnings
