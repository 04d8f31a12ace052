"""Tables and summaries computed with pandas at publish time.

Each function turns the Catalog into a DataFrame; pages render them, the open
data export writes them, tests compare them with the Catalog's own figures.
"""

from __future__ import annotations

import pandas as pd

from .catalog import Catalog
from .figures import liaison_rates
from .models.document import Document
from .models.liaison import Liaison
from .models.supervision import Supervision

SUPERVISION_ORDER = ["overdue", "at-risk", "not-started", "on-track", "suspended",
                     "completed-late", "completed"]


def supervision_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    for s in cat.of(Supervision):
        st = cat.supervision[s.id]
        rows.append({"id": s.id, "title": s.title, "lead": s.lead, "source": s.source.kind,
                     "assigned": s.assigned, "deadline": s.deadline, "state": s.state,
                     "status": st.status, "percent": st.percent,
                     "days_to_deadline": st.days_to_deadline, "days_overdue": st.days_overdue,
                     "last_report": st.last_report})
    return pd.DataFrame(rows, columns=["id", "title", "lead", "source", "assigned", "deadline",
                                       "state", "status", "percent", "days_to_deadline",
                                       "days_overdue", "last_report"])


def supervision_by_unit(cat: Catalog) -> pd.DataFrame:
    """Per lead unit: items per status, total, open items' mean progress."""
    df = supervision_frame(cat)
    if df.empty:
        return pd.DataFrame(columns=["lead", *SUPERVISION_ORDER, "total", "mean_percent"])
    counts = pd.crosstab(df["lead"], df["status"]).reindex(columns=SUPERVISION_ORDER,
                                                           fill_value=0)
    counts["total"] = counts.sum(axis=1)
    open_items = df[df["state"] == "open"]
    counts["mean_percent"] = open_items.groupby("lead")["percent"].mean().round(1)
    counts = counts.sort_values(["overdue", "at-risk", "total"], ascending=False)
    return counts.reset_index()


def status_counts(cat: Catalog) -> pd.Series:
    df = supervision_frame(cat)
    return df["status"].value_counts().reindex(SUPERVISION_ORDER, fill_value=0)


def liaison_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    for li in cat.of(Liaison):
        st = cat.liaison[li.id]
        rows.append({"id": li.id, "kind": li.kind, "number": li.number, "session": li.session,
                     "title": li.title, "lead": li.lead, "received": li.received,
                     "due": st.due, "status": st.status,
                     "reply_date": li.reply.date if li.reply else None,
                     "category": li.reply.category if li.reply else None,
                     "feedback": li.feedback})
    return pd.DataFrame(rows, columns=["id", "kind", "number", "session", "title", "lead",
                                       "received", "due", "status", "reply_date", "category",
                                       "feedback"])


def liaison_rates_by(cat: Catalog, key: str) -> pd.DataFrame:
    """Rates per lead unit ('lead') or per session and kind ('session')."""
    groups: dict[tuple[object, ...], list[Liaison]] = {}
    for li in cat.of(Liaison):
        k: tuple[object, ...] = (li.lead,) if key == "lead" else (li.session, li.kind)
        groups.setdefault(k, []).append(li)
    rows = []
    for k, items in sorted(groups.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        r = liaison_rates(items, cat.as_of)
        rows.append({**dict(zip(["lead"] if key == "lead" else ["session", "kind"], k,
                                strict=True)),
                     "items": r.total, "replied": r.replied, "reply_rate": r.reply_rate,
                     "on_time_rate": r.on_time_rate, "A": r.share("A"), "B": r.share("B"),
                     "C": r.share("C"), "satisfaction_rate": r.satisfaction_rate})
    return pd.DataFrame(rows)


def appraisal_frame(cat: Catalog, year: int) -> pd.DataFrame:
    rows = [{"unit": r.unit, "group": r.group, "weighted": r.weighted,
             "adjustment": r.adjustment, "total": r.total, "rank": r.rank, "grade": r.grade,
             "previous_total": r.previous_total, "change": r.change,
             "previous_rank": r.previous_rank} for r in cat.appraisal.get(year, [])]
    return pd.DataFrame(rows)


def grade_distribution(cat: Catalog, year: int) -> pd.DataFrame:
    df = appraisal_frame(cat, year)
    grades = ["excellent", "good", "fair", "poor"]
    if df.empty:
        return pd.DataFrame(0, index=grades, columns=["district", "agency"])
    table = pd.crosstab(df["grade"], df["group"]).reindex(index=grades, fill_value=0)
    return table.reindex(columns=["district", "agency"], fill_value=0)


def hotline_frame(cat: Catalog) -> pd.DataFrame:
    rows = [{"month": month, "unit": r.unit, "calls": r.figures.calls,
             "response_rate": r.figures.response_rate,
             "resolution_rate": r.figures.resolution_rate,
             "satisfaction_rate": r.figures.satisfaction_rate, "composite": r.composite,
             "rank": r.rank} for month, ranks in sorted(cat.hotline.items()) for r in ranks]
    return pd.DataFrame(rows, columns=["month", "unit", "calls", "response_rate",
                                       "resolution_rate", "satisfaction_rate", "composite",
                                       "rank"])


def hotline_monthly_means(cat: Catalog) -> pd.DataFrame:
    """City-wide means of the three rates per month (unweighted across districts)."""
    df = hotline_frame(cat)
    if df.empty:
        return df
    cols = ["response_rate", "resolution_rate", "satisfaction_rate"]
    out = df.groupby("month")[cols].mean().round(2)
    out["calls"] = df.groupby("month")["calls"].sum()
    return out.reset_index()


def documents_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    for d in cat.of(Document):
        v = cat.validity.get(d.id)
        rows.append({"id": d.id, "number": d.number, "type": d.type, "title": d.title,
                     "issuer": d.issuers[0], "issuers": " ".join(d.issuers),
                     "written": d.written, "published": d.published, "urgency": d.urgency,
                     "validity": v.status if v else None, "expires": v.expires if v else None})
    return pd.DataFrame(rows, columns=["id", "number", "type", "title", "issuer", "issuers",
                                       "written", "published", "urgency", "validity",
                                       "expires"])
