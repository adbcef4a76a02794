#!/usr/bin/env bash
# Builds nianbao's WebAssembly packages (www/pkg, pkg/bundler, pkg/nodejs) as the recipe wasm-pack.toml says:
# cargo build -> wasm-bindgen -> wasm-opt -> gzip size budget. The work is done by scripts/build_web.py;
# `scripts/build-web.sh --help` lists the options. Tools come from scripts/setup.sh.
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/build_web.py" "$@"
