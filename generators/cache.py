"""A validation cache: when no file changed, `portal validate` reads no record.

Keyed on every file's size, modification time and inode, the as-of date, the folder
as shown and the code of the generators.  Only the report is kept: caching the records
themselves cost more to write on every run (about 1 s at 10,000) than it saved.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import Problem

FORMAT = 1


@cache
def code_version() -> str:
    """A hash of the generators' own source: a new release invalidates every cache."""
    h = hashlib.sha256(str(FORMAT).encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path(records_dir: Path, part: str) -> Path:
    base = records_dir.resolve()
    name = hashlib.sha256(str(base).encode()).hexdigest()[:12]
    return base.parent / ".cache" / "portal" / f"{part}-{name}.pickle"


Stamp = tuple[int, int, int]


def stamp_of(st: os.stat_result) -> Stamp:
    # size and mtime, plus the inode: editors that save by writing a new file and renaming
    # it over the old one give a new inode even within one mtime tick
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def stamps(records_dir: Path) -> dict[str, Stamp]:
    """relative path -> stamp of every .yaml/.yml file below records_dir."""
    out: dict[str, Stamp] = {}
    root = str(records_dir)
    cut = len(root) + 1  # the relative path is a slice: relpath() took 0.2 s at 10,000
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith((".yaml", ".yml")):
                full = os.path.join(dirpath, name)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                out[full[cut:]] = stamp_of(st)
    return out


@dataclass(slots=True)
class Summary:
    """What a run found: enough to answer `portal validate` when nothing changed."""

    version: str
    as_of: str
    display: str
    stamps: dict[str, Stamp]
    report: list[Problem]


def load_pickle(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError, IndexError):
        return None  # no cache, or one from another version: start afresh


def dump_pickle(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only checkout still works, only without the cache


def quick_report(records_dir: Path, as_of: str, display: str) -> list[Problem] | None:
    """The cached report when no file changed; reads no record and imports no model."""
    data = load_pickle(cache_path(records_dir, "summary"))
    if not isinstance(data, Summary) or data.version != code_version():
        return None
    if data.as_of != as_of or data.display != display or stamps(records_dir) != data.stamps:
        return None
    return data.report


def write(records_dir: Path, display: str, as_of: str, report: list[Problem],
          before: dict[str, Stamp]) -> None:
    """Remember the report, if no file changed while the run read them (before = stamps
    taken before reading)."""
    if stamps(records_dir) == before:
        dump_pickle(cache_path(records_dir, "summary"), Summary(code_version(), as_of, display,
                                                          before, report))
