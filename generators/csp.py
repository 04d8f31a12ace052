"""The Content-Security-Policy every page carries: defence in depth behind the escaping.

Scripts may come from the site itself ('self') and, inline, only as the site's own
scripts, allowed by their SHA-256 hash: the scripts written literally in the theme's
templates (Material's and generators/theme/) and in the hand-written pages' sources.  An
inline script on a page that is neither (record text that escaped its escaping) gets no
hash, so the browser refuses to run it, and the build reports it.  Pagefind's search
compiles WebAssembly, which needs 'wasm-unsafe-eval'; nothing may eval JavaScript.

The same policy, with the directives a <meta> element cannot carry, is what the README
gives for the web server (`header_policy`); tests/test_csp.py keeps the two in step.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
             "application/ecmascript"}
_JINJA = ("{{", "{%", "{#")

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' {hashes}'wasm-unsafe-eval'"),
    # Material and the portal set style attributes (progress bars, chart sizes), and
    # matplotlib's SVG carries a <style>: styles cannot run script
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),  # Material's icons are data: SVG in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),  # Pagefind searches in a worker of its own file
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)
"""Directives a browser ignores (and complains about) in a <meta> element."""


@functools.lru_cache(maxsize=256)
def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: Iterable[str], *, header: bool = False) -> str:
    """The policy with these script hashes ('sha256-…' sources), for a <meta> element or,
    with header=True, for the Content-Security-Policy response header."""
    return _policy(tuple(sorted(set(hashes))), header)


@functools.lru_cache(maxsize=64)
def _policy(hashes: tuple[str, ...], header: bool) -> str:
    listed = "".join(f"{h} " for h in hashes)
    parts = [*DIRECTIVES, *(HEADER_ONLY if header else ())]
    return "; ".join(f"{name} {value.format(hashes=listed)}" for name, value in parts)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (not src=, not JSON data).

    Only `<script` in lower case, as every template writes it, is looked for: a regular
    expression that ignored case cost a tenth of a millisecond a page.  A script that record
    text smuggled in as `<SCRIPT>` is then not found - and so gets no hash either."""
    out = []
    at = html.find("<script")
    while at != -1:
        head_end = html.find(">", at)
        if head_end == -1:
            break
        attrs = html[at + 7:head_end]
        if attrs[:1] not in ("", " ", "\t", "\n", "\r", "\f", "/"):
            at = html.find("<script", at + 7)  # <scripts>, <script-x>: another tag
            continue
        close = html.find("</script", head_end)
        if close == -1:
            break
        kind = _TYPE.search(attrs)
        if not _SRC.search(attrs) and not (kind and kind.group(1).lower() not in _JS_TYPES):
            out.append(html[head_end + 1:close])
        at = html.find("<script", close + 8)
    return out


def template_scripts(dirs: Iterable[str | Path]) -> set[str]:
    """The inline scripts written literally in the theme's templates (those with a Jinja
    expression in their text are not the same on every page, so none is allowed)."""
    return set(_template_scripts(tuple(str(d) for d in dirs)))


@functools.cache
def _template_scripts(dirs: tuple[str, ...]) -> frozenset[str]:
    # once a process (`mkdocs serve` builds again and again); Material's 10,000 icons
    # are not walked
    found: set[str] = set()
    for folder in dirs:
        for root, subdirs, names in os.walk(folder):
            subdirs[:] = [d for d in subdirs if d != ".icons"]
            for name in names:
                if not name.endswith(".html"):
                    continue
                try:
                    text = Path(root, name).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                found.update(s for s in inline_scripts(text)
                             if not any(j in s for j in _JINJA))
    return frozenset(found)


_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)


class PolicyError(Exception):
    pass


def with_policy(html: str, own: Callable[[str], bool]) -> tuple[str, list[str]]:
    """The page with its policy as the first element after the charset; and the inline
    scripts that are not the site's own (they get no hash: the browser will not run them).
    """
    hashes = set()
    foreign = []
    for script in inline_scripts(html):
        if own(script):
            hashes.add(script_hash(script))
        else:
            foreign.append(script)
    at = _CHARSET.search(html) or _HEAD.search(html)
    if at is None:
        raise PolicyError("a page without <head>: nowhere to put its security policy")
    meta = (f'\n<meta http-equiv="Content-Security-Policy" '
            f'content="{policy(hashes)}">')
    return html[:at.end()] + meta + html[at.end():], foreign


def own_scripts(theme_dirs: Iterable[str | Path], docs_dir: Path) -> set[str]:
    """Every inline script the site may carry: the theme's and the hand-written pages'."""
    scripts = template_scripts(theme_dirs)
    for path in sorted(docs_dir.rglob("*.md")):
        scripts.update(inline_scripts(path.read_text(encoding="utf-8")))
    return scripts


def header_policy(theme_dirs: Iterable[str | Path], docs_dir: Path) -> str:
    """The policy for the web server's Content-Security-Policy header (README.md): one
    header serves every page, so it allows every inline script of the site's own."""
    return policy((script_hash(s) for s in own_scripts(theme_dirs, docs_dir)), header=True)
