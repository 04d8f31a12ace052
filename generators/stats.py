"""`portal stats` and the about page's table: counts per record type and status."""

from __future__ import annotations

from collections import Counter

from .catalog import Catalog
from .cli_zh import width
from .labels import Locale, labels, long_date
from .models import RECORD_TYPES

STATUS_KEYS = {("liaison", "overdue"): "reply-overdue", ("liaison", "pending"): "reply-pending",
               ("incident", "open"): "incident-open", ("incident", "closed"): "incident-closed",
               ("incident", "late"): "incident-late"}
"""Statuses whose label differs by record type (a liaison item's overdue is 逾期未答复)."""


def stats_counts(cat: Catalog) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """(type, count, [(status, count)]) per record type, in contract order: the statuses of
    supervision and liaison items and normative documents; a meeting's decisions."""
    statuses: dict[str, Counter[str]] = {
        "supervision": Counter(s.status for s in cat.supervision.values()),
        "liaison": Counter(s.status for s in cat.liaison.values()),
        "document": Counter(v.status for v in cat.validity.values()),
        # issue 16: open or closed, and how many were reported late
        "incident": Counter(i.status for i in cat.incidents.values())
        + Counter("late" for i in cat.incidents.values() if i.late),
    }
    statuses["meeting"] = Counter({"decisions": len(cat.decisions)})
    return [(rtype, len(cat.by_type.get(rtype, [])),
             sorted(statuses.get(rtype, Counter()).items())) for rtype in RECORD_TYPES]


def stats_rows(cat: Catalog, locale: Locale) -> list[tuple[str, int, str]]:
    """(type, count, statuses) per record type, in contract order, said in the locale as
    the portal says them (督办事项 43 临期预警 5、已办结 12…)."""
    t = labels(locale)
    sep, colon = ("、", "：") if locale == "zh" else (", ", ": ")
    rows = []
    for rtype, n, counts in stats_counts(cat):
        detail = sep.join(f"{t(STATUS_KEYS.get((rtype, k), k))} {v}" for k, v in counts)
        if rtype == "document" and detail:
            detail = t("normative") + colon + detail
        rows.append((t(f"rt-{rtype}"), n, detail))
    return rows


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def stats_table(cat: Catalog, locale: Locale) -> str:
    """The rows as a terminal table, its columns lined up in Chinese as in English."""
    t = labels(locale)
    rows = stats_rows(cat, locale)
    head = (t("record_type"), t("count"),
            f"{t('status')}（{t('as_of')}{long_date(cat.as_of, locale)}）" if locale == "zh"
            else f"{t('status')} ({t('as_of').lower()} {long_date(cat.as_of, locale)})")
    total = (t("total"), sum(r[1] for r in rows), "")
    first = max(width(r[0]) for r in (*rows, head, total))
    count = max(len(str(total[1])), width(head[1]))
    lines = [f"{_pad(head[0], first)}  {_pad(head[1], count)}  {head[2]}"]
    lines += [f"{_pad(name, first)}  {n:>{count}}  {d}".rstrip() for name, n, d in rows]
    lines.append(f"{_pad(total[0], first)}  {total[1]:>{count}}")
    return "\n".join(lines)
