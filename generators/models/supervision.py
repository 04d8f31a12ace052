"""Supervised matters (督办事项) and their progress (duty 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .common import Act, Date, Id, Markdown, Percent, Record, Ref, RefKind, Strict, Text

SourceKind = Literal["meeting-decision", "leader-instruction", "normative-document",
                     "major-decision", "key-task", "liaison"]
_SOURCE_REF: dict[str, RefKind] = {
    "meeting-decision": "decision", "leader-instruction": "instructed",
    "normative-document": "document", "major-decision": "record", "liaison": "liaison"}


class Source(Strict):
    kind: SourceKind
    ref: Id | None = None
    """The decision, briefing or incident, document or liaison item it comes from (all but
    key-task)."""

    @model_validator(mode="after")
    def _ref(self) -> Source:
        if self.ref is None and self.kind != "key-task":
            raise PydanticCustomError("SCHEMA_RULE", "source kind {k} needs a ref: the id it "
                                      "comes from", {"k": self.kind, "field": "kind"})
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


class Supervision(Record):
    """A supervised matter: assigned (交办), reported on (反馈), closed (办结销号)."""

    rtype: ClassVar[str] = "supervision"
    folder: ClassVar[str] = "supervision"
    label: ClassVar[str] = "Supervision item"
    id_prefix: ClassVar[str] = "sup"

    title: Text
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

    @model_validator(mode="after")
    def _rules(self) -> Supervision:
        if self.deadline < self.assigned:
            raise PydanticCustomError("DATE_ORDER", "deadline {d} before assignment {a}",
                                      {"d": str(self.deadline), "a": str(self.assigned),
                                       "field": "deadline"})
        if self.state == "completed" and self.completed is None:
            raise PydanticCustomError("SCHEMA_RULE", "state: completed needs completed: <date>",
                                      {"field": "state"})
        if self.state != "completed" and self.completed is not None:
            raise PydanticCustomError("SCHEMA_RULE", "completed: is set but state is {s}",
                                      {"s": self.state, "field": "completed"})
        if self.completed and self.completed < self.assigned:
            raise PydanticCustomError("DATE_ORDER", "completed before assignment",
                                      {"field": "completed"})
        for i, u in enumerate(self.updates):
            if u.date < self.assigned:
                raise PydanticCustomError("DATE_ORDER", "update of {d} before assignment",
                                          {"d": str(u.date), "field": f"updates.{i}.date"})
        return self

    @property
    def main_date(self) -> dt.date:
        return self.assigned

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

    def acts(self) -> Iterator[Act]:
        # the closing is verified when the item is completed (an open item has no such day)
        if self.verified_by and self.completed:
            yield ("verified_by",), self.verified_by, self.completed, "verifies the completion"

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        for i, u in enumerate(self.updates):
            yield ("updates", i, "date"), u.date, "progress update"
        if self.completed:
            yield ("completed",), self.completed, "completion"


