"""Deputies' suggestions and CPPCC proposals, and the replies (duty 8)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import (
    Act,
    Broken,
    Date,
    Id,
    Markdown,
    Record,
    Ref,
    Strict,
    Text,
    refuse_invisible,
)


def _number(value: object) -> object:
    refuse_invisible(value, "NUMBER_FORMAT", "number")
    return value


Number = Annotated[str, Field(min_length=1), AfterValidator(_number)]


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day N months on, clamped to the month's end (30 Nov + 3 months = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


Feedback = Literal["satisfied", "basically-satisfied", "dissatisfied"]


class Reply(Strict):
    date: Date
    category: Literal["A", "B", "C"]
    """A solved or adopted; B being solved or planned; C kept for reference."""
    summary: Markdown
    disclosure: Literal["full", "summary", "withheld"]
    """How much of the reply may be published (国办发〔2014〕46号)."""
    document: Id | None = None
    """The reply letter, if issued as a document."""
    letter: Number | None = None
    """The handling unit's letter number as issued (答复函号, e.g. 京交函〔2026〕45号):
    the unit that answers numbers its own reply, not the General Office."""


def _session(value: object) -> object:
    # the first edition wrote the session as a year: still read, with a warning
    if isinstance(value, int) and not isinstance(value, bool):
        return {"year": value}
    return value


class Session(Strict):
    """The session of the Municipal People's Congress or the CPPCC committee the item was
    made at, or is numbered under when made between sessions (闭会期间): term (届) and
    meeting (次会议), e.g. {term: 16, meeting: 4} (市十六届人大四次会议)."""

    term: int | None = Field(default=None, ge=1, le=99)
    """The term (届), e.g. 16 for the 16th Municipal People's Congress."""
    meeting: int | None = Field(default=None, ge=1, le=20)
    """The meeting of the term (次会议), e.g. 4."""
    year: int | None = Field(default=None, ge=2000, le=2100)
    """First edition only: the year of the session (`session: 2026`); accepted with a
    warning (SESSION_YEAR)."""

    @model_validator(mode="after")
    def _one_form(self) -> Session:
        if self.year is not None and (self.term is not None or self.meeting is not None):
            raise PydanticCustomError("SCHEMA_RULE", "a session is a term and a meeting, or "
                                      "a year, not both", {"field": "year"})
        if self.year is None and (self.term is None or self.meeting is None):
            missing = "term" if self.term is None else "meeting"
            raise PydanticCustomError("SCHEMA_MISSING_FIELD", "session needs term and "
                                      "meeting (e.g. term: 16, meeting: 4)",
                                      {"field": missing})
        return self

    def key(self, kind: str) -> str:
        """The session's key in URLs and open data: npc-16-4, cppcc-14-4 (year: npc-2026)."""
        short = "npc" if kind == "npc-suggestion" else "cppcc"
        if self.year is not None:
            return f"{short}-{self.year}"
        return f"{short}-{self.term}-{self.meeting}"

    def order(self) -> tuple[int, int, int]:
        """Sorts sessions oldest first: by term and meeting; a year-form session by year,
        before the session form (the first edition came first)."""
        if self.year is not None:
            return (0, self.year, 0)
        return (1, self.term or 0, self.meeting or 0)


class KeyItem(Strict):
    """A key suggestion or proposal (重点建议提案), its handling led by a municipal leader."""

    leader: Id
    """The official who leads the handling (an official id)."""


class Contact(Strict):
    """A contact of the handling unit with the deputy or member (见面/沟通)."""

    date: Date
    """Day of the contact."""
    kind: Literal["meeting", "phone", "visit"]
    """meeting (座谈、见面), phone, or visit (走访)."""


class Rehandling(Strict):
    """Handled again after the deputy or member was dissatisfied (不满意件重新办理)."""

    requested: Date
    """Day the re-handling was asked for."""
    reply: Reply | None = None
    """The second reply (absent while the re-handling is under way)."""
    feedback: Feedback | None = None
    """Feedback on the second reply; it replaces the first in the satisfaction rate."""


class Liaison(Record):
    """A people's congress deputy suggestion (建议) or a CPPCC proposal (提案)."""

    rtype: ClassVar[str] = "liaison"
    folder: ClassVar[str] = "liaison"
    label: ClassVar[str] = "Liaison item"
    id_prefix: ClassVar[str] = "lia"

    kind: Literal["npc-suggestion", "cppcc-proposal"]
    number: Number
    """Number as issued, quoted: "0123"; unique within kind and session (deputies'
    suggestions and CPPCC proposals are numbered separately)."""
    session: Annotated[Session, BeforeValidator(_session)]
    """The session: {term, meeting}, e.g. {term: 16, meeting: 4} (市十六届人大四次会议,
    or for a proposal 市政协十四届四次会议). A year (`session: 2026`, the first
    edition's form) is still read, with a warning."""
    proposers: list[Text] = Field(min_length=1)
    title: Text
    received: Date
    lead: Id
    support: list[Id] = []
    due: Date | None = None
    """Reply due date; defaults to three months after receipt."""
    reply: Reply | None = None
    feedback: Feedback | None = None
    summary: Markdown | None = None
    key: KeyItem | None = None
    """A key item (重点建议提案) and the municipal leader who leads its handling."""
    contacts: list[Contact] = []
    """The handling unit's contacts with the proposers (沟通率 counts them)."""
    rehandling: Rehandling | None = None
    """Re-handling after the feedback was dissatisfied (不满意)."""

    @model_validator(mode="after")
    def _order(self) -> Liaison:
        broken = Broken()
        if self.reply and self.reply.date < self.received:
            broken("DATE_ORDER", "reply ({r}) before receipt ({d})",
                   {"r": str(self.reply.date), "d": str(self.received), "field": "reply.date"})
        if self.due and self.due < self.received:
            broken("DATE_ORDER", "due before receipt", {"field": "due"})
        if self.feedback and not self.reply:
            broken("SCHEMA_RULE", "feedback without a reply", {"field": "feedback"})
        for i, c in enumerate(self.contacts):
            if c.date < self.received:
                broken("DATE_ORDER", "contact ({c}) before receipt ({d})",
                       {"c": str(c.date), "d": str(self.received),
                        "field": f"contacts.{i}.date"})
        re_ = self.rehandling
        if re_ is not None:
            if self.feedback != "dissatisfied" or self.reply is None:
                broken("SCHEMA_RULE", "rehandling follows a reply whose feedback is "
                       "dissatisfied", {"field": "rehandling"})
            if self.reply is not None and re_.requested < self.reply.date:
                broken("DATE_ORDER", "rehandling requested ({q}) before the reply ({r})",
                       {"q": str(re_.requested), "r": str(self.reply.date),
                        "field": "rehandling.requested"})
            if re_.reply and re_.reply.date < re_.requested:
                broken("DATE_ORDER", "second reply ({r}) before the rehandling was "
                       "requested ({q})", {"r": str(re_.reply.date), "q": str(re_.requested),
                                            "field": "rehandling.reply.date"})
            if re_.feedback and not re_.reply:
                broken("SCHEMA_RULE", "feedback without a reply",
                       {"field": "rehandling.feedback"})
        broken.raise_any(self)
        return self

    @property
    def session_key(self) -> str:
        return self.session.key(self.kind)

    @property
    def final_reply(self) -> Reply | None:
        """The reply that stands: the re-handling's once given, else the first."""
        if self.rehandling and self.rehandling.reply:
            return self.rehandling.reply
        return self.reply

    @property
    def final_feedback(self) -> Feedback | None:
        """The feedback that stands: on the re-handling's reply once given, else the first."""
        if self.rehandling and self.rehandling.feedback:
            return self.rehandling.feedback
        return self.feedback

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
        if self.key:
            yield ("key", "leader"), "official", self.key.leader
        if self.rehandling and self.rehandling.reply and self.rehandling.reply.document:
            yield ("rehandling", "reply", "document"), "document", \
                self.rehandling.reply.document

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("received",), self.received, "receipt"
        if self.reply:
            yield ("reply", "date"), self.reply.date, "reply"
        for i, c in enumerate(self.contacts):
            yield ("contacts", i, "date"), c.date, "contact"
        if self.rehandling:
            yield ("rehandling", "requested"), self.rehandling.requested, "rehandling request"
            if self.rehandling.reply:
                yield ("rehandling", "reply", "date"), self.rehandling.reply.date, \
                    "second reply"

    def acts(self) -> Iterator[Act]:
        if self.key:
            yield ("key", "leader"), self.key.leader, self.received, "leads the key item"
