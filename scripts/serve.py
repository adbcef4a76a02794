#!/usr/bin/env python3
"""Serve a folder (default www/) on http://127.0.0.1:PORT/ for local use, with the right MIME types.

    scripts/serve.py [DIR]      PORT (default 8080) and HOST (default 127.0.0.1) from the environment

Browsers compile .wasm with WebAssembly.instantiateStreaming only when it comes as application/wasm, and
load ES modules only with a JavaScript type. Nothing is cached, so a rebuild shows on reload.
"""

import functools
import os
import signal
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
        ".txt": "text/plain; charset=utf-8",
        ".ts": "text/plain; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "www").resolve()
    if not root.is_dir():
        print(f"serve: no folder {root}", file=sys.stderr)
        return 1
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8080"))
    handler = functools.partial(Handler, directory=str(root))
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as e:
        print(f"serve: cannot listen on {host}:{port}: {e.strerror} (set PORT to use another port)", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop cleanly on kill, as on Ctrl-C
    print(f"serve: {root} on http://{host}:{server.server_port}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nserve: stopped", flush=True)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
