"""The duty office (总值班, duty 4): the monthly roster and the emergencies reported to it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from ..errors import YearMonth
from .common import Act, Broken, Id, Markdown, Record, Ref, Strict, Text, in_range
from .hotline import Month

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$")


def _day_key(value: Any) -> Any:
    # an unquoted key 2026-12-01 is read as text by the loader (keys are always text)
    if isinstance(value, dt.date):
        value = value.isoformat()
    if isinstance(value, str):
        if not _DAY.match(value):
            raise PydanticCustomError("SCHEMA_DATE", "'{v}' is not a day: write YYYY-MM-DD",
                                      {"v": value})
        try:
            in_range(dt.date.fromisoformat(value), value)
        except ValueError:
            raise PydanticCustomError("SCHEMA_DATE", "'{v}' is not a real date",
                                      {"v": value}) from None
    return value


def _stamp(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        raise PydanticCustomError("SCHEMA_FORMAT", "'{v}' is not a time of day as the duty "
                                  "office writes it: write \"YYYY-MM-DDTHH:MM\" (quoted, "
                                  "Beijing time, no seconds)", {"v": str(value)})
    if isinstance(value, str):
        m = _STAMP.match(value)
        if not m:
            raise PydanticCustomError("SCHEMA_FORMAT", "'{v}' is not a time: write "
                                      "\"YYYY-MM-DDTHH:MM\" (Beijing time)", {"v": value})
        try:
            in_range(dt.date.fromisoformat(m[1]), value)
        except ValueError:
            raise PydanticCustomError("SCHEMA_DATE", "'{v}' is not a real date",
                                      {"v": value}) from None
    return value


DayKey = Annotated[str, BeforeValidator(_day_key), Field(pattern=_DAY.pattern)]
Stamp = Annotated[str, BeforeValidator(_stamp), Field(pattern=_STAMP.pattern)]
"""A minute in Beijing time, "YYYY-MM-DDTHH:MM" (no zone: the office keeps one)."""


def when(stamp: str) -> dt.datetime:
    """A Stamp as a naive datetime (Beijing time)."""
    return dt.datetime.fromisoformat(stamp)


class DutyDay(Strict):
    """Who is on duty on one day (24 hours from 08:30, as the office counts its day)."""

    leader: Id
    """The official leading the duty (带班领导), from registry/officials.yaml."""
    officers: list[Text] = Field(min_length=1)
    """The duty officers' names (值班员), in the order of the roster."""
    unit: Id | None = None
    """The unit providing the officers, when it is not the General Office."""


class Duty(Record):
    """One month of the duty roster (值班表); the file is duty/<YYYY-MM>.yaml."""

    rtype: ClassVar[str] = "duty"
    folder: ClassVar[str] = "duty"
    label: ClassVar[str] = "Duty roster"

    id: Id = Field(default="", exclude=True)  # derived from the month
    month: Month
    """Quoted, "2026-12": the month this roster covers."""
    days: dict[DayKey, DutyDay] = Field(min_length=1)
    """Day (YYYY-MM-DD, each within the month) -> its leader and officers."""

    def model_post_init(self, __context: object) -> None:
        self.id = f"duty-{self.month}"

    @model_validator(mode="after")
    def _days_in_month(self) -> Duty:
        broken = Broken()
        for day in self.days:
            if not day.startswith(self.month + "-"):
                broken(
                    "DUTY_DAY", "day {d} is not in the roster's month {m}",
                    {"d": day, "m": YearMonth(self.month), "field": f"days.{day}", "at_key": 1})
        broken.raise_any(self)
        return self

    @property
    def main_date(self) -> dt.date:
        y, m = map(int, self.month.split("-"))
        return dt.date(y, m, 1)

    @property
    def title_text(self) -> str:
        return f"Duty roster {self.month}"

    def day(self, day: dt.date) -> DutyDay | None:
        return self.days.get(day.isoformat())

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for key, d in self.days.items():
            yield ("days", key, "leader"), "official", d.leader
            if d.unit:
                yield ("days", key, "unit"), "unit", d.unit

    def acts(self) -> Iterator[Act]:
        for key, d in self.days.items():
            yield (("days", key, "leader"), d.leader, dt.date.fromisoformat(key),
                   "leads the duty")


class IncidentReport(Strict):
    """A report to the duty office: 首报, 续报 or 终报, by phone or in writing."""

    kind: Literal["first", "follow-up", "final"]
    """first (首报), follow-up (续报) or final (终报)."""
    at: Stamp
    """When the duty office received it, "YYYY-MM-DDTHH:MM" (Beijing time)."""
    by: Id
    """The reporting unit."""
    channel: Literal["phone", "written"]
    """phone (电话报告) or written (书面报告)."""
    summary: Markdown
    """What the report said."""


class IncidentInstruction(Strict):
    """A leader's instruction (批示) on the incident."""

    by: Id
    """The official who gave it (registry/officials.yaml), within his term."""
    at: Stamp
    """When it was given, "YYYY-MM-DDTHH:MM" (Beijing time)."""
    text: Markdown
    """The instruction as written (批示内容)."""
    supervision: Id | None = None
    """The supervision item opened to carry it out."""


class Incident(Record):
    """An emergency (突发事件) reported to the municipal government's duty office."""

    rtype: ClassVar[str] = "incident"
    folder: ClassVar[str] = "incidents"
    label: ClassVar[str] = "Incident"
    id_prefix: ClassVar[str] = "inc"

    title: Text
    """The incident as the duty office names it."""
    category: Literal["natural-disaster", "accident", "public-health", "social-security"]
    """自然灾害, 事故灾难, 公共卫生事件 or 社会安全事件."""
    level: Literal["I", "II", "III", "IV"]
    """I 特别重大, II 重大, III 较大, IV 一般 (quote nothing: I to IV are text)."""
    occurred: Stamp
    """When it happened, "YYYY-MM-DDTHH:MM" (Beijing time)."""
    location: Text | None = None
    """Where it happened."""
    units: list[Id] = Field(min_length=1)
    """The units handling it."""
    reports: list[IncidentReport] = Field(min_length=1)
    """Every report received, in any order (pages sort them by time)."""
    instructions: list[IncidentInstruction] = []
    """Leaders' instructions (批示) on it, each perhaps starting a supervision item."""

    @model_validator(mode="after")
    def _reports_after_occurrence(self) -> Incident:
        broken = Broken()
        start = when(self.occurred)
        for i, r in enumerate(self.reports):
            if when(r.at) <= start:
                broken("DATE_REPORT", "report at {a} is not after the occurrence at {o}",
                       {"a": r.at, "o": self.occurred, "field": f"reports.{i}.at"})
        broken.raise_any(self)
        return self

    @property
    def main_date(self) -> dt.date:
        return when(self.occurred).date()

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for i, u in enumerate(self.units):
            yield ("units", i), "unit", u
        for i, r in enumerate(self.reports):
            yield ("reports", i, "by"), "unit", r.by
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "by"), "official", ins.by
            if ins.supervision:
                yield ("instructions", i, "supervision"), "supervision", ins.supervision

    def acts(self) -> Iterator[Act]:
        for i, ins in enumerate(self.instructions):
            yield (("instructions", i, "by"), ins.by, when(ins.at).date(),
                   "instructs on the incident")

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("occurred",), when(self.occurred).date(), "incident"
        for i, r in enumerate(self.reports):
            yield ("reports", i, "at"), when(r.at).date(), "incident report"
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "at"), when(ins.at).date(), "instruction"
