"""Open data: CSV and JSON of every collection, with every column documented.

The frames come from tables.py (the same figures the pages show); COLUMNS is the
documentation the data page prints, in both languages side by side, and a test fails
when a column lacks a line.
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
from .labels import in_language, labels, long_date
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

COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("Record id (stable; also the last part of the record's URL).",
           "系统编号（不变，也是记录页面网址的最后一段）。"),
    "number": ("Document number as issued (发文字号), or the liaison item's number.",
               "发文字号，或建议（提案）号。"),
    "type": ("Document type, one of the 15 official types.",
             "文种，15种法定公文之一。"),
    "title": ("Title.",
              "标题。"),
    "issuer": ("Issuing unit id (the first, leading issuer).",
               "发文机关编号（第一个，即主办机关）。"),
    "issuers": ("All issuing unit ids, separated by spaces.",
                "全部发文机关编号，以空格分隔。"),
    "written": ("Written date (成文日期), YYYY-MM-DD.",
                "成文日期，YYYY-MM-DD。"),
    "published": ("Publication date.",
                  "发布日期。"),
    "urgency": ("normal, urgent or extra-urgent.",
                "紧急程度：`normal`（普通）、`urgent`（加急）或`extra-urgent`（特急）。"),
    "validity": ("Normative documents: in-force, expiring, expired, amended, repealed or "
                 "not-yet-effective, as of the build date; empty for other documents.",
                 "规范性文件的有效性（截至生成日期）：`in-force`、`expiring`、`expired`、"
                 "`amended`、`repealed`或`not-yet-effective`；其他公文为空。"),
    "expires": ("Normative documents: last day in force.",
                "规范性文件：有效期的最后一天。"),
    "received": ("Date received.",
                 "收文日期。"),
    "lead": ("Lead unit id.",
             "牵头（主办）单位编号。"),
    "implemented_by": ("Ids of the local documents implementing it, separated by spaces.",
                       "贯彻落实该文件的本市文件编号，以空格分隔。"),
    "from": ("Submitting unit id.",
             "报送单位编号。"),
    "kind": ("Kind of record (see the record reference).",
             "类型（见记录字段说明）。"),
    "submitted": ("Date submitted.",
                  "报送日期。"),
    "outcome": ("Decision outcome, empty while pending.",
                "审批结果，尚未审批时为空。"),
    "session": ("Meetings: number within kind and year; liaison: year of the session.",
                "会议：当年同类会议的次序；建议提案：会议年度。"),
    "date": ("Date.",
             "日期。"),
    "chair": ("Official id of the chair.",
              "主持人（领导编号）。"),
    "decisions": ("Number of decisions taken.",
                  "议定事项数。"),
    "meeting": ("Meeting id.",
                "会议编号。"),
    "meeting_date": ("Date of the meeting.",
                     "会议日期。"),
    "text": ("Text of the decision.",
             "议定事项内容。"),
    "support": ("Supporting unit ids, separated by spaces.",
                "协办（会办）单位编号，以空格分隔。"),
    "deadline": ("Deadline.",
                 "完成时限。"),
    "officials": ("Official ids, separated by spaces.",
                  "领导编号，以空格分隔。"),
    "source": ("Source kind or unit.",
               "来源类型或单位。"),
    "assigned": ("Date assigned.",
                 "交办日期。"),
    "state": ("State as recorded: open, completed, suspended.",
              "登记的办理状态：`open`、`completed`、`suspended`。"),
    "status": ("Computed status as of the build date (see How to read the portal).",
               "截至生成日期计算的状态（见阅读说明）。"),
    "percent": ("Latest reported progress, percent.",
                "最近一次反馈的进度（百分比）。"),
    "days_to_deadline": ("Days from the build date to the deadline (negative when past).",
                         "生成日期距完成时限的天数（已过期为负数）。"),
    "days_overdue": ("Days overdue (open items) or completed after the deadline.",
                     "逾期天数（在办事项），或超过完成时限办结的天数。"),
    "last_report": ("Date of the latest progress report.",
                    "最近一次进展反馈的日期。"),
    "category": ("Briefings: category; liaison: reply category A, B or C.",
                 "政务信息：类别；建议提案：答复类别A、B或C。"),
    "instructions": ("Number of leaders' instructions.",
                     "领导批示数。"),
    "proposers": ("Proposers.",
                  "领衔代表或提案人。"),
    "due": ("Reply due date (received + 3 months by default).",
            "办理时限（默认为交办后3个月）。"),
    "reply_date": ("Date of the reply.",
                   "答复日期。"),
    "feedback": ("Proposers' feedback.",
                 "代表委员反馈意见。"),
    "year": ("Appraisal year.",
             "考评年度。"),
    "unit": ("Unit id.",
             "单位编号。"),
    "group": ("district or agency.",
              "组别：`district`（区政府）或`agency`（市级行政机关）。"),
    "weighted": ("Weighted score before adjustments.",
                 "加减分前的加权得分。"),
    "adjustment": ("Adjustment points.",
                   "加减分。"),
    "total": ("Weighted score plus adjustments.",
              "考评得分（加权得分加减分）。"),
    "rank": ("Rank within the group or month.",
             "组内或当月排名。"),
    "grade": ("excellent, good, fair or poor.",
              "等次：`excellent`、`good`、`fair`或`poor`。"),
    "previous_total": ("Last year's total.",
                       "上年考评得分。"),
    "change": ("Total minus last year's total.",
               "与上年考评得分之差。"),
    "previous_rank": ("Last year's rank.",
                      "上年排名。"),
    "month": ("Month, YYYY-MM.",
              "月份，YYYY-MM。"),
    "calls": ("Calls received.",
              "诉求量。"),
    "response_rate": ("Response rate, percent.",
                      "响应率（百分比）。"),
    "resolution_rate": ("Resolution rate, percent.",
                        "解决率（百分比）。"),
    "satisfaction_rate": ("Satisfaction rate, percent.",
                          "满意率（含基本满意，百分比）。"),
    "composite": ("0.10 × response + 0.45 × resolution + 0.45 × satisfaction.",
                  "0.10 × 响应率 + 0.45 × 解决率 + 0.45 × 满意率。"),
    "name": ("Name.",
             "名称（英文）。"),
    "name_zh": ("Chinese name.",
                "中文名称。"),
    "position": ("Position.",
                 "职务。"),
    "portfolio": ("Unit ids in the official's charge, separated by spaces.",
                  "分管单位编号，以空格分隔。"),
}
"""What each column of the open data means: English, Chinese (each edition's data page)."""


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
            meaning = in_language(COLUMNS[col], locale) if col in COLUMNS else ""
            parts.append(f"| `{col}` | {meaning} |\n")
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

