"""The summaries dashboards show, computed with pandas and remembered by their inputs.

Each summary (supervision items per unit and status, the hotline's monthly means, an
appraisal's grades per group) is a pure function of a few columns of the records.  The
build state keeps each result by a hash of exactly those columns (memo.py), so a
republish whose edit touched none of them neither imports pandas (slow to import) nor computes
them again; a title edit touches none.  Results are plain rows, read back through JSON in
every build, so that a remembered summary and a fresh one render alike.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from .catalog import Catalog
from .figures import liaison_rates
from .memo import remember
from .models.liaison import Liaison
from .models.supervision import Supervision

SUPERVISION_ORDER = ["overdue", "report-late", "at-risk", "not-started", "on-track", "suspended",
                     "completed-late", "completed"]
GRADES = ["excellent", "good", "fair", "poor"]
GROUPS = ["district", "agency"]

Rows = list[tuple[Any, ...]]
Table = list[dict[str, Any]]


def _summary(name: str, rows: Rows, compute: Callable[[Rows], Table]) -> Table:
    """compute(rows), or what it gave for the same rows in the last build."""
    key = hashlib.sha1(repr(rows).encode(), usedforsecurity=False).hexdigest()
    text = remember(f"summary {name} {key}",
                    lambda: json.dumps(compute(rows), default=_plain, allow_nan=False))
    table: Table = json.loads(text)
    return table


def _records(df: Any) -> Table:
    return [{str(k): v for k, v in row.items()} for row in df.to_dict("records")]


def _plain(value: Any) -> Any:
    """numpy's scalars as Python's (json knows only the latter)."""
    return value.item()


def _nan_to_none(value: float) -> float | None:
    return None if value != value else value


def supervision_by_unit(cat: Catalog) -> Table:
    """Per lead unit: items per status, total, open items' mean progress (None without
    open items); units with overdue, then at-risk items first, then the busiest."""
    rows = [(s.lead, cat.supervision[s.id].status, s.state, cat.supervision[s.id].percent)
            for s in cat.of(Supervision)]
    return _summary("supervision_by_unit", rows, _by_unit)


def _by_unit(rows: Rows) -> Table:
    import pandas as pd

    if not rows:
        return []
    df = pd.DataFrame(rows, columns=["lead", "status", "state", "percent"])
    counts = pd.crosstab(df["lead"], df["status"]).reindex(columns=SUPERVISION_ORDER,
                                                           fill_value=0)
    counts["total"] = counts.sum(axis=1)
    open_items = df[df["state"] == "open"]
    counts["mean_percent"] = open_items.groupby("lead")["percent"].mean().round(1)
    counts = counts.sort_values(["overdue", "at-risk", "total"], ascending=False)
    table = _records(counts.reset_index())
    for row in table:
        row["mean_percent"] = _nan_to_none(row["mean_percent"])
    return table


def status_counts(by_unit: Table) -> dict[str, int]:
    """Items per status (SUPERVISION_ORDER), from the per-unit summary."""
    return {s: sum(int(row[s]) for row in by_unit) for s in SUPERVISION_ORDER}


def hotline_monthly_means(cat: Catalog) -> Table:
    """City-wide means of the three rates per month (unweighted across districts), and
    the month's calls."""
    rows = [(month, r.figures.response_rate, r.figures.resolution_rate,
             r.figures.satisfaction_rate, r.figures.calls)
            for month, ranks in sorted(cat.hotline.items()) for r in ranks]
    return _summary("hotline_monthly_means", rows, _monthly_means)


def _monthly_means(rows: Rows) -> Table:
    import pandas as pd

    cols = ["response_rate", "resolution_rate", "satisfaction_rate"]
    df = pd.DataFrame(rows, columns=["month", *cols, "calls"])
    out = df.groupby("month")[cols].mean().round(2)
    out["calls"] = df.groupby("month")["calls"].sum()
    return _records(out.reset_index())


def grade_distribution(cat: Catalog, year: int) -> dict[str, dict[str, int]]:
    """grade -> group -> units (GRADES, GROUPS)."""
    rows = [(r.grade, r.group) for r in cat.appraisal.get(year, [])]
    table = _summary("grade_distribution", rows, _grades)
    return {row["grade"]: {g: int(row[g]) for g in GROUPS} for row in table}


def _grades(rows: Rows) -> Table:
    import pandas as pd

    if not rows:
        return [{"grade": g, **dict.fromkeys(GROUPS, 0)} for g in GRADES]
    df = pd.DataFrame(rows, columns=["grade", "group"])
    table = pd.crosstab(df["grade"], df["group"]).reindex(index=GRADES, columns=GROUPS,
                                                          fill_value=0)
    return _records(table.rename_axis("grade").reset_index())


def liaison_rates_by(cat: Catalog, key: str,
                     items: list[Liaison] | None = None) -> Table:
    """Rates per lead unit ('lead'), per session ('session': its key, npc-16-4, which also
    names the kind) or per session and lead unit ('session-lead'): figures.py's
    liaison_rates over each group, in the order of the group's key (sessions oldest
    first).  items: these items only (default: every visible item)."""
    groups: dict[tuple[object, ...], list[Liaison]] = {}
    order: dict[str, tuple[object, ...]] = {}
    for li in cat.of(Liaison) if items is None else items:
        sk = li.session_key
        order[sk] = (li.kind, *li.session.order())
        k: tuple[object, ...] = ((li.lead,) if key == "lead" else (sk,) if key == "session"
                                 else (sk, li.lead))
        groups.setdefault(k, []).append(li)
    names = {"lead": ["lead"], "session": ["session"], "session-lead": ["session", "lead"]}[key]

    def sort(kv: tuple[tuple[object, ...], list[Liaison]]) -> tuple[object, ...]:
        k = kv[0]
        if key == "lead":
            return (str(k[0]),)
        return (order[str(k[0])], *(str(x) for x in k[1:]))

    table = []
    for k, group in sorted(groups.items(), key=sort):
        r = liaison_rates(group, cat.as_of)
        table.append({**dict(zip(names, k, strict=True)), "kind": group[0].kind,
                      "items": r.total, "replied": r.replied, "reply_rate": r.reply_rate,
                      "on_time_rate": r.on_time_rate, "A": r.share("A"), "B": r.share("B"),
                      "C": r.share("C"), "satisfaction_rate": r.satisfaction_rate,
                      "contact_rate": r.contact_rate,
                      "key_items": sum(li.key is not None for li in group),
                      "rehandled": r.rehandled})
    return table
