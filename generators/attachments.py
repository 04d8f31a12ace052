"""Documents' attachments: files below records/attachments/, copied into the site.

A document names each attachment's file relative to the attachments folder
(`jzf-2026-3/tasks.pdf`).  The validator checks that the file is there (REF_ATTACHMENT);
the catalog of a build reads each one a visible document names (size, kind, a hash of its
bytes: the `att:<path>` key of deps.py, so that a page showing a file's size is rendered
again when the file changes); the build copies exactly those files to
`attachments/<path>` in the site.  A hidden document's attachments are never read, listed
or copied (DESIGN.md, Audiences).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

FOLDER = "attachments"
"""The attachments folder, below the records folder; also the folder of the copies in the
site."""

KINDS: dict[str, str] = {
    ".pdf": "PDF", ".ofd": "OFD", ".doc": "Word", ".docx": "Word", ".wps": "Word",
    ".xls": "Excel", ".xlsx": "Excel", ".et": "Excel",
}
"""File kinds a reader is told before opening a file, by extension (anything else: the
extension itself in capitals)."""


@dataclass(frozen=True, slots=True)
class AttachmentFile:
    path: str
    """Relative to the attachments folder, as the document writes it."""
    size: int
    """Bytes."""
    sha256: str

    @property
    def kind(self) -> str:
        return kind_of(self.path)

    @property
    def site_src(self) -> str:
        """Where the copy lies in the site (a path MkDocs takes as a static file)."""
        return site_src(self.path)


def kind_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return KINDS.get(ext, ext[1:].upper() or "?")


def site_src(path: str) -> str:
    return f"{FOLDER}/{path}"


def href_path(path: str) -> str:
    """The site path as it goes into a link: each part percent-encoded (a space or a
    '#' in a file name must not end the URL or start a fragment)."""
    return "/".join(quote(part) for part in site_src(path).split("/"))


def locate(records_dir: Path, path: str) -> Path | None:
    """The attachment's file, if it is a regular file inside the attachments folder
    (a link leading out of it, a folder or nothing there: None)."""
    root = (records_dir / FOLDER).resolve()
    full = records_dir / FOLDER / path
    try:
        real = full.resolve()
    except (OSError, RuntimeError):
        return None
    if root not in real.parents or not real.is_file():
        return None
    return full


def read(records_dir: Path, path: str) -> AttachmentFile | None:
    found = locate(records_dir, path)
    if found is None:
        return None
    try:
        data = found.read_bytes()
    except OSError:
        return None
    return AttachmentFile(path, len(data), hashlib.sha256(data).hexdigest())


def read_all(records_dir: Path, paths: Iterable[str]) -> dict[str, AttachmentFile]:
    """path -> what the file is, for each path that names a readable file."""
    out: dict[str, AttachmentFile] = {}
    for path in sorted(set(paths)):
        got = read(records_dir, path)
        if got is not None:
            out[path] = got
    return out


def size_text(size: int) -> str:
    """A file size as a reader reads it: 512 B, 12.3 KB, 1.5 MB (1 KB = 1,024 bytes)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
