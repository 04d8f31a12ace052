"""Open data: CSV and JSON of every collection, with every column documented.

The frames come from tables.py (the same figures the pages show); COLUMNS is the
documentation the data page prints, in both languages side by side, and a test fails
when a column lacks a line.
"""

from __future__ import annotations

import datetime as dt
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
from .models.duty import Duty, Incident  # issue 16: duty office
from .models.meeting import Meeting
from .models.received import Received
from .models.registry import Official, Unit
from .models.request import Request
from .tables import (
    appraisal_frame,
    appraisal_indicators_frame,
    attachments_frame,
    documents_frame,
    hotline_frame,
    hotline_streets_frame,
    liaison_frame,
    liaison_sessions_frame,
    liaison_units_frame,
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
    "attachments": attachments_frame,  # issue 17
    "received": lambda c: _simple(c, Received, {
        "id": lambda r: r.id, "number": lambda r: r.number,
        "issuer": lambda r: c.shown_id(r.issuer),
        "title": lambda r: r.title, "received": lambda r: r.received,
        "lead": lambda r: c.shown_id(r.handling.lead),
        "implemented_by": lambda r: " ".join(c.shown(r.handling.implemented_by)),
        # issue 16: time limits
        "due_date": lambda r: r.due, "status": lambda r: c.received[r.id].status,
        "days_since_receipt": lambda r: c.received[r.id].days_since_receipt,
        "days_overdue": lambda r: c.received[r.id].days_overdue,
        "instructions": lambda r: len(r.instructions)}),
    "requests": lambda c: _simple(c, Request, {
        "id": lambda r: r.id, "from": lambda r: c.shown_id(r.from_), "kind": lambda r: r.kind,
        "title": lambda r: r.title, "submitted": lambda r: r.submitted,
        "outcome": lambda r: r.decision.outcome if r.decision else None,
        # issue 16: time limits, the approval chain, the meeting
        "number": lambda r: r.number, "due_date": lambda r: c.requests[r.id].due,
        "days_waiting": lambda r: c.requests[r.id].days_waiting,
        "days_overdue": lambda r: c.requests[r.id].days_overdue,
        "status": lambda r: c.requests[r.id].status, "stage": lambda r: c.requests[r.id].stage,
        "approvals": lambda r: len(r.approvals),
        "meeting": lambda r: c.shown_id(r.agenda.meeting) if r.agenda else ""}),
    "meetings": lambda c: _simple(c, Meeting, {
        "id": lambda m: m.id, "kind": lambda m: m.kind, "session": lambda m: m.session,
        "date": lambda m: m.date, "chair": lambda m: c.shown_id(m.chair),
        "decisions": lambda m: len(m.decisions),
        "term": lambda m: m.term,  # issue 16
        "observers": lambda m: " ".join(c.shown(m.observers))}),
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
    # issue 17: suggestions and proposals by session
    "liaison_sessions": liaison_sessions_frame,
    "liaison_units": liaison_units_frame,
    "appraisal": _appraisal,
    "appraisal_indicators": appraisal_indicators_frame,  # issue 17
    "hotline": hotline_frame,
    "hotline_streets": hotline_streets_frame,  # issue 17
    "units": lambda c: _simple(c, Unit, {
        "id": lambda u: u.id, "name": lambda u: u.name, "name_zh": lambda u: u.name_zh,
        "kind": lambda u: u.kind, "status": lambda u: u.status,
        "code": lambda u: u.code}),  # issue 17
    "officials": lambda c: _simple(c, Official, {
        "id": lambda o: o.id, "name": lambda o: o.name, "position": lambda o: o.position,
        "portfolio": lambda o: " ".join(c.shown(o.portfolio))}),
}

# issue 16: duty office
def _duty(cat: Catalog) -> pd.DataFrame:
    rows = [{"date": dt.date.fromisoformat(key), "leader": cat.shown_id(day.leader),
             "officers": " ".join(day.officers), "unit": cat.shown_id(day.unit)}
            for roster in sorted(cat.of(Duty), key=lambda r: r.month)
            for key, day in sorted(roster.days.items())]
    return pd.DataFrame(rows, columns=["date", "leader", "officers", "unit"])


def _incidents(cat: Catalog) -> pd.DataFrame:
    rows = []
    for inc in cat.of(Incident):
        tm = cat.incidents[inc.id]
        rows.append({"id": inc.id, "title": inc.title, "category": inc.category,
                     "level": inc.level, "occurred": inc.occurred,
                     "units": " ".join(cat.shown(inc.units)),
                     "phone_minutes": tm.phone_minutes, "phone_limit": tm.phone_limit,
                     "phone_late": tm.phone_late, "written_minutes": tm.written_minutes,
                     "written_limit": tm.written_limit, "written_late": tm.written_late,
                     "status": tm.status, "closed_at": tm.closed_at,
                     "supervision": " ".join(cat.shown(
                         i.supervision for i in inc.instructions if i.supervision))})
    cols = ["id", "title", "category", "level", "occurred", "units", "phone_minutes",
            "phone_limit", "phone_late", "written_minutes", "written_limit", "written_late",
            "status", "closed_at", "supervision"]
    df = pd.DataFrame(rows, columns=cols)
    # minutes are whole numbers, empty where no such report was made
    for col in ("phone_minutes", "written_minutes"):
        df[col] = df[col].astype("Int64")
    return df


COLLECTIONS.update({"duty": _duty, "incidents": _incidents})  # issue 16: duty office

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
    "session": ("Meetings: number within kind and term (within the year where no term is "
                "given); liaison: the session's key, npc-16-4 (the 4th session of the 16th "
                "Municipal People's Congress) or cppcc-14-4, or npc-2026 where the record "
                "gives only the year.",
                "会议：本届政府同类会议的次序（未注明届次的，为当年次序）；建议提案：所属会议的代码，"
                "如`npc-16-4`（市十六届人大四次会议）、`cppcc-14-4`（市政协十四届四次会议），"
                "记录只写年份的为`npc-2026`。"),
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
    "category": ("Briefings: category; liaison: reply category A, B or C; incidents: "
                 "natural-disaster, accident, public-health or social-security.",
                 "政务信息：类别；建议提案：答复类别A、B或C；突发事件：`natural-disaster`"
                 "（自然灾害）、`accident`（事故灾难）、`public-health`（公共卫生事件）或"
                 "`social-security`（社会安全事件）。"),
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
    "satisfaction_rate": ("Hotline: callers satisfied, percent; liaison: 满意率（含基本满意）, "
                          "satisfied or basically satisfied of the items with feedback (after "
                          "a re-handling, the second reply's), percent.",
                          "接诉即办：满意率（含基本满意，百分比）；建议提案：满意和基本满意件数占"
                          "已反馈件数的百分比（重新办理的以重新答复后的反馈为准）。"),
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
    # issue 16: duty office
    "leader": ("Duty roster: official id of the leader on duty (带班领导).",
               "值班表：带班领导（领导编号）。"),
    "officers": ("Duty roster: the duty officers' names (值班员), separated by spaces.",
                 "值班表：值班员姓名，以空格分隔。"),
    "level": ("Incident level: I, II, III or IV (特别重大, 重大, 较大, 一般).",
              "事件级别：I、II、III或IV（特别重大、重大、较大、一般）。"),
    "occurred": ("When the incident occurred, YYYY-MM-DDTHH:MM, Beijing time.",
                 "事发时间，`YYYY-MM-DDTHH:MM`，北京时间。"),
    "units": ("Ids of the units handling the incident, separated by spaces.",
              "处置单位编号，以空格分隔。"),
    "phone_minutes": ("Minutes from the occurrence to the first phone report; empty if "
                      "none was made.",
                      "事发至首次电话报告的分钟数；未电话报告的为空。"),
    "phone_limit": ("The limit for the phone report at this level, minutes.",
                    "该级别电话报告的时限（分钟）。"),
    "phone_late": ("true when the phone report came after its limit (or none came and "
                   "the limit has passed).",
                   "电话报告超过时限（或未报告且已过时限）时为`true`。"),
    "written_minutes": ("Minutes from the occurrence to the first written report; empty "
                        "if none was made.",
                        "事发至首次书面报告的分钟数；未书面报告的为空。"),
    "written_limit": ("The limit for the written report at this level, minutes.",
                      "该级别书面报告的时限（分钟）。"),
    "written_late": ("true when the written report came after its limit (or none came "
                     "and the limit has passed).",
                     "书面报告超过时限（或未报告且已过时限）时为`true`。"),
    "closed_at": ("When the final report (终报) came; empty while the incident is open.",
                  "终报时间；尚未终报的为空。"),
    "supervision": ("Ids of the supervision items leaders' instructions started, separated "
                    "by spaces.",
                    "领导批示交办的督办事项编号，以空格分隔。"),
    # issue 16: supervision as a process, requests and received documents with time limits
    "sup_number": ("Supervision number (督办编号).",
                   "督办编号。"),
    "cycle": ("Reporting cycle: weekly, fortnightly, monthly (default) or quarterly.",
              "反馈周期：`weekly`（每周）、`fortnightly`（每两周）、`monthly`（每月，默认）"
              "或`quarterly`（每季度）。"),
    "report_due": ("Open items: last day the next progress report is on time (one cycle after "
                   "the latest report, plus 5 days' grace).",
                   "在办事项：下次进展反馈的截止日期（最近一次反馈后一个反馈周期，另加5天宽限期）。"),
    "days_report_late": ("report-late items: days past report_due (working days where the "
                         "office's calendar exists).",
                         "未按期反馈事项：超过反馈截止日期的天数（配置工作日历的，按工作日计算）。"),
    "reminders": ("Number of reminders (催办) sent.",
                  "催办次数。"),
    "closure_requested": ("Date the lead unit asked for closure (销号).",
                          "申请销号日期。"),
    "closure_approved": ("Date the closure was approved: the completion.",
                         "批准销号日期，即办结日期。"),
    "circulars": ("Ids of the circulars (通报) that named the item, separated by spaces.",
                  "通报该事项的文件编号，以空格分隔。"),
    "due_date": ("Requests and received documents: due date (办理时限); a request without "
                 "one is due request_days (15, working days where the calendar exists) after "
                 "submission.",
                 "请示和收文的办理时限；请示未注明的，为报送后第15天（可配置；配置工作日历的，"
                 "按工作日计算）。"),
    "days_since_receipt": ("Days from receipt to implementation, or to the build date while "
                           "awaiting action (working days where the office's calendar "
                           "exists).",
                           "自收文至落实的天数；尚待落实的，计至生成日期（配置工作日历的，"
                           "按工作日计算）。"),
    "days_waiting": ("Days from submission to the decision, or to the build date while "
                     "undecided (working days where the office's calendar exists).",
                     "自报送至审批的天数；尚未审批的，计至生成日期（配置工作日历的，"
                     "按工作日计算）。"),
    "stage": ("Where a request stands: awaiting-review, awaiting-approval, in-approval, "
              "decided.",
              "请示所处环节：`awaiting-review`（待审核）、`awaiting-approval`（待审批）、"
              "`in-approval`（审批中）、`decided`（已审批）。"),
    "approvals": ("Number of sign-offs in the approval chain.",
                  "审批流程中的签批次数。"),
    "term": ("The government's term (届) the meeting is numbered within.",
             "会议所属的政府届次。"),
    "observers": ("Observing unit ids (列席单位), separated by spaces.",
                  "列席单位编号，以空格分隔。"),
    # issue 17: units, liaison by session, hotline streets, appraisal per group
    "session_term": ("Liaison: the term of the session (届), empty where only a year is given.",
                     "建议提案：所属会议的届数，仅写年份的为空。"),
    "session_meeting": ("Liaison: the meeting of the term (次会议).",
                        "建议提案：所属会议为该届第几次会议。"),
    "letter": ("The handling unit's reply letter number (答复函号).",
               "承办单位答复函的文号。"),
    "key_leader": ("Key items: official id of the leader who leads the handling.",
                   "重点建议提案：领办市领导编号。"),
    "contacts": ("Number of contacts with the proposers (meeting, phone, visit).",
                 "与代表委员沟通（见面、电话、走访）的次数。"),
    "contacted": ("true when there was a contact by the day of the first reply (or, with no "
                  "reply yet, so far): what the contact rate counts.",
                  "首次答复前（含当日；尚未答复的，截至目前）是否与代表委员沟通，即沟通率的"
                  "统计口径。"),
    "rehandling_requested": ("Date a re-handling was asked for after dissatisfied feedback.",
                             "不满意后提出重新办理的日期。"),
    "rehandling_reply_date": ("Date of the second reply.", "重新答复日期。"),
    "rehandling_category": ("Category of the second reply, A, B or C.",
                            "重新答复的答复类别A、B或C。"),
    "rehandling_feedback": ("Feedback on the second reply.", "对重新答复的反馈意见。"),
    "items": ("Number of items.", "件数。"),
    "replied": ("Items replied to.", "已答复件数。"),
    "reply_rate": ("办复率: items replied to, of all items, percent.",
                   "办复率：已答复件数占全部件数的百分比。"),
    "on_time_rate": ("按期办复率: first replies by the due date, of the items replied to or "
                     "past due, percent.",
                     "按期办复率：按期首次答复件数占已答复或已到期件数的百分比。"),
    "contact_rate": ("沟通率: items with a contact by the first reply, of all items, percent.",
                     "沟通率：首次答复前与代表委员沟通的件数占全部件数的百分比。"),
    "A": ("Share of category A among the replies (the reply that stands), percent.",
          "A类答复占已答复件数的百分比（重新办理的以重新答复为准）。"),
    "B": ("Share of category B among the replies, percent.", "B类答复占已答复件数的百分比。"),
    "C": ("Share of category C among the replies, percent.", "C类答复占已答复件数的百分比。"),
    "key_items": ("Number of key items (重点建议提案).", "重点建议提案件数。"),
    "rehandled": ("Items handled again after dissatisfied feedback.",
                  "不满意后重新办理的件数。"),
    "street": ("Street or township (街乡镇), by name.", "街乡镇名称。"),
    "district": ("Unit id of the district (or development zone) of the street.",
                 "街乡镇所属区（或经开区）的单位编号。"),
    "rank_from_bottom": ("1 + the streets of the month with a lower composite: the bottom "
                         "ten are those with 10 or less (ties all listed).",
                         "倒数排名：当月考评得分低于该街乡镇的数量加1；后十名为倒数排名10以内的"
                         "街乡镇（并列的全部列入）。"),
    "special_treatment": ("true when the street is on the month's special-treatment list "
                          "(治理类街乡镇).", "是否列入当月治理类街乡镇。"),
    "indicator": ("Appraisal: indicator id (within the year and group).",
                  "考评指标编号（在年度和组别内唯一）。"),
    "weight": ("Appraisal: the indicator's weight in its group, percent.",
               "考评指标在本组中的权重（百分比）。"),
    "definition": ("Appraisal: what the indicator measures and how it is scored.",
                   "考评指标说明：考评内容和评分方法。"),
    "code": ("Unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters.",
             "统一社会信用代码（GB 32100-2015），18位。"),
    # issue 17: documents and the normative register
    "index_no": ("Index number in the disclosure catalogue (索引号).", "索引号。"),
    "topics": ("Topic ids, separated by spaces.", "主题分类编号，以空格分隔。"),
    "drafter": ("Drafting unit id (起草单位; answers for the evaluation of a normative "
                "document).", "起草单位编号（规范性文件的评估责任单位）。"),
    "disclosure": ("Disclosure status (公开属性): active, on-request or not-disclosed.",
                   "公开属性：`active`（主动公开）、`on-request`（依申请公开）或"
                   "`not-disclosed`（不予公开）。"),
    "printed_by": ("Printing organ id (印发机关).", "印发机关编号。"),
    "printed_date": ("Printing date (印发日期).", "印发日期。"),
    "effective": ("Normative documents: first day in force.", "规范性文件：施行日期。"),
    "repealed_on": ("Normative documents: repeal date (废止日期), the day the repealing "
                    "document takes effect (else its publication or written date).",
                    "规范性文件：废止日期，即废止文件的施行日期（无施行日期的，取发布日期或"
                    "成文日期）。"),
    "provisional": ("Normative documents: provisional (暂行/试行), valid two years by "
                    "default.", "规范性文件：是否为暂行/试行（默认有效期2年）。"),
    "registration": ("Normative documents: registration number (统一登记号).",
                     "规范性文件：统一登记号。"),
    "legality_review_date": ("Normative documents: date of the legality review.",
                             "规范性文件：合法性审核日期。"),
    "legality_review_by": ("Normative documents: unit id that reviewed legality.",
                           "规范性文件：合法性审核单位编号。"),
    "filing_date": ("Normative documents: filing date (备案).", "规范性文件：备案日期。"),
    "filing_number": ("Normative documents: filing number.", "规范性文件：备案号。"),
    "interpretation": ("Whether the document has a policy interpretation (its own text or a "
                       "document that interprets it).",
                       "是否有政策解读（本文件所附解读或专门的解读文件）。"),
    "attachments": ("Number of attachments the document lists (附件), with a file or not "
                    "(see attachments.csv).",
                    "公文所列附件数，含未随文公开的（见下文“附件”数据表）。"),
    "document": ("Document id.", "公文系统编号。"),
    "attachment_no": ("Attachment number within the document (附件1, 2, ...).",
                      "附件序号（附件1、2……）。"),
    "file": ("Path of the file in the site; empty for an attachment not published with "
             "the document.", "文件在网站中的路径；未随文公开的附件为空。"),
    "format": ("PDF, OFD, Word or Excel (else the file's extension).",
               "文件格式：PDF、OFD、Word或Excel（其他为扩展名）。"),
    "bytes": ("Size of the file in bytes.", "文件大小（字节）。"),
    "sha256": ("SHA-256 of the file, to check a download.", "文件的SHA-256校验值。"),
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
    # one row per line: readable, and json's C encoder (indent= takes the pure-Python one)
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

