"""The office's working calendar: holidays and adjusted working days (调休), by year."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field, model_validator

from ..asof import FIRST_YEAR, LAST_YEAR
from .common import Broken, Date, Id, Level, Record, Strict, Text


class Holiday(Strict):
    """One public holiday as the State Council's notice gives it (放假安排)."""

    name: Text
    """e.g. 国庆节、中秋节."""
    from_: Date = Field(alias="from")
    """First day off."""
    to: Date
    """Last day off (the same day for a one-day holiday)."""


class CalendarYear(Record):
    """One year of the office's working calendar: days off and weekend days worked (调休)."""

    rtype: ClassVar[str] = "calendar"
    folder: ClassVar[str] = "registry/calendar.yaml"
    label: ClassVar[str] = "Working calendar year"

    id: Id = Field(default="", exclude=True)  # derived from the year
    classification: Level = "public"
    """The calendar is public (the State Council publishes it); it sets every audience's
    working-day figures alike."""
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """The year this entry covers."""
    holidays: list[Holiday] = []
    """Days off (法定节假日 and the days moved to join them)."""
    workdays: list[Date] = []
    """Saturdays and Sundays that are working days this year (调休上班)."""

    def model_post_init(self, __context: object) -> None:
        self.id = f"calendar-{self.year}"

    @model_validator(mode="after")
    def _in_year(self) -> CalendarYear:
        broken = Broken()
        for i, h in enumerate(self.holidays):
            if h.to < h.from_:
                broken("DATE_ORDER", "holiday {n} ends before it starts",
                       {"n": h.name, "field": f"holidays.{i}.to"})
        for i, d in enumerate(self.workdays):
            if d.weekday() < 5:
                broken("SCHEMA_RULE", "{d} is a weekday: workdays lists only the Saturdays and "
                       "Sundays worked (调休上班)", {"d": str(d), "field": f"workdays.{i}"})
        broken.raise_any(self)
        return self

    @property
    def days_off(self) -> set[dt.date]:
        out: set[dt.date] = set()
        for h in self.holidays:
            day = h.from_
            while day <= h.to:
                out.add(day)
                day += dt.timedelta(days=1)
        return out
