"""Important-information and social-sentiment reports to leaders, with their instructions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from .common import Act, Date, Id, Markdown, Record, Ref, Strict, Text


class Instruction(Strict):
    """A leader's written instruction (批示) on the report."""

    by: Id
    date: Date
    text: Markdown
    supervision: Id | None = None
    """The supervision item opened to carry it out."""


class Briefing(Record):
    """A report to leaders on important information or social sentiment (信息 / 舆情)."""

    rtype: ClassVar[str] = "briefing"
    folder: ClassVar[str] = "briefings"
    label: ClassVar[str] = "Briefing"
    id_prefix: ClassVar[str] = "brf"

    date: Date
    title: Text
    category: Literal["emergency", "economy", "livelihood", "public-sentiment", "other"]
    source: Id
    """Unit that reported it."""
    summary: Markdown
    instructions: list[Instruction] = []

    @property
    def main_date(self) -> dt.date:
        return self.date

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        yield ("source",), "unit", self.source
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "by"), "official", ins.by
            if ins.supervision:
                yield ("instructions", i, "supervision"), "supervision", ins.supervision

    def acts(self) -> Iterator[Act]:
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "by"), ins.by, ins.date, "instructs on the briefing"

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        yield ("date",), self.date, "briefing"
        for i, ins in enumerate(self.instructions):
            yield ("instructions", i, "date"), ins.date, "instruction"
