"""Validation caches, keyed on every file's size, modification time and inode and on the
code of the generators.

* When no file changed, `portal validate` answers from the last report and reads no record
  (the as-of date and the folder as shown must match too).
* Otherwise the records of each sound file (no problem of its own) are taken from the last
  run when the file's stamp is the same, and only the others are read: a republish after
  one edit reads one file.  Loading them costs 0.16 s at 10,000 records against 1.1 s to
  read and check them; writing them (0.2 s) happens in a detached process.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import Problem
from .processes import in_background, settle
from .walk import entries

FORMAT = 1


def code_version() -> str:
    """A hash of the generators' own source: a new release invalidates every cache; so
    does another size limit for record files (a file sound under one may not be under
    the other)."""
    from .walk import max_record_bytes

    return f"{_source_version()}-{max_record_bytes()}"


@cache
def _source_version() -> str:
    h = hashlib.sha256(str(FORMAT).encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path(records_dir: Path, part: str, display: str = "") -> Path:
    """The cache file `part` of a records folder; display (the folder as shown in
    messages, which cached problems and records carry) gives each spelling its own."""
    base = records_dir.resolve()
    name = hashlib.sha256(f"{base}\0{display}".encode()).hexdigest()[:12]
    return base.parent / ".cache" / "portal" / f"{part}-{name}.pickle"


Stamp = tuple[int, int, int]


def stamp_of(st: os.stat_result) -> Stamp:
    # size and mtime, plus the inode: editors that save by writing a new file and renaming
    # it over the old one give a new inode even within one mtime tick
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def stamps(records_dir: Path) -> dict[str, Stamp]:
    """relative path -> stamp of every entry the validator judges below records_dir: .yaml
    files, and links and special files of any name (walk.py), so that one appearing after
    the last run is seen as a change."""
    out: dict[str, Stamp] = {}
    root = str(records_dir)
    cut = len(root) + 1  # the relative path is a slice: relpath() took 0.2 s at 10,000
    for _reldir, _name, full, kind in entries(root):
        try:
            # a link inside to a file: the target's status (the verdict reads it)
            st = os.stat(full) if kind == "file" else os.lstat(full)
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
    data = load_pickle(cache_path(records_dir, "summary", display))
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
        dump_pickle(cache_path(records_dir, "summary", display),
                    Summary(code_version(), as_of, display, before, report))


@dataclass(slots=True)
class SoundFiles:
    """The records of every sound file, with the stamp the file had when it was read."""

    version: str
    display: str
    files: dict[str, tuple[Stamp, list[Any]]]


def _records_version() -> str:
    from importlib.metadata import version

    return f"{code_version()} pydantic={version('pydantic')}"  # records are pickled models


def sound_records(records_dir: Path, display: str, now: dict[str, Stamp]) -> dict[str, list[Any]]:
    """relative path -> the records of that file from the last run, if it has not changed."""
    settle()  # a cache this process is writing (mkdocs serve, tests)
    data = load_pickle(cache_path(records_dir, "records", display))
    if (not isinstance(data, SoundFiles) or data.version != _records_version()
            or data.display != display):
        return {}
    return {rel: recs for rel, (stamp, recs) in data.files.items() if now.get(rel) == stamp}


def remember_sound(records_dir: Path, display: str, before: dict[str, Stamp],
                   files: dict[str, list[Any]], prepare: Callable[[list[Any]], None]) -> None:
    """Keep the records of the sound files for the next run (in the background; prepare
    drops what need not be kept, such as position tables)."""
    entries = {rel: (before[rel], recs) for rel, recs in files.items() if rel in before}
    path = cache_path(records_dir, "records", display)

    def write() -> None:
        prepare([rec for _, recs in entries.values() for rec in recs])
        dump_pickle(path, SoundFiles(_records_version(), display, entries))

    in_background(write)
