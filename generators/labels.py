"""Interface labels in English and Chinese: everything the generators write.

Enum values of the records contract are translated here too, so that a page
never shows a raw value such as ``approved-in-principle`` to staff.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from babel.dates import format_date, format_skeleton, get_day_names
from babel.numbers import format_decimal

Locale = str
_L: dict[str, tuple[str, str]] = {
    # portal sections
    "home": ("Home", "首页"), "documents": ("Documents", "公文"),
    "normative": ("Normative register", "规范性文件库"), "received": ("Received documents", "收文"),
    "requests": ("Requests", "请示（商洽）事项"), "meetings": ("Meetings", "政府会议"),
    "calendar": ("Calendar", "日程"), "activities": ("Activities", "政务活动"),
    "supervision": ("Supervision", "督查督办"), "appraisal": ("Appraisal", "绩效考评"),
    "information": ("Information", "政务信息"), "briefings": ("Briefings", "信息专报"),
    "hotline": ("12345 hotline", "接诉即办"), "liaison": ("Deputies and members", "建议提案"),
    "units": ("Units", "单位"), "officials": ("Officials", "领导"),
    "reference": ("Record reference", "记录字段说明"), "errors": ("Error catalogue", "错误代码表"),
    # fields
    "id": ("Id", "系统编号"), "number": ("Document number", "发文字号"), "type": ("Type", "文种"),
    "issuers": ("Issuing organ", "发文机关"), "signatory": ("Signatory", "签发人"),
    "title": ("Title", "标题"), "recipients": ("Main recipients", "主送机关"),
    "cc": ("Copied to", "抄送机关"), "written": ("Written", "成文日期"),
    "published": ("Published", "发布日期"), "urgency": ("Urgency", "紧急程度"),
    "validity": ("Validity", "有效性"), "effective": ("In force from", "施行日期"),
    "expires": ("In force until", "有效期至"), "topics": ("Topics", "主题分类"),
    "classification": ("Access", "知悉范围"), "summary": ("Summary", "摘要"),
    "body": ("Text", "正文"), "interpretation": ("Policy interpretation", "政策解读"),
    "attachments": ("Attachments", "附件"), "relations": ("Relation", "关联关系"),
    "referenced_by": ("Referred to by", "被引用"), "issuer": ("Issuer", "发文机关"),
    "handling": ("Handling", "办理情况"), "lead": ("Lead unit", "牵头单位"),
    "liaison_lead": ("Lead unit", "主办单位"), "liaison_support": ("Supporting units", "会办单位"),
    "support": ("Supporting units", "协办单位"), "steps": ("Steps", "办理步骤"),
    "implemented_by": ("Implemented by", "贯彻落实文件"), "date": ("Date", "日期"),
    "action": ("Action", "环节"), "note": ("Note", "备注"), "from": ("From", "报送单位"),
    "kind": ("Kind", "类型"), "record_type": ("Type", "类型"),
    "received_date": ("Received", "收文日期"), "submitted": ("Submitted", "报送日期"),
    "review": ("Review", "审核意见"), "reviewed_by": ("Reviewed by", "审核单位"),
    "decision_h": ("Decision", "领导审批"), "decided_by": ("Decided by", "审批领导"),
    "recommendation": ("Recommendation", "拟办意见"), "outcome": ("Outcome", "结果"),
    "reply_document": ("Reply document", "答复函"),
    "instructed_by": ("Instruction by", "批示领导"),
    "instruction_text": ("Instruction", "批示内容"),
    "session": ("No.", "次序"), "nth": ("no. {n}", "第{n}次"),
    "liaison_session": ("Session", "所属会议"), "chair": ("Chair", "主持人"),
    "attendees": ("Attendees", "出席领导"), "agenda": ("Agenda", "议题"),
    "decisions": ("Decisions", "议定事项"), "deadline": ("Deadline", "完成时限"),
    "minutes": ("Minutes", "会议纪要"), "location": ("Location", "地点"),
    "presenter": ("Presented by", "汇报单位"), "time": ("Time", "时间"),
    "source": ("Source", "来源"), "assigned_on": ("Assigned", "交办日期"),
    "state": ("State", "状态"), "status": ("Status", "状态"), "progress": ("Progress", "进度"),
    "updates": ("Progress reports", "进展反馈"), "milestones": ("Milestones", "工作节点"),
    "milestone": ("Milestone", "节点"),
    "planned_on": ("Planned", "计划时间"), "done": ("Done", "完成时间"),
    "completed_on": ("Completed", "办结日期"), "verified_by": ("Verified by", "办结核验"),
    "difficulties": ("Difficulties", "困难问题"), "next_steps": ("Next steps", "下步计划"),
    "days": ("Days", "天数"),
    "days_left_n": ("Days left (negative: overdue)", "剩余天数（负数为已逾期）"),
    "category": ("Category", "类别"),
    "reply_category": ("Reply category", "答复类别"),
    "instructions": ("Leaders' instructions", "领导批示"),
    "proposers": ("Proposers", "领衔代表（提案人）"),
    "proposers_npc": ("Lead deputy", "领衔代表"), "proposers_cppcc": ("Proposer", "提案人"),
    "liaison_number": ("Number", "建议（提案）号"),
    "suggestion_number": ("Suggestion no.", "建议号"),
    "proposal_number": ("Proposal no.", "提案号"),
    "liaison_no": ("{n}", "第{n}号"),
    "due": ("Reply due", "办理时限"), "reply": ("Reply", "答复"),
    "feedback": ("Feedback", "代表委员反馈"), "disclosure": ("Disclosure", "公开方式"),
    "rank": ("Rank", "排名"), "grade": ("Grade", "等次"), "total": ("Total", "合计"),
    "total_score": ("Score", "考评得分"),
    "weighted": ("Weighted score", "加权得分"), "adjustment": ("Adjustment", "加减分"),
    "change": ("Change", "变化"), "group": ("Group", "组别"), "weight": ("Weight", "权重"),
    "indicator": ("Indicator", "指标"), "score": ("Score", "得分"), "month": ("Month", "月份"),
    "calls": ("Requests received", "诉求量"), "response_rate": ("Response rate", "响应率"),
    "resolution_rate": ("Resolution rate", "解决率"),
    "satisfaction_rate": ("Satisfaction rate", "满意率（含基本满意）"),
    "composite": ("Composite score", "考评得分"), "name": ("Name", "名称"),
    "position": ("Position", "职务"), "portfolio": ("Portfolio", "分管"),
    "parent": ("Parent", "上级"), "year": ("Year", "年度"),
    "count": ("Count", "数量"), "unit": ("Unit", "单位"), "official": ("Official", "分管市领导"),
    "reply_rate": ("Reply rate", "办复率"), "on_time_rate": ("On-time reply rate", "按期办复率"),
    "total_items": ("Items", "件数"), "replied": ("Replied", "已答复"),
    "share": ("Share", "占比"), "all": ("All", "全部"), "filter": ("Filter", "筛选"),
    "not_published": ("(not published)", "（未公开）"), "none": ("None.", "无。"),
    "data_table": ("Data", "数据表"), "chart": ("Chart", "图表"),
    "latest": ("Latest", "最新"), "upcoming": ("Upcoming", "近期安排"),
    "due_soon": ("Deadlines within 14 days", "14天内到期"),
    "latest_documents": ("Latest documents", "最新公文"),
    "expiring_soon": ("Normative documents expiring soon", "即将到期的规范性文件"),
    "as_of": ("Figures as of", "数据截至"),
    "illustrative": ("The records of this portal are illustrative sample data.",
                     "本门户所载记录为示例数据。"),
    "by_unit": ("By unit", "按单位"), "by_type": ("By type", "按类型"),
    "by_issuer": ("By issuer", "按发文机关"), "by_year": ("By year", "按年度"),
    "by_session": ("By session", "按会议"),
    "grade_distribution": ("Grade distribution", "等次分布"),
    "scorecards": ("Scorecards", "单位得分"), "ranking": ("Ranking", "排名"),
    "trend": ("Monthly trend", "月度趋势"), "what": ("What", "事项"),
    "owes": ("Open supervision items", "未办结督办事项"),
    "issued": ("Documents issued", "本单位发文"),
    "addressed": ("Documents addressed to it", "主送本单位公文"),
    "led_decisions": ("Meeting decisions it leads", "牵头的会议议定事项"),
    "history": ("Appraisal history", "考评历史"), "chaired": ("Meetings chaired", "主持会议"),
    "signed": ("Documents signed", "签发文件"), "decided": ("Requests decided", "审批的请示"),
    "verified": ("Supervision items verified", "审核销号事项"),
    "previous_year": ("Last year", "上年"),
    "items": ("Items", "督办事项"),
    "cat-A": ("A", "A类"), "cat-B": ("B", "B类"), "cat-C": ("C", "C类"),
    "ranking_of": ("Ranking {month}", "{month}排名"),
    "previous_result": ("{total} (#{rank})", "{total}（第{rank}名）"),
    "repealed_by": ("Repealed by", "废止文件"), "amended_by": ("Amended by", "修改文件"),
    "reply_withheld": ("The reply is not disclosed.", "答复内容不予公开。"),
    "days_overdue": ("Overdue by {n} days", "已逾期{n}天"),
    "days_late": ("Completed {n} days after the deadline", "超期{n}天办结"),
    "days_left": ("{n} days left", "剩余{n}天"),
    "expires_in": ("Expires in {n} days, on {d}", "将于{d}到期（剩余{n}天）"),
    "expired_on": ("Expired on {d}", "已于{d}失效"),
    "repealed_banner": ("Repealed", "已废止"), "amended_banner": ("Amended", "已修改"),
    "not_yet_banner": ("Not yet in force: takes effect on {d}", "尚未施行：自{d}起施行"),
    "at_risk_banner": ("At risk", "临期预警"),
    "risk_deadline": ("deadline in {n} days at {p} %", "距完成时限{n}天，进度{p}%"),
    "risk_quiet": ("no progress report for {n} days", "未按期反馈（{n}天未报送进展）"),
    "list_sep": ("; ", "；"),
    "reply_late_banner": ("Replied {n} days after the due date", "超期{n}天答复"),
    "reply_overdue_banner": ("No reply: overdue by {n} days", "未答复，已逾期{n}天"),
    "closed_banner": ("Closed on {d} ({r})", "已于{d}撤销（{r}）"),
    "replaced_by": ("Replaced by", "职责承接单位"),
    "search_hint": ("Type to filter", "输入以筛选"),
    "showing": ("Showing {n} of {total}.", "显示{total}条中的{n}条。"),
    "see_all": ("See all", "查看全部"),
    "page_only": ("{n} rows a page: sorting and filters apply to this page; search finds "
                  "any record.", "每页{n}行：排序和筛选仅作用于本页；搜索可查找全部记录。"),
    "rows": ("rows", "行"), "pages": ("Pages", "分页"), "sort": ("Sort", "排序"),
    "record_count": ("{n} records", "共{n}条"),
    "open_data": ("Data", "数据"),
    "last_changed": ("Last changed", "最近修改"), "change_history": ("Change history", "修改记录"),
    "commit": ("Commit", "提交编号"),
    "what_changed": ("What changed in this edition", "本期变化"), "edition": ("Edition", "版本"),
    "first_edition": ("This is the first edition: there is no previous one to compare with.",
                      "这是第一版，没有可比较的上一版。"),
    "previous_edition": ("Previous edition", "上一版"), "added": ("Added", "新增"),
    "changed": ("Changed", "修改"), "removed": ("Removed", "删除"),
    "status_changed": ("Supervision items whose status changed", "状态变化的督办事项"),
    "search": ("Search", "搜索"), "about": ("About", "关于"),
    "home_title": ("General Office Portal", "市政府办公厅工作门户"),
    "illustrative_title": ("Illustrative data", "示例数据"),
    "rt-unit": ("Unit", "单位"), "rt-official": ("Official", "领导"), "rt-topic": ("Topic", "主题"),
    "rt-document": ("Document", "公文"), "rt-received": ("Received document", "收文"),
    "rt-request": ("Request", "请示"), "rt-meeting": ("Meeting", "会议"),
    "rt-activity": ("Activity", "活动"), "rt-supervision": ("Supervision item", "督办事项"),
    "rt-briefing": ("Briefing", "信息专报"), "rt-liaison": ("Suggestion or proposal", "建议提案"),
    "rt-appraisal": ("Appraisal year", "考评年度"), "rt-hotline": ("Hotline month", "热线月度"),
    # the site's frame: name, description, footer, 404 (plugin.py, theme/404.html)
    "site_description": ("Documents, meetings, supervision, appraisal, information and liaison "
                         "of the General Office",
                         "办公厅公文、会议、督查督办、绩效考评、政务信息和建议提案办理"),
    "copyright": ("General Office of the Municipal Government · intranet edition",
                  "市政府办公厅 · 内网版"),
    "not_found_title": ("Page not found", "页面未找到"),
    "not_found_text": ("There is no page at this address. The search and the navigation find "
                       "every published record.",
                       "此地址没有页面。请通过搜索或导航查找已发布的记录。"),
    "reply_to": ("Reply: {title}", "答复：{title}"),
    "deadline_of": ("Deadline: {title}", "完成时限：{title}"),
    "feed_documents": ("Documents", "公文"),
    "feed_issuer": ("Documents issued by {name}", "{name}发文"),
    "feed_type": ("Documents: {kind}", "公文：{kind}"),
    "feed_replies": ("Replies to deputies and members", "建议提案答复"),
    "calendar_name": ("General Office calendar", "办公厅日程"),
    "calendar_of": ("General Office calendar: {name}", "办公厅日程：{name}"),
    # navigation of the hand-written and generated pages (plugin.NAV_KEYS)
    "data_title": ("Open data", "开放数据"), "feeds_title": ("Feeds", "订阅源"),
    "about_title": ("About this portal", "关于本门户"),
    "reading_title": ("How to read the portal", "阅读说明"),
    "search_title": ("Search", "搜索"),
    # open data and feeds pages (opendata.py)
    "data_intro": ("Every collection as CSV (UTF-8, comma-separated, ISO dates) and JSON, "
                   "holding only what this edition publishes, computed as of {d}. A reference "
                   "to a record, unit, official or topic that this edition does not publish is "
                   "left out: an empty cell, or one id fewer in a list.",
                   "各类记录均提供CSV（UTF-8编码、逗号分隔、ISO日期）和JSON两种格式，仅含本版发布的"
                   "内容，数据截至{d}。本版未发布的记录、单位、领导或主题不予列出：单元格留空，"
                   "或列表中少列一项。"),
    "column": ("Column", "字段"), "meaning": ("Meaning", "含义"),
    "n_rows": ("{n} rows", "{n}行"),
    "feeds_intro": ("Atom feeds for feed readers and other systems; iCalendar files for "
                    "calendar programs (subscribe to your unit's file to see what it owes).",
                    "Atom订阅源供阅读器和其他系统使用；iCalendar日历文件供日历软件订阅"
                    "（订阅本单位的文件，可查看本单位的待办事项）。"),
    # record reference and error catalogue (pages/reference.py)
    "ref_intro": ("Generated from the models that `portal validate` enforces. Every record has "
                  "`classification` (public, internal, restricted; default internal) and "
                  "optional `topics`. Dates are `YYYY-MM-DD`; quote numbers that are text "
                  "(`\"0123\"`) and times (`\"09:30\"`).",
                  "本页由`portal validate`所执行的数据模型生成。每条记录都有`classification`"
                  "（知悉范围：`public`公开、`internal`内部、`restricted`限定范围，默认为"
                  "`internal`）和可选的`topics`（主题分类）。日期写作`YYYY-MM-DD`；文本形式的编号（`\"0123\"`）和"
                  "时间（`\"09:30\"`）须加引号。"),
    "ref_file": ("File", "文件位置"), "ref_field": ("Field", "字段"),
    "ref_required": ("Required", "必填"), "ref_type": ("Type", "类型"),
    "yes": ("yes", "是"),
    "ref_example": ("Example (what `portal new {rtype}` writes):",
                    "示例（`portal new {rtype}`生成的内容）："),
    "err_intro": ("Every problem `portal validate` reports, as `path:line:col: CODE message "
                  "(hint)`. Codes are stable: CI annotations and scripts may rely on them. "
                  "Warnings fail a run only with `--strict`.",
                  "`portal validate`报告的全部问题，格式为`路径:行:列: 代码 说明（提示）`。"
                  "代码保持不变，持续集成和脚本可以依据代码处理。警告仅在使用`--strict`时导致"
                  "检查不通过。"),
    "err_when": ("When", "触发条件"), "err_fix": ("Fix", "处理方法"),
    "errgroup-YAML": ("YAML", "YAML格式"), "errgroup-Schema": ("Schema", "字段与取值"),
    "errgroup-Identity": ("Identity", "编号与文件名"),
    "errgroup-References": ("References", "引用"), "errgroup-Dates": ("Dates", "日期"),
    "errgroup-Safety": ("Safety", "安全"),
    "error": ("error", "错误"), "warning": ("warning", "警告"),
    "appraisal_title": ("Performance appraisal {year}", "{year}年度绩效考评"),
    "hotline_title": ("12345 hotline {month}", "接诉即办 {month}"),
    "unit_officials": ("Officials in charge", "分管市领导"),
    "other_name": ("Chinese name", "英文名称"), "official_title": ("Title", "英文职务"),
    "term_from": ("In office from", "任职日期"), "term_to": ("In office until", "离任日期"),
    "meeting_title": ("{kind} meeting no. {n}, {year}", "市政府第{n}次{kind}"),
    # issue 14 point 3: the lines portal build and serve print around the problems
    "val_nothing_built": ("Nothing was built: fix the records above.",
                          "未生成门户：请先改正上面列出的问题。"),
    # portal build's last line, in the edition's language as its problems are
    "build_done": ("Portal built in {path}", "门户已生成：{path}"),
    "of_which": (" (of which {what})", "（其中{what}）"),  # portal stats: a flag of a state
    "build_failed": ("Build failed, the previous site is untouched: {why}",
                     "生成失败，原有网站未改动：{why}"),
    "build_interrupted": ("Build interrupted, the previous site is untouched.",
                          "生成已中断，原有网站未改动。"),
    # portal serve's own lines, in the edition's language as its problems
    "serve_building": ("Building the preview...", "正在生成预览……"),
    "serve_url": ("Serving on {url} (Ctrl+C stops)", "预览地址：{url}（按Ctrl+C停止）"),
    "serve_built": ("Built in {s} s", "已生成，用时{s}秒"),
    "serve_stopped": ("Stopped.", "已停止。"),
    "serve_failed": ("The build failed", "生成失败"),
    "serve_failed_why": ("The build failed: {why}", "生成失败：{why}"),
    "serve_nothing_built": ("Portal preview: nothing built", "门户预览：未生成"),
    "serve_reloads": ("This page reloads by itself once they are fixed.",
                      "问题改正后，本页自动刷新。"),
    "serve_bug": ("The build failed (a bug of the portal)", "生成失败（门户程序出错）"),
    "serve_builder_died": ("The preview's build process ended; building in this process "
                           "from now on, more slowly",
                           "预览的生成进程意外退出，此后在本进程中生成，速度较慢"),
    "val_serve_nothing": ("Nothing was built: the browser shows these problems until they "
                          "are fixed.", "未生成门户：问题改正之前，浏览器显示这些问题。"),
    "val_problems": ("Problems in the records: {n}", "记录中有{n}个问题"),
    "val_nothing_published": ("Nothing was published: fix the records above.",
                              "未发布：请先改正上面列出的问题。"),
    # issue 16: the leaders' desk (pages/desk.py, assets/desk.js)
    "desk_title": ("Leaders' desk", "领导工作台"),
    "desk_scope": ("Show the desk of", "查看范围"),
    "desk_all": ("The whole office", "全部"),
    "desk_officials": ("Municipal leaders (their portfolios)", "市领导（分管单位）"),
    "desk_unit_page": ("Unit page: {name}", "单位页面：{name}"),
    "desk_official_page": ("Official's page: {name}", "领导页面：{name}"),
    "desk_failed": ("This desk could not be loaded: the whole office's desk is shown.",
                    "未能加载所选范围，显示全部待办事项。"),
    "desk_requests": ("Requests awaiting decision", "待决定的请示"),
    "desk_received": ("State Council documents awaiting action", "待落实的国务院来文"),
    "desk_supervision": ("Supervision items overdue", "逾期督办事项"),
    "desk_liaison": ("Suggestions and proposals overdue", "逾期未答复的建议提案"),
    "desk_meeting": ("Next executive meeting", "下次常务会议"),
    "desk_hotline": ("12345 hotline: top and bottom districts", "接诉即办：排名前列和靠后的区"),
    "desk_hotline_of": ("12345 hotline, {month}: top and bottom districts",
                        "接诉即办（{month}）：排名前列和靠后的区"),
    "desk_hotline_places": ("12345 hotline, {month}: places in the ranking",
                            "接诉即办（{month}）：排名情况"),
    "desk_see_all": ("All {n}", "查看全部（{n}件）"),
    "decision_of": ("{meeting}, decision on item {n}", "{meeting}第{n}项议题决定"),
    "decision_of_k": ("{meeting}, decision {k} on item {n}", "{meeting}第{n}项议题决定之{k}"),
    "note_not_chinese": ("(no note in Chinese)", "（无中文说明）"),
    "office_overview": ("The whole office at a glance", "全办概况"),
    "office_overview_note": ("The whole office's figures, whatever desk is chosen above.",
                             "以下为全办数据，不随上方所选范围变化。"),
    "list_in_scope": ("Only the rows of the official's desk chosen on the home page are "
                      "shown.", "仅显示首页所选市领导待办中的事项。"),
    "list_in_scope_by": ("Only the rows of {name}'s desk are shown.",
                         "仅显示{name}待办中的事项。"),
    "list_in_all": ("Show all", "显示全部"),
    "desk_meeting_page": ("The meeting's page", "查看会议"),
    "desk_hotline_page": ("The month's ranking", "查看当月排名"),
    "desk_due": ("Due", "办理时限"), "days_waiting": ("Days waiting", "已等待天数"),
    "desk_overdue_by": ("Overdue by {n} {unit}", "逾期{n}{unit}"),
    # the desk's counts of days say their unit (pages/desk.py Block.columns)
    "days_waiting_wd": ("Working days waiting", "已等待（工作日）"),
    "days_waiting_cd": ("Days waiting", "已等待（自然日）"),
    "days_overdue_n_cd": ("Days overdue", "逾期（自然日）"),
    "days_open_cd": ("Days open", "已持续（自然日）"),
    "desk_days_report_late_wd": ("Working days late", "逾期未反馈（工作日）"),
    "desk_days_report_late_cd": ("Days late", "逾期未反馈（自然日）"),
    "agenda_item": ("Item", "议题序号"), "nth_item": ("Item {n}", "第{n}项"),
    "desk_end": ("Where", "位次"), "desk_top": ("Top", "排名前列"),
    "desk_bottom": ("Bottom", "排名靠后"), "desk_rank": ("Its place", "当月位次"),
    "rank_of": ("{rank} of {n}", "第{rank}名（共{n}个）"),
    "desk_request_rule": ("A request is due by the date it gives, else {n} days after it "
                          "was submitted, and overdue from the day after; days are working "
                          "days where the office's calendar exists, calendar days otherwise.",
                          "请示有办理时限的按其时限，未注明的为报送之日起{n}日，次日起为逾期；"
                          "已录入工作日历的按工作日计算，否则按自然日计算。"),
    # issue 16 point 1: the desk's duty, incidents, report-late and instructions blocks
    "desk_duty": ("On duty today and tomorrow", "今明两日值班"),
    "desk_duty_page": ("The month's roster", "查看当月值班表"),
    "desk_day": ("Day", "日期"),
    "desk_instructions": ("Leaders' instructions awaiting feedback", "待反馈的领导批示"),
    "desk_instruction_rule": ("An instruction awaits feedback while the supervision item it "
                              "started is not completed; one that started none, while the "
                              "received document has no handling step on or after its day, "
                              "or the incident no report after it.",
                              "领导批示启动督办事项的，督办事项办结前为待反馈；未启动督办事项的，"
                              "收文在批示之日及以后无办理环节、突发事件在批示之后无报告的，为待"
                              "反馈。"),
    # issue 16: duty office
    "duty_office": ("Duty office", "值班"), "duty": ("Duty roster", "值班表"),
    "incidents": ("Incidents", "突发事件"),
    "rt-duty": ("Duty roster", "值班表"), "rt-incident": ("Incident", "突发事件"),
    "duty_title": ("Duty roster {month}", "{month}值班表"),
    "duty_leader": ("Leader on duty", "带班领导"), "duty_officers": ("Duty officers", "值班员"),
    "duty_unit": ("Unit on duty", "值班单位"),
    "today": ("Today", "今日"), "tomorrow": ("Tomorrow", "明日"),
    "duty_today": ("On duty today, {d}", "今日值班（{d}）"),
    "duty_tomorrow": ("On duty tomorrow, {d}", "明日值班（{d}）"),
    "duty_months": ("Rosters by month", "各月值班表"),
    "no_roster": ("No roster for this day.", "当日未排班。"),
    "month_prev": ("Previous month", "上月"), "month_next": ("Next month", "下月"),
    "incident_level": ("Level", "事件级别"), "occurred": ("Occurred", "发生时间"),
    "incident_units": ("Units handling it", "处置单位"),
    "reports": ("Reports", "报告情况"), "report_kind": ("Report", "报告类型"),
    "report_at": ("Received", "报告时间"), "report_by": ("Reported by", "报告单位"),
    "channel": ("Channel", "报告方式"),
    "reporting_times": ("Reporting times", "报告时效"),
    "phone_report": ("First phone report", "首次电话报告"),
    "written_report": ("First written report", "首次书面报告"),
    "report_minutes": ("Minutes after occurrence", "距事发（分钟）"),
    "limit_minutes": ("Limit (minutes)", "时限（分钟）"),
    "minutes_n": ("{n} min", "{n}分钟"),
    "not_reported": ("Not reported", "未报告"), "closed_at": ("Final report", "终报时间"),
    "open_incidents": ("Open incidents", "未终报的突发事件"),
    "recent_incidents": ("Incidents", "突发事件"),
    "incident_late_banner": ("Reported late: {what}", "迟报：{what}"),
    "incident_open_banner": ("Open: no final report yet", "尚未终报"),
    "incident_limits": ("Reporting limits, counted from the occurrence: levels I and II, "
                        "{p1} minutes by phone and {w1} in writing; levels III and IV, {p3} "
                        "and {w3} minutes. A report exactly at the limit is on time.",
                        "报告时限自事发时起算：I级、II级事件电话报告{p1}分钟、书面报告{w1}"
                        "分钟；III级、IV级事件电话报告{p3}分钟、书面报告{w3}分钟。恰在时限"
                        "内报告的为按时。"),
    "beijing_time": ("Times are Beijing time.", "时间均为北京时间。"),
    "feed_incidents": ("Incidents reported to the duty office", "突发事件信息"),
    "duty_calendar": ("Duty roster", "值班表"),
    "duty_subscribe": ("The roster for your calendar (iCalendar)",
                       "订阅值班表（iCalendar日历文件）"),
    "duty_event": ("Duty: {leader}; officers {officers}", "带班领导：{leader}；值班员：{officers}"),
    "all_incidents": ("All incidents", "全部突发事件"),
    "duty_legend": ("Each day: the leader on duty (in bold), then the duty officers.",
                    "每日依次为带班领导（加粗）和值班员。"),
    # issue 16: supervision, requests, received documents, meetings as processes
    "rt-calendar": ("Working calendar year", "工作日历"),
    "working_days": ("working days", "个工作日"),
    "calendar_days": ("calendar days", "天（自然日）"),
    "sup_number": ("Supervision number", "督办编号"), "cycle": ("Reporting cycle", "反馈周期"),
    "report_due": ("Next report due by", "下次反馈截止"),
    "report_late_banner": ("No progress report since {d}: {n} {unit} past the reporting "
                           "cycle and its grace",
                           "未按期反馈：自{d}以来未报送进展，已超过反馈周期及宽限期{n}{unit}"),
    "reminders": ("Reminders", "催办记录"), "reminder_note": ("Note", "催办内容"),
    "closure": ("Closure", "销号"), "closure_requested": ("Closure requested", "申请销号日期"),
    "closure_approved": ("Closure approved", "批准销号日期"),
    "closure_by": ("Approved by", "审核销号"), "closure_opinion": ("Opinion", "审核意见"),
    "closure_pending": ("Closure requested, not yet approved", "已申请销号，待审核"),
    "closed_unapproved": ("Completed, closure not approved", "已办结，未销号"),
    "circulars": ("Circulars", "通报"),
    "circulated_items": ("Supervision items this document circulates", "本文通报的督办事项"),
    "last_report": ("Last report", "最近反馈"),
    "report_late_items": ("Progress reports late", "未按期反馈的督办事项"),
    "awaiting_action": ("Awaiting action", "待落实的国务院来文"),
    "meeting_title_term": ("{kind} meeting no. {n}", "市政府第{n}次{kind}"),
    "term": ("Government term", "政府届次"), "term_n": ("term {n}", "第{n}届"),
    "observers": ("Observing units", "列席单位"),
    "feed_overdue": ("Overdue items: supervision, requests, received documents",
                     "逾期事项：督办事项、请示、国务院来文"),
    "awaiting_decision": ("Awaiting a decision", "待审批的请示"),
    "step": ("Latest step", "办理环节"), "time_limit": ("Due", "办理时限"),
    "stage": ("Stage", "所处环节"),
    "req_number": ("Requester's number", "来文字号"),
    "co_sign": ("Co-signing opinions", "会签意见"), "approvals": ("Approval chain", "审批流程"),
    "approved_by": ("Signed off by", "审批领导"), "opinion": ("Opinion", "意见"),
    "agenda_ref": ("Submitted to", "提请会议审议"),
    "agenda_item_n": ("item {n}", "第{n}项议题"),
    "requests_on_item": ("Requests submitted to this item", "提请本议题审议的请示"),
    "request_waiting_banner": ("Waiting for a decision for {n} {unit}",
                               "已等待审批{n}{unit}"),
    "request_overdue_banner": ("Past its due date by {n} {unit}, no decision",
                               "已超过办理时限{n}{unit}，尚未审批"),
    "received_awaiting_banner": ("Awaiting action for {n} {unit} since receipt",
                                 "收文后{n}{unit}，尚待落实"),
    "received_overdue_banner": ("Past its due date by {n} {unit}, not implemented",
                                "已超过办理时限{n}{unit}，尚未落实"),
    "days_counted_working": ("Days are working days on the office's calendar (holidays and "
                             "adjusted working days counted).",
                             "天数按工作日计算（已扣除法定节假日，计入调休上班日）。"),
    "sup_days_working": ("Days to and past the deadline are calendar days; the {n} days' "
                         "grace of the next progress report are working days on the "
                         "office's calendar.",
                         "距完成时限、逾期的天数按自然日计算；下次反馈截止日期中的{n}天宽限期按工作日计算。"),
    "days_counted_calendar": ("Days are calendar days (no working calendar in the archive).",
                              "天数按自然日计算（未配置工作日历）。"),
    # issue 17: units, suggestions and proposals by session, hotline streets, appraisal groups
    "credit_code": ("Unified social credit code", "统一社会信用代码"),
    "session_npc": ("{m} session of the {t} Municipal People's Congress", "市{t}届人大{m}次会议"),
    "session_cppcc": ("{m} session of the {t} Municipal CPPCC Committee", "市政协{t}届{m}次会议"),
    "session_year_npc": ("Municipal People's Congress, {year}", "{year}年市人大会议"),
    "session_year_cppcc": ("Municipal CPPCC Committee, {year}", "{year}年市政协会议"),
    "session_title_npc": ("Deputies' suggestions: {s}", "{s}代表建议"),
    "session_title_cppcc": ("CPPCC proposals: {s}", "{s}提案"),
    "all_sessions": ("All sessions", "全部会议"),
    "key_items": ("Key items", "重点建议提案"),
    "key_leader": ("Led by", "领办市领导"),
    "contacts": ("Contacts with the proposers", "沟通情况"),
    "contact-meeting": ("Meeting", "见面座谈"), "contact-phone": ("Phone call", "电话沟通"),
    "contact-visit": ("Visit", "走访"),
    "contact_rate": ("Contact rate", "沟通率"),
    "reply_letter": ("Reply letter no.", "答复函号"),
    "rehandling": ("Re-handling", "重新办理"),
    "rehandling_requested": ("Requested", "提出日期"),
    "second_reply": ("Second reply", "重新答复"),
    "rehandled": ("Handled again", "重新办理件数"),
    "rehandling_banner": ("Being handled again after a dissatisfied feedback: no second reply "
                          "yet.", "因代表委员不满意正在重新办理，尚未重新答复。"),
    "abc_shares": ("A/B/C shares", "A、B、C类占比"),
    "rate_definitions": ("How the rates are counted", "指标口径"),
    "def-reply_rate": ("Items replied to, of all items.", "已答复件数占全部件数的比例。"),
    "def-on_time_rate": ("Items whose first reply came by the due date (three months after "
                         "receipt unless set otherwise), of the items replied to or past their "
                         "due date.",
                         "在办理时限内（未另行确定的，为交办后3个月）首次答复的件数，占已答复或"
                         "已到办理时限件数的比例。"),
    "def-satisfaction_rate": ("Satisfied or basically satisfied, of the items with feedback; "
                              "after a re-handling, the feedback on the second reply counts.",
                              "代表委员反馈满意和基本满意的件数，占已反馈件数的比例；重新办理的，"
                              "以重新答复后的反馈为准。"),
    "def-contact_rate": ("Items whose handling unit met, called or visited the deputy or "
                         "member at least once by the day of the first reply (items not yet "
                         "replied to: at least once so far), of all items.",
                         "承办单位在首次答复前（含答复当日）与代表委员见面、电话或走访沟通至少一次"
                         "的件数，占全部件数的比例；尚未答复的，以截至目前有无沟通计。"),
    "streets": ("Streets and townships", "街乡镇"), "street": ("Street or township", "街乡镇"),
    "street_district": ("District", "所属区"),
    "streets_month": ("Streets and townships of", "街乡镇排名月份"),
    "top_ten": ("Top ten streets and townships", "街乡镇排名前十"),
    "bottom_ten": ("Bottom ten streets and townships", "街乡镇排名后十"),
    "rank_from_bottom": ("Rank from the bottom", "倒数排名"),
    "focus": ("Topic of the month", "每月一题"),
    "top_topics": ("What callers raised most", "市民反映较多的问题"),
    "special_treatment": ("Under special treatment", "治理类街乡镇"),
    "tie_rule": ("Equal scores share a rank (1, 2, 2, 4); every street or township tied at "
                 "tenth place is listed among the top or bottom ten.",
                 "得分相同的并列同一名次（如1、2、2、4）；并列第十名的，全部列入前十名或后十名。"),
    "all_streets": ("All streets and townships", "全部街乡镇"),
    "streets_intro": ("Each street's or township's latest month; its page shows every month. "
                      "Type a name to find it.",
                      "列出各街乡镇最近一个月的情况，点击名称查看各月趋势；可输入名称筛选。"),
    "street_trend": ("{name}: monthly trend", "{name}月度趋势"),
    "liaison_sessions": ("Suggestions and proposals by session", "建议提案（按会议）"),
    "liaison_units": ("Suggestions and proposals by session and unit", "建议提案（按会议和单位）"),
    "appraisal_indicators": ("Appraisal indicators", "绩效考评指标"),
    "hotline_streets": ("12345 hotline: streets and townships", "接诉即办：街乡镇"),
    "indicator_set": ("Indicators", "考评指标"),
    "definition": ("Definition", "指标说明"),
    "indicator_source": ("Source of scores", "评分单位"),
    "def-abc_shares": ("Replies in category A, B or C, of the items replied to; after a "
                       "re-handling, the second reply's category counts.",
                       "A类、B类、C类答复件数分别占已答复件数的比例；重新办理的，以重新答复的"
                       "类别为准。"),
    # issue 17: documents as a policy-document page shows them; the normative register
    "index_no": ("Index no.", "索引号"), "drafter": ("Drafting unit", "起草单位"),
    "disclosure_status": ("Disclosure", "公开属性"),
    "disclosure-active": ("Proactive disclosure", "主动公开"),
    "disclosure-on-request": ("Disclosed on request", "依申请公开"),
    "disclosure-not-disclosed": ("Not disclosed", "不予公开"),
    "printed": ("Printed by, on", "印发机关和印发日期"),
    "printed_on": ("{by}, printed {d}", "{by} {d}印发"),
    "doc_note": ("Note", "附注"), "repealed_on": ("Repealed on", "废止日期"),
    "repealed_on_banner": ("Repealed on {d} by", "已于{d}废止，废止文件："),
    "registration": ("Registration no.", "统一登记号"),
    "legality_review": ("Legality review", "合法性审核"),
    "reviewed_on": ("{by}, {d}", "{by}，{d}"),
    "filing": ("Filing", "备案"), "filed_on": ("Filed {d}", "{d}备案"),
    "filing_number": ("no. {n}", "备案号：{n}"),
    "provisional": ("Provisional (two years)", "暂行/试行（有效期2年）"),
    "provisional_short": ("Provisional", "暂行/试行"),
    "evaluation_unit": ("Drafting unit (evaluation)", "起草单位（负责评估）"),
    "has_interpretation": ("Explainer", "政策解读"), "no": ("no", "否"),
    "file_kind": ("Format", "格式"), "file_size": ("Size", "大小"),
    "attachment_no": ("Attachment {n}", "附件{n}"),
    "attachment_missing": ("not published with the document", "未随文公开"),
    "doc_info": ("Document information", "文件信息"),
    "by_topic": ("By topic", "按主题"), "topic_title": ("Topic: {name}", "主题：{name}"),
    "topic_index": ("Topics", "主题分类"),
    "subtopics": ("Sub-topics", "下级主题"),
    "interpretation_of": ("Interpretation of", "解读文件"),
    "order_number": ("Order no.", "令号"),
    "register_entry": ("Registration, review, filing", "登记·审核·备案"),
    "review_short": ("Reviewed", "审核"), "filing_short": ("Filed", "备案"),
    # issue 15: finders (generators/finders.py, assets/portal/finder.js)
    "finder_more": ("Show {n} more", "再显示{n}条"),
    "finder_reset": ("Clear filters", "清除筛选"),
    "finder_note": ("Filters and sorting apply to every record of this list.",
                    "筛选和排序作用于本栏目的全部记录。"),
}

# enum values of the contract
_V: dict[str, tuple[str, str]] = {
    "public": ("Public", "公开"), "internal": ("Internal", "内部"),
    "restricted": ("Restricted", "限定范围"),
    "resolution": ("Resolution", "决议"), "decision": ("Decision", "决定"),
    "order": ("Order", "命令（令）"), "communique": ("Communique", "公报"),
    "announcement": ("Announcement", "公告"), "public-notice": ("Public notice", "通告"),
    "opinion": ("Opinion", "意见"), "notice": ("Notice", "通知"), "circular": ("Circular", "通报"),
    "report": ("Report", "报告"), "request": ("Request", "请示"), "reply": ("Reply", "批复"),
    "motion": ("Motion", "议案"), "letter": ("Letter", "函"), "minutes": ("Minutes", "纪要"),
    "normal": ("Normal", ""), "urgent": ("Urgent", "加急"),
    "extra-urgent": ("Extra urgent", "特急"),
    "in-force": ("In force", "现行有效"), "amended": ("Amended", "已修改"),
    "repealed": ("Repealed", "已废止"), "expired": ("Expired", "已失效"),
    "expiring": ("Expiring soon", "即将到期"),
    "not-yet-effective": ("Not yet in force", "尚未施行"),
    "amends": ("Amends", "修改"), "repeals": ("Repeals", "废止"),
    "implements": ("Implements", "贯彻落实"), "supersedes": ("Supersedes", "取代"),
    "interprets": ("Interprets", "解读"), "responds-to": ("Responds to", "答复"),
    "registered": ("Registered", "登记"), "proposed": ("Proposed", "拟办"),
    "assigned": ("Assigned", "交办"), "implemented": ("Implemented", "落实"),
    "filed": ("Filed", "归档"),
    "request-for-instructions": ("Request for instructions", "请示"),
    "for-discussion": ("For discussion", "商洽"),
    "approve": ("Approve", "同意"), "approve-with-changes": ("Approve with changes", "修改后同意"),
    "reject": ("Reject", "不同意"), "refer": ("Refer", "转办"),
    "further-study": ("Further study", "进一步研究"),
    "approved": ("Approved", "同意"),
    "approved-with-changes": ("Approved with changes", "修改后同意"),
    "rejected": ("Rejected", "不同意"), "referred": ("Referred", "已转办"),
    "returned": ("Returned", "退回"),
    "plenary": ("Plenary", "全体会议"), "executive": ("Executive", "常务会议"),
    "special-topic": ("Special-topic", "专题会议"),
    "approved-in-principle": ("Approved in principle", "原则同意"),
    "deferred": ("Deferred", "暂缓审议"), "noted": ("Noted", "听取"),
    "planned": ("Planned", "待审议"),
    "inspection": ("Inspection", "检查"), "research": ("Research", "调研"),
    "conference": ("Conference", "会议"), "reception": ("Reception", "会见"),
    "ceremony": ("Ceremony", "仪式"), "other": ("Other", "其他"),
    "meeting-decision": ("Meeting decision", "会议议定事项"),
    "leader-instruction": ("Leader's instruction", "领导批示"),
    "normative-document": ("Normative document", "规范性文件"),
    "major-decision": ("Major decision", "重大决策"), "key-task": ("Key task", "重点任务"),
    "liaison": ("Deputy suggestion or proposal", "建议提案"),
    "open": ("Open", "在办"), "completed": ("Completed", "已办结"),
    "completed-late": ("Completed late", "超期办结"), "suspended": ("Suspended", "暂缓办理"),
    "overdue": ("Overdue", "已逾期"), "at-risk": ("At risk", "临期预警"),
    "on-track": ("On track", "正常推进"), "not-started": ("Not started", "未启动"),
    # issue 16: supervision as a process
    "report-late": ("Report late", "未按期反馈"),
    "state-council-document": ("State Council document", "国务院文件"),
    # a source kind named like a unit kind (party-committee): source_key() picks this one
    "source-party-committee": ("Assigned by the Party committee", "市委交办"),
    "weekly": ("Weekly", "每周"), "fortnightly": ("Fortnightly", "每两周"),
    "monthly": ("Monthly", "每月"), "quarterly": ("Quarterly", "每季度"),
    "decided": ("Decided", "已审批"), "decided-late": ("Decided late", "超期审批"),
    "awaiting-review": ("Awaiting review", "待审核"),
    "awaiting-approval": ("Awaiting approval", "待审批"),
    "in-approval": ("In the approval chain", "审批中"),
    "implemented-late": ("Implemented late", "超期落实"),
    "awaiting-action": ("Awaiting action", "待落实"),
    "received-implemented": ("Implemented", "已落实"),
    # the search's status facet: a request's or received document's overdue is not a
    # supervision item's (pages/finding.py), as a liaison item's is its own
    "request-overdue": ("Overdue, no decision", "逾期未审批"),
    "received-overdue": ("Overdue, not implemented", "逾期未落实"),
    "emergency": ("Emergency", "突发事件"), "economy": ("Economy", "经济运行"),
    "livelihood": ("Livelihood", "民生"), "public-sentiment": ("Public sentiment", "社会舆情"),
    "npc-suggestion": ("NPC deputy suggestion", "人大代表建议"),
    "cppcc-proposal": ("CPPCC proposal", "政协提案"),
    "A": ("A: solved or mostly solved", "A类（所提问题已解决或基本解决）"),
    "B": ("B: being solved or planned", "B类（所提问题正在解决或已列入计划逐步解决）"),
    "C": ("C: to be solved later", "C类（因条件限制或其他原因需以后解决）"),
    "full": ("Full", "全文公开"), "summary": ("Summary only", "摘要公开"),
    "withheld": ("Withheld", "不予公开"),
    "satisfied": ("Satisfied", "满意"), "basically-satisfied": ("Basically satisfied", "基本满意"),
    "dissatisfied": ("Dissatisfied", "不满意"),
    "replied-on-time": ("Replied on time", "按期答复"),
    "replied-late": ("Replied late", "超期答复"),
    "pending": ("Pending", "办理中"), "reply-pending": ("Pending", "未答复"),
    "reply-overdue": ("Overdue, no reply", "逾期未答复"),
    "excellent": ("Excellent", "优秀"), "good": ("Good", "良好"), "fair": ("Fair", "一般"),
    "poor": ("Poor", "较差"),
    "district": ("Districts", "区政府"), "agency": ("Agencies", "市级行政机关"),
    "government": ("Government", "政府"), "general-office": ("General Office", "办公厅"),
    "state-council": ("State Council", "国务院"), "legislature": ("Legislature", "人大"),
    "cppcc": ("CPPCC", "政协"), "active": ("Active", "现有"), "closed": ("Closed", "已撤并"),
    "mayor": ("Mayor", "市长"), "executive-vice-mayor": ("Executive vice mayor", "常务副市长"),
    "vice-mayor": ("Vice mayor", "副市长"), "secretary-general": ("Secretary-general", "秘书长"),
    "deputy-secretary-general": ("Deputy secretary-general", "副秘书长"),
    "merged": ("merged", "已撤并"), "split": ("split", "拆分"), "renamed": ("renamed", "更名"),
    "abolished": ("abolished", "撤销"),
    # issue 16: duty office
    "first": ("First report", "首报"), "follow-up": ("Follow-up report", "续报"),
    "final": ("Final report", "终报"),
    "phone": ("Phone", "电话报告"), "written": ("Written", "书面报告"),
    "natural-disaster": ("Natural disaster", "自然灾害"), "accident": ("Accident", "事故灾难"),
    "public-health": ("Public health", "公共卫生事件"),
    "social-security": ("Social security", "社会安全事件"),
    "I": ("I (extraordinarily serious)", "特别重大（I级）"), "II": ("II (serious)", "重大（II级）"),
    "III": ("III (major)", "较大（III级）"), "IV": ("IV (ordinary)", "一般（IV级）"),
    "incident-open": ("Open", "未终报"), "incident-closed": ("Closed", "已终报"),
    "incident-late": ("Reported late", "迟报"), "incident-on-time": ("On time", "按时"),
    # issue 17: units, suggestions and proposals by session, hotline streets, appraisal groups
    "development-zone": ("Economic-technological development zone", "经开区"),
    "meeting": ("Meeting", "见面"), "visit": ("Visit", "走访"),  # liaison contacts
    "party-committee": ("Party committee", "党委"),
    # issue 17: documents' disclosure (公开属性; its 'active' is shown as disclosure-active)
    "on-request": ("Disclosed on request", "依申请公开"),
    "not-disclosed": ("Not disclosed", "不予公开"),
}


LOCALES = ("zh", "en")
"""The editions' languages, Chinese first (DESIGN.md, "Locales")."""

_BABEL = {"zh": "zh_Hans_CN", "en": "en_GB"}
"""Babel's locale of each edition: CLDR's date and number patterns, not ours."""


UNKNOWN: set[str] = set()
"""Keys asked for that have no label (tests/test_locales.py fails on any): a page would show
the key itself, in English, in both editions."""

_KEY = re.compile(r"[a-z][a-z0-9_-]*")
"""What a label key looks like; t() passes anything else through (a month such as 2026-11,
an indicator's own name), being record text or a figure rather than an interface word."""


def in_language(pair: tuple[str, str], locale: Locale) -> str:
    """The text of an (English, Chinese) pair in the locale: every pair of this module,
    and the open data's column meanings (opendata.COLUMNS)."""
    return pair[1] if locale == "zh" else pair[0]


def labels(locale: Locale) -> Callable[..., str]:
    """A function t(key, **fmt) giving the label in the locale (en or zh)."""

    def t(key: str, **fmt: object) -> str:
        pair = _L.get(key) or _V.get(key)
        if pair is None and _KEY.fullmatch(key):
            UNKNOWN.add(key)
        text = in_language(pair, locale) if pair else key
        return text.format(**fmt) if fmt else text

    return t


def source_key(kind: str) -> str:
    """The label key of a supervision source kind: its own where a unit kind has the same
    name (party-committee: 市委交办 as a source, 党委 as a kind of unit)."""
    return f"source-{kind}" if f"source-{kind}" in _V else kind


def value_label(value: str, locale: Locale) -> str:
    pair = _V.get(value)
    if pair is None and _KEY.fullmatch(value):
        UNKNOWN.add(value)
    return in_language(pair, locale) if pair else value


def long_date(day: dt.date, locale: Locale) -> str:
    """A date in prose as the locale writes it: 2026年12月1日, 1 December 2026 (tables keep
    ISO dates, which sort and do not wrap)."""
    return format_date(day, format="long", locale=_BABEL.get(locale, "en_GB"))


def long_month(day: dt.date, locale: Locale) -> str:
    """A month in prose (Babel): 2026年12月, December 2026 (issue 16: the roster's month)."""
    return format_skeleton("yMMMM", day, locale=_BABEL.get(locale, "en_GB"))


def weekday_names(locale: Locale) -> list[str]:
    """Monday first: 周一 … 周日, Mon … Sun (Babel; issue 16: the roster's calendar)."""
    names = get_day_names("abbreviated", locale=_BABEL.get(locale, "en_GB"))
    return [str(names[i]) for i in range(7)]


def number(n: float, locale: Locale) -> str:
    """A number with the locale's grouping: 12,345 (CLDR groups Chinese by thousands too)."""
    return format_decimal(n, locale=_BABEL.get(locale, "en_GB"))


def all_keys() -> set[str]:
    return set(_L) | set(_V)


def catalogue() -> dict[str, tuple[str, str]]:
    """Every interface string and value label: key -> (English, Chinese)."""
    return {**_V, **_L}


FRAME_LABELS = ("not_found_title", "not_found_text")
"""Interface strings of the theme's templates (theme/404.html), given them through
config.extra.portal.labels (plugin.py, and export-md's mkdocs.yml)."""

BLANK_ZH = frozenset({"normal"})
"""Values shown as nothing in Chinese: GB/T 9704 names no urgency for an ordinary document."""
