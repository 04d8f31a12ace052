"""Important government activities of the leading officials (duty 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from .common import Act, Broken, Date, Id, Markdown, Record, Ref, Text, Time


class Activity(Record):
    """An inspection, research visit, conference, reception or ceremony."""

    rtype: ClassVar[str] = "activity"
    folder: ClassVar[str] = "activities"
    label: ClassVar[str] = "Activity"
    id_prefix: ClassVar[str] = "act"

    date: Date
    start: Time | None = None
    """Start time, quoted: "09:30"."""
    end: Time | None = None
    officials: list[Id] = Field(min_length=1)
    title: Text
    kind: Literal["inspection", "research", "conference", "reception", "ceremony", "other"]
    location: Text | None = None
    units: list[Id] = []
    summary: Markdown | None = None

    @model_validator(mode="after")
    def _times(self) -> Activity:
        broken = Broken()  # one rule, but said beside the record's schema errors (rules_kept)
        if self.start and self.end and self.end < self.start:
            broken("DATE_ORDER", "ends ({e}) before it starts ({s})",
                   {"e": self.end, "s": self.start, "field": "end"})
        broken.raise_any(self)
        return self

    @property
    def main_date(self) -> dt.date:
        return self.date

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for i, o in enumerate(self.officials):
            yield ("officials", i), "official", o
        for i, u in enumerate(self.units):
            yield ("units", i), "unit", u

    def acts(self) -> Iterator[Act]:
        for i, o in enumerate(self.officials):
            yield ("officials", i), o, self.date, "takes part in the activity"
