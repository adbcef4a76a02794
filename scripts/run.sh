#!/usr/bin/env bash
# The main job: install what is missing (no browser needed), build the WebAssembly packages as wasm-pack.toml
# says, then serve www/ on http://127.0.0.1:8080/ until interrupted (Ctrl-C).
#
# Environment: PORT (default 8080) to serve on another port.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

"$here/setup.sh" --no-browser
"$here/build-web.sh"
PORT=${PORT:-8080} HOST=127.0.0.1 exec python3 "$here/serve.py" "$here/../www"
