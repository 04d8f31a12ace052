"""Read one YAML file into plain values plus the source position of every value.

libyaml (``CSafeLoader``) composes the node tree; we construct the values
ourselves so that we can (a) remember where each value stood, (b) refuse
duplicate keys, which YAML silently collapses, and (c) remember which plain
scalars YAML 1.1 turned into numbers or booleans, so that a model wanting text
can say "quote it" instead of "wrong type".
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import INVISIBLE, Problem, Term, Value, problem
from .walk import max_record_bytes

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
# A plain value that PyYAML (YAML 1.1) reads as text but YAML 1.2 as a number: 0268 (8 is
# no octal digit in 1.1, so it stays text; 1.2 has no octal without 0o and reads 268), 0o17,
# 1e5 (1.1 wants a dot and a signed exponent).  The editors' tools follow YAML 1.2 (the
# VS Code YAML extension, the JSON Schema check): they would read another value than the
# portal does.
_NUMBER_12 = re.compile(r"[-+]?(?:[0-9]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
                        r"|0o[0-7]+|0x[0-9a-fA-F]+")
_NUMBER_START = frozenset("0123456789+-.")
UNQUOTED_12 = "{text} is read as text here, but as the number {value} by YAML 1.2 editors"
"""YAML_UNQUOTED's message for a value yaml12_number finds (validate drops it where the
schema already refuses the text: quoting would not help where a number belongs)."""


def yaml12_number(text: str) -> int | float | None:
    """The number a YAML 1.2 reader makes of a plain value PyYAML keeps as text, or None:
    0268 -> 268, 0o17 -> 15, 1e5 -> 100000.0; 0268-A, 2026年 -> None."""
    if not text or text[0] not in _NUMBER_START or not _NUMBER_12.fullmatch(text):
        return None
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    try:
        return int(text)  # int() reads 0268 as 268, as YAML 1.2 does
    except ValueError:
        return float(text)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)
# What the fast read leaves to the careful one besides a tab indent: a backslash (a
# double-quoted escape may make any character) and invisible characters (warned about, with
# their position).  One character class, apart from the tab's pattern: an alternation with
# its ^ would be tried at every position.
_DOUBT = re.compile(f"[\\\\{INVISIBLE.pattern[1:]}")
# An alias needs an anchor, which starts a token and so never follows a letter: "R&D" and
# "Q & A" are text, "&id001 2026-01-05" is an anchor.  (Searched only in a text holding "&":
# the look-behind is tried at every position.)
_ANCHOR = re.compile(r"(?<![\w&])&\S")
# characters YAML refuses in a stream (libyaml's reader says where in characters of its own)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# A key followed by the full-width colon a Chinese input method types: YAML reads the line
# as text and fails a line later, in words of its own (only looked for in a file holding ：)
_WIDE_COLON = re.compile(r"^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_-]*)[ ]*：", re.M)
# what portal new writes for the editor to fill in (scaffold.py): "TODO title",
# "TODO-official-id"; a value that starts so is a placeholder, wherever it stands
_TODO = re.compile(r"TODO(?![A-Za-z0-9_])")
MAX_DEPTH = 50
"""Levels of lists and mappings a file may nest; records are at most five deep."""
MAX_ALIASED = 10_000
"""Values that aliases may add to a file (each use of *name repeats what &name marks)."""
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

    def problem(self, loc: Loc, code: str, message: str, hint: str = "", /,
                key: bool = False, **args: Value) -> Problem:
        m = self.mark(loc, key)
        return problem(self.display, m.line, m.col, code, message, hint, **args)


@dataclass(slots=True)
class LazySource:
    """A cached record's file: positions are read again only if a problem needs one."""

    file: str
    display: str
    _loaded: SourceFile | None = None

    @property
    def path(self) -> Path:
        return Path(self.file)

    def problem(self, loc: Loc, code: str, message: str, hint: str = "", /,
                key: bool = False, **args: Value) -> Problem:
        if self._loaded is None:
            self._loaded = load_file(self.path, self.display)[0]
        return self._loaded.problem(loc, code, message, hint, key, **args)


class _Loader(yaml.CSafeLoader):
    """libyaml's CSafeLoader, with the two per-node costs it has in Python cut.

    No path resolvers are registered, so descending and ascending are no-ops; a plain
    scalar's tag depends on its text alone, and records repeat the same texts (dates,
    statuses, unit ids), so resolving is memoised (bench/RESULTS.md, "Measurements behind
    the code")."""

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
    off or doubtful (not UTF-8, tabs, bad syntax, empty, a duplicate key, an impossible
    date, an alias, an invisible character), so that the caller reads it again with
    load_bytes and reports where.  Most files of an archive are sound: for them this costs
    half of what yaml.load does."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if _TAB_INDENT.search(text) or _DOUBT.search(text) or "TODO" in text:
        return None
    try:
        node = compose(text)
        if node is None:
            return None
        # without an anchor there is no alias, and the node tree is no larger than the text
        aliases = "&" in text and _ANCHOR.search(text)
        return _Counted().plain(node) if aliases else _plain(node)
    except (yaml.YAMLError, _NeedsPositions, ValueError, RecursionError):
        return None


def _plain(node: Node) -> Any:
    if isinstance(node, ScalarNode):
        tag = node.tag
        if tag == _STR or node.style:
            if not node.style and yaml12_number(node.value) is not None:
                raise _NeedsPositions  # 0268: text here, a number to YAML 1.2 (_Builder)
            return node.value
        build = _SCALARS.get(tag)
        return node.value if build is None else build(node)
    if isinstance(node, MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node)
            if isinstance(key, dt.date):  # a day key (duty rosters): its text, as _Builder
                key = key_node.value
            if not isinstance(key, str) or key in out:
                raise _NeedsPositions  # duplicate, or a key YAML read as non-text
            out[key] = _plain(value_node)
        return out
    if isinstance(node, SequenceNode):
        return [_plain(child) for child in node.value]
    raise _NeedsPositions  # pragma: no cover - composer yields only the three node kinds


class _Counted:
    """_plain for a file with anchors: counts the values built inside aliases as
    _Builder does, and leaves a file over the limit (or an alias inside itself) to it."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.open: set[int] = set()
        self.aliased = 0

    def plain(self, node: Node, in_alias: bool = False) -> Any:
        if in_alias:
            self.aliased += 1
            if self.aliased > MAX_ALIASED:
                raise _NeedsPositions
        if isinstance(node, ScalarNode):
            return _plain(node)
        key = id(node)
        if key in self.open:
            raise _NeedsPositions
        in_alias = in_alias or key in self.seen
        self.seen.add(key)
        self.open.add(key)
        try:
            if isinstance(node, MappingNode):
                out: dict[Any, Any] = {}
                for key_node, value_node in node.value:
                    name = _plain(key_node) if isinstance(key_node, ScalarNode) else None
                    if isinstance(name, dt.date):  # a day key, as in _plain
                        name = key_node.value
                    if not isinstance(name, str) or name in out:
                        raise _NeedsPositions
                    out[name] = self.plain(value_node, in_alias)
                return out
            return [self.plain(child, in_alias) for child in node.value]
        finally:
            self.open.discard(key)


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
                              "file is not UTF-8 (byte 0x{byte}); it looks like {enc}",
                              byte=f"{raw[exc.start]:02x}", enc=Term(enc))]


class Unreadable(Exception):
    """A record file that is not read: the Problem says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_record(path: str | Path, display: str) -> bytes:
    """The bytes of a record file, or Unreadable: never blocks on a FIFO put in a file's
    place (opened without waiting, then checked to be a regular file) and never reads more
    than the size limit."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        why = Term(exc.strerror or str(exc))
        if os.path.islink(path):
            raise Unreadable(problem(display, 1, 1, "FILE_UNREADABLE",
                                     "a link to '{target}', which leads nowhere ({why})",
                                     target=os.readlink(path), why=why)) from None
        raise Unreadable(problem(display, 1, 1, "FILE_UNREADABLE", "cannot read: {why}",
                                 why=why)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable(problem(display, 1, 1, "FILE_SPECIAL",
                                     "not a regular file; it is not read"))
        limit = max_record_bytes()
        if st.st_size > limit:
            raise Unreadable(_too_large(display, st.st_size, limit))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:  # it grew since fstat
            raise Unreadable(_too_large(display, len(raw), limit))
        return raw
    except OSError as exc:
        raise Unreadable(problem(display, 1, 1, "FILE_UNREADABLE", "cannot read: {why}",
                                 why=Term(exc.strerror or str(exc)))) from None
    finally:
        os.close(fd)


def _too_large(display: str, size: int, limit: int) -> Problem:
    return problem(display, 1, 1, "FILE_SIZE",
                   "the file has {size} bytes, more than the limit of {limit} for one "
                   "record file; it is not read", size=f"{size:,}", limit=f"{limit:,}")


def load_file(path: Path, display: str) -> tuple[SourceFile, list[Problem]]:
    """Load one file. Never raises for bad content: every fault becomes a Problem."""
    src = SourceFile(path, display)
    try:
        raw = read_record(path, display)
    except Unreadable as exc:
        return src, [exc.problem]
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
    bad = _FORBIDDEN.search(text)
    if bad:  # libyaml would refuse it too, but say where only in characters of its own
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        more = len(_FORBIDDEN.findall(text)) - 1
        return src, [problem(src.display, line, col, "YAML_CONTROL",
                             "control character {char} in the file"
                             + (" ({more} more after it)" if more else ""),
                             char=f"U+{ord(bad[0]):04X}", more=more)]
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        wide = wide_colons(src, text) if "：" in text else []
        if wide:  # the cause, on its own line, rather than PyYAML's words a line later
            return src, wide
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and mark is not None and not text[mark.index:].strip():
            # a quote or bracket left open is noticed only at the end of the file: the
            # editor needs the line where it opens
            mark = exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        code = "YAML_DEPTH" if "maximum nesting depth" in what else "YAML_SYNTAX"
        if code == "YAML_DEPTH":
            return src, [problem(src.display, line, col, code,
                                 "lists and mappings nest more than {depth} levels deep",
                                 depth=MAX_DEPTH)]
        return src, [problem(src.display, line, col, code, "{detail}",
                             detail=Term(what or str(exc)))]
    except yaml.YAMLError as exc:  # reader errors carry no mark
        return src, [problem(src.display, 1, 1, "YAML_SYNTAX", "{detail}",
                             detail=Term(str(exc).splitlines()[0]))]
    if node is None:
        return src, [problem(src.display, 1, 1, "YAML_EMPTY", "the file is empty")]
    if isinstance(node, ScalarNode) and "：" in text:
        # key： lines alone read as one long text: the colons, not the top level, are wrong
        wide = wide_colons(src, text)
        if wide:
            return src, wide
    if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        # '---' alone gives an empty value marked past the marker: point at the file
        line, col = ((node.start_mark.line + 1, node.start_mark.column + 1) if node.value
                     else (1, 1))
        return src, [problem(src.display, line, col, "YAML_EMPTY",
                             "the file holds an empty document ('{doc}') and no record",
                             doc=node.value or "---")]
    build = _Builder(src, problems)
    src.data = build.node(node, (), 0)
    if build.too_deep or build.too_many or build.loops:
        src.data = None  # half a record would only add confusing problems
    else:
        problems.extend(text_controls(src))
        if "TODO" in text:
            problems.extend(placeholders(src))
    return src, problems


def wide_colons(src: SourceFile, text: str) -> list[Problem]:
    """YAML_COLON for every line whose key is followed by a full-width colon."""
    out = []
    for m in _WIDE_COLON.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.end() - m.start()  # the colon itself
        out.append(problem(src.display, line, col, "YAML_COLON",
                           "the key '{key}' is followed by the full-width colon '：'",
                           "use the ASCII colon `:` followed by a space: {key}: ...",
                           key=m[2]))
    return out


def placeholders(src: SourceFile) -> list[Problem]:
    """TEXT_TODO for every text value that is still portal new's placeholder."""
    return [src.problem(loc, "TEXT_TODO",
                        "{field} is still the placeholder '{value}' written by portal new",
                        field=field_path(loc), value=value)
            for loc, value in _texts(src.data, ())
            if value.startswith("TODO") and _TODO.match(value)]


def text_controls(src: SourceFile) -> list[Problem]:
    """TEXT_CONTROL warnings for every text value holding an invisible character."""
    out = []
    for loc, value in _texts(src.data, ()):
        found = INVISIBLE.search(value)
        if found:
            out.append(src.problem(loc, "TEXT_CONTROL",
                                   "{field} holds the invisible character {char}",
                                   field=field_path(loc), char=f"U+{ord(found[0]):04X}"))
    return out


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every text value of a record with its place, in the order of the file."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, (*loc, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, (*loc, i))


def field_path(loc: Loc, whole: str = "the file") -> str:
    """A place in a record as an editor writes it: days.2026-11-28.officers[0] (an item's
    index joined to its list, not officers.[0]); whole (a Term) where loc is empty."""
    out = ""
    for p in loc:
        out += f"[{p}]" if isinstance(p, int) else f"{'.' if out else ''}{p}"
    return out or Term(whole)


class _Builder:
    """Builds a file's values from its node tree, remembering where each value stood.

    An alias (*name) is the same node object met again: its values are built once more
    at each use.  That is how a file of a few lines expands to a billion values, so the
    values built inside aliases are counted, and an alias inside itself is refused."""

    def __init__(self, src: SourceFile, problems: list[Problem]) -> None:
        self.src = src
        self.problems = problems
        self.seen: set[int] = set()  # lists and mappings built so far (by identity)
        self.open: set[int] = set()  # those being built now: the current path
        self.aliased = 0
        self.too_deep = self.too_many = self.loops = False

    def node(self, node: Node, loc: Loc, depth: int, in_alias: bool = False) -> Any:
        src = self.src
        if self.too_many:
            return None
        src.marks[loc] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if in_alias:
            self.aliased += 1
            if self.aliased > MAX_ALIASED:
                self.too_many = True
                self.problems.append(src.problem(loc, "YAML_ALIAS",
                                                 "aliases expand to more than {n} values",
                                                 n=f"{MAX_ALIASED:,}"))
                return None
        if isinstance(node, ScalarNode):
            if not node.style and node.tag == _STR:
                number = yaml12_number(node.value)
                if number is not None:
                    self.problems.append(src.problem(loc, "YAML_UNQUOTED", UNQUOTED_12,
                                                     'quote it: "{text}"', text=node.value,
                                                     value=str(number)))
            return _scalar(src, node, loc)
        if depth >= MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                self.problems.append(src.problem(loc, "YAML_DEPTH",
                                                 "lists and mappings nest more than "
                                                 "{depth} levels deep", depth=MAX_DEPTH))
            return None
        key = id(node)
        if key in self.open:
            if not self.loops:
                self.loops = True
                self.problems.append(src.problem(loc, "YAML_ALIAS",
                                                 "an alias is used inside the value it "
                                                 "names: it would repeat forever"))
            return None
        in_alias = in_alias or key in self.seen
        self.seen.add(key)
        self.open.add(key)
        try:
            if isinstance(node, SequenceNode):
                return [self.node(child, (*loc, i), depth + 1, in_alias)
                        for i, child in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self.mapping(node, loc, depth, in_alias)
            return None  # pragma: no cover - composer yields only the three node kinds
        finally:
            self.open.discard(key)

    def mapping(self, node: MappingNode, loc: Loc, depth: int, in_alias: bool) -> Any:
        src = self.src
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(src, key_node, loc) if isinstance(key_node, ScalarNode) else None
            if isinstance(key, bool | type(None)):
                # `no:` or `null:` as a key would collapse into False/None
                key = key_node.value if isinstance(key_node, ScalarNode) else (
                    "(a list)" if isinstance(key_node, SequenceNode) else "(a mapping)")
            elif not isinstance(key, str):
                key = str(key_node.value) if isinstance(key_node, ScalarNode) else str(key)
            kloc = (*loc, key)
            kmark = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = src.key_marks[kloc]
                self.problems.append(problem(src.display, kmark.line, kmark.col,
                                             "YAML_DUPLICATE_KEY",
                                             "key '{key}' already appears on line "
                                             "{line}", key=key, line=first.line))
                continue
            src.key_marks[kloc] = kmark
            out[key] = self.node(value_node, kloc, depth + 1, in_alias)
        return out


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
