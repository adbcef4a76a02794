#!/usr/bin/env bash
# Installs what nianbao's build and tests need, and only what is missing. Safe to run again: a second run
# installs nothing and takes a few seconds.
#
#   scripts/setup.sh               everything: wasm32 target, wasm-bindgen CLI, npm tools, Chromium
#   scripts/setup.sh --no-browser  without Chromium / chromedriver (enough to build and serve the page)
#
# Environment: NIANBAO_NO_BROWSER=1 is the same as --no-browser.
set -euo pipefail

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }

browser=1
[ "${NIANBAO_NO_BROWSER:-}" = 1 ] && browser=0
for arg in "$@"; do
  case "$arg" in
    --no-browser) browser=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "setup: unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

installed=0

# 1. Rust target for WebAssembly -------------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
target=wasm32-unknown-unknown
if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  say "rust target $target: present"
else
  say "rust target $target: installing (rustup target add $target)"
  rustup target add "$target"
  installed=$((installed + 1))
fi

# 2. wasm-bindgen CLI, exactly the version in Cargo.lock ----------------------------------------------------------
[ -f Cargo.lock ] || { say "Cargo.lock missing: cargo generate-lockfile"; cargo generate-lockfile; }
wb_version=$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  /^\[\[package\]\]/ { found = 0 }
' Cargo.lock)
[ -n "$wb_version" ] || die "no wasm-bindgen package in Cargo.lock (is it a dependency for wasm32 in Cargo.toml?)"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$wb_version" ]; then
  say "wasm-bindgen $wb_version: present"
else
  say "wasm-bindgen $wb_version: installing (cargo install wasm-bindgen-cli --version $wb_version; ~3 min)${have:+, replacing $have}"
  # Without CARGO_TARGET_DIR, cargo install builds in a temporary folder of its own and removes it after.
  # --locked first; its lock file can name a version the registry no longer serves (wasm-bindgen-cli 0.2.130
  # locks webpki-roots 1.0.11, which is gone), and then the dependencies are resolved afresh.
  if ! env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$wb_version" --locked --force; then
    say "wasm-bindgen $wb_version: --locked failed; retrying with freshly resolved dependencies"
    env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$wb_version" --force
  fi
  installed=$((installed + 1))
fi

# 3. npm tools: binaryen (wasm-opt), playwright-core (browser tests) ------------------------------------------------
command -v npm >/dev/null || die "npm not found: install Node.js 20 first"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # we use the system Chromium; never download a browser
stamp=node_modules/.package-lock.json        # npm rewrites this on every install
if [ -f "$stamp" ] && [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
   && [ "$stamp" -nt package.json ] && { [ ! -f package-lock.json ] || [ "$stamp" -nt package-lock.json ]; }; then
  say "npm tools (node_modules): up to date"
else
  if [ -f package-lock.json ]; then
    say "npm tools: installing (npm ci)"
    npm ci --no-audit --no-fund
  else
    say "npm tools: installing (npm install; no package-lock.json)"
    npm install --no-audit --no-fund
  fi
  touch "$stamp"
  installed=$((installed + 1))
fi

# 3b. Editors for the demos in www/demo/ and their tests: TinyMCE and CKEditor 5 from node_modules, UEditor by
#     `npm pack ueditor@1.2.3`; copied into www/vendor/ (gitignored) when missing or of another version
"$root/scripts/vendor-editors.sh"

# 4. Headless Chromium and chromedriver from Debian ------------------------------------------------------------
if [ "$browser" = 0 ]; then
  say "chromium: skipped (--no-browser)"
elif [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/opentype/noto ]; then
  say "chromium + chromedriver + CJK font: present"
else
  # fonts-noto-cjk: without a Chinese font the page's screenshots show boxes instead of characters.
  say "chromium + chromedriver + fonts-noto-cjk: installing (apt-get; ~1-2 min)"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "installing chromium needs root (or sudo)"
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk </dev/null
  installed=$((installed + 1))
fi

if [ "$installed" = 0 ]; then
  say "done: everything was already there"
else
  say "done: installed $installed component(s)"
fi
