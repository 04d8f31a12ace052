"""Read one YAML file into plain values plus the source position of every value.

libyaml (``CSafeLoader``) composes the node tree; we construct the values
ourselves so that we can (a) remember where each value stood, (b) refuse
duplicate keys, which YAML silently collapses, and (c) remember which plain
scalars YAML 1.1 turned into numbers or booleans, so that a model wanting text
can say "quote it" instead of "wrong type".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, problem

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)
_constructor = SafeConstructor()
_SCALARS = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _constructor.construct_yaml_timestamp,
}


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


class BadScalar(str):
    """A plain scalar YAML resolved to a type but could not build (2026-02-30).

    Kept as its text so that the model reports an impossible date with its position.
    """


@dataclass(slots=True)
class SourceFile:
    """A loaded file: its values and where each stood."""

    path: Path
    display: str  # as the user should see it: relative to the records folder's parent
    data: Any = None
    marks: dict[Loc, Mark] = field(default_factory=dict)
    key_marks: dict[Loc, Mark] = field(default_factory=dict)
    # plain scalars that YAML 1.1 read as non-text: loc -> (source text, tag name)
    implicit: dict[Loc, tuple[str, str]] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return str(self.path)

    def mark(self, loc: Loc, key: bool = False) -> Mark:
        """Position of the value at loc, or the nearest enclosing one that exists."""
        table = self.key_marks if key else self.marks
        while loc:
            if loc in table:
                return table[loc]
            if key and loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), Mark(1, 1))

    def problem(self, loc: Loc, code: str, message: str, hint: str = "",
                key: bool = False) -> Problem:
        m = self.mark(loc, key)
        return problem(self.display, m.line, m.col, code, message, hint)


@dataclass(slots=True)
class LazySource:
    """A cached record's file: positions are read again only if a problem needs one."""

    file: str
    display: str
    _loaded: SourceFile | None = None

    @property
    def path(self) -> Path:
        return Path(self.file)

    def problem(self, loc: Loc, code: str, message: str, hint: str = "",
                key: bool = False) -> Problem:
        if self._loaded is None:
            self._loaded = load_file(self.path, self.display)[0]
        return self._loaded.problem(loc, code, message, hint, key)


class _Loader(yaml.CSafeLoader):
    """libyaml's CSafeLoader, with the two per-node costs it has in Python cut.

    No path resolvers are registered, so descending and ascending are no-ops; a plain
    scalar's tag depends on its text alone, and records repeat the same texts (dates,
    statuses, unit ids), so resolving is memoised.  (Compose fell from 0.83 s to 0.5 s at
    10,000 files.)"""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    # no path resolvers, so a tag depends on (kind, value, implicit) alone; a C-level
    # memo called straight from libyaml's composer costs no Python frame per scalar
    resolve = staticmethod(lru_cache(maxsize=1 << 16)(yaml.resolver.Resolver().resolve))


def compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _NeedsPositions(Exception):
    """The fast read met something only the careful read can report well."""


def load_plain(raw: bytes) -> Any:
    """The values of a file that is well formed, without positions; None when anything is
    off (not UTF-8, tabs, bad syntax, empty, a duplicate key, an impossible date), so that
    the caller reads it again with load_bytes and reports where.  Most files of an archive
    are sound: for them this costs half of what yaml.load does."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if _TAB_INDENT.search(text):
        return None
    try:
        node = compose(text)
        return None if node is None else _plain(node)
    except (yaml.YAMLError, _NeedsPositions, ValueError, RecursionError):
        return None


def _plain(node: Node) -> Any:
    if isinstance(node, ScalarNode):
        tag = node.tag
        if tag == _STR or node.style:
            return node.value
        build = _SCALARS.get(tag)
        return node.value if build is None else build(node)
    if isinstance(node, MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node)
            if not isinstance(key, str) or key in out:
                raise _NeedsPositions  # duplicate, or a key YAML read as non-text
            out[key] = _plain(value_node)
        return out
    if isinstance(node, SequenceNode):
        return [_plain(child) for child in node.value]
    raise _NeedsPositions  # pragma: no cover - composer yields only the three node kinds


def _guess_encoding(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    for name, label in (("gb18030", "GBK/GB18030 (Chinese Windows)"), ("big5", "Big5"),
                        ("shift_jis", "Shift-JIS")):
        try:
            raw.decode(name)
            return label
        except UnicodeDecodeError:
            continue
    return "Latin-1 or another single-byte encoding"


def read_text(src: SourceFile, raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        enc = _guess_encoding(raw)
        return None, [problem(src.display, line, col, "YAML_ENCODING",
                              f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); "
                              f"it looks like {enc}")]


def load_file(path: Path, display: str) -> tuple[SourceFile, list[Problem]]:
    """Load one file. Never raises for bad content: every fault becomes a Problem."""
    src = SourceFile(path, display)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return src, [problem(display, 1, 1, "FILE_UNREADABLE", f"cannot read: {exc.strerror}")]
    return load_bytes(src, raw)


def load_bytes(src: SourceFile, raw: bytes) -> tuple[SourceFile, list[Problem]]:
    text, problems = read_text(src, raw)
    if text is None:
        return src, problems
    tabs = [m for m in _TAB_INDENT.finditer(text)]
    if tabs:
        for m in tabs:
            line = text.count("\n", 0, m.start()) + 1
            col = m.end() - m.start()
            problems.append(problem(src.display, line, col, "YAML_TAB",
                                    "tab used for indentation"))
        return src, problems
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        return src, [problem(src.display, line, col, "YAML_SYNTAX", what or str(exc))]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry no mark
        return src, [problem(src.display, 1, 1, "YAML_SYNTAX", str(exc).splitlines()[0])]
    if node is None:
        return src, [problem(src.display, 1, 1, "YAML_EMPTY", "the file is empty")]
    src.data = _build(src, node, (), problems, 0)
    return src, problems


def _build(src: SourceFile, node: Node, loc: Loc, problems: list[Problem], depth: int) -> Any:
    src.marks[loc] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > 50:  # an alias loop or absurd nesting; records are at most five deep
        problems.append(src.problem(loc, "YAML_SYNTAX", "nesting too deep (alias loop?)"))
        return None
    if isinstance(node, ScalarNode):
        return _scalar(src, node, loc)
    if isinstance(node, SequenceNode):
        return [_build(src, child, (*loc, i), problems, depth + 1)
                for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(src, key_node, loc) if isinstance(key_node, ScalarNode) else None
            if isinstance(key, bool | type(None)):
                # `no:` or `null:` as a key would collapse into False/None
                key = key_node.value if isinstance(key_node, ScalarNode) else repr(key_node)
            elif not isinstance(key, str):
                key = str(key_node.value) if isinstance(key_node, ScalarNode) else str(key)
            kloc = (*loc, key)
            kmark = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = src.key_marks[kloc]
                problems.append(problem(src.display, kmark.line, kmark.col, "YAML_DUPLICATE_KEY",
                                        f"key '{key}' already appears on line {first.line}"))
                continue
            src.key_marks[kloc] = kmark
            out[key] = _build(src, value_node, kloc, problems, depth + 1)
        return out
    return None  # pragma: no cover - composer yields only the three node kinds


def _scalar(src: SourceFile, node: ScalarNode, loc: Loc) -> Any:
    tag = node.tag
    if tag == _STR or node.style:  # quoted or block scalars are always text
        return node.value
    build = _SCALARS.get(tag)
    if build is None:
        return node.value
    try:
        value = build(node)
    except (ValueError, ConstructorError):
        return BadScalar(node.value)
    if tag != "tag:yaml.org,2002:timestamp" and tag != "tag:yaml.org,2002:null":
        src.implicit[loc] = (node.value, tag.rsplit(":", 1)[-1])
    return value
