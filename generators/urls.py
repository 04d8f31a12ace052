"""Site URLs of source paths (use_directory_urls), shared by pages and charts."""

from __future__ import annotations

import posixpath


def url_of(src: str) -> str:
    """Directory URL of a source path: a/b.md -> a/b/, a/index.md -> a/, a/x.svg -> a/x.svg."""
    if not src.endswith(".md"):
        return src
    path = src[:-3]
    if path == "index" or path.endswith("/index"):
        path = path[:-5]
    return path.rstrip("/") + "/" if path else ""


def relative(from_src: str, to_src: str, anchor: str = "") -> str:
    """Relative URL from the page built from from_src to the output of to_src."""
    here = url_of(from_src) or "."
    there = url_of(to_src) or "."
    if to_src.endswith(".md"):
        rel = posixpath.relpath(there, here)
        rel = "./" if rel == "." else rel + "/"
    else:
        rel = posixpath.relpath(there, here)
    return rel + (f"#{anchor}" if anchor else "")
