#!/usr/bin/env bash
# Fuzzing (issue 7): runs each cargo-fuzz target of fuzz/ for SECONDS (default 60), seeded with
# ../shared/corpus and the rule fixtures. Installs cargo-fuzz from crates.io when missing; needs
# the nightly toolchain (`cargo +nightly`). A crash or timeout is copied to
# tests/fixtures/fuzz/<target>/ (replayed by tests/pathological.rs) and the script exits 1.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: text html decode previous
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html decode previous)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz.sh: 需要 nightly 工具链 / needs the nightly toolchain (rustup toolchain install nightly)" >&2
  exit 2
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || exit 2

# Seeds: the corpus and the fixtures, as each target reads them. fuzz/corpus/ is gitignored and
# grows with what libFuzzer finds.
corpus=$root/../shared/corpus
seed() { # seed TARGET FILE...
  local dir=$root/fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/$(echo "${f#"$root"/}" | tr '/' '_')" 2>/dev/null; done
  return 0
}
shopt -s nullglob globstar
seed text "$corpus"/**/*.txt "$root"/tests/fixtures/rules/**/*.txt
seed html "$corpus"/**/*.html "$root"/tests/fixtures/rules/**/*.html
seed decode "$corpus"/**/*.txt "$corpus"/**/*.html "$root"/tests/fixtures/input/*
mkdir -p "$root/fuzz/corpus/previous"
prev=("$corpus"/reports/pingtan-20*.txt)
for ((i = 1; i < ${#prev[@]}; i++)); do
  out=$root/fuzz/corpus/previous/$(basename "${prev[i-1]}" .txt)+$(basename "${prev[i]}" .txt)
  [ -f "$out" ] || { cat "${prev[i-1]}"; printf '\n\0\0\n'; cat "${prev[i]}"; } > "$out"
done

cd "$root/fuzz"
cargo +nightly fuzz build -O || exit 2
failed=0
for t in "${targets[@]}"; do
  echo "==> fuzz.sh: $t for ${secs}s"
  # -timeout: an input that takes 20 s is a hang; -rss_limit_mb: 4 GB is a blow-up.
  if ! cargo +nightly fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 \
       -max_len=300000 -print_final_stats=1 2>&1 | grep -E 'Done|stat::number_of_executed_units|ERROR|SUMMARY|Test unit written|==[0-9]+==' ; then
    :
  fi
  if compgen -G "artifacts/$t/*" >/dev/null; then
    mkdir -p "$root/tests/fixtures/fuzz/$t"
    for a in artifacts/"$t"/*; do
      cp "$a" "$root/tests/fixtures/fuzz/$t/"
      echo "fuzz.sh: $t: $(basename "$a") → tests/fixtures/fuzz/$t/ (a regression fixture)" >&2
    done
    rm -f artifacts/"$t"/*
    failed=1
  fi
done
exit $failed
