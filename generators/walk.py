"""What the validator judges in a records folder, found without opening a file or following
a link out of the folder.

validate.discover and cache.stamps both take their list from here, so that a verdict given
from the cache looks at the same entries as a fresh one: a link or a FIFO that appears
changes the stamps as a new file does.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import Literal

YAML = (".yaml", ".yml")

Kind = Literal["file", "broken", "outside", "folder-link", "special"]
"""file: a regular .yaml file, or a link to one inside the folder (read at the link);
broken: a link named .yaml that leads nowhere (reading it fails: FILE_UNREADABLE);
outside: a link, of any name, whose target lies outside the folder (never followed);
folder-link: a link to a folder inside (not followed: its files are read where they are);
special: a FIFO, socket or device, of any name (never opened: a FIFO would block)."""

Entry = tuple[tuple[str, ...], str, str, Kind]
"""(folders below the root, name, path, kind)"""


def entries(root: str) -> Iterator[Entry]:
    """Every entry to judge below root, in archive order: folder by folder, names sorted,
    a folder's own files before its subfolders (os.walk's order); hidden folders skipped.
    A stack, not recursion: a hostile archive may nest folders deeper than Python's
    recursion limit."""
    real_root = os.path.realpath(root)
    stack: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, reldir = stack.pop()
        subfolders: list[str] = []
        yield from _folder(folder, reldir, real_root, subfolders)
        at = folder + os.sep
        stack.extend((at + name, (*reldir, name)) for name in reversed(subfolders))


def _folder(folder: str, reldir: tuple[str, ...], real_root: str,
            subfolders: list[str]) -> Iterator[Entry]:
    """The entries of one folder; its subfolders are appended to subfolders."""
    try:
        with os.scandir(folder) as it:
            found = list(it)
    except OSError:
        return
    found.sort(key=_name)
    at = folder + os.sep
    for entry in found:
        # the DirEntry knows a link or a FIFO from the directory itself: no stat per file
        name = entry.name
        try:
            if entry.is_file(follow_symlinks=False):
                if name.endswith(YAML):
                    yield reldir, name, at + name, "file"
            elif entry.is_dir(follow_symlinks=False):
                if not name.startswith("."):  # .git, .cache: not the archive's
                    subfolders.append(name)
            elif entry.is_symlink():
                kind = link_kind(at + name, real_root)
                if kind in ("file", "broken") and not name.endswith(YAML):
                    continue  # a link inside to something that is not a record: not ours
                yield reldir, name, at + name, kind
            else:
                yield reldir, name, at + name, "special"
        except OSError:
            continue  # vanished while we looked


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def link_kind(path: str, real_root: str) -> Kind:
    """What a link leads to, decided from its resolved path before anything is opened."""
    target = os.path.realpath(path)
    if target != real_root and not target.startswith(real_root.rstrip(os.sep) + os.sep):
        return "outside"
    try:
        st = os.stat(target)
    except OSError:  # nothing there, or a loop of links
        return "broken"
    if stat.S_ISDIR(st.st_mode):
        return "folder-link"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "special"


def kind_of(path: str, root: str) -> Kind | None:
    """The kind of one entry below root, as entries() would give it (None: a folder, or
    nothing there)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return link_kind(path, os.path.realpath(root))
    if stat.S_ISDIR(st.st_mode):
        return None
    return "file" if stat.S_ISREG(st.st_mode) else "special"


DEFAULT_MAX_RECORD_BYTES = 1 << 20
"""The validator's default limit for one record file: the largest sample record is a few
kilobytes, a registry of hundreds of units some tens."""


def max_record_bytes() -> int:
    """The size limit for one record file: PORTAL_MAX_RECORD_BYTES when it is a positive
    whole number, else DEFAULT_MAX_RECORD_BYTES.  (The environment and not mkdocs.yml:
    `portal validate` reads no MkDocs configuration, and validate and build must agree.)"""
    value = os.environ.get("PORTAL_MAX_RECORD_BYTES", "").strip()
    ok = value.isascii() and value.isdigit() and int(value) > 0
    return int(value) if ok else DEFAULT_MAX_RECORD_BYTES
