"""Each record's change history, read from git in one `git log` over the records folder.

Outside a git checkout (or without git) the portal builds without history.  A commit
keeps its date for every audience, but its message only for the audiences that may see
every record it touched: editors write messages about what they changed, and that may be
the restricted record.  What a commit touched is read from git itself, version by
version (the blob before and after the commit of each file), not from today's files: a
restricted record that was later deleted, renamed or declassified, and a registry entry
(one of many in registry/*.yaml) are all found.  The level of a blob never changes, so
it is kept in the build cache by the blob's id.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .cache import read_checked, write_checked
from .models.common import LEVELS

_SEP = "\x1f"
_NULL = "0" * 40
TOP = max(LEVELS.values())
DEFAULT = LEVELS["internal"]
RULES = 2
"""The version of how a blob's level is read: the cache of another is not used."""
MAX_BLOB = 4 << 20
"""A version larger than this is not read: its commit counts as touching the most
restricted level (a record file is a few kilobytes)."""


@dataclass(frozen=True, slots=True)
class Change:
    sha: str
    date: dt.date
    message: str
    level: int
    """The highest classification (models.LEVELS) of any record the commit touched, in the
    version before it or after it: audiences below it do not see the message."""


def file_key(file: str) -> str:
    """A file's real absolute path, as git names it: what history is keyed by.  Only the
    folder is resolved (cached): a Path.resolve() per record is a system call per record."""
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


def commit_files(path: Path) -> list[Path]:
    """What git changes when a commit is made or HEAD moves, in the repository holding
    path (none outside git): HEAD, the refs and packed-refs.  Record pages show their
    files' commits, so the preview watches these too."""
    try:
        out = subprocess.run(["git", "-C", str(path), "rev-parse", "--absolute-git-dir",
                              "--git-common-dir"],
                             capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return []
    lines = out.stdout.splitlines()
    if out.returncode != 0 or len(lines) != 2:
        return []
    own, common = Path(lines[0]), (path / lines[1]).resolve()  # common: maybe relative
    return [own / "HEAD", common / "refs", common / "packed-refs"]


# one file a commit touched: (path from the repository's root, blob before, blob after)
Touched = tuple[str, str, str]


def read_history(records_dir: Path, cache: Path | None = None,
                 read: bool = True) -> dict[str, list[Change]]:
    """file_key() of each file -> its changes, newest first. Empty outside git.
    cache: a file that keeps the levels of blobs from one build to the next; read False
    (`portal build --full`): it is written, not read."""
    root = git_root(records_dir)
    if root is None:
        return {}
    try:
        rel = records_dir.resolve().relative_to(root).as_posix()
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-z", "--no-renames", "--raw", "--no-abbrev",
             "--no-show-signature", "--date=short", f"--format=%x1e%H{_SEP}%ad{_SEP}%s", "--", rel],
            capture_output=True, encoding="utf-8", errors="replace", check=False,
            timeout=300)
    except (OSError, subprocess.TimeoutExpired, ValueError):
        return {}
    if out.returncode != 0:
        return {}  # a repository with no commits yet
    prefix = "" if rel == "." else rel + "/"
    history: dict[str, list[Change]] = {}
    top = os.path.realpath(root)  # git names files from here, with "/"
    with _Levels(root, prefix, cache, read) as levels:
        for head, touched in _commits(out.stdout):
            sha, day, message = head
            change = Change(sha, dt.date.fromisoformat(day), message, levels.commit(touched))
            for path, _, _ in touched:
                history.setdefault(os.path.join(top, *path.split("/")), []).append(change)
    return history


def _commits(text: str) -> Iterator[tuple[tuple[str, str, str], list[Touched]]]:
    """`git log -z --raw` read token by token (NUL ends each: a file name or a message
    may hold any other character): each commit's (sha, date, subject) and its files."""
    tokens = iter(text.split("\0"))
    head: tuple[str, str, str] | None = None
    touched: list[Touched] = []
    for token in tokens:
        token = token.lstrip("\n")
        if token.startswith("\x1e"):
            if head is not None:
                yield head, touched
            sha, day, message = [*token[1:].split(_SEP, 2), "", ""][:3]
            head, touched = (sha, day, message), []
        elif token.startswith(":"):
            parts = token.split()
            path = next(tokens, "")
            if len(parts) >= 5 and path:
                touched.append((path, parts[2], parts[3]))
    if head is not None:
        yield head, touched


class _Levels:
    """The level of each version a commit touched, read with one `git cat-file --batch`."""

    def __init__(self, root: Path, prefix: str, cache: Path | None, read: bool = True) -> None:
        self.root = root
        self.prefix = prefix
        self.cache = cache
        self.known: dict[str, int] = _read_cache(cache) if read else {}
        self.fresh = False
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _Levels:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait()
        if self.fresh and self.cache is not None:
            _write_cache(self.cache, self.known)

    def commit(self, touched: list[Touched]) -> int:
        level = 0
        for path, before, after in touched:
            level = max(level, self.file(path, before, after))
            if level >= TOP:
                break
        return level

    def file(self, path: str, before: str, after: str) -> int:
        rel = path[len(self.prefix):] if path.startswith(self.prefix) else path
        if not rel.endswith((".yaml", ".yml")):
            return 0  # not a record (an attachment, a note): not a record's history either
        registry = rel.startswith("registry/")
        key = f"{before}:{after}" if registry else ""
        if registry:
            found = self.known.get(key)
            if found is None:
                found = self.known[key] = _registry_change(self.blob(before), self.blob(after))
                self.fresh = True
            return found
        level = 0
        for sha in (before, after):
            if sha == _NULL:
                continue
            found = self.known.get(sha)
            if found is None:
                found = self.known[sha] = _record_level(self.blob(sha))
                self.fresh = True
            level = max(level, found)
        return level

    def blob(self, sha: str) -> str | None:
        """The text of a blob; "" for none (the file did not exist); None when it cannot be
        read as a record file."""
        if sha == _NULL:
            return ""
        if self.proc is None:
            self.proc = subprocess.Popen(["git", "-C", str(self.root), "cat-file", "--batch"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        stdin: IO[bytes] | None = self.proc.stdin
        stdout: IO[bytes] | None = self.proc.stdout
        assert stdin is not None and stdout is not None
        stdin.write(sha.encode() + b"\n")
        stdin.flush()
        head = stdout.readline().split()
        if len(head) != 3 or head[1] != b"blob":
            return None
        size = int(head[2])
        data = stdout.read(size + 1)[:size]
        if size > MAX_BLOB:
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None


def _compose(text: str) -> Node | None:
    """The node tree (aliases are not expanded: a billion laughs costs nothing here)."""
    loader = yaml.CSafeLoader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _field(node: MappingNode, name: str) -> Node | None:
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == name:
            return v
    return None


def _own_level(node: MappingNode) -> int | None:
    """The classification the mapping states; None when it states none; TOP when it
    states something that is not a level (such a version never built: count it high)."""
    value = _field(node, "classification")
    if value is None:
        return None
    if isinstance(value, ScalarNode) and value.value in LEVELS:
        return LEVELS[value.value]
    return TOP


def _record_level(text: str | None) -> int:
    """The level of one version of a one-record file (TOP when it cannot be read)."""
    if text is None:
        return TOP
    try:
        node = _compose(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return TOP
    if node is None:
        return 0  # an empty file holds no record
    if not isinstance(node, MappingNode):
        return TOP
    own = _own_level(node)
    return DEFAULT if own is None else own


def _entries(text: str | None) -> dict[str, tuple[str, int]] | None:
    """A registry file's entries: id -> (the entry's text, its level and that of its
    children: a child topic is at least its parent's); None when it cannot be read."""
    if text is None:
        return None
    if not text.strip():
        return {}
    try:
        node = _compose(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if node is None:
        return {}
    if not isinstance(node, SequenceNode):
        return None
    out: dict[str, tuple[str, int]] = {}
    for item in node.value:
        if not isinstance(item, MappingNode):
            return None
        # entries are named by `id`; the working calendar's by `year`
        id_node = _field(item, "id") or _field(item, "year")
        if not isinstance(id_node, ScalarNode):
            return None
        own = _own_level(item)
        level = DEFAULT if own is None else own
        children = _field(item, "children")
        if isinstance(children, SequenceNode):
            for child in children.value:
                if isinstance(child, MappingNode):
                    level = max(level, _own_level(child) or 0)
        span = text[item.start_mark.index:item.end_mark.index]
        previous = out.get(id_node.value)
        out[id_node.value] = (span if previous is None else previous[0] + span,
                              max(level, previous[1] if previous else 0))
    return out


def _registry_change(before: str | None, after: str | None) -> int:
    """The highest level of the registry entries a commit added, changed or removed."""
    old, new = _entries(before), _entries(after)
    if old is None or new is None:
        return TOP
    level = 0
    for id_ in old.keys() | new.keys():
        was, now = old.get(id_), new.get(id_)
        if was is not None and now is not None and was[0] == now[0]:
            continue
        level = max(level, was[1] if was else 0, now[1] if now else 0)
    return level


def _read_cache(path: Path | None) -> dict[str, int]:
    """The levels kept by the last build, if its file is whole (cache.py's checksum: a
    level lowered by hand would show a withheld message to a lower audience)."""
    payload = read_checked(path) if path is not None else None
    if payload is None:
        return {}
    try:
        data = json.loads(payload)
    except ValueError:
        return {}
    if not isinstance(data, dict) or data.get("rules") != RULES \
            or not isinstance(data.get("levels"), dict):
        return {}
    return {k: v for k, v in data["levels"].items()
            if isinstance(k, str) and isinstance(v, int) and 0 <= v <= TOP}


def _write_cache(path: Path, known: dict[str, int]) -> None:
    """Atomically, with its checksum (a build beside this one reads the old file or the
    new one; no cache when the disk refuses it: the next build reads the blobs again)."""
    write_checked(path, json.dumps({"rules": RULES, "levels": known},
                                   separators=(",", ":")).encode())
