"""The as-of date: the one rule every command takes it by.

`portal validate`, `build`, `serve`, `publish`, `stats` and `export-md` (and the MkDocs
plugin under plain `mkdocs`) compute their figures for the same day: `--as-of`, else
SOURCE_DATE_EPOCH (reproducible builds), else today.  If validate took another day than
build, it would pass records that build then refuses.  Kept apart from outputs.py so that
a validate answered from the cache imports nothing heavy.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

FIRST_YEAR, LAST_YEAR = 1949, 2100
"""The years a date may fall in, the as-of date's and the records' (models/common.py): the
portal adds five years for an expiry, three months for a due date, and counts days and
calendars from them; 9999 would overflow.  Here, not in the models, because a validate
answered from the cache imports no model."""


class AsOfError(ValueError):
    """A malformed --as-of or SOURCE_DATE_EPOCH; the message is one line for the user, in
    English (str) and in Chinese (zh)."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh

    def in_language(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


def parse_date(text: str, what: str = "--as-of") -> dt.date:
    """YYYY-MM-DD within the years the figures can hold, or AsOfError."""
    formed = re.fullmatch(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*", text)
    try:
        day = dt.date.fromisoformat(text.strip()) if formed else None
    except ValueError:
        raise AsOfError(f"{what} '{text}' is no real day (a month 13, a 30 February)",
                        f"{what}“{text}”这个日期不存在") from None
    if day is None:
        raise AsOfError(f"{what} '{text}' is not a date; write YYYY-MM-DD",
                        f"{what}“{text}”不是日期：写作YYYY-MM-DD")
    return in_range(day, what)


def in_range(day: dt.date, what: str = "--as-of") -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise AsOfError(f"{what} {day} lies outside the years {FIRST_YEAR}-{LAST_YEAR} "
                        "that the figures can be computed for",
                        f"{what} {day}不在可计算数据的年份{FIRST_YEAR}—{LAST_YEAR}年之内")
    return day


def from_epoch(text: str) -> dt.date:
    """The UTC day of SOURCE_DATE_EPOCH: an integer count of seconds since 1970 (the
    reproducible-builds specification asks a malformed value to fail the build)."""
    what = "SOURCE_DATE_EPOCH"
    if not re.fullmatch(r"\s*[0-9]+\s*", text):
        raise AsOfError(f"{what}='{text}' is not a count of seconds since 1970-01-01 "
                        "(a whole number, not negative) (unset it, or give --as-of "
                        "YYYY-MM-DD)",
                        f"{what}='{text}'不是自1970-01-01起的秒数（应为非负整数）"
                        "（取消该环境变量，或用--as-of YYYY-MM-DD指定日期）")
    try:
        day = dt.datetime.fromtimestamp(int(text), dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        raise AsOfError(f"{what}={text.strip()} is beyond any date the figures can be "
                        "computed for",
                        f"{what}={text.strip()}超出了可计算数据的日期范围") from None
    return in_range(day, what)


def resolve_as_of(value: str | dt.date | None,
                  environ: Mapping[str, str] | None = None) -> dt.date:
    """--as-of, else SOURCE_DATE_EPOCH, else today; AsOfError for a malformed value."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return in_range(value)
    if value:
        return parse_date(str(value))
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if epoch:
        return from_epoch(epoch)
    return dt.date.today()
