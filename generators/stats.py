"""`portal stats`: counts per record type and status."""

from __future__ import annotations

from collections import Counter

from .catalog import Catalog
from .models import RECORD_TYPES


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


def stats_rows(cat: Catalog) -> list[tuple[str, int, str]]:
    """(type, count, statuses) per record type, in contract order."""
    rows = []
    for rtype, n, counts in stats_counts(cat):
        detail = ", ".join(f"{k} {v}" for k, v in counts)
        if rtype == "document" and detail:
            detail = "normative: " + detail
        rows.append((rtype, n, detail))
    return rows


def stats_table(cat: Catalog) -> str:
    rows = stats_rows(cat)
    width = max(len(r[0]) for r in rows)
    lines = [f"{'type':<{width}}  count  statuses (as of {cat.as_of})"]
    lines += [f"{t:<{width}}  {n:>5}  {d}" for t, n, d in rows]
    lines.append(f"{'total':<{width}}  {sum(r[1] for r in rows):>5}")
    return "\n".join(lines)
