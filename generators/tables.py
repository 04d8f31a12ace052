"""The collections as tables, made with pandas at publish time.

Each function turns the Catalog into a DataFrame; the open data export writes them,
tests compare them with the Catalog's own figures.  The dashboards' summaries are in
summaries.py.
"""

from __future__ import annotations

import pandas as pd

from .catalog import Catalog
from .figures import contacted_before_reply, street_ranking
from .models.document import Document
from .models.hotline import Hotline
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
        re_ = li.rehandling
        rows.append({"id": li.id, "kind": li.kind, "number": li.number,
                     "session": li.session_key, "session_term": li.session.term,
                     "session_meeting": li.session.meeting,
                     "title": li.title, "lead": cat.shown_id(li.lead), "received": li.received,
                     "due": st.due, "status": st.status,
                     "reply_date": li.reply.date if li.reply else None,
                     "category": li.reply.category if li.reply else None,
                     "feedback": li.feedback,
                     "letter": li.reply.letter if li.reply else None,
                     "key_leader": cat.shown_id(li.key.leader) if li.key else None,
                     "contacts": len(li.contacts),
                     "contacted": contacted_before_reply(li),
                     "rehandling_requested": re_.requested if re_ else None,
                     "rehandling_reply_date": re_.reply.date if re_ and re_.reply else None,
                     "rehandling_category": re_.reply.category if re_ and re_.reply else None,
                     "rehandling_feedback": re_.feedback if re_ else None})
    return pd.DataFrame(rows, columns=LIAISON_COLUMNS)


LIAISON_COLUMNS = ["id", "kind", "number", "session", "session_term", "session_meeting",
                   "title", "lead", "received", "due", "status", "reply_date", "category",
                   "feedback", "letter", "key_leader", "contacts", "contacted",
                   "rehandling_requested", "rehandling_reply_date", "rehandling_category",
                   "rehandling_feedback"]

RATE_COLUMNS = ["items", "replied", "reply_rate", "on_time_rate", "satisfaction_rate",
                "contact_rate", "A", "B", "C", "key_items", "rehandled"]


def liaison_sessions_frame(cat: Catalog) -> pd.DataFrame:
    """Counts and rates per session (issue 17)."""
    from .summaries import liaison_rates_by

    rows = liaison_rates_by(cat, "session")
    return pd.DataFrame(rows, columns=["session", "kind", *RATE_COLUMNS])


def liaison_units_frame(cat: Catalog) -> pd.DataFrame:
    """Counts and rates per session and lead unit; a hidden unit has no row (issue 17)."""
    from .summaries import liaison_rates_by

    rows = [r for r in liaison_rates_by(cat, "session-lead") if r["lead"] not in cat.hidden]
    return pd.DataFrame(rows, columns=["session", "kind", "lead", *RATE_COLUMNS])


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


def appraisal_indicators_frame(cat: Catalog) -> pd.DataFrame:
    """Each year's indicators per group with their weights, definitions and sources
    (issue 17); a source unit this audience may not see is left empty."""
    from .models.appraisal import Appraisal

    rows = [{"year": a.year, "group": group, "indicator": i.id, "name": i.name,
             "name_zh": i.name_zh, "weight": i.weight, "definition": i.definition,
             "source": cat.shown_id(i.source) or None}
            for a in sorted(cat.of(Appraisal), key=lambda a: a.year)
            for group, inds in a.indicator_sets.items() if getattr(a.groups, group)
            for i in inds]
    return pd.DataFrame(rows, columns=["year", "group", "indicator", "name", "name_zh",
                                       "weight", "definition", "source"])


def hotline_streets_frame(cat: Catalog) -> pd.DataFrame:
    """Every month's streets and townships with their ranks (issue 17); a street of a
    district this audience may not see has no row, the others keep their ranks."""
    rows = []
    for h in sorted(cat.of(Hotline), key=lambda h: h.month):
        special = set(h.special_treatment)
        rows += [{"month": h.month, "street": s.name, "district": s.district,
                  "calls": s.figures.calls, "response_rate": s.figures.response_rate,
                  "resolution_rate": s.figures.resolution_rate,
                  "satisfaction_rate": s.figures.satisfaction_rate, "composite": s.composite,
                  "rank": s.rank, "rank_from_bottom": s.rank_from_bottom,
                  "special_treatment": s.name in special}
                 for s in street_ranking(h) if s.district not in cat.hidden]
    return pd.DataFrame(rows, columns=["month", "street", "district", "calls", "response_rate",
                                       "resolution_rate", "satisfaction_rate", "composite",
                                       "rank", "rank_from_bottom", "special_treatment"])


def documents_frame(cat: Catalog) -> pd.DataFrame:
    rows = []
    interpreted = {r.target for d in cat.of(Document) for r in d.relations
                   if r.type == "interprets"}
    for d in cat.of(Document):
        v = cat.validity.get(d.id)
        norm = d.normative
        review = norm.legality_review if norm else None
        filing = norm.filing if norm else None
        rows.append({"id": d.id, "number": d.number, "type": d.type, "title": d.title,
                     "issuer": cat.shown_id(d.issuers[0]),
                     "issuers": " ".join(cat.shown(d.issuers)),
                     "written": d.written, "published": d.published, "urgency": d.urgency,
                     "validity": v.status if v else None, "expires": v.expires if v else None,
                     # issue 17: the policy-document panel and the normative register
                     "index_no": d.index_no, "topics": " ".join(cat.shown(d.topics)),
                     "drafter": cat.shown_id(d.drafter) or None,
                     "disclosure": d.disclosure,
                     "printed_by": cat.shown_id(d.printed.by) or None if d.printed else None,
                     "printed_date": d.printed.date if d.printed else None,
                     "effective": v.effective if v else None,
                     "repealed_on": v.repealed_on if v else None,
                     "provisional": v.provisional if v else None,
                     "registration": norm.registration if norm else None,
                     "legality_review_date": review.date if review else None,
                     "legality_review_by": (cat.shown_id(review.by) or None) if review else None,
                     "filing_date": filing.date if filing else None,
                     "filing_number": filing.number if filing else None,
                     "interpretation": bool(d.interpretation) or d.id in interpreted,
                     "attachments": len(d.attachments)})
    return pd.DataFrame(rows, columns=["id", "number", "type", "title", "issuer", "issuers",
                                       "written", "published", "urgency", "validity",
                                       "expires", "index_no", "topics", "drafter",
                                       "disclosure", "printed_by", "printed_date", "effective",
                                       "repealed_on", "provisional", "registration",
                                       "legality_review_date", "legality_review_by",
                                       "filing_date", "filing_number", "interpretation",
                                       "attachments"])


def attachments_frame(cat: Catalog) -> pd.DataFrame:
    """Issue 17: every attachment of every document this audience sees, as its page lists
    them (附件1-4); file, format, size and checksum where a file is published with it, empty
    for one that is not (the page says 未随文公开)."""
    rows = []
    for d in cat.of(Document):
        for n, a in enumerate(d.attachments, 1):
            found = cat.attachments.get(a.file) if a.file else None
            rows.append({"document": d.id, "attachment_no": n, "title": a.title,
                         "file": found.site_src if found else None,
                         "format": found.kind if found else None,
                         "bytes": found.size if found else None,
                         "sha256": found.sha256 if found else None})
    frame = pd.DataFrame(rows, columns=["document", "attachment_no", "title", "file",
                                        "format", "bytes", "sha256"])
    # a size is a whole number, also beside an attachment with none (1043, not 1043.0)
    return frame.astype({"bytes": "Int64"})


def register_row(cat: Catalog, d: Document) -> dict[str, object]:
    """Issue 17: one normative document as the register keeps it, as plain values (the
    register's table and any finder over the register read the same): validity, its
    last day (none once repealed) or its repeal date, the days left while it is in force,
    registration, legality review and filing, the drafting unit that answers for its
    evaluation, whether it has a policy interpretation, and the facets (issuers, year,
    topics).  References the audience may not see are left out."""
    v = cat.validity[d.id]
    norm = d.normative
    assert norm is not None
    review = norm.legality_review
    interpreted = bool(d.interpretation) or any(
        any(r.type == "interprets" and r.target == d.id for r in x.relations)
        for x in cat.referrers(d.id, Document))
    return {"number": d.number, "title": d.title, "validity": v.status,
            "effective": v.effective,
            "expires": None if v.status == "repealed" else v.expires,
            "repealed_on": v.repealed_on, "repealed_by": cat.shown_id(v.repealed_by) or None,
            "days": v.days_to_expiry if v.status not in ("repealed", "expired") else None,
            "provisional": v.provisional, "registration": norm.registration,
            "legality_review_date": review.date if review else None,
            "legality_review_by": (cat.shown_id(review.by) or None) if review else None,
            "filing_date": norm.filing.date if norm.filing else None,
            "filing_number": norm.filing.number if norm.filing else None,
            "drafter": cat.shown_id(d.drafter) or None, "interpretation": interpreted,
            "issuers": cat.shown(d.issuers), "year": d.written.year,
            "topics": cat.shown(d.topics)}
