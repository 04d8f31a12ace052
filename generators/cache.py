"""Validation caches, keyed on every file's size, modification time and inode and on the
code of the generators.

* When no file changed, `portal validate` answers from the last report and reads no record
  (the as-of date and the folder as shown must match too).
* Otherwise the records of each sound file (no problem of its own) are taken from the last
  run when the file's stamp is the same, and only the others are read: a republish after
  one edit reads one file.  Writing them happens in a detached process.

Every cache file (these, the build state of incremental.py, Material's compiled
templates) starts with a header: a magic line, the sha256 of the payload and its
length.  A file whose header does not match what follows (truncated, altered, from
another version) is discarded with a warning and made again: a damaged cache costs one
slower run, never a failed or a wrong one.  `portal build --full` reads none of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import Problem
from .processes import in_background, settle
from .walk import YAML, entries

FORMAT = 2
MAGIC = b"general-office-portal cache 2\n"
_HEADER = len(MAGIC) + 32 + 8

log = logging.getLogger("portal.cache")


def code_version() -> str:
    """A hash of the generators' own source: a new release invalidates every cache; so
    does another size limit for record files (a file sound under one may not be under
    the other)."""
    from .walk import max_record_bytes

    return f"{_source_version()}-{max_record_bytes()}"


def source_files(root: Path | None = None) -> list[Path]:
    """Every file of the generators' package that a build reads: its code, and the
    stylesheets, scripts and templates it copies into every site (assets/, theme/).  An
    edited portal.css is a new release too: a republish keyed on the code alone kept the
    last build's stylesheet, which only --full replaced."""
    root = root or Path(__file__).parent
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and p.suffix not in (".pyc", ".pyo"))


def source_version(root: Path) -> str:
    """A hash of source_files(root), their names and contents."""
    h = hashlib.sha256(str(FORMAT).encode())
    for path in source_files(root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


@cache
def _source_version() -> str:
    return source_version(Path(__file__).parent)


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
    cut = len(root) + 1  # the relative path is a slice: relpath() per file is slow
    for _reldir, _name, full, kind in entries(root):
        try:
            # a link inside to a file: the target's status (the verdict reads it)
            st = os.stat(full) if kind == "file" else os.lstat(full)
        except OSError:
            continue
        out[full[cut:]] = stamp_of(st)
    # issue 17: documents' attachments (any name) must exist: a file added or removed there
    # changes the verdict, so it changes the stamps (links are stamped, never followed)
    for folder, subfolders, names in os.walk(os.path.join(root, "attachments")):
        subfolders.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            if full.endswith(YAML):
                continue  # walk.entries has it
            try:
                out[full[cut:]] = stamp_of(os.lstat(full))
            except OSError:
                continue
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
    """What dump_pickle wrote at path; None when there is none or it is damaged."""
    payload = read_checked(path)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception as exc:  # a class of another version of the code, for one
        _discard(path, f"unreadable: {type(exc).__name__}")
        return None


def dump_pickle(path: Path, data: Any) -> None:
    write_checked(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def read_checked(path: Path) -> bytes | None:
    try:
        with path.open("rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("portal: cannot read the cache %s (%s); going without it", path,
                    exc.strerror)
        return None
    if not data.startswith(MAGIC) or len(data) < _HEADER:
        _discard(path, "not a cache of this version")
        return None
    digest = data[len(MAGIC):len(MAGIC) + 32]
    length = int.from_bytes(data[len(MAGIC) + 32:_HEADER], "big")
    payload = data[_HEADER:]
    if length != len(payload):
        _discard(path, f"{len(payload)} bytes where its header says {length}")
        return None
    if hashlib.sha256(payload).digest() != digest:
        _discard(path, "its checksum does not match")
        return None
    return payload


def write_checked(path: Path, payload: bytes) -> None:
    """Write header and payload under a temporary name (with this process's id, so
    that clean_temporaries knows when it is left over), then rename it into place."""
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(MAGIC + hashlib.sha256(payload).digest()
                     + len(payload).to_bytes(8, "big"))
            fh.write(payload)
        tmp.replace(path)
    except OSError:
        # a read-only checkout or a full disk still builds, only without the cache
        with contextlib.suppress(OSError):
            tmp.unlink()


def _discard(path: Path, why: str) -> None:
    log.warning("portal: discarded the cache %s (%s); it will be made again", path, why)
    with contextlib.suppress(OSError):
        path.unlink()


def clean_temporaries(records_dir: Path) -> None:
    """Remove the cache's temporary files that a killed process left (its id is in the
    name, and it is gone)."""
    folder = records_dir.resolve().parent / ".cache" / "portal"
    paths: list[Path] = []
    for top, dirs, files in os.walk(folder):
        # not into the preview's sites (`portal serve`): a page each, and none is a cache
        dirs[:] = [d for d in dirs if d != "site" and not d.startswith(".site")]
        paths += [Path(top, name) for name in files if ".tmp" in name]
    for path in paths:
        pid = path.name.rpartition(".tmp")[2]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                path.unlink()
        except OSError:
            pass  # alive, another user's


def bytecode_cache(folder: Path, read: bool = True) -> Any:
    """A Jinja bytecode cache in folder whose files carry the same check as the others;
    with read false (a --full build) it writes templates but reads none."""
    import jinja2

    class Checked(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            if not read:
                return
            path = Path(self.directory) / (self.pattern % (bucket.key,))
            payload = read_checked(path)
            if payload is None:
                return
            try:
                bucket.load_bytecode(io.BytesIO(payload))
            except Exception as exc:
                bucket.reset()
                _discard(path, f"unreadable: {type(exc).__name__}")

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            out = io.BytesIO()
            bucket.write_bytecode(out)
            write_checked(Path(self.directory) / (self.pattern % (bucket.key,)),
                           out.getvalue())

    folder.mkdir(parents=True, exist_ok=True)
    return Checked(str(folder))


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
