"""Documents received from the State Council or its General Office, and their handling (duty 2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import model_validator

from .common import Act, Broken, Date, Id, Markdown, Record, Ref, Strict, Text
from .document import DocNumberText, DocType

Action = Literal["registered", "proposed", "assigned", "implemented", "filed"]


class Step(Strict):
    date: Date
    action: Action
    """registered (登记), proposed (拟办), assigned (交办), implemented (落实), filed (归档)."""
    note: Markdown | None = None


class Handling(Strict):
    lead: Id
    """Unit that leads the handling."""
    steps: list[Step] = []
    implemented_by: list[Id] = []
    """Local documents that implement it."""


class Instruction(Strict):
    """A leader's written instruction (批示) on the document."""

    by: Id
    """Official who gave it."""
    date: Date
    """Day of the instruction."""
    text: Markdown
    """批示内容."""
    supervision: Id | None = None
    """The supervision item it started, if any."""


class Received(Record):
    """A document received from the State Council or its General Office (收文)."""

    rtype: ClassVar[str] = "received"
    folder: ClassVar[str] = "received"
    label: ClassVar[str] = "Received document"
    id_prefix: ClassVar[str] = "rcv"

    number: DocNumberText
    """Number as issued, e.g. 国办发〔2026〕5号."""
    issuer: Id
    title: Text
    received: Date
    type: DocType
    handling: Handling
    summary: Markdown | None = None
    due: Date | None = None
    """The date by which implementation must be reported (办理时限)."""
    instructions: list[Instruction] = []
    """Leaders' instructions (批示) on it."""

    @model_validator(mode="after")
    def _steps(self) -> Received:
        broken = Broken()
        for i, step in enumerate(self.handling.steps):
            if step.date < self.received:
                broken("DATE_ORDER", "handling step on {d} before receipt",
                       {"d": str(step.date), "field": f"handling.steps.{i}.date"})
        if self.due and self.due < self.received:
            broken("DATE_ORDER", "due {d} before receipt", {"d": str(self.due), "field": "due"})
        for i, ins in enumerate(self.instructions):
            if ins.date < self.received:
                # the item, not its date, as the fixture has always placed it
                broken("DATE_ORDER", "instruction of {d} before receipt",
                       {"d": str(ins.date), "field": f"instructions.{i}"})
        broken.raise_any(self)
        return self

    @property
    def implemented(self) -> dt.date | None:
        """The day of the first implemented step (落实), or None: awaiting action."""
        days = [s.date for s in self.handling.steps if s.action == "implemented"]
        return min(days) if days else None

    @property
    def main_date(self) -> dt.date:
        return self.received

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        yield ("issuer",), "unit", self.issuer
        yield ("handling", "lead"), "unit", self.handling.lead
        for i, d in enumerate(self.handling.implemented_by):
            yield ("handling", "implemented_by", i), "document", d
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "by"), "official", ins.by
            if ins.supervision:
                yield ("instructions", i, "supervision"), "supervision", ins.supervision

    def acts(self) -> Iterator[Act]:
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "by"), ins.by, ins.date, "instructs on the document"

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("received",), self.received, "receipt"
        for i, s in enumerate(self.handling.steps):
            yield ("handling", "steps", i, "date"), s.date, "handling step"
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "date"), ins.date, "instruction"


