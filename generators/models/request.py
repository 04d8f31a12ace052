"""Requests for instructions (请示) and matters for discussion from districts and agencies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from .common import Act, Broken, Date, Id, Markdown, Record, Ref, Strict, Text


class Review(Strict):
    """The General Office's review opinion (审核意见)."""

    date: Date
    by: Id
    """Unit or official who reviewed."""
    opinion: Markdown
    recommendation: Literal["approve", "approve-with-changes", "reject", "refer",
                            "further-study"]


class Decision(Strict):
    date: Date
    by: Id
    """Official who decided."""
    outcome: Literal["approved", "approved-with-changes", "rejected", "referred", "returned"]
    reply_document: Id | None = None
    """The reply (批复) document, if one was issued."""


class CoSign(Strict):
    """A co-signing opinion (会签意见) of a unit concerned."""

    unit: Id
    """The unit that co-signed."""
    date: Date
    """Day of its opinion."""
    opinion: Markdown
    """会签意见."""


class Approval(Strict):
    """One step of the approval chain (秘书长 → 分管副市长 → 市长) before the decision."""

    by: Id
    """Official who signed off."""
    date: Date
    """Day of the sign-off."""
    opinion: Markdown
    """The official's opinion (审批意见)."""


class AgendaRef(Strict):
    """The meeting agenda item a request was submitted to (上会)."""

    meeting: Id
    """The meeting's id."""
    item: int = Field(ge=1)
    """Number of the item on that meeting's agenda."""


class Request(Record):
    """A request for instructions or a matter for discussion (请示 / 议事)."""

    rtype: ClassVar[str] = "request"
    folder: ClassVar[str] = "requests"
    label: ClassVar[str] = "Request"
    id_prefix: ClassVar[str] = "req"

    from_: Id = Field(alias="from")
    """Unit that submitted it."""
    kind: Literal["request-for-instructions", "for-discussion"]
    title: Text
    submitted: Date
    review: Review | None = None
    decision: Decision | None = None
    summary: Markdown | None = None
    number: Text | None = None
    """The requester's own document number (any prefix, e.g. 京发改文〔2026〕12号)."""
    due: Date | None = None
    """办理时限; when not given, submitted + the office's request_days (15 unless
    configured), in working days where the calendar exists."""
    co_sign: list[CoSign] = []
    """会签意见 of the units concerned."""
    approvals: list[Approval] = []
    """The approval chain before the decision, in order."""
    agenda: AgendaRef | None = None
    """The meeting agenda item it was submitted to."""

    @model_validator(mode="after")
    def _order(self) -> Request:
        broken = Broken()
        s = str(self.submitted)
        # each named as staff name it (审核, 审批决定: not a meeting's decision), with the
        # day of submission it comes before
        for part, what in ((self.review, "review"), (self.decision, "request decision")):
            if part and part.date < self.submitted:
                broken("DATE_ORDER", "{what} dated {d}, before submission ({s})",
                       {"what": what, "d": str(part.date), "s": s,
                        "field": f"{type(part).__name__.lower()}.date"})
        if self.due and self.due < self.submitted:
            broken("DATE_ORDER", "due {d} before submission ({s})",
                   {"d": str(self.due), "s": s, "field": "due"})
        dated: list[tuple[str, str, int, dt.date]] = [
            *(("co_sign", "co-signing opinion", i, c.date) for i, c in enumerate(self.co_sign)),
            *(("approvals", "approval", i, a.date) for i, a in enumerate(self.approvals))]
        for name, what, i, day in dated:
            if day < self.submitted:
                # the item, not its date, as the fixture has always placed it
                broken("DATE_ORDER", "{what} dated {d}, before submission ({s})",
                       {"what": what, "d": str(day), "s": s, "field": f"{name}.{i}"})
        broken.raise_any(self)
        return self

    @property
    def main_date(self) -> dt.date:
        return self.submitted

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        yield ("from",), "unit", self.from_
        if self.review:
            yield ("review", "by"), "unit-or-official", self.review.by
        if self.decision:
            yield ("decision", "by"), "official", self.decision.by
            if self.decision.reply_document:
                yield ("decision", "reply_document"), "document", self.decision.reply_document
        for i, c in enumerate(self.co_sign):
            yield ("co_sign", i, "unit"), "unit", c.unit
        for i, a in enumerate(self.approvals):
            yield ("approvals", i, "by"), "official", a.by
        if self.agenda:
            yield ("agenda", "meeting"), "meeting", self.agenda.meeting

    def acts(self) -> Iterator[Act]:
        # review.by may name a unit: only an official's id has a term (validate skips others)
        if self.review:
            yield ("review", "by"), self.review.by, self.review.date, "reviews the request"
        if self.decision:
            yield ("decision", "by"), self.decision.by, self.decision.date, \
                "decides the request"
        for i, a in enumerate(self.approvals):
            yield ("approvals", i, "by"), a.by, a.date, "approves the request"

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("submitted",), self.submitted, "submission"
        if self.review:
            yield ("review", "date"), self.review.date, "review"
        if self.decision:
            yield ("decision", "date"), self.decision.date, "decision"
        for i, c in enumerate(self.co_sign):
            yield ("co_sign", i, "date"), c.date, "co-signing opinion"
        for i, a in enumerate(self.approvals):
            yield ("approvals", i, "date"), a.date, "approval"
