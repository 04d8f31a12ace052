"""Requests for instructions (请示) and matters for discussion from districts and agencies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Act, Date, Id, Markdown, Record, Ref, Strict, Text


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

    @model_validator(mode="after")
    def _order(self) -> Request:
        for part in (self.review, self.decision):
            if part and part.date < self.submitted:
                raise PydanticCustomError("DATE_ORDER", "{what} dated {d}, before submission",
                                          {"what": type(part).__name__.lower(),
                                           "d": str(part.date),
                                           "field": f"{type(part).__name__.lower()}.date"})
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

    def acts(self) -> Iterator[Act]:
        # review.by may name a unit: only an official's id has a term (validate skips others)
        if self.review:
            yield ("review", "by"), self.review.by, self.review.date, "reviews the request"
        if self.decision:
            yield ("decision", "by"), self.decision.by, self.decision.date, \
                "decides the request"

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("submitted",), self.submitted, "submission"
        if self.review:
            yield ("review", "date"), self.review.date, "review"
        if self.decision:
            yield ("decision", "date"), self.decision.date, "decision"
