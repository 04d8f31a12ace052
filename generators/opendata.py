"""Open data: CSV and JSON of every collection, with every column documented.

The frames come from tables.py (the same figures the pages show); COLUMNS is the
documentation the data page prints, and a test fails when a column lacks a line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd

from .catalog import Catalog
from .escaping import json_for_web
from .memo import remember
from .models import Record
from .models.activity import Activity
from .models.briefing import Briefing
from .models.meeting import Meeting
from .models.received import Received
from .models.registry import Official, Unit
from .models.request import Request
from .tables import (
    appraisal_frame,
    documents_frame,
    hotline_frame,
    liaison_frame,
    supervision_frame,
)


def _decisions(cat: Catalog) -> pd.DataFrame:
    rows = [{"id": d.id, "meeting": m.id, "meeting_date": m.date, "text": d.text,
             "lead": cat.shown_id(d.lead), "support": " ".join(cat.shown(d.support)),
             "deadline": d.deadline}
            for m in cat.of(Meeting) for d in m.decisions]
    return pd.DataFrame(rows, columns=["id", "meeting", "meeting_date", "text", "lead",
                                       "support", "deadline"])


def _simple(cat: Catalog, model: type[Record], fields: dict[str, Callable[[Any], object]]
            ) -> pd.DataFrame:
    rows = [{k: f(rec) for k, f in fields.items()} for rec in cat.of(model)]
    return pd.DataFrame(rows, columns=list(fields))


def _appraisal(cat: Catalog) -> pd.DataFrame:
    frames = [appraisal_frame(cat, y).assign(year=y) for y in sorted(cat.appraisal)]
    cols = ["year", "unit", "group", "weighted", "adjustment", "total", "rank", "grade",
            "previous_total", "change", "previous_rank"]
    return pd.concat(frames)[cols] if frames else pd.DataFrame(columns=cols)


COLLECTIONS: dict[str, Callable[[Catalog], pd.DataFrame]] = {
    "documents": documents_frame,
    "received": lambda c: _simple(c, Received, {
        "id": lambda r: r.id, "number": lambda r: r.number,
        "issuer": lambda r: c.shown_id(r.issuer),
        "title": lambda r: r.title, "received": lambda r: r.received,
        "lead": lambda r: c.shown_id(r.handling.lead),
        "implemented_by": lambda r: " ".join(c.shown(r.handling.implemented_by))}),
    "requests": lambda c: _simple(c, Request, {
        "id": lambda r: r.id, "from": lambda r: c.shown_id(r.from_), "kind": lambda r: r.kind,
        "title": lambda r: r.title, "submitted": lambda r: r.submitted,
        "outcome": lambda r: r.decision.outcome if r.decision else None}),
    "meetings": lambda c: _simple(c, Meeting, {
        "id": lambda m: m.id, "kind": lambda m: m.kind, "session": lambda m: m.session,
        "date": lambda m: m.date, "chair": lambda m: c.shown_id(m.chair),
        "decisions": lambda m: len(m.decisions)}),
    "decisions": _decisions,
    "activities": lambda c: _simple(c, Activity, {
        "id": lambda a: a.id, "date": lambda a: a.date, "title": lambda a: a.title,
        "kind": lambda a: a.kind, "officials": lambda a: " ".join(c.shown(a.officials))}),
    "supervision": supervision_frame,
    "briefings": lambda c: _simple(c, Briefing, {
        "id": lambda b: b.id, "date": lambda b: b.date, "title": lambda b: b.title,
        "category": lambda b: b.category, "source": lambda b: c.shown_id(b.source),
        "instructions": lambda b: len(b.instructions)}),
    "liaison": liaison_frame,
    "appraisal": _appraisal,
    "hotline": hotline_frame,
    "units": lambda c: _simple(c, Unit, {
        "id": lambda u: u.id, "name": lambda u: u.name, "name_zh": lambda u: u.name_zh,
        "kind": lambda u: u.kind, "status": lambda u: u.status}),
    "officials": lambda c: _simple(c, Official, {
        "id": lambda o: o.id, "name": lambda o: o.name, "position": lambda o: o.position,
        "portfolio": lambda o: " ".join(c.shown(o.portfolio))}),
}

COLUMNS: dict[str, str] = {
    "id": "Record id (stable; also the last part of the record's URL).",
    "number": "Document number as issued (发文字号), or the liaison item's number.",
    "type": "Document type, one of the 15 official types.",
    "title": "Title.", "issuer": "Issuing unit id (the first, leading issuer).",
    "issuers": "All issuing unit ids, separated by spaces.",
    "written": "Written date (成文日期), YYYY-MM-DD.", "published": "Publication date.",
    "urgency": "normal, urgent or extra-urgent.",
    "validity": "Normative documents: in-force, expiring, expired, amended, repealed or "
                "not-yet-effective, as of the build date; empty for other documents.",
    "expires": "Normative documents: last day in force.",
    "received": "Date received.", "lead": "Lead unit id.",
    "implemented_by": "Ids of the local documents implementing it, separated by spaces.",
    "from": "Submitting unit id.", "kind": "Kind of record (see the record reference).",
    "submitted": "Date submitted.", "outcome": "Decision outcome, empty while pending.",
    "session": "Meetings: number within kind and year; liaison: year of the session.",
    "date": "Date.", "chair": "Official id of the chair.",
    "decisions": "Number of decisions taken.", "meeting": "Meeting id.",
    "meeting_date": "Date of the meeting.", "text": "Text of the decision.",
    "support": "Supporting unit ids, separated by spaces.", "deadline": "Deadline.",
    "officials": "Official ids, separated by spaces.", "source": "Source kind or unit.",
    "assigned": "Date assigned.", "state": "State as recorded: open, completed, suspended.",
    "status": "Computed status as of the build date (see How to read the portal).",
    "percent": "Latest reported progress, percent.",
    "days_to_deadline": "Days from the build date to the deadline (negative when past).",
    "days_overdue": "Days overdue (open items) or completed after the deadline.",
    "last_report": "Date of the latest progress report.",
    "category": "Briefings: category; liaison: reply category A, B or C.",
    "instructions": "Number of leaders' instructions.",
    "proposers": "Proposers.", "due": "Reply due date (received + 3 months by default).",
    "reply_date": "Date of the reply.", "feedback": "Proposers' feedback.",
    "year": "Appraisal year.", "unit": "Unit id.", "group": "district or agency.",
    "weighted": "Weighted score before adjustments.", "adjustment": "Adjustment points.",
    "total": "Weighted score plus adjustments.", "rank": "Rank within the group or month.",
    "grade": "excellent, good, fair or poor.", "previous_total": "Last year's total.",
    "change": "Total minus last year's total.", "previous_rank": "Last year's rank.",
    "month": "Month, YYYY-MM.", "calls": "Calls received.",
    "response_rate": "Response rate, percent.", "resolution_rate": "Resolution rate, percent.",
    "satisfaction_rate": "Satisfaction rate, percent.",
    "composite": "0.10 × response + 0.45 × resolution + 0.45 × satisfaction.",
    "name": "Name.", "name_zh": "Chinese name.", "position": "Position.",
    "portfolio": "Unit ids in the official's charge, separated by spaces.",
}


_made: list[tuple[Catalog, dict[str, pd.DataFrame]]] = []


def _frames(cat: Catalog) -> dict[str, pd.DataFrame]:
    """Every collection's table, made once per catalog (the files and the page use them)."""
    if not _made or _made[0][0] is not cat:
        _made[:] = [(cat, {name: make(cat) for name, make in COLLECTIONS.items()})]
    return _made[0][1]


def exports(cat: Catalog) -> dict[str, str]:
    """data/<name>.csv and data/<name>.json for every collection."""
    out: dict[str, str] = {}
    for name, df in _frames(cat).items():
        # a republish takes the files of an unchanged table from the last build (memo.py)
        key = _digest(df)
        out[f"data/{name}.csv"] = remember(f"csv {key}", partial(_csv, df))
        out[f"data/{name}.json"] = remember(f"json {key}", partial(_json, df))
    return out


def _digest(df: pd.DataFrame) -> str:
    """A hash of a table's cells, columns and types."""
    h = hashlib.sha1(repr((list(df.columns), [str(t) for t in df.dtypes])).encode(),
                     usedforsecurity=False)
    h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    return h.hexdigest()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def _as_text(df: pd.DataFrame) -> pd.DataFrame:
    """df with every text cell a spreadsheet would run as a formula (=HYPERLINK(...),
    +cmd, @SUM) prefixed with a single quote, as OWASP advises: shown as text, the quote
    hidden.  Other cells and every column's type stay as they are."""
    out = df
    for col, kind in df.dtypes.items():
        if not (pd.api.types.is_object_dtype(kind) or pd.api.types.is_string_dtype(kind)):
            continue
        cells = df[col]
        if not any(isinstance(v, str) and v.startswith(_FORMULA_START) for v in cells):
            continue
        if out is df:
            out = df.copy()
        out[col] = pd.Series([("'" + v) if isinstance(v, str) and v.startswith(_FORMULA_START)
                              else v for v in cells], index=cells.index, dtype=cells.dtype)
    return out


def _csv(df: pd.DataFrame) -> str:
    # only the CSV: JSON is read by programs, which must get the text as written
    return str(_as_text(df).to_csv(index=False, lineterminator="\n"))


def _json(df: pd.DataFrame) -> str:
    records = json.loads(df.to_json(orient="records", date_format="iso", force_ascii=False))
    # one row per line: readable, and json's C encoder (indent= takes the Python one, 0.3 s
    # at 10,000 records)
    rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    return json_for_web(f"[\n{rows}\n]\n" if rows else "[]\n")


def data_page(cat: Catalog) -> str:
    parts = ["# Open data\n\n",
             "Every collection as CSV (UTF-8, comma-separated, ISO dates) and JSON, holding "
             "only what this edition publishes, computed as of "
             f"{cat.as_of}. A reference to a record, unit, official or topic that this "
             "edition does not publish is left out: an empty cell, or one id fewer in a "
             "list.\n\n"]
    for name, df in _frames(cat).items():
        # links in HTML: MkDocs checks Markdown links against its files, and a large build
        # has the background worker write these files after MkDocs has its list
        parts.append(f'## {name}\n\n<a href="{name}.csv">{name}.csv</a> · '
                     f'<a href="{name}.json">{name}.json</a> '
                     f"· {len(df)} rows\n\n| column | meaning |\n|---|---|\n")
        for col in df.columns:
            parts.append(f"| `{col}` | {COLUMNS.get(col, '')} |\n")
        parts.append("\n")
    return "".join(parts)


def feeds_page(paths: list[str]) -> str:
    lines = ["# Feeds\n\n", "Atom feeds for feed readers and other systems; iCalendar "
             "files for calendar programs (subscribe to your unit's file to see what it "
             "owes).\n\n"]
    lines.append("<ul>\n")
    for p in sorted(paths):  # links in HTML: see data_page
        name = p.split("/", 1)[1]
        lines.append(f'<li><a href="{name}">{name}</a></li>\n')
    lines.append("</ul>\n")
    return "".join(lines)

