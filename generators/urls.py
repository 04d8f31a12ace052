"""Site URLs of source paths (use_directory_urls), shared by pages and charts."""

from __future__ import annotations


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
    rel = _relpath(url_of(to_src), url_of(from_src))
    if to_src.endswith(".md"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def _relpath(there: str, here: str) -> str:
    """posixpath.relpath for our site paths (relative, normalised, "" for the root):
    the same answer at a twentieth of the cost (listings make 20,000 links)."""
    to = there.rstrip("/").split("/") if there.strip("/") else []
    at = here.rstrip("/").split("/") if here.strip("/") else []
    common = 0
    for a, b in zip(to, at, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."
