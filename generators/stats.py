"""`portal stats` and the about page's table: counts per record type and status."""

from __future__ import annotations

from collections import Counter

from .catalog import Catalog
from .cli_zh import width
from .labels import Locale, labels, long_date
from .models import RECORD_TYPES

COLUMNS = 80
"""A terminal's width, as click's help assumes."""

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
    the portal says them (督办事项 43 已逾期 6、未按期反馈 4…)."""
    sep = "、" if locale == "zh" else ", "
    return [(name, n, sep.join(items)) for name, n, items in _row_items(cat, locale)]


def _row_items(cat: Catalog, locale: Locale) -> list[tuple[str, int, list[str]]]:
    """(type, count, the statuses each with its count) per record type."""
    t = labels(locale)
    colon = "：" if locale == "zh" else ": "
    rows = []
    for rtype, n, counts in stats_counts(cat):
        late = dict(counts).get("late") if rtype == "incident" else None
        order = _ORDERS.get(rtype, [])
        shown = sorted((kv for kv in counts if not (late and kv[0] == "late")),
                       key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
        items = [f"{t(STATUS_KEYS.get((rtype, k), k))} {v}" for k, v in shown]
        if rtype == "document" and items:
            items[0] = t("normative") + colon + items[0]
        if late:  # a flag beside the states, not a third state: the states add up to n
            flag = t("incident-late") if locale == "zh" else t("incident-late").lower()
            items[-1] += t("of_which", what=f"{flag} {late}")
        rows.append((t(f"rt-{rtype}"), n, items))
    return rows


def _orders() -> dict[str, list[str]]:
    from .finders import LIAISON_ORDER, VALIDITY_ORDER
    from .summaries import SUPERVISION_ORDER

    return {"supervision": SUPERVISION_ORDER, "liaison": LIAISON_ORDER,
            "document": VALIDITY_ORDER, "incident": ["open", "closed"]}


_ORDERS = _orders()
"""The statuses in the order the portal's tables and finders give them (most urgent
first), not alphabetical."""


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
    indent = first + 2 + count + 2
    sep = "、" if locale == "zh" else ", "
    for name, n, items in _row_items(cat, locale):
        # the statuses wrapped to 80 columns under their heading, between items only
        said = [""]
        for i, item in enumerate(items):
            piece = item + (sep.rstrip() if i < len(items) - 1 else "")
            gap = " " if locale != "zh" and said[-1] else ""
            if said[-1] and width(said[-1] + gap + piece) > COLUMNS - indent:
                said.append(piece)
            else:
                said[-1] += gap + piece
        lines.append(f"{_pad(name, first)}  {n:>{count}}  {said[0]}".rstrip())
        lines += [" " * indent + more for more in said[1:]]
    lines.append(f"{_pad(total[0], first)}  {total[1]:>{count}}")
    return "\n".join(lines)
