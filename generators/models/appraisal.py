"""One year's performance appraisal of districts and agencies (duty 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .common import Broken, Id, Markdown, Percent, Record, Ref, Strict, Text


class Indicator(Strict):
    id: Id
    name: Text
    name_zh: Text | None = None
    weight: float = Field(gt=0, le=100)
    """Weight in percent; the weights of a year (of each group's set) sum to 100."""
    definition: Markdown | None = None
    """What the indicator measures and how it is scored (shown on the appraisal page)."""
    source: Id | None = None
    """The unit that supplies the indicator's scores (a unit id)."""


GroupName = Literal["district", "agency"]
IndicatorList = Annotated[list[Indicator], Field(min_length=1)]


def _indicator_form(value: object) -> str:
    # a tag in parentheses: validate.pydantic_problems leaves it out of an error's path
    return "(groups)" if isinstance(value, dict) else "(list)"


Indicators = Annotated[
    Annotated[IndicatorList, Tag("(list)")] | Annotated[dict[GroupName, IndicatorList],
                                                       Tag("(groups)")],
    Discriminator(_indicator_form)]


class GradeLabels(Strict):
    """The words the office uses for the four grades, e.g. 好 / 较好 / 一般 / 较差 (the
    Chinese edition shows them; the English edition keeps Excellent, Good, Fair, Poor)."""

    excellent: Text
    good: Text
    fair: Text
    poor: Text


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
    indicators: Indicators
    """One list for every group, or a set per group: {district: [...], agency: [...]}
    (each group's weights sum to 100)."""
    groups: Groups
    grades: Grades
    grade_labels: GradeLabels | None = None
    """The grades' names if not 优秀 / 良好 / 一般 / 较差, e.g. 好 / 较好 / 一般 / 较差."""
    scores: dict[Id, dict[Id, Percent]]
    """unit id -> indicator id -> score 0-100."""
    adjustments: list[Adjustment] = []
    summary: Markdown | None = None

    def model_post_init(self, __context: object) -> None:
        self.id = f"appraisal-{self.year}"

    @property
    def indicator_sets(self) -> dict[str, list[Indicator]]:
        """Each group's indicators: the shared list for both groups, or the group's own set
        (a group without a set of its own has none)."""
        if isinstance(self.indicators, list):
            return {g: self.indicators for g in ("district", "agency")}
        return {str(g): inds for g, inds in self.indicators.items()}

    def group_of(self, unit: str) -> str | None:
        if unit in self.groups.district:
            return "district"
        return "agency" if unit in self.groups.agency else None

    @model_validator(mode="after")
    def _rules(self) -> Appraisal:
        broken = Broken()
        sets = self.indicator_sets
        shared = isinstance(self.indicators, list)
        for group, inds in sets.items():
            if shared and group != "district":
                break  # one list for both groups: its faults said once
            total = sum(i.weight for i in inds)
            if abs(total - 100) > 1e-9:
                where = "indicators" if shared else f"indicators.{group}"
                if shared:
                    broken("SCHEMA_WEIGHTS", "indicator weights sum to {t}, not 100",
                           {"t": f"{total:g}", "field": where})
                else:
                    broken("SCHEMA_WEIGHTS", "indicator weights of the {g} group sum to {t}, "
                           "not 100", {"g": group, "t": f"{total:g}", "field": where})
            listed = [i.id for i in inds]
            if len(set(listed)) != len(listed):
                dup = sorted({i for i in listed if listed.count(i) > 1})
                broken("SCHEMA_RULE", "indicator {i} is listed twice",
                       {"i": ", ".join(dup), "field": "indicators"})
        g = self.grades
        if not g.excellent > g.good > g.fair:
            broken("SCHEMA_RULE", "grade thresholds must fall: excellent > good > fair",
                   {"field": "grades"})
        both = set(self.groups.district) & set(self.groups.agency)
        if both:
            broken("SCHEMA_RULE", "{u} is in both groups", {"u": ", ".join(sorted(both))})
        for group in ("district", "agency"):
            if getattr(self.groups, group) and group not in sets:
                broken("SCHEMA_RULE", "the {g} group has units but no indicators",
                       {"g": group, "field": "indicators"})
        for unit, scores in self.scores.items():
            in_group = self.group_of(unit)
            if in_group is None:
                broken("SCHEMA_RULE", "{u} is scored but in no group",
                       {"u": unit, "field": f"scores.{unit}",
                        "hint": "add {u} to groups.district or groups.agency, or remove its "
                        "scores"})
                continue
            if in_group not in sets:
                continue  # the group has no indicators: said above
            ids = {i.id for i in sets[in_group]}
            if set(scores) != ids:
                missing = sorted(ids - set(scores))
                extra = sorted(set(scores) - ids)
                # each part said only when there is one ("多出未知指标无" read as nonsense)
                template = ("scores of {u}: missing {m}; unknown {x}" if missing and extra
                            else "scores of {u}: missing {m}" if missing
                            else "scores of {u}: unknown {x}")
                broken("SCHEMA_RULE", template,
                       {"u": unit, "m": ", ".join(missing), "x": ", ".join(extra),
                        "field": f"scores.{unit}",
                        "hint": "give {u} a score for each indicator of its group, and no "
                        "other"})
        broken.raise_any(self)
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
        located: list[tuple[tuple[str | int, ...], Indicator]]
        if isinstance(self.indicators, list):
            located = [(("indicators", k), ind) for k, ind in enumerate(self.indicators)]
        else:
            located = [(("indicators", g, k), ind) for g, inds in self.indicators.items()
                       for k, ind in enumerate(inds)]
        for loc, ind in located:
            if ind.source:
                yield (*loc, "source"), "unit", ind.source
