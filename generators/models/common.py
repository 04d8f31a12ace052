"""Field types and the base shared by every record type of the contract."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    WithJsonSchema,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from ..asof import FIRST_YEAR, LAST_YEAR
from ..errors import INVISIBLE


class Broken:
    """The rules of a record's type that it breaks, said together: a validator that raised
    at the first left the others to the editor's next run.  Call it as PydanticCustomError
    is made (code, message template, context with "field"); raise_any() at the end.

    Within rules_kept(), the rules a record of the type named there breaks are noted, not
    raised: the record is built with every value it has, and its rules said beside it."""

    def __init__(self) -> None:
        self.found: list[InitErrorDetails] = []

    def __call__(self, code: str, message: str, ctx: dict[str, Any]) -> None:
        self.found.append({"type": PydanticCustomError(code, message, ctx), "loc": (),
                           "input": None})

    def raise_any(self, model: BaseModel) -> None:
        if not self.found:
            return
        kept = _KEPT.get()
        if kept is not None and type(model) is kept[0]:
            kept[1].extend(self.found)  # the record's own rules, said at the top of its file
            return
        raise ValidationError.from_exception_data(type(model).__name__, self.found)


_KEPT: ContextVar[tuple[type[BaseModel], list[InitErrorDetails]] | None] = ContextVar(
    "rules_kept", default=None)


@contextmanager
def rules_kept(model: type[BaseModel]) -> Iterator[list[InitErrorDetails]]:
    """Validate a record of type model within this, and the rules of its type that it
    breaks (Broken) come back in the list, not as an error: a record whose values are
    each right but break a rule together is read whole, so that the checks across the
    archive still see its references and dates (issue 14 point 5).  Only the record's own
    rules are held back; a part of it (a normative block, a session) still raises, and
    so does a type that nests records of its own type (a topic's children): a child's
    rule held back would be said at its parent's line."""
    found: list[InitErrorDetails] = []
    token = _KEPT.set((model, found))
    try:
        yield found
    finally:
        _KEPT.reset(token)


ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

Classification = Literal["public", "internal", "restricted"]
LEVELS: dict[str, int] = {"public": 0, "internal": 1, "restricted": 2}
SECRET_WORDS = {"secret", "confidential", "top-secret", "top secret", "秘密", "机密", "绝密"}




def in_range(day: dt.date, shown: str = "") -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PydanticCustomError("DATE_RANGE", "{v} lies outside {a}-{b}, the years the "
                                  "portal handles", {"v": shown or str(day), "a": FIRST_YEAR,
                                                     "b": LAST_YEAR})
    return day


_LOOSE_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")


def _meant_date(text: str) -> str:
    """The day a date written otherwise means (2026-12-1, 2026/12/01, 2026年12月1日), as
    YYYY-MM-DD; "" if it is no real day."""
    m = _LOOSE_DATE.fullmatch(text)
    if not m:
        return ""
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return ""


def _date(value: Any) -> Any:
    # YAML gives dates as date objects; editors who quote them give text. Both are dates.
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("SCHEMA_DATE", "a date and time where only a date belongs: "
                                  "write YYYY-MM-DD")
    if isinstance(value, dt.date):
        return in_range(value)
    if isinstance(value, str):
        if not _DATE_RE.match(value):
            meant = _meant_date(value)
            raise PydanticCustomError(
                "SCHEMA_DATE", "'{v}' is not a date: write YYYY-MM-DD",
                {"v": value, **({"write": meant, "hint": "that is, {write}"} if meant else {})})
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("SCHEMA_DATE", "'{v}' is not a real date",
                                      {"v": value}) from None
        return in_range(day)
    return value  # the strict date validator reports the wrong type


def refuse_invisible(value: Any, code: str, what: str) -> None:
    """Ids and numbers are compared and linked: one holding an invisible character would
    look like another, so it is refused (text only gets a TEXT_CONTROL warning)."""
    found = INVISIBLE.search(value) if isinstance(value, str) else None
    if found:
        raise PydanticCustomError(code, "{what} '{v}' holds the invisible character {c}",
                                  {"what": what, "v": value, "c": f"U+{ord(found[0]):04X}"})


def _id(value: Any) -> Any:
    refuse_invisible(value, "ID_FORMAT", "id")
    if isinstance(value, str) and not _ID_RE.match(value):
        raise PydanticCustomError(
            "ID_FORMAT", "'{v}' is not a valid id: lowercase a-z, 0-9 and '-', at most 64",
            {"v": value})
    return value


def _time(value: Any) -> Any:
    if isinstance(value, str) and not _TIME_RE.match(value):
        raise PydanticCustomError("SCHEMA_FORMAT", "'{v}' is not a time: write \"HH:MM\"",
                                  {"v": value})
    return value


def _classification(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in SECRET_WORDS:
        raise PydanticCustomError(
            "SAFETY_CLASSIFICATION",
            "'{v}' is a state-secret level: classified material must never enter this "
            "repository", {"v": value})
    if isinstance(value, str) and value not in LEVELS:
        # a level's own name in another form (内部, Internal) is a slip, not a secret: the
        # hint says what to write, not to report it to the security officer
        meant = _LEVEL_NAMES.get(value.strip().lower(), "")
        raise PydanticCustomError(
            "SAFETY_CLASSIFICATION",
            "classification '{v}' is not one of public, internal, restricted",
            {"v": value, "write": meant,
             "hint": "write {write}" if meant else
             "write public, internal or restricted"})
    return value


_LEVEL_NAMES = {**{level: level for level in ("public", "internal", "restricted")},
                "公开": "public", "内部": "internal", "限定范围": "restricted",
                "限定": "restricted", "受限": "restricted"}
"""The levels as an editor may write them by mistake: their labels, any case."""


Date = Annotated[dt.date, BeforeValidator(_date),
                 WithJsonSchema({"type": "string", "format": "date"})]
Id = Annotated[str, BeforeValidator(_id), Field(pattern=ID_PATTERN)]
Time = Annotated[str, BeforeValidator(_time), Field(pattern=_TIME_RE.pattern)]
Text = Annotated[str, Field(min_length=1)]
Markdown = Annotated[str, Field(min_length=1, json_schema_extra={"format": "markdown"})]
Percent = Annotated[float, Field(ge=0, le=100)]
Level = Annotated[Classification, BeforeValidator(_classification)]


class Strict(BaseModel):
    """No unknown fields, no coercion: a number where text belongs is an error."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False,
                              validate_default=False, use_attribute_docstrings=True)


RefKind = Literal["unit", "official", "topic", "document", "decision", "supervision",
                  "liaison", "received", "meeting", "briefing", "request", "record",
                  "unit-or-official",
                  "instructed"]  # issue 16: a briefing or an incident (a leader's 批示 on it)
Ref = tuple[tuple[str | int, ...], RefKind, str]
Act = tuple[tuple[str | int, ...], str, dt.date, str]
"""(where the official's id stands, the official's id, the day, what the official does)."""


class Record(Strict):
    """A record of the archive: one file (or one registry entry) with an id."""

    rtype: ClassVar[str] = "record"
    folder: ClassVar[str] = ""
    label: ClassVar[str] = "Record"
    id_prefix: ClassVar[str] = ""

    id: Id
    classification: Level = "internal"
    """Who may see it: public < internal < restricted. State secrets never belong here."""
    topics: list[Id] = []
    """Topic ids from registry/topics.yaml."""

    _source: Any = PrivateAttr(default=None)
    _base: tuple[str | int, ...] = PrivateAttr(default=())  # where a registry entry starts
    _kept: dict[tuple[str | int, ...], list[int]] | None = PrivateAttr(default=None)
    """For a record read in part past schema errors (validate.partial_record): the list
    items kept, by their list's path in the file, so that a problem points at its line."""
    _other: Any = PrivateAttr(default=None)
    """For a record read in part whose required values were stood in for: the same record
    read with the other stand-ins (validate.partial_record).  A problem found with one set
    of stand-ins and not the other is the stand-ins', not the editor's, and is not said."""

    @property
    def src(self) -> Any:
        """The SourceFile the record was read from (positions for problems)."""
        return self._source

    @property
    def main_date(self) -> dt.date | None:
        return None

    @property
    def title_text(self) -> str:
        return str(getattr(self, "title", None) or getattr(self, "name", None) or self.id)

    def refs(self) -> Iterator[Ref]:
        """Every id this record names, with where it stands and what it must be."""
        for i, t in enumerate(self.topics):
            yield ("topics", i), "topic", t

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        """Dates that must not lie after the as-of date: (loc, date, what)."""
        return iter(())

    def acts(self) -> Iterator[Act]:
        """What officials do in this record, and on which day: each must fall within the
        official's term (DATE_TERM)."""
        return iter(())
