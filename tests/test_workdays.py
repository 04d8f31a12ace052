"""Working days on the office's calendar (generators/workdays.py), worked by hand on the
2026 National Day and Mid-Autumn holidays: days off 25-27 September and 1-7 October,
Sunday 20 September and Saturday 10 October worked (调休上班)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from generators.models.calendar import CalendarYear
from generators.workdays import NO_CALENDAR, add_days, days_between, work_calendar

D = dt.date

Y2026 = CalendarYear.model_validate({
    "year": 2026,
    "holidays": [{"name": "中秋节", "from": D(2026, 9, 25), "to": D(2026, 9, 27)},
                 {"name": "国庆节", "from": D(2026, 10, 1), "to": D(2026, 10, 7)}],
    "workdays": [D(2026, 9, 20), D(2026, 10, 10)]})
CAL = work_calendar([Y2026])


def test_derived_id_and_days_off() -> None:
    assert Y2026.id == "calendar-2026"
    assert len(Y2026.days_off) == 3 + 7


def test_across_the_holiday() -> None:
    # Wednesday 30 September to Thursday 8 October: 1-7 October are off, the 8th counts
    assert days_between(D(2026, 9, 30), D(2026, 10, 8), CAL) == 1
    assert days_between(D(2026, 9, 30), D(2026, 10, 8)) == 8  # calendar days


def test_adjusted_working_days_count() -> None:
    # Friday 18 to Monday 21 September: Saturday off, Sunday 20th worked, Monday
    assert days_between(D(2026, 9, 18), D(2026, 9, 21), CAL) == 2
    # Friday 9 to Monday 12 October: Saturday 10th worked, Sunday off, Monday
    assert days_between(D(2026, 10, 9), D(2026, 10, 12), CAL) == 2


def test_same_day_and_backwards() -> None:
    assert days_between(D(2026, 10, 8), D(2026, 10, 8), CAL) == 0
    assert days_between(D(2026, 10, 8), D(2026, 9, 30), CAL) == -1


def test_add_fifteen_working_days_across_both_holidays() -> None:
    # from Thursday 24 September: 28, 29, 30 Sep (3), 8, 9, 10 Oct (6), 12-16 (11),
    # 19, 20, 21, 22 (15): Thursday 22 October; in calendar days, 9 October
    assert add_days(D(2026, 9, 24), 15, CAL) == D(2026, 10, 22)
    assert add_days(D(2026, 9, 24), 15, NO_CALENDAR) == D(2026, 10, 9)
    assert days_between(D(2026, 9, 24), D(2026, 10, 22), CAL) == 15


def test_add_lands_on_a_working_day() -> None:
    # one working day after Wednesday 30 September is Thursday 8 October
    assert add_days(D(2026, 9, 30), 1, CAL) == D(2026, 10, 8)
    assert add_days(D(2026, 9, 30), 0, CAL) == D(2026, 9, 30)


def test_outside_the_listed_years_weekends_rest() -> None:
    # 2027 is not listed: Monday to Friday are working days
    assert days_between(D(2027, 1, 8), D(2027, 1, 11), CAL) == 1  # Friday to Monday


def test_no_calendar_counts_calendar_days() -> None:
    assert not work_calendar([]).working
    assert days_between(D(2026, 9, 30), D(2026, 10, 8), work_calendar([])) == 8


def test_a_weekday_is_no_adjusted_working_day() -> None:
    with pytest.raises(ValidationError, match="weekday"):
        CalendarYear.model_validate({"year": 2026, "workdays": [D(2026, 10, 9)]})
