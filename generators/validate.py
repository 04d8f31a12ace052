"""Read the whole records folder into typed records, collecting every problem.

Stage order after Pelican: read everything, then check what ties records
together (identity, references, dates), then hand the typed records on.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import gc
import glob
import os
import re
import stat
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from . import attachments, cache, walk
from .asof import FIRST_YEAR, LAST_YEAR
from .errors import Name, Problem, Report, Term, Value, from_pydantic, problem
from .load import (
    UNQUOTED_12,
    LazySource,
    Loc,
    SourceFile,
    Unreadable,
    field_path,
    load_file,
    load_plain,
    read_record,
)
from .models import FOLDERS, KEYED, LEVELS, REGISTRY, Record
from .models.common import ID_PATTERN, rules_kept
from .models.document import Document
from .models.liaison import Liaison
from .models.meeting import Meeting, MeetingDecision
from .models.received import Received
from .models.registry import Official, Topic, Unit
from .models.request import Request
from .models.supervision import Supervision
from .numbers import next_free, parse_number
from .processes import ChildFailed, can_fork, in_child

if TYPE_CHECKING:
    from .warm import Warm

_TYPE_WORDS = {"str": "text", "string": "text", "int": "a whole number", "float": "a number",
               "bool": "true/false", "list": "a list", "dict": "a mapping", "NoneType": "nothing",
               "date": "a date"}
_IMPLICIT_WHY = {"int": "the integer", "float": "the number", "bool": "the boolean"}
_RANGE = {"greater_than_equal": "{field} is {value}, but must be at least {limit}",
          "greater_than": "{field} is {value}, but must be greater than {limit}",
          "less_than_equal": "{field} is {value}, but must be at most {limit}",
          "less_than": "{field} is {value}, but must be less than {limit}"}
"""pydantic's range errors, as SCHEMA_RANGE templates."""


@dataclass(slots=True)
class FileJob:
    file: str
    """The file's path (a str: a Path per file was a tenth of a republish's validation)."""
    display: str
    model: type[Record]
    shape: str  # "record", "registry" or "keyed"
    folder_year: int | None = None
    rel: str = ""
    """The path below the records folder (the caches' key)."""

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def name(self) -> str:
        return os.path.basename(self.file)

    @property
    def stem(self) -> str:
        return os.path.splitext(self.name)[0]


@dataclass(slots=True)
class Loaded:
    """Everything that survived loading and the per-file model checks."""

    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    broken: set[str] = field(default_factory=set)
    """Ids of records whose files have errors: links to them are not reported again."""
    sound: dict[str, list[Record]] = field(default_factory=dict)
    """Relative path -> the records of each file without a problem of its own."""
    partial: list[Record] = field(default_factory=list)
    """Records read in part past their schema errors, and whole records that break a rule
    of their type: checked across the archive (so that a schema error does not hide the
    file's reference and date errors), never published."""
    unknown: set[str] = field(default_factory=set)
    """Kinds of id whose registry file could not be read: no reference to them is missing."""


def discover(records_dir: Path, display_root: str) -> tuple[list[FileJob], list[Problem]]:
    """Every .yaml file below records_dir and the model it must follow; a link that leaves
    the folder or a special file is reported, never followed or opened (walk.py)."""
    jobs: list[FileJob] = []
    problems: list[Problem] = []
    root = str(records_dir)
    shown_dirs: dict[tuple[str, ...], tuple[str, str]] = {}
    for reldir, name, path, kind in walk.entries(root):
        if reldir not in shown_dirs:
            # the folder's prefixes once, then one concatenation per file (Path.relative_to()
            # per file was a tenth of a cold validation)
            shown_dirs[reldir] = (os.path.join(display_root, *reldir, ""),
                                  os.path.join(*reldir, "") if reldir else "")
        shown, below = shown_dirs[reldir]
        display = shown + name
        parts = (*reldir, name)
        if kind in ("file", "broken"):
            job = _job_for(parts, path, display, below + name)
            if job is not None:
                jobs.append(job)  # a broken link fails to read: FILE_UNREADABLE, as a file
                continue
            problems.append(problem(display, 1, 1, "FILE_PLACE",
                                    "'{path}' is not a place of the records contract; it "
                                    "is ignored", path="/".join(parts)))
        elif kind == "special":
            problems.append(problem(display, 1, 1, "FILE_SPECIAL",
                                    "'{path}' is {what}, not a regular file; it is not "
                                    "opened", path="/".join(parts),
                                    what=Term(_special_kind(path))))
        else:
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            where = ("outside the records folder" if kind == "outside"
                     else "to a folder inside the records folder")
            problems.append(problem(display, 1, 1, "FILE_LINK",
                                    "'{path}' is a link {where} ('{target}'); it is not "
                                    "followed", path="/".join(parts), where=Term(where),
                                    target=target))
    return jobs, problems


def _special_kind(path: str) -> str:
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "not a file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _job_for(parts: tuple[str, ...], path: str, display: str, rel: str) -> FileJob | None:
    top = parts[0]
    if top == "registry" and len(parts) == 2 and Path(parts[1]).stem in REGISTRY:
        return FileJob(path, display, REGISTRY[Path(parts[1]).stem], "registry", rel=rel)
    if top in KEYED and len(parts) == 2:
        return FileJob(path, display, KEYED[top], "keyed", rel=rel)
    if top in FOLDERS and len(parts) == 3 and parts[1].isdigit() and len(parts[1]) == 4:
        return FileJob(path, display, FOLDERS[top], "record", int(parts[1]), rel)
    return None


@contextmanager
def no_gc() -> Iterator[None]:
    """Loading allocates millions of small objects and frees none of them; the cyclic
    collector would walk them all again and again (bench/RESULTS.md, "Measurements behind
    the code").  `portal serve` builds inside this too: its Catalog and pages are as many
    objects, all alive until the build ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


FileResult = tuple[list[Record], list[Problem], set[str], list[Record]]


def load_all(records_dir: Path, display_root: str,
             reuse: dict[str, list[Record]] | None = None) -> Loaded:
    """Every file loaded and checked on its own, in archive order; a file in reuse (the
    records cache: unchanged since the last run) is not read again.

    On a large archive a forked helper reads the second half of the files meanwhile and
    hands back their plain values (builtins pickle fast; records do not: handing back
    records was tried, and was slower than reading them here); this process turns them
    into records."""
    jobs, problems = discover(records_dir, display_root)
    reuse = reuse or {}
    out = Loaded(problems=problems, files=len(jobs))
    todo = [job for job in jobs if job.rel not in reuse]
    cut = len(todo) // 2 if len(todo) >= PARALLEL_FROM and can_fork() else len(todo)
    collect = _read_in_helper(todo[cut:]) if cut < len(todo) else (lambda: [])
    read = {job.rel: _load_one(job) for job in todo[:cut]}  # meanwhile, the first half here
    read.update((job.rel, _load_one(job, value))
                for job, value in zip(todo[cut:], collect(), strict=True))
    for job in jobs:
        recs, probs, broken, partial = (read[job.rel] if job.rel not in reuse
                                        else (reuse[job.rel], [], set(), []))
        out.records.extend(recs)
        out.problems.extend(probs)
        out.broken |= broken
        out.partial.extend(partial)
        if not probs:
            out.sound[job.rel] = recs
        elif job.shape == "registry" and not recs and not partial:
            out.unknown.add(job.model.rtype)  # e.g. units.yaml does not parse
    return out


PARALLEL_FROM = 2000
_UNREAD = object()


def _read_in_helper(jobs: list[FileJob]) -> Callable[[], list[Any]]:
    """Have a forked child read jobs' files fast (load_plain); returns how to collect its
    values (None for a file to read carefully here; all unread if the child failed)."""
    collect = in_child(lambda: [_plain(job) for job in jobs])

    def values() -> list[Any]:
        try:
            got = collect()
        except ChildFailed:
            return [_UNREAD] * len(jobs)
        return got if len(got) == len(jobs) else [_UNREAD] * len(jobs)

    return values


def _plain(job: FileJob) -> Any:
    try:
        return load_plain(read_record(job.file, job.display))
    except Unreadable:
        return None  # the careful read says why


def _load_one(job: FileJob, value: Any = _UNREAD) -> FileResult:
    if value is _UNREAD:
        value = _plain(job)
    if value is not None:
        recs = _sound_records(job, value)
        if recs is not None:
            return recs, [], set(), []
    # something is wrong with this file: read it again, keeping every value's position
    src, problems = load_file(job.path, job.display)
    broken: set[str] = set()
    if src.data is None:
        # its ids are still known, from the file name and the id: lines the text holds: a
        # reference to them is unresolved, not missing (its own errors say why)
        return [], problems, {job.stem, *_ids_in_text(job)}, []
    recs, probs, partial = build_records(job, src)
    if probs and any(p.code == "TEXT_CONTROL" for p in problems):
        # an id or number refused for its invisible character: said once, as an error
        refused = {(p.line, p.col) for p in probs}
        problems = [p for p in problems
                    if p.code != "TEXT_CONTROL" or (p.line, p.col) not in refused]
    if probs and any(p.code == "TEXT_TODO" for p in problems):
        # portal new's "TODO-official-id" is no id (ID_FORMAT): the placeholder says why
        todo = {(p.line, p.col) for p in problems if p.code == "TEXT_TODO"}
        probs = [p for p in probs if (p.line, p.col) not in todo]
    if probs and any(p.template == UNQUOTED_12 for p in problems):
        # 09 where a number belongs: the schema says text is wrong there, and quoting it
        # (the hint of the YAML 1.2 warning) would not help
        refused = {(p.line, p.col) for p in probs}
        problems = [p for p in problems
                    if p.template != UNQUOTED_12 or (p.line, p.col) not in refused]
    problems = problems + probs
    # the ids the file holds, its parts' too (a meeting's decisions): a record read in part
    # may have left one out, and a reference to it is then unresolved, not missing
    if probs and job.shape == "record":
        broken.add(job.stem)
        broken |= _ids_in(src.data)
    if job.shape == "registry" and isinstance(src.data, list):
        ok = {r.id for r in recs}
        broken |= {i for e in src.data if not (isinstance(e, dict) and e.get("id") in ok)
                   for i in _ids_in(e)}
    src.data = None  # the raw values are not needed past validation
    return recs, problems, broken, partial


def _ids_in(value: Any) -> set[str]:
    """Every id: value in a file's values, at any depth."""
    if isinstance(value, list):
        return {i for item in value for i in _ids_in(item)}
    if not isinstance(value, dict):
        return set()
    found = {value["id"]} if isinstance(value.get("id"), str) else set()
    for item in value.values():
        if isinstance(item, dict | list):
            found |= _ids_in(item)
    return found


_ID_LINE = re.compile(r"(?<![\w-])id:[ ]*[\"']?([a-z0-9][a-z0-9-]{0,63})")


def _ids_in_text(job: FileJob) -> set[str]:
    """The ids a file that does not parse seems to hold (`id: x`, `- id: x`, `{id: x}`)."""
    try:
        text = read_record(job.file, job.display).decode("utf-8", "replace")
    except Unreadable:
        return set()
    return set(_ID_LINE.findall(text))


def _sound_records(job: FileJob, data: Any) -> list[Record] | None:
    """The records of a file read without positions, or None if any check fails: the
    careful path then reports the problems with their lines and columns."""
    if job.shape == "registry":
        if not isinstance(data, list):
            return None
        entries = data
    elif not isinstance(data, dict):
        return None
    else:
        entries = [data]
    src = LazySource(job.file, job.display)
    records: list[Record] = []
    for base, item in enumerate(entries):
        if not isinstance(item, dict):
            return None
        try:
            rec = job.model.model_validate(item)
        except ValidationError:
            return None
        rec._source = src
        rec._base = (base,) if job.shape == "registry" else ()
        if any(_identity_of_file(job, src, rec)):  # (rare) the careful path says where
            return None
        records.append(rec)
    return records


def build_records(job: FileJob, src: SourceFile
                  ) -> tuple[list[Record], list[Problem], list[Record]]:
    """The file's records, its problems, and the records read in part past schema errors."""
    data = src.data
    if job.shape == "registry":
        if not isinstance(data, list):
            return [], [src.problem((), "YAML_TOP_LEVEL",
                                    "{file} must be a list of entries ('- id: ...'), "
                                    "not {kind}", file=job.name, kind=_kind_of(data))], []
        entries: list[tuple[Loc, Any]] = [((i,), item) for i, item in enumerate(data)]
    else:
        if not isinstance(data, dict):
            return [], [src.problem((), "YAML_TOP_LEVEL",
                                    "{type} files hold one mapping (key: value lines), "
                                    "not {kind}", type=Term(job.model.label),
                                    kind=_kind_of(data))], []
        entries = [((), data)]
    records: list[Record] = []
    partial: list[Record] = []
    problems: list[Problem] = []
    for base, item in entries:
        if not isinstance(item, dict):
            problems.append(src.problem(base, "YAML_TOP_LEVEL",
                                        "each entry is a mapping, not {kind}",
                                        kind=_kind_of(item)))
            continue
        try:
            with rules_kept(job.model) as rules:
                rec = job.model.model_validate(item)
        except ValidationError as exc:
            problems.extend(_id_advised(job, src, pydantic_problems(exc, src, base,
                                                                    job.model)))
            read = _read_in_part(job, src, base, item, exc)
            if read is not None:
                partial.append(read[0])
                problems.extend(read[1])
            continue
        rec._source = src
        rec._base = base
        if rules:  # each value right, but together they break a rule of the type
            problems.extend(pydantic_problems(_as_error(job.model, rules), src, base,
                                              job.model))
            partial.append(rec)
        else:
            records.append(rec)
        problems.extend(_identity_of_file(job, src, rec))
    return records, problems, partial


def _id_advised(job: FileJob, src: SourceFile, problems: list[Problem]) -> list[Problem]:
    """A record's own id refused for its form (ID_FORMAT) is given an id to write: the
    file's name when that is one, else the id with capitals lowered and other characters
    made hyphens (Doc_2026_101 -> doc-2026-101).  A reference so refused is most often a
    name written for an id (lead: 办公厅): it is told where the ids are."""
    if job.shape != "record":
        return problems
    out = []
    for p in problems:
        args = dict(p.args)
        value = args.get("v")
        if p.code == "ID_FORMAT" and "what" not in args and isinstance(value, str):
            at = src.mark(("id",), False)
            proposed = _proposed_id(job.stem, value)
            if (at.line, at.col) != (p.line, p.col):  # a reference: a name written for an id
                p = problem(p.path, p.line, p.col, p.code, p.template, _NAME_FOR_ID, v=value)
            elif proposed:
                p = src.problem(("id",), p.code, p.template,
                                "set id: {close}, as the file is named" if proposed == job.stem
                                else "write it as {close}, and name the file {close}.yaml",
                                v=value, close=proposed)
        out.append(p)
    return out


_NAME_FOR_ID = ("write the id, not a name: registry/units.yaml, officials.yaml and topics.yaml "
                "give each its id, a record's file name is its id")


def _ids_for_names(problems: list[Problem], records: list[Record]) -> list[Problem]:
    """A name written where an id belongs is given the id of the unit, official or topic
    of that name (lead: 北京市人民政府办公厅 -> general-office), or ending so when one
    alone does (lead: 办公厅)."""
    if not any(p.hint_template == _NAME_FOR_ID for p in problems):
        return problems
    names: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        if isinstance(rec, Unit | Official | Topic):
            for name in (rec.name, rec.name_zh):
                if name:
                    names[name].add(rec.id)
    out = []
    for p in problems:
        value = str(dict(p.args).get("v", ""))
        if p.hint_template == _NAME_FOR_ID and value:
            ids = names.get(value) or {i for n, found in names.items()
                                       if n.endswith(value) for i in found}
            if len(ids) == 1:
                p = problem(p.path, p.line, p.col, p.code, p.template,
                            "write {close}, the id of {named}", v=value, close=min(ids),
                            named=next(n for n, found in names.items() if ids <= found
                                       and n.endswith(value)))
        out.append(p)
    return out


def _proposed_id(stem: str, value: str) -> str:
    if re.fullmatch(ID_PATTERN, stem):
        return stem
    made = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:64]
    return made if re.fullmatch(ID_PATTERN, made) else ""


def _read_in_part(job: FileJob, src: SourceFile, base: Loc, item: dict[str, Any],
                  exc: ValidationError) -> tuple[Record, list[Problem]] | None:
    """The record read past its schema errors, and what it still shows: the rules of its
    type it breaks, and its identity (id against file name, year folder).

    Where a required value had to be stood in for, the record is read twice, with the
    first stand-ins and with the last (partial_record), and only the problems both reads
    show are said: a problem that changes with the stand-in is the stand-in's."""
    reads: list[tuple[Record, list[Problem]]] = []
    for variant in (0, 1):
        part = partial_record(job.model, item, exc, variant)
        if part is None:
            return None
        rec = part.record
        rec._source = src
        rec._base = base
        found = (pydantic_problems(_as_error(job.model, part.rules), src, base, job.model)
                 if part.rules else [])
        reads.append((rec, found + list(_identity_of_file(job, src, rec))))
        if not part.stood_in:
            break
    rec, found = reads[0]
    if len(reads) == 2:
        rec._other = reads[1][0]
        found = common_problems(found, reads[1][1])
    return rec, found


def _as_error(model: type[Record], rules: list[InitErrorDetails]) -> ValidationError:
    return ValidationError.from_exception_data(model.__name__, rules)


def common_problems(first: list[Problem], second: list[Problem]) -> list[Problem]:
    """The problems of first that second has too (as many times), in first's order: what
    two reads with different stand-in values both find does not depend on them."""
    left = Counter(second)
    out = []
    for p in first:
        if left[p] > 0:
            left[p] -= 1
            out.append(p)
    return out


_REPAIRS = 8
"""Rounds of taking out what the schema refuses; each round removes at least one value."""


@dataclass(slots=True)
class Partial:
    """A record read in part past its schema errors (partial_record)."""

    record: Record
    rules: list[InitErrorDetails]
    """The rules of its type it breaks, each naming its field as the file has it."""
    stood_in: frozenset[str]
    """The required fields whose values were stood in for (none usable in the file)."""


def partial_record(model: type[Record], item: dict[str, Any], exc: ValidationError,
                   variant: int = 0) -> Partial | None:
    """The record without the values its schema errors are about, or None if that leaves
    no record.

    A refused value is taken out; if that leaves a required field missing, the mapping
    holding it is taken out, and so on up.  A required field of the record itself that is
    missing is stood in for (stand_in): variant 0 gives the first value of its kind (the
    earliest date, the first choice), variant 1 the last, so that a check whose answer
    depends on the stand-in answers differently for the two (validate() says only what
    both find).  List items taken out are remembered (Record._kept), so that problems
    point at the lines of the file as written.  The record's values that are each right
    are kept even where together they break a rule of its type: the rules come back in
    Partial.rules (models.common.rules_kept)."""
    data = copy.deepcopy(item)
    kept: dict[Loc, list[int]] = {}
    stood_in: set[str] = set()
    taken: set[Loc] = set()
    for _round in range(_REPAIRS):
        drops: set[Loc] = set()
        for err in exc.errors(include_url=False):
            # a union's tag in parentheses names the form, not a place in the file (issue 17)
            loc: Loc = tuple(p for p in err["loc"] if p != "[key]"
                             and not (isinstance(p, str) and p.startswith("(")))
            if err["type"].isupper():  # a rule of ours: it names the field it is about
                named = str((err.get("ctx") or {}).get("field", ""))
                loc = (*loc, *(int(p) if p.isdigit() else p for p in named.split(".") if p))
            if loc and loc[0] in stood_in:
                return None  # the stand-in itself is refused: no record to be had
            if err["type"] == "missing":
                loc = loc[:-1]
                if not loc:
                    name = str(err["loc"][-1])
                    if not _stand_in_for(model, data, name, variant):
                        return None
                    stood_in.add(name)
                    continue
            if not loc:
                return None
            drops.add(loc)
        taken |= drops
        # keys first (no index moves), then list items from the last, inner lists first
        for loc in sorted((d for d in drops if isinstance(d[-1], str)), key=len, reverse=True):
            parent = _at(data, loc[:-1])
            if isinstance(parent, dict):
                parent.pop(loc[-1], None)
        items = [d for d in drops if isinstance(d[-1], int)]
        for loc in sorted(items, key=lambda d: (-len(d), -int(d[-1]))):
            parent = _at(data, loc[:-1])
            if isinstance(parent, list) and int(loc[-1]) < len(parent):
                where = kept_path(kept, loc[:-1])
                kept.setdefault(where, list(range(len(parent))))
                del kept[where][int(loc[-1])]
                del parent[int(loc[-1])]
        try:
            with rules_kept(model) as rules:
                rec = model.model_validate(data)
        except ValidationError as again:
            exc = again
            continue
        rec._kept = kept or None
        said = [_rule_in_file(r, kept) for r in rules]
        return Partial(rec, [r for r in said if not _about_taken(_rule_field(r), stood_in,
                                                                 taken)],
                       frozenset(stood_in))
    return None


def _about_taken(field: tuple[str, ...], stood_in: set[str], taken: set[Loc]) -> bool:
    """Whether a rule is about a value stood in for or a mapping a value was taken out of:
    its answer is then the partial record's, not the file's (a score left TODO is taken
    out, and "scores of dongcheng: missing key-tasks" would blame the editor for it)."""
    if field[:1] in {(name,) for name in stood_in}:
        return True
    return bool(field) and any(tuple(str(p) for p in loc[:len(field)]) == field
                               for loc in taken if len(loc) > len(field))


def _rule_field(rule: InitErrorDetails) -> tuple[str, ...]:
    err = rule["type"]
    named = str((err.context or {}).get("field", "")) if isinstance(
        err, PydanticCustomError) else ""
    return tuple(p for p in named.split(".") if p)


def _rule_in_file(rule: InitErrorDetails, kept: dict[Loc, list[int]]) -> InitErrorDetails:
    """A rule broken by a record read in part, naming its field as the file has it (list
    items taken out before it are counted back in)."""
    err = rule["type"]
    if not kept or not isinstance(err, PydanticCustomError) or not _rule_field(rule):
        return rule
    loc = kept_path(kept, tuple(int(p) if p.isdigit() else p for p in _rule_field(rule)))
    ctx = {**(err.context or {}), "field": ".".join(str(p) for p in loc)}
    return {**rule, "type": PydanticCustomError(err.type, err.message_template, ctx)}


_NO_STAND_IN = object()


def stand_in(annotation: Any, variant: int) -> Any:
    """A value of the type, to stand in for a required value the file does not give
    usably: variant 0 the first of its kind, variant 1 the last (the earliest and the
    latest date the portal handles, the first and the last choice, two ids no record
    has).  _NO_STAND_IN for a type that has none (a mapping: it is not guessed)."""
    tp = annotation
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            break
    if origin is typing.Literal:
        choices = typing.get_args(tp)
        return choices[0] if variant == 0 else choices[-1]
    if origin is list:
        inner = stand_in(typing.get_args(tp)[0], variant)
        return _NO_STAND_IN if inner is _NO_STAND_IN else [inner]
    if tp is dt.date:
        return dt.date(FIRST_YEAR, 1, 1) if variant == 0 else dt.date(LAST_YEAR, 12, 31)
    if tp is bool:
        return variant == 1
    if tp is int:
        return FIRST_YEAR if variant == 0 else LAST_YEAR
    if tp is str:
        return "stand-in-first" if variant == 0 else "stand-in-last"
    return _NO_STAND_IN


def _stand_in_for(model: type[Record], data: dict[str, Any], name: str, variant: int) -> bool:
    fields = {(f.alias or n): f for n, f in model.model_fields.items()}
    info = fields.get(name)
    value = stand_in(info.annotation, variant) if info is not None else _NO_STAND_IN
    if value is _NO_STAND_IN:
        return False
    data[name] = value
    return True


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def kept_path(kept: dict[Loc, list[int]], loc: Loc) -> Loc:
    """loc as the record has it -> loc as the file has it (list items taken out)."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, int):
            where = tuple(out)
            if where in kept and part < len(kept[where]):
                part = kept[where][part]
        out.append(part)
    return tuple(out)


def _identity_of_file(job: FileJob, src: SourceFile | LazySource, rec: Record) -> Iterator[Problem]:
    stem = job.stem
    if job.shape == "record" and rec.id != stem:
        yield src.problem(("id",), "ID_FILENAME", "id '{id}' differs from the file name '{file}'",
                          _rename_hint(job, rec.id), id=rec.id, file=job.name,
                          field="id", named=rec.id, stem=job.stem)
    if job.shape == "keyed":
        key = str(getattr(rec, "year", None) or getattr(rec, "month", ""))
        if key != stem:
            field_name = "year" if hasattr(rec, "year") else "month"
            yield src.problem((field_name,), "ID_FILENAME",
                              "{field} {named} differs from the file name '{file}'",
                              _rename_hint(job, key), field=field_name, named=key,
                              file=job.name, stem=job.stem)
    if job.folder_year and rec.main_date and rec.main_date.year != job.folder_year:
        yield src.problem((), "ID_YEAR_FOLDER", "dated {date} but kept in the {year} folder",
                          "move it to {folder}/{to}/", date=rec.main_date,
                          year=job.folder_year, folder=job.model.folder,
                          to=rec.main_date.year)


def _rename_hint(job: FileJob, key: str) -> str:
    """Rename the file to what its record says, unless a file of that name exists (a copy
    whose id was not changed): then the id is what to change.  A template of ID_FILENAME
    ({field}: id, year or month; {named}: its value; {stem}: the file's name)."""
    folder = os.path.dirname(job.file)
    # a record may have been copied from another year's folder of its type
    places = glob.glob(os.path.join(glob.escape(os.path.dirname(folder)), "[0-9]*",
                                    glob.escape(f"{key}.yaml"))) if job.folder_year else []
    copied = os.path.lexists(os.path.join(folder, f"{key}.yaml")) or places
    if job.shape == "record" and not re.fullmatch(ID_PATTERN, job.stem):
        # "doc-2026-101 - 副本.yaml" is no id to set
        return ("{named}.yaml already exists, so this looks like a copy: give it a new id "
                "(lowercase a-z, 0-9 and '-') and name the file after it" if copied
                else "rename the file to {named}.yaml")
    if copied:
        return ("set {field}: {stem} — {named}.yaml already exists, so this looks like a copy "
                "whose id was not changed")
    return "rename the file to {named}.yaml, or set {field}: {stem}"


def _kind_of(value: Any) -> Term:
    if isinstance(value, list):
        return Term("a list")
    if isinstance(value, dict):
        return Term("a mapping")
    return Term("a single value")


# -- pydantic errors -> problems ------------------------------------------------------------

def pydantic_problems(exc: ValidationError, src: SourceFile, base: Loc,
                      model: type[BaseModel]) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        # a union's tag in parentheses names the form, not a place in the file (issue 17)
        loc: Loc = tuple(p for p in err["loc"] if p != "[key]"
                         and not (isinstance(p, str) and p.startswith("(")))
        ctx = err.get("ctx") or {}
        at = (*base, *loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            name = str(loc[-1])
            allowed = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            out.append(src.problem(at, "SCHEMA_UNKNOWN_FIELD", "unknown field '{name}'",
                                   "did you mean '{close}'?" if close else
                                   "allowed here: {allowed}", key=True, name=name,
                                   close=close[0] if close else "",
                                   allowed=tuple(sorted(allowed))))
        elif kind == "missing":
            out.append(src.problem(at[:-1], "SCHEMA_MISSING_FIELD",
                                   "missing required field '{name}'",
                                   "add {name}: ... (see the record reference)",
                                   name=str(loc[-1])))
        elif kind == "literal_error" and err["input"] is not None:  # empty: said below
            allowed = _choices(ctx)
            value = err["input"]
            if at in src.implicit:  # say the value as written: level: 4, not 4 the number
                value = src.implicit[at][0]
            close = ([_ROMAN[str(value)]] if _ROMAN.get(str(value)) in allowed else
                     difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5))
            if at in src.implicit and value in allowed:  # quoted, it is allowed
                out.append(_implicit(src, at, tuple(allowed)))
            else:  # quoting would not help (level: 4 quoted is still not IV)
                out.append(src.problem(at, "SCHEMA_ENUM", "'{value}' is not allowed for {field}",
                                       "did you mean '{close}'? allowed: {allowed}" if close
                                       else "allowed: {allowed}", value=str(value),
                                       field=_name(loc), close=close[0] if close else "",
                                       allowed=tuple(allowed)))
        elif kind.isupper():  # our own codes, raised by validators in the models
            extra = [int(p) if p.isdigit() else p for p in str(ctx.get("field", "")).split(".")
                     if p]
            where = (*at, *extra)
            template, args = from_pydantic(kind, err["msg"], ctx)
            # a rule may say what to do itself (ctx "hint"), more exactly than its code's fix;
            # one about a mapping's key (a roster's day) points at the key, not its value
            out.append(src.problem(where, kind, template, str(ctx.get("hint", "")),
                                   key=bool(ctx.get("at_key")) or "[key]" in err["loc"],
                                   **args))
        elif kind in _RANGE:
            limit = next((ctx[k] for k in ("ge", "gt", "le", "lt") if k in ctx), "")
            if isinstance(limit, float) and limit.is_integer():
                limit = int(limit)  # "at most 100", not 100.0
            out.append(src.problem(at, "SCHEMA_RANGE", _RANGE[kind], field=_name(loc),
                                   value=str(err["input"]), limit=str(limit)))
        elif kind in ("too_short", "string_too_short"):
            out.append(src.problem(at, "SCHEMA_MISSING_FIELD", "{field} must not be empty",
                                   "write at least one item under {field}" if kind == "too_short"
                                   else "write its text", field=_name(loc)))
        elif kind == "string_pattern_mismatch":
            out.append(src.problem(at, "SCHEMA_FORMAT", "'{value}' does not match {pattern}",
                                   value=str(err["input"]), pattern=str(ctx.get("pattern"))))
        elif err["input"] is None and kind == "literal_error":  # an empty choice: the choices
            out.append(src.problem(at, "SCHEMA_MISSING_FIELD", "{field} is empty",
                                   "write one of: {allowed}", field=_name(loc),
                                   allowed=tuple(_choices(ctx))))
        elif err["input"] is None:
            out.append(src.problem(at, "SCHEMA_MISSING_FIELD", "{field} is empty",
                                   _empty_hint(model, loc), field=_name(loc)))
        elif at in src.implicit and kind in ("string_type", "list_type"):
            out.append(_implicit(src, at, Term("text"), _is_stamp(model, loc)))
        elif kind in ("model_type", "model_attributes_type", "dict_type", "list_type",
                      "string_type", "int_type", "float_type", "bool_type", "date_type",
                      "int_from_float", "bool_parsing", "int_parsing", "float_parsing"):
            want = _TYPE_WORDS.get(kind.split("_")[0], kind.split("_")[0])
            if kind in ("model_type", "model_attributes_type"):
                want = "a mapping"
            got = _TYPE_WORDS.get(type(err["input"]).__name__, type(err["input"]).__name__)
            # a percentage written with its sign (percent: 30%): the number is wanted
            bare = str(err["input"]).strip().removesuffix("%").strip()
            signed = (isinstance(err["input"], str) and err["input"].strip().endswith("%")
                      and re.fullmatch(r"\d+(\.\d+)?", bare) is not None)
            out.append(src.problem(at, "SCHEMA_TYPE", "{field} must be {want}, not {got}",
                                   "write {write}, without the % sign" if signed else "",
                                   field=_name(loc), want=Term(want), got=Term(got),
                                   write=bare if signed else ""))
        else:  # a check of pydantic's that the records do not meet yet: its own words
            out.append(src.problem(at, "SCHEMA_TYPE", "{field}: {detail}", field=_name(loc),
                                   detail=err["msg"]))
    # a misspelt field shows up twice (unknown 'sumary', missing 'summary'): say it once
    meant = {dict(p.args)["close"] for p in out
             if p.code == "SCHEMA_UNKNOWN_FIELD" and dict(p.args)["close"]}
    return [p for p in out if not (p.template == "missing required field '{name}'"
                                   and dict(p.args)["name"] in meant)]


def _choices(ctx: dict[str, Any]) -> list[str]:
    """The values a Literal field allows, from pydantic's "'a', 'b' or 'c'"."""
    return [a.strip(" '") for a in str(ctx.get("expected", "")).replace(" or ", ",").split(",")
            if a.strip()]


_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
"""An incident's level written as a digit: the level it means (level: 4 is IV, 一般)."""


_KEPT_IN = {"unit": "registry/units.yaml", "official": "registry/officials.yaml",
            "topic": "registry/topics.yaml"}
"""Where the ids of a kind kept in the registry are added (an editor who names a new unit
is told where units are listed, not only to correct the id)."""


def _empty_hint(model: type[BaseModel], loc: Loc) -> str:
    """What to do about a key with nothing after it: a required field must be filled in;
    only an optional one may go."""
    if not loc or isinstance(loc[-1], int):
        return "write a value after the dash, or remove the item"
    fields = _field_infos(model, loc[:-1])
    info = fields.get(str(loc[-1]))
    if info is not None and not info.is_required():
        return "write a value after the colon, or remove the line"
    return "write a value after the colon: this field is required"


def _is_stamp(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the field at loc is a minute written "YYYY-MM-DDTHH:MM" (models.duty.Stamp)."""
    info = _field_infos(model, loc[:-1]).get(str(loc[-1])) if loc else None
    return info is not None and any(getattr(getattr(m, "func", None), "__name__", "") ==
                                    "_stamp" for m in info.metadata)


def _implicit(src: SourceFile, at: Loc, want: Term | tuple[str, ...],
              stamp: bool = False) -> Problem:
    """YAML_UNQUOTED: want is Term("text") or the values allowed; a time of day where a
    minute belongs is told to take its day too (quoting 9:30 alone is still wrong)."""
    text, tag = src.implicit[at]
    value = src.data
    for part in at:
        value = value[part]
    note = ""
    if ":" in text and tag in ("int", "float"):
        note = " (YAML 1.1 reads HH:MM as base 60)"
    elif text.startswith("0") and tag == "int" and len(text) > 1:
        note = " (YAML 1.1 reads a leading 0 as octal)"
    template = ("{text} was read as {kind} {value}{note}, but {want} belongs here"
                if isinstance(want, Term) else
                "{text} was read as {kind} {value}{note}, but one of {want} belongs here")
    if stamp and re.fullmatch(r"\d{1,2}:\d\d", text):
        return src.problem(at, "YAML_UNQUOTED", template,
                           'write the day with the time, quoted: "YYYY-MM-DDT{time}"',
                           text=text, kind=Term(_IMPLICIT_WHY.get(tag, f"a {tag}")),
                           value=str(value), note=Term(note), want=want, time=text.zfill(5))
    return src.problem(at, "YAML_UNQUOTED", template, 'quote it: "{text}"', text=text,
                       kind=Term(_IMPLICIT_WHY.get(tag, f"a {tag}")), value=str(value),
                       note=Term(note), want=want)


def _name(loc: Loc) -> str:
    return field_path(loc, "record")


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names (as written in YAML) of the model found at loc below model."""
    return [name for name, f in _field_infos(model, loc).items() if not f.exclude]


def _field_infos(model: type[BaseModel], loc: Loc) -> dict[str, Any]:
    """Name as written in YAML -> FieldInfo, of the model found at loc below model."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {(f.alias or n): f for n, f in current.model_fields.items()}
            if isinstance(part, str) and part in fields:
                current = fields[part].annotation
            continue
        if typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return {(f.alias or n): f for n, f in current.model_fields.items()}
    return {}


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        elif origin is list or origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        else:
            return tp


# -- checks across records -----------------------------------------------------------------

def _p(rec: Record, loc: Loc, code: str, message: str, hint: str = "", /,
       **args: Value) -> Problem:
    src: SourceFile = rec.src
    kept = rec.__pydantic_private__.get("_kept") if rec.__pydantic_private__ else None
    if kept:
        loc = kept_path(kept, loc)
    return src.problem((*rec._base, *loc), code, message, hint, key=False, **args)


def _close(name: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else ""


def check_archive(records: list[Record], as_of: dt.date,
                  broken: set[str] | frozenset[str] = frozenset(),
                  unknown: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
    """Identity, references and dates: the rules that need the whole archive.

    broken: ids of records whose files have errors of their own; unknown: kinds whose
    registry file could not be read. A reference to either is unresolved, not missing."""
    problems: list[Problem] = []
    by_id: dict[str, Record] = {}
    kinds: dict[str, set[str]] = defaultdict(set)
    decisions: dict[str, MeetingDecision] = {}
    claimed: dict[str, Loc] = {}

    def claim(rec: Record, loc: Loc, id_: str) -> None:
        first = by_id.get(id_)
        if first is not None and first is not rec:
            # said at both places, as either editor may be the one to change; but a copy
            # whose id was not changed is the one to change, and the original is left be
            copy = _the_copy(rec, first) if loc == ("id",) == claimed[id_] else None
            if copy is not first:
                problems.append(_p(rec, loc, "ID_DUPLICATE",
                                   "id '{id}' is also used in {other}",
                                   "ids are unique across the archive; choose another",
                                   id=id_, other=first.src.display))
            if copy is not rec:
                problems.append(_p(first, claimed[id_], "ID_DUPLICATE",
                                   "id '{id}' is also used in {other}",
                                   "ids are unique across the archive; choose another",
                                   id=id_, other=rec.src.display))
        else:
            by_id[id_] = rec
            claimed[id_] = loc

    for rec in records:
        claim(rec, ("id",), rec.id)
        kinds[rec.rtype].add(rec.id)
        if isinstance(rec, Topic):
            for j, child in enumerate(rec.children):
                claim(rec, ("children", j, "id"), child.id)
                kinds["topic"].add(child.id)
        if isinstance(rec, Meeting):
            for i, item in enumerate(rec.agenda):
                for j, d in enumerate(item.decisions):
                    claim(rec, ("agenda", i, "decisions", j, "id"), d.id)
                    decisions[d.id] = d
    kinds["decision"] = set(decisions)
    kinds["record"] = set(by_id)
    kinds["unit-or-official"] = kinds["unit"] | kinds["official"]
    # issue 16: a leader's instruction is given on a briefing or an incident
    kinds["instructed"] = kinds["briefing"] | kinds["incident"]

    problems += _numbers(records)
    problems += _index_numbers(records)
    units = {r.id: r for r in records if isinstance(r, Unit)}
    officials = {r.id: r for r in records if isinstance(r, Official)}
    for rec in records:
        for loc, kind, target in rec.refs():
            if target == rec.id:
                problems.append(_p(rec, loc, "REF_SELF", "'{target}' is this {type} itself",
                                   target=target, type=Term(rec.label.lower())))
                continue
            if target not in kinds[kind]:
                if target in broken or (unknown and _may_be(kind, unknown)):
                    continue  # its own file's errors say what is wrong
                actual = by_id.get(target)
                # an id of another type is no typo: a look-alike id would mislead
                close = _close(target, kinds[kind]) if actual is None else ""
                problems.append(_p(rec, loc, "REF_MISSING",
                                   "no {kind} '{target}'" + (" ('{target}' is a {actual})"
                                                             if actual is not None else ""),
                                   "write a {kind}'s id here; if the {actual} is meant, "
                                   "correct the field that says its kind (such as source.kind)"
                                   if actual is not None else
                                   "did you mean '{close}'?" if close
                                   else ("correct the id, or add the {kind} to {file}: none "
                                         "there is like it" if kind in _KEPT_IN
                                         else "correct the id: no {kind} of the records has "
                                         "one like it"),
                                   kind=Term(_KIND_WORDS.get(kind, kind.replace("-", " "))),
                                   target=target, file=_KEPT_IN.get(kind, ""),
                                   actual=Term("decision" if target in decisions
                                               else actual.label.lower() if actual else ""),
                                   close=close))
                continue
            if kind == "unit" and not isinstance(rec, Unit):
                unit = units[target]
                day = rec.main_date
                if unit.closed and day and day > unit.closed.date:
                    problems.append(_p(rec, loc, "UNIT_CLOSED",
                                       "unit '{unit}' closed on {date} ({reason})"
                                       + ("; use {successor}" if unit.closed.replaced_by
                                          else ""),
                                       unit=target, date=unit.closed.date,
                                       reason=Term(unit.closed.reason),
                                       successor=unit.closed.replaced_by or ""))
            linked = by_id.get(target)
            if (linked is not None and kind not in ("unit", "official", "topic",
                                                    "unit-or-official")
                    and not isinstance(linked, Unit | Official | Topic)
                    and LEVELS[linked.classification] > LEVELS[rec.classification]):
                problems.append(_p(rec, loc, "REF_CLASSIFICATION",
                                   "links to {to} '{target}' from a {from_} record",
                                   to=Term(linked.classification), target=target,
                                   from_=Term(rec.classification)))
        for loc, day, what in rec.date_checks():
            if day > as_of:
                problems.append(_p(rec, loc, "DATE_FUTURE",
                                   "{what} dated {date}, after the as-of date {as_of}",
                                   what=Term(what), date=day, as_of=as_of))
        for loc, who, day, what in rec.acts():
            official = officials.get(who)
            if official is None:
                continue  # a unit (a review), or REF_MISSING
            if day < official.from_ or (official.to is not None and day > official.to):
                problems.append(_p(rec, loc, "DATE_TERM",
                                   "{name} ({who}) {what} on {date}, outside the term "
                                   + ("(from {start} to {end})" if official.to
                                      else "(which begins on {start})"),
                                   who=who,
                                   name=Name(official.name, official.name_zh or official.name),
                                   what=Term(what), date=day, start=official.from_,
                                   end=official.to or ""))
    problems += _meeting_outcomes([r for r in records if isinstance(r, Meeting)], as_of)
    problems += _normative_chains([r for r in records if isinstance(r, Document)])
    problems += _document_links(records, by_id)
    problems += _request_agenda(records, by_id)  # issue 16
    problems += _parent_cycles(units)
    problems += _liaison_sessions(records)  # issue 17
    return problems


def _liaison_sessions(records: list[Record]) -> Iterator[Problem]:
    """A session written as a year (the first edition) is read, with a warning that shows
    the session form (issue 17)."""
    for rec in records:
        if isinstance(rec, Liaison) and rec.session.year is not None:
            example, name = (("term: 16, meeting: 4", "市十六届人大四次会议")
                             if rec.kind == "npc-suggestion"
                             else ("term: 14, meeting: 4", "市政协十四届四次会议"))
            # fill() fills {example} alone: the braces around it are the YAML's own
            yield _p(rec, ("session",), "SESSION_YEAR", "session given as the year {year}",
                     "write the session as its term and meeting, e.g. session: {{example}} "
                     "for {name}", year=str(rec.session.year), example=example, name=name)


def _meeting_outcomes(meetings: list[Meeting], as_of: dt.date) -> Iterator[Problem]:
    """A meeting after the as-of date has only planned items; one before it, none (on the
    as-of day itself, either: the meeting may or may not have been held yet)."""
    for m in meetings:
        for i, item in enumerate(m.agenda):
            if m.date > as_of and item.outcome != "planned":
                yield _p(m, ("agenda", i, "outcome"), "DATE_OUTCOME",
                         "item {item} is {outcome}, but the meeting of {date} is after the "
                         "as-of date {as_of}", "write outcome: planned", item=str(item.item),
                         outcome=Term(item.outcome), date=m.date, as_of=as_of)
            elif m.date < as_of and item.outcome == "planned":
                yield _p(m, ("agenda", i, "outcome"), "DATE_PLANNED",
                         "item {item} is still planned, but the meeting was held on {date}",
                         item=str(item.item), date=m.date)


_KIND_WORDS = {"instructed": "briefing or incident"}  # issue 16: duty office
"""How a message names a kind of reference that is not one record type."""


def _request_agenda(records: list[Record], by_id: dict[str, Record]) -> Iterator[Problem]:
    """A request submitted to a meeting names an item the meeting's agenda has."""
    for rec in records:
        if isinstance(rec, Request) and rec.agenda:
            meeting = by_id.get(rec.agenda.meeting)
            if isinstance(meeting, Meeting) and rec.agenda.item not in {
                    a.item for a in meeting.agenda}:
                items = ", ".join(str(a.item) for a in meeting.agenda)
                yield _p(rec, ("agenda", "item"), "REF_AGENDA_ITEM",
                         "meeting {meeting} has no agenda item {item} (its items: {items})",
                         meeting=meeting.id, item=str(rec.agenda.item), items=items)


def _may_be(kind: str, unknown: set[str] | frozenset[str]) -> bool:
    """Whether an id of this kind could be in a registry file that was not read."""
    return kind in unknown or kind == "record" or (
        kind == "unit-or-official" and bool(unknown & {"unit", "official"}))


def _document_links(records: list[Record], by_id: dict[str, Record]) -> Iterator[Problem]:
    """A document implements only what exists on its written date (same day allowed);
    a reply (批复) is addressed to the unit whose request it answers."""
    for rec in records:
        if isinstance(rec, Document):
            for i, rel in enumerate(rec.relations):
                target = by_id.get(rel.target)
                if rel.type == "implements":
                    since = _existing_since(target)
                    if since is not None and since[0] > rec.written:
                        yield _p(rec, ("relations", i, "target"), "DATE_IMPLEMENTS",
                                 "written {written}, but implements '{target}', {what} {since}",
                                 written=rec.written, target=rel.target, what=Term(since[1]),
                                 since=since[0])
                elif (rel.type == "responds-to" and rec.type == "reply"
                      and isinstance(target, Request) and target.from_ not in rec.recipients):
                    yield _p(rec, ("recipients",), "REPLY_ADDRESSEE",
                             "this reply answers '{request}' from {unit}, which is not among "
                             "its recipients", "add {unit} to recipients",
                             request=target.id, unit=target.from_)
        elif isinstance(rec, Received):
            for i, doc_id in enumerate(rec.handling.implemented_by):
                doc = by_id.get(doc_id)
                if isinstance(doc, Document) and doc.written < rec.received:
                    yield _p(rec, ("handling", "implemented_by", i), "DATE_IMPLEMENTS",
                             "'{doc}' is written {written}, before this document was "
                             "received ({received})", doc=doc_id, written=doc.written,
                             received=rec.received)


def _existing_since(rec: Record | None) -> tuple[dt.date, str] | None:
    if isinstance(rec, Document):
        return rec.written, "written"
    if isinstance(rec, Received):
        return rec.received, "received"
    return None


def _parent_cycles(units: dict[str, Unit]) -> Iterator[Problem]:
    """Units above themselves through their parents (a unit its own parent: REF_SELF);
    each loop said once, at the parent of its first unit in archive order."""
    order = {uid: i for i, uid in enumerate(units)}
    done: set[str] = set()
    for uid in units:
        path: list[str] = []
        at: str | None = uid
        while at is not None and at in units and at not in done and at not in path:
            path.append(at)
            at = units[at].parent
        if at is not None and at in path:
            loop = path[path.index(at):]
            if len(loop) > 1:
                first = min(loop, key=order.__getitem__)
                i = loop.index(first)
                shown = [*loop[i:], *loop[:i], first]
                yield _p(units[first], ("parent",), "REF_CYCLE",
                         "units are each other's parents: {chain}", chain=" → ".join(shown))
        done.update(path)


def _numbers(records: list[Record]) -> Iterator[Problem]:
    seen: dict[tuple[str, ...], Record] = {}
    for rec in records:
        if isinstance(rec, Document | Received):
            key: tuple[str, ...] = (rec.rtype, rec.number)
            num = parse_number(rec.number)
            if isinstance(rec, Document) and num and num.year != rec.written.year:
                yield _p(rec, ("number",), "NUMBER_YEAR",
                         "number {number} is of {year} but written is {written}",
                         "write {fixed} or correct the date", number=rec.number,
                         year=num.year, written=rec.written,
                         fixed=f"{num.prefix}〔{rec.written.year}〕{num.seq}号")
        elif isinstance(rec, Liaison):
            key = (rec.rtype, rec.session_key, rec.number)
        elif isinstance(rec, Supervision) and rec.number:  # 督办编号: one item each
            key = (rec.rtype, rec.number)
        else:
            continue
        if key in seen:  # said at both places, as ID_DUPLICATE: either may be the one to
            # change, and `portal validate FILE` of either file says so
            first = seen[key]
            assert isinstance(first, Document | Received | Liaison | Supervision)
            copy = _the_copy(rec, first)  # a copy's number is the copy's to change
            if copy is not first:
                yield _duplicate_number(rec, first, records)
            if copy is not rec:
                yield _duplicate_number(first, rec, records)
        else:
            seen[key] = rec


def _the_copy(one: Record, other: Record) -> Record | None:
    """Of two records of one id, the one that looks copied from the other: a file named
    otherwise than its id beside one named as it (sup-2026-099.yaml holding id:
    sup-2026-003 beside sup-2026-003.yaml), else None (either may be the one to change)."""
    named = [Path(r.src.display).stem == r.id for r in (one, other)]
    if one.id != other.id or named[0] == named[1]:
        return None
    return other if named[0] else one


def _duplicate_number(rec: Document | Received | Liaison | Supervision, other: Record,
                      records: list[Record]) -> Problem:
    """NUMBER_DUPLICATE with the fix that fits the record: a document, a liaison item or
    a supervision item gets the next number free in its series; a received document's
    number is the State Council's, so two files of one number are one document recorded
    twice."""
    what = ("supervision number" if isinstance(rec, Supervision) else
            "document number" if not isinstance(rec, Liaison) else
            "suggestion number" if rec.kind == "npc-suggestion" else "proposal number")
    args: dict[str, Value] = {"number": rec.number or "", "other": other.src.display,
                              "what": Term(what)}
    message = "{what} {number} is also used by {other}"
    if isinstance(rec, Received):
        return _p(rec, ("number",), "NUMBER_DUPLICATE", message,
                  "a received document's number is its issuer's: if both files are one "
                  "document keep one, else correct the number as the document gives it",
                  **args)
    if isinstance(rec, Liaison):
        used = [int(r.number) for r in records if isinstance(r, Liaison)
                and r.rtype == rec.rtype and r.session_key == rec.session_key
                and r.number.isdigit()]
        # quoted, as a number with a leading zero must be written (else YAML reads 0430
        # as a whole number)
        free = '"' + str(max(used, default=0) + 1).zfill(len(rec.number)) + '"'
    else:
        num = parse_number(rec.number or "")
        if num is None:  # an order or a number of another form: the catalogue's hint
            return _p(rec, ("number",), "NUMBER_DUPLICATE", message, **args)
        series = Supervision if isinstance(rec, Supervision) else Document
        free = next_free((r.number for r in records if isinstance(r, series) and r.number),
                         num.prefix, num.year)
    return _p(rec, ("number",), "NUMBER_DUPLICATE", message,
              "give one of them the next free number, {free}", free=free, **args)


# issue 17: documents
def _index_numbers(records: list[Record]) -> Iterator[Problem]:
    """An index number (索引号) names one document in the disclosure catalogue."""
    seen: dict[str, Document] = {}
    for rec in records:
        if isinstance(rec, Document) and rec.index_no is not None:
            first = seen.setdefault(rec.index_no, rec)
            for one, other in ((rec, first), (first, rec)) if first is not rec else ():
                yield _p(one, ("index_no",), "INDEX_DUPLICATE",  # at both places
                         "index number {n} is also used by {other}", n=rec.index_no,
                         other=other.src.display)


def check_attachments(records: Iterable[Record], records_dir: Path) -> Iterator[Problem]:
    """Every attachment's file is a regular file inside records/attachments/ (a path that
    would leave it is SAFETY_PATH, refused by the model before this)."""
    for rec in records:
        if not isinstance(rec, Document):
            continue
        for i, a in enumerate(rec.attachments):
            if a.file is not None and attachments.locate(records_dir, a.file) is None:
                yield _p(rec, ("attachments", i, "file"), "REF_ATTACHMENT",
                         "no file '{file}' in {folder}/",
                         "put the file at {folder}/{file} in the records folder, or correct "
                         "the path", file=a.file, folder=attachments.FOLDER)


def _normative_chains(docs: list[Document]) -> Iterator[Problem]:
    repealed_by: dict[str, str] = {}
    supersedes: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        for r in d.relations:
            if r.target == d.id:
                continue  # REF_SELF
            if r.type == "repeals":
                repealed_by[r.target] = d.id
            elif r.type == "supersedes":
                supersedes[d.id].append(r.target)
    for d in docs:
        if d.normative and d.normative.status == "repealed" and d.id not in repealed_by:
            yield _p(d, ("normative", "status"), "REF_REPEALED",
                     "{number} is marked repealed but no document repeals it", number=d.number)
    # a cycle: following supersedes from a document comes back to it
    state: dict[str, int] = {}
    by_id = {d.id: d for d in docs}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in supersedes.get(node, []):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt] if nxt in path else [node, nxt]
            if nxt not in state:
                found = visit(nxt, [*path, nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for d in docs:
        if d.id not in state:
            cycle = visit(d.id, [d.id])
            if cycle:
                first = by_id[cycle[0]]
                i = next(i for i, r in enumerate(first.relations) if r.type == "supersedes"
                         and r.target == cycle[1])
                yield _p(first, ("relations", i, "target"), "REF_CYCLE",
                         "supersedes chain loops: {chain}", chain=" → ".join(cycle))


def check_all(loaded: Loaded, as_of: dt.date, records_dir: Path) -> list[Problem]:
    """The checks across the archive (check_archive, check_attachments) over the sound
    records and those read in part.  Where a record read in part has stand-in values
    (partial_record), the checks run again with its other stand-ins, and only what both
    runs find is said: a problem that moves with a stand-in is not the editor's."""

    def run(records: list[Record]) -> list[Problem]:
        return (check_archive(records, as_of, loaded.broken, loaded.unknown)
                + list(check_attachments(records, records_dir)))

    found = run(loaded.records + loaded.partial)
    others = [_other(rec) for rec in loaded.partial]
    if all(o is None for o in others):
        return found
    alt = [o if o is not None else rec for rec, o in zip(loaded.partial, others, strict=True)]
    return common_problems(found, run(loaded.records + alt))


def _other(rec: Record) -> Record | None:
    private = rec.__pydantic_private__
    return private.get("_other") if private else None


def release_positions(records: list[Record]) -> None:
    """Past validation, a record needs no table of positions; a problem found later reads
    its file again (LazySource).  Roughly halves the memory of a build."""
    for rec in records:
        private = rec.__pydantic_private__  # not rec._source: pydantic's __getattr__ is slow
        src = private.get("_source") if private else None
        if private is not None and isinstance(src, SourceFile):
            private["_source"] = LazySource(str(src.path), src.display)


def validate(records_dir: Path, display_root: str | None = None,
             as_of: dt.date | None = None, use_cache: bool = True,
             warm: Warm | None = None) -> tuple[list[Record], Report]:
    """Load and check the whole archive; return the records that are sound and every problem.

    With use_cache, the report is remembered for `portal validate` (cache.py).  With warm
    (`portal serve`), the records of unchanged files come from the last run in this
    process rather than from the records cache (warm.py)."""
    as_of = as_of or dt.date.today()
    display = display_root if display_root is not None else str(records_dir)
    with no_gc():
        before = cache.stamps(records_dir) if use_cache else {}
        if warm is not None and use_cache:
            reuse = warm.sound(before)
        else:
            reuse = cache.sound_records(records_dir, display, before) if use_cache else {}
        loaded = load_all(records_dir, display, reuse)
        if warm is not None and use_cache:
            warm.remember(before, loaded.sound)
        elif use_cache and len(reuse) < len(loaded.sound):
            cache.remember_sound(records_dir, display, before, loaded.sound,
                                 release_positions)
        problems = (_ids_for_names(loaded.problems, loaded.records)
                    + check_all(loaded, as_of, records_dir))
        if use_cache and warm is not None:  # portal serve: once the build is shown
            warm.later(functools.partial(cache.write, records_dir, display, str(as_of),
                                         problems, before))
        elif use_cache:
            cache.write(records_dir, display, str(as_of), problems, before)
    return loaded.records, Report(problems)
