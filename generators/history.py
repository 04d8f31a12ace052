"""Each record's change history, read from git in one `git log` over the records folder.

Outside a git checkout (or without git) the portal builds without history.  A commit
that also touched a record the audience may not see keeps its date but not its
message: editors write messages about what they changed, and that may be the
restricted record.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

_SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class Change:
    sha: str
    date: dt.date
    message: str
    files: frozenset[str]
    """The files the commit touched, as file_key() gives them."""


def file_key(file: str) -> str:
    """A file's real absolute path, as git names it: what history is keyed by.  Only the
    folder is resolved (cached): a Path.resolve() per record was 0.3 s at 10,000."""
    folder, name = os.path.split(os.path.abspath(file))  # the cache must not see the cwd
    return os.path.join(_real_folder(folder), name)


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def git_root(path: Path) -> Path | None:
    try:
        out = subprocess.run(["git", "-C", str(path), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


def read_history(records_dir: Path) -> dict[str, list[Change]]:
    """file_key() of each file -> its changes, newest first. Empty outside git."""
    root = git_root(records_dir)
    if root is None:
        return {}
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "--no-renames", "--date=short",
             f"--format=%x1e%H{_SEP}%ad{_SEP}%s", "--name-only", "--",
             str(records_dir.resolve().relative_to(root))],
            capture_output=True, text=True, check=False, timeout=300)
    except (OSError, subprocess.TimeoutExpired, ValueError):
        return {}
    if out.returncode != 0:
        return {}  # a repository with no commits yet
    history: dict[str, list[Change]] = {}
    top = os.path.realpath(root)  # git names files from here, with "/"
    for block in out.stdout.split("\x1e"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines or lines[0].count(_SEP) != 2:
            continue
        sha, day, message = lines[0].split(_SEP)
        files = frozenset(os.path.join(top, *f.split("/")) for f in lines[1:])
        change = Change(sha, dt.date.fromisoformat(day), message, files)
        for f in files:
            history.setdefault(f, []).append(change)
    return history
