"""Government meetings, their agenda items and decisions (duty 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from .common import Act, Date, Id, Markdown, Record, Ref, Strict, Text


class MeetingDecision(Strict):
    """A decision taken on an agenda item; its id is unique across the archive."""

    id: Id
    text: Markdown
    lead: Id
    """Unit that must carry it out."""
    support: list[Id] = []
    deadline: Date


class AgendaItem(Strict):
    item: int = Field(ge=1)
    """Number of the item on the agenda."""
    title: Text
    presenter: Id
    """Unit that presented it."""
    outcome: Literal["approved", "approved-in-principle", "deferred", "noted", "rejected",
                     "planned"]
    """What the meeting did with the item; planned for a meeting after the as-of date."""
    decisions: list[MeetingDecision] = []


class Meeting(Record):
    """A plenary, executive or special-topic meeting of the municipal government."""

    rtype: ClassVar[str] = "meeting"
    folder: ClassVar[str] = "meetings"
    label: ClassVar[str] = "Meeting"
    id_prefix: ClassVar[str] = "mtg"

    kind: Literal["plenary", "executive", "special-topic"]
    session: int = Field(ge=1)
    """Number of the meeting within its kind and term where term is given (市政府第N次常务会议),
    else within its kind and year (first edition)."""
    term: int | None = Field(default=None, ge=1)
    """The government's term (届), e.g. 16: the session is numbered within it."""
    date: Date
    location: Text | None = None
    chair: Id
    attendees: list[Id] = []
    observers: list[Id] = []
    """列席单位: units that attend without a vote."""
    agenda: list[AgendaItem] = Field(min_length=1)
    minutes: Id | None = None
    """The minutes (纪要) document."""
    summary: Markdown | None = None

    @property
    def main_date(self) -> dt.date:
        return self.date

    @property
    def title_text(self) -> str:
        kind = self.kind.replace('-', ' ').capitalize()
        if self.term:
            return f"{kind} meeting no. {self.session}, term {self.term}"
        return f"{kind} meeting no. {self.session}, {self.date.year}"

    @property
    def decisions(self) -> list[MeetingDecision]:
        return [d for a in self.agenda for d in a.decisions]

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        yield ("chair",), "official", self.chair
        for i, o in enumerate(self.attendees):
            yield ("attendees", i), "official", o
        for i, u in enumerate(self.observers):
            yield ("observers", i), "unit", u
        for i, a in enumerate(self.agenda):
            yield ("agenda", i, "presenter"), "unit", a.presenter
            for j, d in enumerate(a.decisions):
                yield ("agenda", i, "decisions", j, "lead"), "unit", d.lead
                for k, u in enumerate(d.support):
                    yield ("agenda", i, "decisions", j, "support", k), "unit", u
        if self.minutes:
            yield ("minutes",), "document", self.minutes

    def acts(self) -> Iterator[Act]:
        yield ("chair",), self.chair, self.date, "chairs the meeting"
        for i, o in enumerate(self.attendees):
            yield ("attendees", i), o, self.date, "attends the meeting"
