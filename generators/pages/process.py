"""Pieces of the pages that show issue 16's processes: supervision, requests and received
documents with time limits (shared by record pages, indexes and the unit pages)."""

from __future__ import annotations

from ..figures import REPORT_GRACE_DAYS
from ..models.supervision import Supervision
from .common import Ctx, esc


def days_note(ctx: Ctx) -> str:
    """Which days a page's figures count: working days on the office's calendar, or
    calendar days where the archive has none (noted: it depends on the calendar)."""
    key = "days_counted_working" if ctx.cat.counts_working_days() else "days_counted_calendar"
    return f'<p class="days-note">{esc(ctx.t(key))}</p>\n'


def supervision_days_note(ctx: Ctx) -> str:
    """A supervision item's days: to and past its deadline in calendar days (a deadline is
    a date), the grace of its next report in working days where the calendar exists
    (figures.report_due): the page says both, not that every figure is working days."""
    if not ctx.cat.counts_working_days():
        return days_note(ctx)
    return (f'<p class="days-note">{esc(ctx.t("sup_days_working", n=REPORT_GRACE_DAYS))}'
            "</p>\n")


_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1-99 in Chinese numerals as terms are written (第十六届); other numbers as digits."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + \
        (_DIGITS[ones] if ones else "")


def term_text(ctx: Ctx, term: int) -> str:
    """第十六届 in Chinese, term 16 in English."""
    return ctx.t("term_n", n=zh_numeral(term) if ctx.locale == "zh" else term)


def days_unit(ctx: Ctx) -> str:
    return ctx.t("working_days" if ctx.cat.counts_working_days() else "calendar_days")


def received_badge(ctx: Ctx, status: str) -> str:
    """A received document's state; "implemented" reads 已落实 (the step alone is 落实)."""
    return ctx.badge(status, "received-implemented" if status == "implemented" else None)


def circulating(ctx: Ctx, doc_id: str) -> list[Supervision]:
    """Supervision items that name the document among their circulars (通报)."""
    return [s for s in ctx.cat.referrers(doc_id, Supervision) if doc_id in s.circulars]
