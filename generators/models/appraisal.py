"""One year's performance appraisal of districts and agencies (duty 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Id, Markdown, Percent, Record, Ref, Strict, Text


class Indicator(Strict):
    id: Id
    name: Text
    name_zh: Text | None = None
    weight: float = Field(gt=0, le=100)
    """Weight in percent; the weights of a year sum to 100."""


class Groups(Strict):
    """Units ranked against each other: districts with districts, agencies with agencies."""

    district: list[Id] = []
    agency: list[Id] = []


class Grades(Strict):
    """Lowest total for each grade; below 'fair' is 'poor'."""

    excellent: float = Field(ge=0, le=100)
    good: float = Field(ge=0, le=100)
    fair: float = Field(ge=0, le=100)


class Adjustment(Strict):
    unit: Id
    points: float = Field(ge=-100, le=100)
    """Points added (or, negative, deducted) after weighting."""
    reason: Markdown


class Appraisal(Record):
    """Performance appraisal (绩效考评) of one year; the file is <year>.yaml."""

    rtype: ClassVar[str] = "appraisal"
    folder: ClassVar[str] = "appraisal"
    label: ClassVar[str] = "Appraisal year"

    id: Id = Field(default="", exclude=True)  # derived from the year
    year: int = Field(ge=2000, le=2100)
    indicators: list[Indicator] = Field(min_length=1)
    groups: Groups
    grades: Grades
    scores: dict[Id, dict[Id, Percent]]
    """unit id -> indicator id -> score 0-100."""
    adjustments: list[Adjustment] = []
    summary: Markdown | None = None

    def model_post_init(self, __context: object) -> None:
        self.id = f"appraisal-{self.year}"

    @model_validator(mode="after")
    def _rules(self) -> Appraisal:
        total = sum(i.weight for i in self.indicators)
        if abs(total - 100) > 1e-9:
            raise PydanticCustomError("SCHEMA_WEIGHTS", "indicator weights sum to {t}, not 100",
                                      {"t": f"{total:g}", "field": "indicators"})
        g = self.grades
        if not g.excellent > g.good > g.fair:
            raise PydanticCustomError("SCHEMA_RULE", "grade thresholds must fall: "
                                      "excellent > good > fair", {"field": "grades"})
        grouped = set(self.groups.district) | set(self.groups.agency)
        both = set(self.groups.district) & set(self.groups.agency)
        if both:
            raise PydanticCustomError("SCHEMA_RULE", "{u} is in both groups",
                                      {"u": ", ".join(sorted(both))})
        ids = {i.id for i in self.indicators}
        for unit, scores in self.scores.items():
            if unit not in grouped:
                raise PydanticCustomError("SCHEMA_RULE", "{u} is scored but in no group",
                                          {"u": unit, "field": f"scores.{unit}"})
            if set(scores) != ids:
                missing = sorted(ids - set(scores))
                extra = sorted(set(scores) - ids)
                raise PydanticCustomError(
                    "SCHEMA_RULE", "scores of {u}: missing {m}; unknown {x}",
                    {"u": unit, "m": ", ".join(missing) or "none", "x": ", ".join(extra) or "none",
                     "field": f"scores.{unit}"})
        return self

    @property
    def main_date(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    @property
    def title_text(self) -> str:
        return f"Performance appraisal {self.year}"

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for group in ("district", "agency"):
            for i, u in enumerate(getattr(self.groups, group)):
                yield ("groups", group, i), "unit", u
        for u in self.scores:
            yield ("scores", u), "unit", u
        for i, a in enumerate(self.adjustments):
            yield ("adjustments", i, "unit"), "unit", a.unit
