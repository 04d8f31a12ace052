"""`portal preview`: the built site served on 127.0.0.1, as the intranet's web server does.

Opened from ``file://`` the portal half works: a directory link (``documents/``) shows a
folder listing or nothing, and the search page cannot fetch its index.  A static server of
``site/`` shows it as readers see it.  It binds to the loopback address only: a preview
is for the person at this machine, never for the network.
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the site; a folder without index.html is not listed (a web server shows
    the portal's 404 page there too)."""

    def list_directory(self, path: Any) -> None:
        self.send_error(404)
        return None

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a reader's every request is not news


class PreviewError(Exception):
    """The folder is no built site."""


def preview_server(site: Path, port: int = 8000) -> http.server.ThreadingHTTPServer:
    """A server of the built site in `site` on 127.0.0.1:port (0: a free port), not yet
    serving: call serve_forever(), and shutdown() from another thread to stop it."""
    if not (site / "index.html").is_file():
        raise PreviewError(f"'{site}' holds no built portal (no index.html): run "
                           "'make portal' or 'portal build' first")
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
    return server


def url(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://{HOST}:{server.server_address[1]}/"
