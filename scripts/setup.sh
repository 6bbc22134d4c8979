#!/usr/bin/env bash
# Installs every tool Instance Atlas needs to build, serve, test and benchmark.
# Idempotent: each step is skipped when its tool already answers with the right version.
set -euo pipefail

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# The JavaScript minifier scripts/postbuild.mjs runs, pinned in tools/package.json.
TERSER_VERSION=$(sed -n 's/^    "terser": "\(.*\)"$/\1/p' tools/package.json)
# The wasm-bindgen CLI must equal the library: its version is written once, in Cargo.toml
# (`wasm-bindgen = "=X"`); Trunk reads the same version from Cargo.lock.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo '[setup] Cargo.toml must pin wasm-bindgen as wasm-bindgen = "=X.Y.Z"' >&2
  exit 1
fi
export PATH="$HOME/.cargo/bin:$root/tools/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

# rust-toolchain.toml names an exact release. Where the machine's stable toolchain is that
# release under another name, make the name point at it (rustup could not download it
# without the internet); otherwise rustup installs the named release itself.
channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
toolchains="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
host=$(cd / && rustc -vV | sed -n 's/^host: //p')
if [ -n "$channel" ] && [ ! -e "$toolchains/$channel-$host" ] &&
   [ "$(cd / && rustc +stable --version 2>/dev/null | awk '{print $2}')" = "$channel" ]; then
  say "using the installed stable toolchain as $channel"
  ln -s "$toolchains/stable-$host" "$toolchains/$channel-$host"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build's pinned nightly (scripts/release-build), with the standard library's
# source it compiles for the WebAssembly target (no prebuilt wasm32 library is needed).
release_toolchain=$(sed -n 's/^RELEASE_TOOLCHAIN=//p' scripts/release-build)
if [ -z "$release_toolchain" ]; then
  echo '[setup] scripts/release-build must name its toolchain as RELEASE_TOOLCHAIN=...' >&2
  exit 1
fi
if ! (cd / && rustc "+$release_toolchain" --version >/dev/null 2>&1) ||
   ! rustup component list --installed --toolchain "$release_toolchain" 2>/dev/null | grep -q '^rust-src'; then
  say "installing the release toolchain $release_toolchain with rust-src (about a minute, once)"
  rustup toolchain install "$release_toolchain" --profile minimal --component rust-src
fi
# Trunk builds offline (Trunk.toml), so the crates the standard library itself depends on
# must be in cargo's cache before the first release build; with them there, this reads
# the cache and returns at once.
./scripts/release-build cargo fetch --quiet --target wasm32-unknown-unknown

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

terser_installed=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' tools/node_modules/terser/package.json 2>/dev/null || true)
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ] ||
   [ "$terser_installed" != "$TERSER_VERSION" ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION) and terser $TERSER_VERSION from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
  || [ ! -d tests/e2e/node_modules/lighthouse ]; then
  say "installing the e2e driver (playwright-core) and the accessibility checkers (axe-core, lighthouse)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

say "ready"
