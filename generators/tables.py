"""The collections as tables, made with pandas at publish time.

Each function turns the Catalog into a DataFrame; the open data export writes them,
tests compare them with the Catalog's own figures.  The dashboards' summaries are in
summaries.py.
"""

from __future__ import annotations

import pandas as pd

from .catalog import Catalog
from .models.document import Document
from .models.liaison import Liaison
from .models.supervision import Supervision


def supervision_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    for s in cat.of(Supervision):
        st = cat.supervision[s.id]
        rows.append({"id": s.id, "title": s.title, "lead": cat.shown_id(s.lead),
                     "source": s.source.kind,
                     "assigned": s.assigned, "deadline": s.deadline, "state": s.state,
                     "status": st.status, "percent": st.percent,
                     "days_to_deadline": st.days_to_deadline, "days_overdue": st.days_overdue,
                     "last_report": st.last_report,
                     # issue 16: supervision as a process
                     "sup_number": s.number, "cycle": s.report_cycle,
                     "report_due": st.report_due if s.state == "open" else None,
                     "days_report_late": st.days_report_late,
                     "reminders": len(s.reminders),
                     "closure_requested": s.closure.requested if s.closure else None,
                     "closure_approved": s.closure.approved if s.closure else None,
                     "circulars": " ".join(cat.shown(s.circulars))})
    return pd.DataFrame(rows, columns=["id", "title", "lead", "source", "assigned", "deadline",
                                       "state", "status", "percent", "days_to_deadline",
                                       "days_overdue", "last_report", "sup_number", "cycle",
                                       "report_due", "days_report_late", "reminders",
                                       "closure_requested", "closure_approved", "circulars"])


def liaison_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    for li in cat.of(Liaison):
        st = cat.liaison[li.id]
        rows.append({"id": li.id, "kind": li.kind, "number": li.number, "session": li.session,
                     "title": li.title, "lead": cat.shown_id(li.lead), "received": li.received,
                     "due": st.due, "status": st.status,
                     "reply_date": li.reply.date if li.reply else None,
                     "category": li.reply.category if li.reply else None,
                     "feedback": li.feedback})
    return pd.DataFrame(rows, columns=["id", "kind", "number", "session", "title", "lead",
                                       "received", "due", "status", "reply_date", "category",
                                       "feedback"])


def appraisal_frame(cat: Catalog, year: int) -> pd.DataFrame:
    rows = [{"unit": r.unit, "group": r.group, "weighted": r.weighted,
             "adjustment": r.adjustment, "total": r.total, "rank": r.rank, "grade": r.grade,
             "previous_total": r.previous_total, "change": r.change,
             "previous_rank": r.previous_rank} for r in cat.appraisal.get(year, [])]
    return pd.DataFrame(rows)


def hotline_frame(cat: Catalog) -> pd.DataFrame:
    rows = [{"month": month, "unit": r.unit, "calls": r.figures.calls,
             "response_rate": r.figures.response_rate,
             "resolution_rate": r.figures.resolution_rate,
             "satisfaction_rate": r.figures.satisfaction_rate, "composite": r.composite,
             "rank": r.rank} for month, ranks in sorted(cat.hotline.items()) for r in ranks]
    return pd.DataFrame(rows, columns=["month", "unit", "calls", "response_rate",
                                       "resolution_rate", "satisfaction_rate", "composite",
                                       "rank"])


def documents_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    for d in cat.of(Document):
        v = cat.validity.get(d.id)
        rows.append({"id": d.id, "number": d.number, "type": d.type, "title": d.title,
                     "issuer": cat.shown_id(d.issuers[0]),
                     "issuers": " ".join(cat.shown(d.issuers)),
                     "written": d.written, "published": d.published, "urgency": d.urgency,
                     "validity": v.status if v else None, "expires": v.expires if v else None})
    return pd.DataFrame(rows, columns=["id", "number", "type", "title", "issuer", "issuers",
                                       "written", "published", "urgency", "validity",
                                       "expires"])
