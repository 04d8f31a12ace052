"""Supervised matters (督办事项) and their progress (duty 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .common import Act, Broken, Date, Id, Markdown, Percent, Record, Ref, RefKind, Strict, Text

SourceKind = Literal["meeting-decision", "leader-instruction", "normative-document",
                     "major-decision", "key-task", "liaison", "state-council-document",
                     "party-committee"]
_SOURCE_REF: dict[str, RefKind] = {
    "meeting-decision": "decision", "leader-instruction": "instructed",
    "normative-document": "document", "major-decision": "record", "liaison": "liaison",
    "state-council-document": "received", "party-committee": "record"}
_REF_OPTIONAL = {"key-task", "party-committee"}
Cycle = Literal["weekly", "fortnightly", "monthly", "quarterly"]


class Source(Strict):
    kind: SourceKind
    ref: Id | None = None
    """The decision, briefing or incident, document, received document
    (state-council-document) or liaison item it comes from (all but key-task; optional for
    party-committee, 市委交办)."""

    @model_validator(mode="after")
    def _ref(self) -> Source:
        if self.ref is None and self.kind not in _REF_OPTIONAL:
            raise PydanticCustomError("SCHEMA_RULE", "source kind {k} needs a ref: the id it "
                                      "comes from", {"k": self.kind, "field": "kind",
                                                     "hint": "add ref: <the id of the record "
                                                     "it comes from> beside kind:"})
        return self


class Milestone(Strict):
    title: Text
    due: Date
    done: Date | None = None


class Update(Strict):
    """A progress report (反馈) from the lead unit."""

    date: Date
    percent: Percent
    note: Markdown
    difficulties: Markdown | None = None
    next_steps: Markdown | None = None


class Reminder(Strict):
    """A reminder (催办) sent to the lead unit."""

    date: Date
    """Day the reminder was sent."""
    note: Markdown | None = None
    """What it asked for."""


class Closure(Strict):
    """Closing (销号): the lead unit asks, the supervision office approves."""

    requested: Date
    """Day the lead unit asked for the item to be closed."""
    approved: Date | None = None
    """Day the closure was approved: the item's completion."""
    by: Id | None = None
    """Unit or official who approved it."""
    opinion: Markdown | None = None
    """The approval opinion (审核意见)."""


class Supervision(Record):
    """A supervised matter: assigned (交办), reported on (反馈), closed (办结销号)."""

    rtype: ClassVar[str] = "supervision"
    folder: ClassVar[str] = "supervision"
    label: ClassVar[str] = "Supervision item"
    id_prefix: ClassVar[str] = "sup"

    title: Text
    number: Text | None = None
    """督办编号, the supervision office's own number (e.g. 督〔2026〕12号)."""
    source: Source
    lead: Id
    support: list[Id] = []
    assigned: Date
    deadline: Date
    milestones: list[Milestone] = []
    updates: list[Update] = []
    state: Literal["open", "completed", "suspended"]
    completed: Date | None = None
    verified_by: Id | None = None
    """Official who verified the closing."""
    summary: Markdown | None = None
    cycle: Cycle | None = None
    """反馈周期: how often the lead unit reports progress (monthly when not given)."""
    reminders: list[Reminder] = []
    """催办: reminders sent to the lead unit."""
    closure: Closure | None = None
    """销号: the closing requested and approved; an approved closure is the completion."""
    circulars: list[Id] = []
    """通报: documents that circulated the item's progress."""

    @model_validator(mode="after")
    def _rules(self) -> Supervision:
        broken = Broken()
        if self.deadline < self.assigned:
            broken("DATE_ORDER", "deadline {d} before assignment {a}",
                   {"d": str(self.deadline), "a": str(self.assigned),
                    "field": "deadline"})
        approved = self.closure.approved if self.closure else None
        if self.state == "completed" and self.completed is None and approved is None:
            broken("SCHEMA_RULE", "state: completed needs completed: <date>"
                   " (or an approved closure)",
                   {"field": "state", "hint": "write completed: <the day it was done>, or "
                    "a closure: with its requested: and approved: days once approved"})
        if approved is not None and self.state != "completed":
            broken("SCHEMA_RULE", "the closure is approved: the item is "
                   "completed (state: completed)",
                   {"field": "state", "hint": "if the closure is not yet approved, remove its "
                    "approved: line, and completed: if written"})
        if approved is not None and self.completed is not None and self.completed != approved:
            broken("SCHEMA_RULE", "completed {c} differs from closure."
                   "approved {a}: the approved closure is the completion",
                   {"c": str(self.completed), "a": str(approved),
                    "write": str(approved), "field": "completed",
                    "hint": "write completed: {write}, or remove the completed: line"})
        if self.closure and self.closure.requested < self.assigned:
            broken("DATE_ORDER", "closure requested before assignment",
                   {"field": "closure.requested"})
        if self.closure and approved is not None and approved < self.closure.requested:
            broken("DATE_ORDER", "closure approved {a} before it was "
                   "requested", {"a": str(approved),
                                 "field": "closure.approved"})
        if self.state != "completed" and self.completed is not None and approved is None:
            # (with an approved closure, the rule above says what to write)
            broken("SCHEMA_RULE", "completed: is set but state is {s}",
                   {"s": self.state, "field": "completed",
                    "hint": "write state: completed, or remove the completed: line"})
        for i, r in enumerate(self.reminders):
            if r.date < self.assigned:
                broken("DATE_ORDER", "reminder of {d} before assignment",
                       {"d": str(r.date), "field": f"reminders.{i}.date"})
        if self.completed and self.completed < self.assigned:
            broken("DATE_ORDER", "completed before assignment",
                   {"field": "completed"})
        for i, u in enumerate(self.updates):
            if u.date < self.assigned:
                broken("DATE_ORDER", "update of {d} before assignment",
                       {"d": str(u.date), "field": f"updates.{i}.date"})
        broken.raise_any(self)
        return self

    @property
    def main_date(self) -> dt.date:
        return self.assigned

    @property
    def report_cycle(self) -> str:
        return self.cycle or "monthly"

    @property
    def completion(self) -> dt.date | None:
        """The day it was completed: the approved closure, else completed (state completed)."""
        if self.closure and self.closure.approved:
            return self.closure.approved
        return self.completed if self.state == "completed" else None

    @property
    def latest(self) -> Update | None:
        return max(self.updates, key=lambda u: u.date) if self.updates else None

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        if self.source.ref:
            yield ("source", "ref"), _SOURCE_REF.get(self.source.kind, "record"), self.source.ref
        yield ("lead",), "unit", self.lead
        for i, u in enumerate(self.support):
            yield ("support", i), "unit", u
        if self.verified_by:
            yield ("verified_by",), "official", self.verified_by
        if self.closure and self.closure.by:
            yield ("closure", "by"), "unit-or-official", self.closure.by
        for i, d in enumerate(self.circulars):
            yield ("circulars", i), "document", d

    def acts(self) -> Iterator[Act]:
        # the closing is verified when the item is completed (an open item has no such day)
        if self.verified_by and self.completion:
            yield ("verified_by",), self.verified_by, self.completion, "verifies the completion"
        if self.closure and self.closure.by and self.closure.approved:
            yield ("closure", "by"), self.closure.by, self.closure.approved, \
                "approves the closure"

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        for i, u in enumerate(self.updates):
            yield ("updates", i, "date"), u.date, "progress update"
        if self.completed:
            yield ("completed",), self.completed, "completion"
        for i, r in enumerate(self.reminders):
            yield ("reminders", i, "date"), r.date, "reminder"
        if self.closure:
            yield ("closure", "requested"), self.closure.requested, "closure request"
            if self.closure.approved:
                yield ("closure", "approved"), self.closure.approved, "closure approval"


