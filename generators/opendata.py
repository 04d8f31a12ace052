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
from .labels import labels, long_date
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


COLUMNS_ZH: dict[str, str] = {
    "id": "系统编号（不变，也是记录页面网址的最后一段）。",
    "number": "发文字号，或建议（提案）号。",
    "type": "文种，15种法定公文之一。",
    "title": "标题。", "issuer": "发文机关编号（第一个，即主办机关）。",
    "issuers": "全部发文机关编号，以空格分隔。",
    "written": "成文日期，YYYY-MM-DD。", "published": "发布日期。",
    "urgency": "紧急程度：`normal`（普通）、`urgent`（加急）或`extra-urgent`（特急）。",
    "validity": "规范性文件的有效性（截至生成日期）：`in-force`、`expiring`、`expired`、`amended`、"
                "`repealed`或`not-yet-effective`；其他公文为空。",
    "expires": "规范性文件：有效期的最后一天。",
    "received": "收文日期。", "lead": "牵头（主办）单位编号。",
    "implemented_by": "贯彻落实该文件的本市文件编号，以空格分隔。",
    "from": "报送单位编号。", "kind": "类型（见记录字段说明）。",
    "submitted": "报送日期。", "outcome": "审批结果，尚未审批时为空。",
    "session": "会议：当年同类会议的次序；建议提案：会议年度。",
    "date": "日期。", "chair": "主持人（领导编号）。",
    "decisions": "议定事项数。", "meeting": "会议编号。",
    "meeting_date": "会议日期。", "text": "议定事项内容。",
    "support": "协办（会办）单位编号，以空格分隔。", "deadline": "完成时限。",
    "officials": "领导编号，以空格分隔。", "source": "来源类型或单位。",
    "assigned": "交办日期。", "state": "登记的办理状态：`open`、`completed`、`suspended`。",
    "status": "截至生成日期计算的状态（见阅读说明）。",
    "percent": "最近一次反馈的进度（百分比）。",
    "days_to_deadline": "生成日期距完成时限的天数（已过期为负数）。",
    "days_overdue": "逾期天数（在办事项），或超过完成时限办结的天数。",
    "last_report": "最近一次进展反馈的日期。",
    "category": "政务信息：类别；建议提案：答复类别A、B或C。",
    "instructions": "领导批示数。",
    "proposers": "领衔代表或提案人。", "due": "办理时限（默认为交办后3个月）。",
    "reply_date": "答复日期。", "feedback": "代表委员反馈意见。",
    "year": "考评年度。", "unit": "单位编号。",
    "group": "组别：`district`（区政府）或`agency`（市级行政机关）。",
    "weighted": "加减分前的加权得分。", "adjustment": "加减分。",
    "total": "考评得分（加权得分加减分）。", "rank": "组内或当月排名。",
    "grade": "等次：`excellent`、`good`、`fair`或`poor`。", "previous_total": "上年考评得分。",
    "change": "与上年考评得分之差。", "previous_rank": "上年排名。",
    "month": "月份，YYYY-MM。", "calls": "诉求量。",
    "response_rate": "响应率（百分比）。", "resolution_rate": "解决率（百分比）。",
    "satisfaction_rate": "满意率（含基本满意，百分比）。",
    "composite": "0.10 × 响应率 + 0.45 × 解决率 + 0.45 × 满意率。",
    "name": "名称（英文）。", "name_zh": "中文名称。", "position": "职务。",
    "portfolio": "分管单位编号，以空格分隔。",
}
"""COLUMNS in Chinese, for the Chinese edition's data page."""


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


def data_page(cat: Catalog, locale: str = "en") -> str:
    t = labels(locale)
    meanings = COLUMNS_ZH if locale == "zh" else COLUMNS
    parts = [f"# {t('data_title')}\n\n",
             t("data_intro", d=long_date(cat.as_of, locale)) + "\n\n"]
    for name, df in _frames(cat).items():
        # links in HTML: MkDocs checks Markdown links against its files, and a large build
        # has the background worker write these files after MkDocs has its list
        parts.append(f'## {t(name)}\n\n<a href="{name}.csv"><code>{name}.csv</code></a> · '
                     f'<a href="{name}.json"><code>{name}.json</code></a> '
                     f"· {t('n_rows', n=len(df))}\n\n"
                     f"| {t('column')} | {t('meaning')} |\n|---|---|\n")
        for col in df.columns:
            parts.append(f"| `{col}` | {meanings.get(col, '')} |\n")
        parts.append("\n")
    return "".join(parts)


def feeds_page(paths: list[str], locale: str = "en") -> str:
    t = labels(locale)
    lines = [f"# {t('feeds_title')}\n\n", t("feeds_intro") + "\n\n"]
    lines.append("<ul>\n")
    for p in sorted(paths):  # links in HTML: see data_page
        name = p.split("/", 1)[1]
        lines.append(f'<li><a href="{name}"><code>{name}</code></a></li>\n')
    lines.append("</ul>\n")
    return "".join(lines)

