"""Deputies' suggestions and CPPCC proposals, and the replies (duty 8)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, Markdown, Record, Ref, Strict, Text, refuse_invisible


def _number(value: object) -> object:
    refuse_invisible(value, "NUMBER_FORMAT", "number")
    return value


Number = Annotated[str, Field(min_length=1), AfterValidator(_number)]


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day N months on, clamped to the month's end (30 Nov + 3 months = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Reply(Strict):
    date: Date
    category: Literal["A", "B", "C"]
    """A solved or adopted; B being solved or planned; C kept for reference."""
    summary: Markdown
    disclosure: Literal["full", "summary", "withheld"]
    """How much of the reply may be published (国办发〔2014〕46号)."""
    document: Id | None = None
    """The reply letter, if issued as a document."""


class Liaison(Record):
    """A people's congress deputy suggestion (建议) or a CPPCC proposal (提案)."""

    rtype: ClassVar[str] = "liaison"
    folder: ClassVar[str] = "liaison"
    label: ClassVar[str] = "Liaison item"
    id_prefix: ClassVar[str] = "lia"

    kind: Literal["npc-suggestion", "cppcc-proposal"]
    number: Number
    """Number as issued, quoted: "0123"."""
    session: int = Field(ge=2000, le=2100)
    """Year of the congress or CPPCC session."""
    proposers: list[Text] = Field(min_length=1)
    title: Text
    received: Date
    lead: Id
    support: list[Id] = []
    due: Date | None = None
    """Reply due date; defaults to three months after receipt."""
    reply: Reply | None = None
    feedback: Literal["satisfied", "basically-satisfied", "dissatisfied"] | None = None
    summary: Markdown | None = None

    @model_validator(mode="after")
    def _order(self) -> Liaison:
        if self.reply and self.reply.date < self.received:
            raise PydanticCustomError("DATE_ORDER", "reply ({r}) before receipt ({d})",
                                      {"r": str(self.reply.date), "d": str(self.received),
                                       "field": "reply.date"})
        if self.due and self.due < self.received:
            raise PydanticCustomError("DATE_ORDER", "due before receipt", {"field": "due"})
        if self.feedback and not self.reply:
            raise PydanticCustomError("SCHEMA_RULE", "feedback without a reply",
                                      {"field": "feedback"})
        return self

    @property
    def due_date(self) -> dt.date:
        return self.due or add_months(self.received, 3)

    @property
    def main_date(self) -> dt.date:
        return self.received

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        yield ("lead",), "unit", self.lead
        for i, u in enumerate(self.support):
            yield ("support", i), "unit", u
        if self.reply and self.reply.document:
            yield ("reply", "document"), "document", self.reply.document

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("received",), self.received, "receipt"
        if self.reply:
            yield ("reply", "date"), self.reply.date, "reply"
