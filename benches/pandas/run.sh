#!/usr/bin/env bash
# The pandas comparison (BENCHMARKS.md): table 三 read with pandas.read_html and checked, side
# by side with the release CLI, on the corpus's HTML reports. Installs pandas and lxml into a
# venv when missing (benches/pandas/setup.sh). usage: benches/pandas/run.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${1:-20}
venv=${NIANBAO_PANDAS_VENV:-$root/target/pandas-venv}
NIANBAO_PANDAS_VENV=$venv "$root/benches/pandas/setup.sh"
cargo build --release --bin nianbao --manifest-path "$root/Cargo.toml" >&2
bin=${CARGO_TARGET_DIR:-$root/target}/release/nianbao
corpus=$root/../shared/corpus
"$venv/bin/python" "$root/benches/pandas/table3.py" "$bin" "$runs" "$corpus"/reports/*.html "$root"/tests/fixtures/rules/_base/report-2021.html "$root"/tests/fixtures/rules/T3-3/invalid.html
