#!/usr/bin/env bash
# Runs every test of nianbao, as CI does (.ci/run calls this):
#   1. setup          scripts/setup.sh (wasm32 target, wasm-bindgen CLI, npm tools, Chromium)
#   2. lint           cargo fmt --check; cargo clippy -D warnings (native, wasm32, wasm32 .docx reader)
#      doc tests      cargo test --doc
#   3. native tests   cargo test --all-targets (unit, integration, insta snapshots, benches as tests)
#   4. wasm compile   cargo build --lib --target wasm32-unknown-unknown --no-default-features
#   5. wasm API tests tests/wasm.rs in headless Chromium (wasm-bindgen-test-runner + chromedriver), and
#                     tests/wasm_docx.rs for the .docx reader module
#   6. web build      scripts/build-web.sh (release, wasm-opt, gzip size budget from wasm-pack.toml)
#   7. browser tests  node --test tests/web/ tests/extension/ (the page, the editors and the MV3 extension,
#                     driven by playwright-core with the system Chromium)
#   8. fuzz           scripts/fuzz.sh 15: each cargo-fuzz target for 15 s (nightly); a new crash is saved as a
#                     regression fixture under tests/fixtures/fuzz/ and flagged in the summary (committed
#                     fixtures are replayed, and fail, in the native tests)
# Snapshots are never written: a missing or changed insta snapshot fails (INSTA_UPDATE=no, CI=true).
# Every step runs even when an earlier one failed, except those that need it; exits 1 if any step failed.
# The last line adds up the tests that ran: "test.sh: N passed, N failed".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"
export CI=true INSTA_UPDATE=no CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

results=()
failed=0
t0=$SECONDS
tlog=$(mktemp)   # test runners' output, to count the tests that ran
trap 'rm -f "$tlog"' EXIT

step() { # step NAME COMMAND...: runs one step, records its result
  local name=$1; shift
  local start=$SECONDS
  printf '\n==> test.sh: %s: %s\n' "$name" "$*"
  if "$@"; then
    results+=("ok      $name ($((SECONDS - start)) s)")
    return 0
  else
    local rc=$?
    results+=("FAILED  $name (exit $rc, $((SECONDS - start)) s)")
    failed=$((failed + 1))
    return 1
  fi
}
skip() { results+=("skipped $1: $2"); printf '\n==> test.sh: %s: skipped (%s)\n' "$1" "$2"; }

summary() {
  printf '\n==> test.sh summary (%d s)\n' "$((SECONDS - t0))"
  printf '    %s\n' "${results[@]}"
  # cargo: "test result: ok. 52 passed; 0 failed; ..."; node --test: "# pass 3" / "# fail 0"
  local counts
  counts=$(awk '
    /^test result: / { for (i = 1; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
    /^# pass [0-9]+$/ { p += $3 }
    /^# fail [0-9]+$/ { f += $3 }
    END { printf "%d passed, %d failed", p, f }' "$tlog")
  if [ "$failed" = 0 ]; then
    echo "test.sh: all steps passed"
  else
    echo "test.sh: FAILED: $failed step(s) failed (see above)"
  fi
  echo "test.sh: $counts"
}

cargo_test() { cargo test "$@" 2>&1 | tee -a "$tlog"; }

lint() {
  # Clippy-clean, natively (every target) and for the two WebAssembly builds.
  cargo clippy --all-targets -- -D warnings &&
    cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings &&
    cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features docx-reader -- -D warnings
}

wasm_api_tests() {
  # The WASM API as JavaScript sees it, in a real browser (tests/wasm.rs), then the .docx reader module
  # (tests/wasm_docx.rs, feature docx-reader).
  CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo_test --target wasm32-unknown-unknown --no-default-features --test wasm &&
    CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      cargo_test --target wasm32-unknown-unknown --no-default-features --features docx-reader --test wasm_docx
}

browser_tests() {
  # Browser and page tests (playwright-core with the system Chromium; never a downloaded browser).
  NIANBAO_CHROMIUM=/usr/bin/chromium CHROMEDRIVER=/usr/bin/chromedriver NIANBAO_WWW="$root/www" \
    node --test tests/web/ tests/extension/ 2>&1 | tee -a "$tlog"
}

if ! step "setup" scripts/setup.sh; then
  summary
  exit 1
fi

step "format (cargo fmt --check)" cargo fmt --check
step "clippy (native and wasm32)" lint
step "doc tests" cargo_test --doc
step "native tests" cargo_test --all-targets
if step "wasm compile" cargo build --lib --target wasm32-unknown-unknown --no-default-features; then
  step "wasm API tests (headless Chromium)" wasm_api_tests
  if step "web build + size budget" scripts/build-web.sh; then
    step "browser tests" browser_tests
  else
    skip "browser tests" "web build failed"
  fi
else
  skip "wasm API tests" "wasm compile failed"
  skip "web build + size budget" "wasm compile failed"
  skip "browser tests" "wasm compile failed"
fi

# The fuzz run explores: what it finds is new each time. A crash it finds is printed, saved under
# tests/fixtures/fuzz/ and reported in the summary, but does not fail this run; once the fixture is committed,
# tests/pathological.rs replays it in the native tests, and that does fail until the bug is fixed.
fuzz_explore() {
  scripts/fuzz.sh 15
  local rc=$?
  if [ "$rc" != 0 ]; then
    results+=("WARNING fuzz: exit $rc — a new crash saved under tests/fixtures/fuzz/ (commit it and fix it), or no nightly")
    printf '\n==> test.sh: fuzz: exit %s; see above (not failing the run: new findings become fixtures)\n' "$rc"
  fi
  return 0
}
step "fuzz (15 s per target, exploratory)" fuzz_explore

summary
[ "$failed" = 0 ]
