"""One month of 12345 citizen-hotline figures per district (duty 7)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, ClassVar

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Broken, Id, Percent, Record, Ref, Strict, Text, in_range

_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")


def _month(value: object) -> object:
    if isinstance(value, str) and not _MONTH.match(value):
        raise PydanticCustomError("SCHEMA_FORMAT", "'{v}' is not a month: write \"YYYY-MM\"",
                                  {"v": value})
    if isinstance(value, str):
        in_range(dt.date(int(value[:4]), 1, 1), value)
    return value


Month = Annotated[str, BeforeValidator(_month), Field(pattern=_MONTH.pattern)]


class DistrictFigures(Strict):
    calls: int = Field(ge=0)
    response_rate: Percent
    """Share of calls answered in time (响应率), percent."""
    resolution_rate: Percent
    """Share of complaints resolved (解决率), percent."""
    satisfaction_rate: Percent
    """Share of callers satisfied (满意率), percent."""


class StreetFigures(DistrictFigures):
    """A street or township's figures of the month (街乡镇)."""

    district: Id
    """The district (or development zone) it belongs to: a unit id."""


class Hotline(Record):
    """12345 hotline figures of one month; the file is <YYYY-MM>.yaml."""

    rtype: ClassVar[str] = "hotline"
    folder: ClassVar[str] = "hotline"
    label: ClassVar[str] = "Hotline month"

    id: Id = Field(default="", exclude=True)  # derived from the month
    month: Month
    """Quoted, "2026-03": unquoted YAML may read it as arithmetic."""
    districts: dict[Id, DistrictFigures] = Field(min_length=1)
    top_topics: list[Text] = []
    streets: dict[Text, StreetFigures] = {}
    """Streets and townships (街乡镇) by name, ranked each month: the top and bottom ten."""
    focus: list[Text] = []
    """The month's focus topics (每月一题)."""
    special_treatment: list[Text] = []
    """Streets and townships under special treatment this month (治理类街乡镇), by their
    names in streets."""

    @model_validator(mode="after")
    def _streets(self) -> Hotline:
        broken = Broken()
        for name, f in self.streets.items():
            if f.district not in self.districts:
                broken("SCHEMA_RULE", "street {s}: district {d} has no "
                       "figures this month",
                       {"s": name, "d": f.district,
                        "field": f"streets.{name}.district"})
        for i, name in enumerate(self.special_treatment):
            if self.streets and name not in self.streets:
                broken("SCHEMA_RULE", "special_treatment names {s}, which "
                       "is not among the month's streets",
                       {"s": name, "field": f"special_treatment.{i}"})
        broken.raise_any(self)
        return self

    def model_post_init(self, __context: object) -> None:
        self.id = f"hotline-{self.month}"

    @property
    def main_date(self) -> dt.date:
        y, m = map(int, self.month.split("-"))
        return dt.date(y, m, 1)

    @property
    def title_text(self) -> str:
        return f"12345 hotline {self.month}"

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for u in self.districts:
            yield ("districts", u), "unit", u
        for name, f in self.streets.items():
            yield ("streets", name, "district"), "unit", f.district
