"""Second half of the sample archive: received documents to liaison (see make_sample.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from make_sample import (
    AGENCY_IDS,
    AS_OF,
    DISTRICT_IDS,
    MAYOR,
    SG,
    ZH,
    D,
    compose_names,
    days,
    leader_of,
    rng,
)

A = AS_OF


def by_number(docs: list[dict[str, Any]], number: str) -> dict[str, Any]:
    return next(d for d in docs if d["number"] == number)


# -- received from the State Council (duty 2) ------------------------------------------------
RECEIVED = [
    ("国发〔2026〕2号", "opinion", "国务院关于推动新一轮大规模设备更新和消费品以旧换新的意见",
     D(2026, 1, 8), "dev-reform", "京政发〔2026〕3号"),
    ("国办发〔2026〕5号", "notice", "国务院办公厅关于加强社区老年助餐服务的通知", D(2026, 2, 3),
     "civil-affairs", "京政办发〔2026〕9号"),
    ("国发〔2026〕7号", "notice", "国务院关于印发《2026年空气质量持续改善行动方案》的通知",
     D(2026, 2, 20), "ecology", "京政发〔2026〕5号"),
    ("国办发〔2026〕9号", "opinion", "国务院办公厅关于推进义务教育优质均衡发展的意见",
     D(2026, 3, 20), "education", "京政办发〔2026〕12号"),
    ("国办发〔2026〕11号", "opinion", "国务院办公厅关于进一步优化政务服务提升行政效能的意见",
     D(2026, 4, 2), "service-data", "京政办发〔2026〕23号"),
    ("国办发〔2026〕14号", "notice", "国务院办公厅关于切实做好2026年防汛抗旱工作的通知",
     D(2026, 5, 12), "emergency", "京政办发〔2026〕13号"),
    ("国发〔2026〕16号", "decision", "国务院关于修改和废止部分行政法规的决定", D(2026, 6, 9),
     "justice", None),
    ("国办发〔2026〕25号", "notice", "国务院办公厅关于做好2026—2027年采暖季清洁取暖和供暖保障工作的"
                               "通知",
     D(2026, 9, 25), "city-management", "京政办发〔2026〕26号"),
    ("国办发〔2026〕29号", "circular", "国务院办公厅关于近期几起生产安全事故情况的通报",
     D(2026, 10, 20), "emergency", None),
    ("国办发〔2026〕33号", "notice", "国务院办公厅关于做好2027年元旦春节期间有关工作的通知",
     D(2026, 11, 18), "general-office", None),
]


def received(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i, (number, typ, title, rec, lead, impl) in enumerate(RECEIVED):
        steps: list[dict[str, Any]] = [
            {"date": rec, "action": "registered"},
            {"date": rec + days(1), "action": "proposed", "note": f"拟由{ZH[lead]}牵头办理。"}]
        if rec + days(3) <= A:
            steps.append({"date": rec + days(3), "action": "assigned",
                          "note": f"已交{ZH[lead]}研提贯彻落实意见。"})
        rid = f"rcv-2026-{i + 1:03d}"
        handling: dict[str, Any] = {"lead": lead, "steps": steps}
        if impl:
            doc = by_number(docs, impl)
            assert doc["written"] > rec, (impl, "implements a document received after it")
            steps.append({"date": doc["written"], "action": "implemented",
                          "note": f"已印发{impl}贯彻落实。"})
            if doc["written"] + days(10) <= A:
                steps.append({"date": doc["written"] + days(10), "action": "filed"})
            handling["implemented_by"] = [doc["id"]]
            doc.setdefault("relations", []).append({"type": "implements", "target": rid})
        out.append({"id": rid, "number": number,
                    "issuer": "state-council" if number.startswith("国发") else "state-council-go",
                    "title": title, "received": rec, "type": typ, "handling": handling,
                    "classification": "public" if impl else "internal", "_year": rec.year})
    return out


# -- requests for instructions and consultations (duty 2) -------------------------------------
REQUESTS = [
    ("chaoyang", "request-for-instructions", "朝阳区人民政府关于酒仙桥地区控制性详细规划调整的请示",
     D(2026, 3, 2), "approve", "approved", "京政函〔2026〕6号"),
    ("tongzhou", "request-for-instructions", "通州区人民政府关于大运河森林公园扩建工程的请示",
     D(2026, 5, 20), "approve-with-changes", "approved-with-changes", "京政函〔2026〕13号"),
    ("haidian", "for-discussion", "海淀区人民政府关于商请支持中关村科学城人才公寓建设试点的函",
     D(2026, 6, 3), "further-study", "returned", None),
    ("transport", "request-for-instructions", "市交通委关于试行延长轨道交通周末运营时间的请示",
     D(2026, 7, 1), "approve", "approved", "京政办函〔2026〕17号"),
    ("fangshan", "request-for-instructions", "房山区人民政府关于申请山区防汛避险转移安置资金的请示",
     D(2026, 8, 4), "refer", "referred", None),
    ("commerce", "for-discussion", "市商务局关于发放全市通用消费券有关事项的商洽函",
     D(2026, 9, 10), "reject", "rejected", None),
    ("daxing", "request-for-instructions", "大兴区人民政府关于临空经济区产业发展规划的请示",
     D(2026, 10, 26), "approve", None, None),
    ("health", "request-for-instructions", "市卫生健康委关于调整部分医疗服务价格项目的请示",
     D(2026, 11, 16), None, None, None),
    ("xicheng", "request-for-instructions", "西城区人民政府关于什刹海地区环境整治提升方案的请示",
     D(2026, 11, 24), None, None, None),
]
OPINIONS = {
    "approve": "经审核，该事项符合本市有关规划和政策规定，市司法局未提出法律意见，建议同意。",
    "approve-with-changes": "经审核，建议原则同意，并请按有关部门意见调整部分建设内容后实施。",
    "further-study": "经会商市住房城乡建设委、市规划自然资源委，试点涉及政策突破较多，建议进一步研"
                     "究论证。",
    "refer": "经审核，所需资金可从市级防汛救灾资金中统筹解决，建议转市财政局研究办理。",
    "reject": "经会商市财政局，全市通用消费券资金来源和效果评估尚不明确，建议暂不实施。",
}


def requests(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i, (frm, kind, title, sub, rec, outcome, reply_no) in enumerate(REQUESTS):
        r: dict[str, Any] = {"id": f"req-2026-{i + 1:03d}", "from": frm, "kind": kind,
                             "title": title, "submitted": sub,
                             "classification": "restricted" if frm == "commerce" else "internal",
                             "_year": sub.year}
        if rec:
            r["review"] = {"date": sub + days(6), "by": "general-office",
                           "opinion": OPINIONS[rec], "recommendation": rec}
        if outcome:
            r["decision"] = {"date": sub + days(16), "by": leader_of(frm), "outcome": outcome}
            if reply_no:  # the reply answers its requester
                reply = by_number(docs, reply_no)
                assert reply["recipients"] == [frm], (reply_no, "not addressed to the requester")
                r["decision"]["date"] = reply["written"] - days(3)
                r["decision"]["reply_document"] = reply["id"]
                reply.setdefault("relations", []).append({"type": "responds-to", "target": r["id"]})
        out.append(r)
    return out


# -- important activities of the leaders (duty 4) ---------------------------------------------
ACTIVITIES = [
    (D(2026, 1, 22), "other", "春节前走访慰问困难群众", ["civil-affairs", "fengtai"], "丰台区"),
    (D(2026, 2, 12), "inspection", "检查春节期间安全生产和市场保供工作", ["emergency", "commerce"],
     "东城区"),
    (D(2026, 3, 5), "research", "调研优化营商环境工作", ["dev-reform", "service-data"],
     "市政务服务中心"),
    (D(2026, 3, 26), "reception", "会见天津市人民政府代表团", ["general-office"], "市行政中心"),
    (D(2026, 4, 4), "other", "参加首都义务植树活动", ["landscaping"], "通州区城市绿心森林公园"),
    (D(2026, 4, 23), "research", "调研社区老年助餐服务", ["civil-affairs", "xicheng"], "西城区"),
    (D(2026, 5, 14), "inspection", "检查汛前准备工作", ["emergency", "mentougou"], "门头沟区"),
    (D(2026, 6, 4), "research", "调研城市副中心重点工程建设", ["tongzhou", "housing"], "通州区"),
    (D(2026, 6, 25), "conference", "全市防汛工作会议", ["emergency"], "市行政中心"),
    (D(2026, 7, 16), "inspection", "检查山区防汛和地质灾害防范工作", ["fangshan", "emergency"],
     "房山区"),
    (D(2026, 8, 6), "research", "调研海淀区数字政府建设", ["haidian", "service-data"], "海淀区"),
    (D(2026, 9, 1), "inspection", "检查服贸会筹备工作", ["commerce", "shijingshan"], "首钢园"),
    (D(2026, 9, 24), "conference", "国庆节前安全生产工作会议", ["emergency"], "市行政中心"),
    (D(2026, 10, 15), "research", "调研秋冬季大气污染防治工作", ["ecology", "daxing"], "大兴区"),
    (D(2026, 11, 5), "inspection", "检查冬季供暖准备工作", ["city-management", "chaoyang"],
     "朝阳区"),
    (D(2026, 11, 19), "conference", "接诉即办工作推进会", ["service-data"], "市行政中心"),
    (D(2026, 11, 26), "research", "调研义务教育新增学位建设", ["education", "changping"], "昌平区"),
    (D(2026, 12, 3), "research", "调研冬季供暖运行情况", ["city-management", "haidian"], "海淀区"),
    (D(2026, 12, 8), "conference", "岁末年初安全生产工作会议", ["emergency"], "市行政中心"),
    (D(2026, 12, 15), "inspection", "检查元旦春节市场保供工作", ["commerce", "tongzhou"], "通州区"),
]
ACT_SUMMARY = {
    "inspection": "实地检查有关工作，听取{u}等单位汇报，要求压实责任、消除隐患。",
    "research": "深入一线调研，听取{u}等单位汇报，研究解决存在的困难和问题。",
    "conference": "会议总结前一阶段工作，部署下一步任务，{u}等单位作交流发言。",
    "reception": "会见代表团一行，双方就深化区域协同发展交换意见。",
    "other": "{u}等单位负责同志参加。",
}


def activities() -> list[dict[str, Any]]:
    out = []
    for i, (day, kind, title, units, place) in enumerate(ACTIVITIES):
        lead = next((u for u in units if u in AGENCY_IDS), units[0])
        officials = [MAYOR] if kind in ("reception", "conference") and i % 2 else [leader_of(lead)]
        start = [9, 9, 10, 14, 15][i % 5]
        a: dict[str, Any] = {"id": f"act-2026-{i + 1:03d}", "date": day,
                             "start": f"{start:02d}:30", "end": f"{start + 2:02d}:00",
                             "officials": officials, "title": title, "kind": kind,
                             "location": place, "units": units,
                             "classification": "public" if i % 3 else "internal",
                             "_year": day.year}
        if day <= A:
            a["summary"] = ACT_SUMMARY[kind].format(u=ZH.get(lead, "有关"))
        out.append(a)
    return out


# -- important information and social sentiment (duty 7) --------------------------------------
# (date, category, title, source, summary, instruction or None, restricted)
BRIEFINGS = [
    (D(2026, 1, 10), "emergency", "关于寒潮大风天气防范应对情况的报告", "emergency",
     "受寒潮影响，全市出现大风降温天气，各区已启动预案，加强供暖、供气和交通保障。",
     "请市应急局会同各区做好寒潮期间巡查值守，确保群众温暖过冬。", False),
    (D(2026, 1, 26), "public-sentiment", "网民关注老旧小区加装电梯进度", "housing",
     "近期网民集中反映部分老旧小区加装电梯审批慢、居民意见难统一等问题。",
     "请市住房城乡建设委梳理共性问题，提出加快推进的措施。", False),
    (D(2026, 2, 11), "economy", "关于春节前市场保供和价格运行情况的报告", "commerce",
     "主要生活必需品供应充足，蔬菜价格受天气影响小幅上涨，总体平稳。",
     "请市商务局加强节日期间市场监测，确保供应充足、价格稳定。", False),
    (D(2026, 2, 27), "livelihood", "关于春节假期12345热线诉求情况的报告", "service-data",
     "春节假期热线诉求量较平日下降，燃放烟花爆竹、供暖和物业管理类诉求相对集中。",
     "请市政务服务和数据局针对集中诉求督促有关单位及时办理。", False),
    (D(2026, 3, 15), "public-sentiment", "网民关注部分学校学位紧张问题", "education",
     "春季入学信息采集启动后，部分新建居住区家长反映周边学位紧张。", None, False),
    (D(2026, 3, 31), "economy", "关于设备更新贷款投放进展情况的报告", "dev-reform",
     "截至3月底，设备更新项目贷款签约额稳步增长，工业和交通领域项目占比较高。",
     "请市发展改革委加快项目储备，推动贷款尽快形成实物工作量。", False),
    (D(2026, 4, 16), "emergency", "关于沙尘天气影响及应对情况的报告", "ecology",
     "受上游沙尘传输影响，全市空气质量短时达到严重污染级别，已发布健康防护提示。",
     "请市生态环境局加强监测预报，及时向社会发布防护提示。", False),
    (D(2026, 5, 6), "livelihood", "关于“五一”假期全市运行情况的报告", "emergency",
     "假期全市运行平稳，重点景区客流较大，未发生较大以上安全事故。",
     "请各有关部门认真总结假期保障经验，做好端午假期准备。", False),
    (D(2026, 5, 18), "economy", "关于1—4月社会消费品零售总额情况的报告", "commerce",
     "1—4月全市社会消费品零售总额同比增长，以旧换新相关商品销售增势较好。", None, False),
    (D(2026, 6, 3), "public-sentiment", "网民反映轨道交通周末运营结束时间偏早", "transport",
     "部分网民反映周末夜间出行需求较大，建议延长轨道交通运营时间。",
     "请市交通委研究周末延时运营的可行性，提出试行方案。", False),
    (D(2026, 6, 19), "livelihood", "关于丰台区部分社区老年助餐点供不应求情况的报告",
     "civil-affairs",
     "丰台区部分老年助餐点午餐时段排队较长，配送服务覆盖不足。",
     "请市民政局指导丰台区增加助餐点位，完善配送服务。", False),
    (D(2026, 7, 5), "emergency", "关于西部山区强降雨防范应对情况的报告", "emergency",
     "受强降雨影响，房山、门头沟部分山区道路出现塌方，已提前转移受威胁群众。",
     "请市应急局统筹调度抢险力量，确保转移群众安全。", False),
    (D(2026, 7, 21), "emergency", "关于石景山区某小区燃气泄漏事件处置情况的报告", "emergency",
     "事件未造成人员伤亡，燃气公司已完成管线抢修，区政府正在组织排查同类隐患。", None, True),
    (D(2026, 8, 6), "emergency", "关于强降雨后房山区山区道路抢通情况的续报", "emergency",
     "受损山区道路已基本抢通，部分村庄供水供电已恢复，灾后恢复重建方案正在制定。",
     "请房山区抓紧恢复群众正常生产生活秩序。", False),
    (D(2026, 8, 22), "public-sentiment", "网民关注昌平区新建学校学位分配", "education",
     "昌平区新建学校入学派位方案公布后，部分家长对划片范围提出意见。",
     "请市教委指导昌平区做好政策解释，稳妥处置家长诉求。", False),
    (D(2026, 9, 4), "other", "关于2026年服贸会筹备情况的报告", "commerce",
     "展馆搭建、交通组织和安保方案已基本就绪，参展企业数量较上届增加。", None, False),
    (D(2026, 9, 23), "livelihood", "关于中秋国庆假期市场保供准备情况的报告", "commerce",
     "重点商超备货充足，节日消费活动已陆续启动。",
     "请市商务局做好节日市场监测和应急调运准备。", True),
    (D(2026, 10, 9), "livelihood", "关于国庆假期全市运行情况的报告", "emergency",
     "假期全市运行安全有序，旅游接待人次和消费额同比增长。", None, False),
    (D(2026, 10, 26), "economy", "关于前三季度全市经济运行情况的报告", "dev-reform",
     "前三季度全市经济运行总体平稳，服务业和高技术产业增长较快。",
     "请市发展改革委研究四季度稳增长的针对性措施。", False),
    (D(2026, 11, 10), "livelihood", "关于冬季供暖准备情况的报告", "city-management",
     "各供热单位已完成设施检修和试运行，燃料储备充足，具备按期供暖条件。",
     "请市城市管理委督促供热单位确保11月15日按期供暖。", False),
    (D(2026, 11, 20), "livelihood", "关于供暖首周运行情况的报告", "city-management",
     "供暖首周运行总体平稳，“不热”类诉求主要集中在部分老旧小区，已逐件转办。",
     "请市城市管理委对“不热”诉求逐件跟踪，确保室温达标。", False),
]


def briefings() -> list[dict[str, Any]]:
    out = []
    for i, (day, cat, title, src, summary, text, restricted) in enumerate(BRIEFINGS):
        b: dict[str, Any] = {
            "id": f"brf-2026-{i + 1:03d}", "date": day, "title": title, "category": cat,
            "source": src, "classification": "restricted" if restricted else "internal",
            "summary": summary, "_year": day.year}
        if text:
            by = MAYOR if cat == "emergency" and i % 2 else leader_of(src)
            b["instructions"] = [{"by": by, "date": day + days(1), "text": text}]
        out.append(b)
    return out


# -- supervision (duty 5) ---------------------------------------------------------------------
OLD = ["completed", "completed-late", "overdue", "completed", "at-risk-stale", "on-track",
       "completed", "suspended", "at-risk-soon", "overdue", "on-track", "completed"]
RECENT = ["on-track", "at-risk-soon", "completed", "on-track", "at-risk-soon"]
NOTES = [(35, "已制定工作方案，明确责任分工和时间节点。"),
         (60, "主体工作有序推进，已完成阶段性任务。"),
         (99, "大部分任务已完成，正在推进剩余事项。"),
         (100, "各项任务已全部完成，申请办结销号。")]
SUSPENDED = ["相关行政法规正在修订，经市政府同意暂缓办理，待修订完成后恢复。",
             "有关问题线索已移交相关部门依法处理，经市政府同意暂缓办理，待处理结果明确后恢复。",
             "项目选址需随规划调整重新论证，经市政府同意暂缓办理。"]
DIFFICULTIES = ["部分项目涉及征地拆迁，推进慢于预期。", "资金拨付进度滞后，影响项目开工。",
                "涉及多个部门审批，协调周期较长。"]


def _note(percent: int) -> str:
    return next(text for limit, text in NOTES if percent <= limit)


def supervision(decisions: list[dict[str, Any]], meetings: list[dict[str, Any]],
                briefs: list[dict[str, Any]], docs: list[dict[str, Any]],
                liaison: list[dict[str, Any]], reqs: list[dict[str, Any]]
                ) -> list[dict[str, Any]]:
    held = {d["id"]: m["date"] for m in meetings for a in m["agenda"]
            for d in a.get("decisions", [])}
    support = {d["id"]: d["support"][0] for d in decisions if d.get("support")}
    sources: list[tuple[str, str | None, dt.date, str, str]] = []
    for d in decisions:
        sources.append(("meeting-decision", d["id"], held[d["id"]], d["lead"], d["_task"]))
    instructed = [b for b in briefs if b.get("instructions")]
    for b in [*instructed[:6], instructed[-1]]:
        sources.append(("leader-instruction", b["id"], b["date"] + days(1), b["source"],
                        f"落实市领导对《{b['title']}》的批示"))
    norm = [d for d in docs if d.get("normative", {}).get("status") == "in-force"
            and d["written"].year >= 2021][:3]
    for d in norm:
        sources.append(("normative-document", d["id"], D(2026, 3, 2), d["_lead"],
                        f"检查《{d['title']}》贯彻落实情况"))
    sources.append(("major-decision", reqs[0]["id"], D(2026, 4, 7), "chaoyang",
                    "落实酒仙桥地区控制性详细规划调整批复要求"))
    sources.append(("key-task", None, D(2026, 2, 5), "service-data",
                    "实现高频政务服务事项“一网通办”"))
    sources.append(("key-task", None, D(2026, 2, 5), "housing", "推进城市副中心重点工程建设"))
    for li in liaison[:2]:
        sources.append(("liaison", li["id"], li["received"] + days(5), li["lead"],
                        f"落实对《{li['title']}》答复中的承诺事项"))
    out = []
    old = recent = suspended = 0
    for i, (kind, ref, start, lead, title) in enumerate(sources):
        assigned = start + days(3)
        if assigned > A - days(20):  # too recent for a first report
            status = "not-started"
        elif assigned < A - days(120):
            status, old = OLD[old % len(OLD)], old + 1
        else:
            status, recent = RECENT[recent % len(RECENT)], recent + 1
        s: dict[str, Any] = {"id": f"sup-2026-{i + 1:03d}", "title": title,
                             "source": {"kind": kind, **({"ref": ref} if ref else {})},
                             "lead": lead,
                             "support": [support.get(ref or "") or rng.choice(DISTRICT_IDS)],
                             "assigned": assigned, "classification": "internal",
                             "_year": assigned.year}
        updates: list[tuple[dt.date, int]] = []
        if status == "not-started":
            deadline = A + days(rng.randint(60, 100))
        elif status == "completed":
            deadline = max(assigned + days(rng.choice([60, 90, 120])), assigned + days(30))
            done = min(assigned + days(rng.randint(40, 58)), A - days(2))
            first = rng.randint(20, 35)
            updates = [(assigned + days(15), first), (assigned + days(32), first + 40),
                       (done, 100)]
            s["completed"] = done
        elif status == "completed-late":
            deadline = assigned + days(45)
            done = min(deadline + days(rng.randint(8, 30)), A - days(2))
            updates = [(assigned + days(20), 45), (deadline - days(3), 85), (done, 100)]
            s["completed"] = done
        elif status == "suspended":
            deadline = A + days(60)
            updates = [(assigned + days(15), 20)]
        elif status == "overdue":
            deadline = A - days(rng.randint(6, 40))
            last = rng.choice([45, 55, 65, 75, 85, 90])
            updates = [(assigned + days(25), last - 30),
                       (min(deadline - days(8), A - days(4)), last)]
        elif status == "at-risk-soon":
            deadline = A + days(rng.randint(3, 13))
            last = rng.choice([40, 50, 60, 70, 75])
            updates = [(A - days(rng.randint(30, 40)), last - 25),
                       (A - days(rng.randint(3, 12)), last)]
        elif status == "at-risk-stale":
            deadline = A + days(rng.randint(40, 90))
            updates = [(assigned + days(20), 20), (A - days(rng.randint(40, 60)), 45)]
        else:  # on-track
            deadline = A + days(rng.randint(30, 120))
            last = rng.choice([50, 60, 65, 70, 80, 85, 90])
            updates = [(A - days(rng.randint(35, 45)), last - 20),
                       (A - days(rng.randint(2, 15)), last)]
        if status in ("completed", "completed-late"):
            s["state"] = "completed"
            s["verified_by"] = SG
        elif status == "suspended":
            s["state"] = "suspended"
            s["summary"] = SUSPENDED[suspended % len(SUSPENDED)]
            suspended += 1
        else:
            s["state"] = "open"
        deadline = max(deadline, assigned + days(1))
        s["deadline"] = deadline
        updates = [(d, p) for d, p in updates if assigned <= d <= A]
        if updates:
            s["updates"] = [
                {"date": d, "percent": p, "note": _note(p),
                 **({"difficulties": rng.choice(DIFFICULTIES)}
                    if status in ("overdue", "at-risk-soon") and j == len(updates) - 1
                    else {}),
                 **({"next_steps": "加强统筹调度，按期报送进展情况。"} if p < 100 else {})}
                for j, (d, p) in enumerate(updates)]
        s["milestones"] = [{"title": "制定工作方案", "due": assigned + days(20),
                            **({"done": assigned + days(17)}
                               if assigned + days(17) <= A and status != "not-started" else {})},
                           {"title": "完成全部任务", "due": deadline,
                            **({"done": s["completed"]} if "completed" in s else {})}]
        if kind == "meeting-decision":  # the decision's deadline is the item's deadline
            next(d for d in decisions if d["id"] == ref)["deadline"] = deadline
        if kind == "leader-instruction":
            b = next(b for b in briefs if b["id"] == ref)
            b["instructions"][0]["supervision"] = s["id"]
            if b["classification"] == "restricted":
                s["classification"] = "restricted"
        if kind == "meeting-decision":
            m = next(m for m in meetings for a in m["agenda"] for d in a.get("decisions", [])
                     if d["id"] == ref)
            if m["classification"] == "restricted":
                s["classification"] = "restricted"
        out.append(s)
    return out


# -- performance appraisal (duty 6) -----------------------------------------------------------
INDICATORS = [
    {"id": "key-tasks", "name": "Key tasks completed", "name_zh": "重点任务完成", "weight": 30},
    {"id": "rule-of-law", "name": "Administration by law", "name_zh": "依法行政", "weight": 15},
    {"id": "hotline", "name": "Complaints handled at once", "name_zh": "接诉即办", "weight": 25},
    {"id": "fiscal", "name": "Budget performance", "name_zh": "预算绩效", "weight": 15},
    {"id": "satisfaction", "name": "Public satisfaction", "name_zh": "群众满意度", "weight": 15},
]
ADJUSTMENTS = {
    2024: [{"unit": "daxing", "points": -1, "reason": "发生一般生产安全事故，按规定扣分。"},
           {"unit": "haidian", "points": 1, "reason": "政务服务改革经验获国务院办公厅通报表扬。"}],
    2025: [{"unit": "fengtai", "points": -2, "reason": "发生较大生产安全事故，按规定扣分。"},
           {"unit": "service-data", "points": 1.5,
            "reason": "“高效办成一件事”改革入选全国政务服务创新案例。"}],
}


def appraisal() -> list[dict[str, Any]]:
    out = []
    for year in (2024, 2025):
        agencies = list(AGENCY_IDS) + (["zgc-coordination"] if year == 2024 else [])
        scores = {}
        for u in DISTRICT_IDS + agencies:
            level = rng.uniform(78, 93)
            scores[u] = {ind["id"]: round(min(99.5, max(65.0, rng.gauss(level, 4))), 1)
                         for ind in INDICATORS}
        out.append({
            "year": year, "indicators": [dict(i) for i in INDICATORS],
            "groups": {"district": DISTRICT_IDS, "agency": agencies},
            "grades": {"excellent": 90, "good": 80, "fair": 70}, "scores": scores,
            "adjustments": ADJUSTMENTS[year],
            "classification": "internal" if year == 2025 else "public",
        })
    return out


# -- 12345 hotline (duty 7): 诉求量 per district and month, in the range Beijing reports ---------
CALLS = {"chaoyang": 210_000, "haidian": 150_000, "fengtai": 115_000, "changping": 125_000,
         "daxing": 95_000, "tongzhou": 100_000, "xicheng": 62_000, "dongcheng": 48_000,
         "shunyi": 72_000, "fangshan": 68_000, "shijingshan": 34_000, "mentougou": 21_000,
         "huairou": 22_000, "pinggu": 20_000, "miyun": 24_000, "yanqing": 16_000}
SEASON = {1: 1.0, 2: 0.85, 3: 0.95, 4: 0.95, 5: 1.0, 6: 1.1, 7: 1.25, 8: 1.2, 9: 1.0,
          10: 0.95, 11: 1.15, 12: 1.1}
TOP_TOPICS = {
    (11, 12): ["供暖", "物业管理", "噪音扰民"],
    (1, 2): ["供暖", "燃放烟花爆竹", "物业管理"],
    (3, 4, 5): ["物业管理", "停车管理", "施工噪音"],
    (6, 7, 8): ["积水排涝", "物业管理", "停车管理"],
    (9, 10): ["物业管理", "停车管理", "公共交通"],
}


def hotline() -> list[dict[str, Any]]:
    out = []
    base = {d: (rng.uniform(99.3, 99.9), rng.uniform(90.5, 95.0), rng.uniform(91.5, 95.5))
            for d in DISTRICT_IDS}
    for k in range(12):
        y, m = (2025, 11 + k) if k < 2 else (2026, k - 1)
        districts = {}
        for d in DISTRICT_IDS:
            r, s, t = base[d]
            drift = k * 0.12
            districts[d] = {
                "calls": int(CALLS[d] * SEASON[m] * rng.uniform(0.92, 1.08)),
                "response_rate": round(min(100.0, r + rng.uniform(-0.3, 0.1)), 2),
                "resolution_rate": round(min(99.0, s + drift + rng.uniform(-1.2, 1.2)), 2),
                "satisfaction_rate": round(min(99.0, t + drift + rng.uniform(-1.2, 1.2)), 2)}
        top = next(v for months, v in TOP_TOPICS.items() if m in months)
        out.append({"month": f"{y}-{m:02d}", "districts": districts, "classification": "public",
                    "top_topics": list(top)})
    return out


# -- deputies' suggestions and CPPCC proposals (duty 8) ---------------------------------------
LIAISON_TOPICS = [
    ("加快老旧小区加装电梯", "housing"), ("优化轨道交通夜间运营服务", "transport"),
    ("扩大社区老年助餐服务覆盖面", "civil-affairs"), ("优化医院预约挂号服务", "health"),
    ("降低小微企业融资成本", "finance"), ("培育夜间经济消费街区", "commerce"),
    ("完善山区村庄汛期预警", "emergency"), ("推行企业开办“一网通办”", "service-data"),
    ("加强中轴线周边风貌保护", "planning"), ("增加中小学优质学位供给", "education"),
    ("规范电动自行车停放充电管理", "city-management"),
    ("推进垃圾分类精细化管理", "city-management"),
    ("加强新就业形态劳动者权益保障", "hrss"), ("扩大高校毕业生就业岗位", "hrss"),
    ("完善居家养老上门服务", "civil-affairs"), ("缓解学校周边交通拥堵", "transport"),
    ("增建口袋公园和小微绿地", "landscaping"), ("加强古树名木保护", "landscaping"),
    ("推进社区卫生服务中心提质", "health"), ("优化公共法律服务供给", "justice"),
    ("提升冬季供暖服务质量", "city-management"), ("加快居住区充电设施建设", "city-management"),
    ("规范预付式消费管理", "commerce"), ("加强细颗粒物和臭氧协同治理", "ecology"),
    ("加强历史文化街区保护利用", "planning"), ("加快发展普惠托育服务", "health"),
    ("完善无障碍环境建设", "housing"), ("提升接诉即办工作质效", "service-data"),
    ("加强应急避难场所建设", "emergency"), ("推进涉企审批“一件事”集成办理", "service-data"),
]
REPLY = {
    "A": "{u}已采纳所提意见，{x}相关工作已完成，所提问题已基本解决。",
    "B": "{u}已将{x}列入年度工作计划，正在分步实施，预计明年底前完成。",
    "C": "受用地、资金等条件限制，{x}暂难全面实施，{u}将在编制相关规划时统筹研究。",
}


def liaison(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    letters = {d["number"]: d for d in docs if d["number"].startswith("京政办函")}
    people = iter(compose_names(120, "deputies and members"))
    out = []
    feedbacks = ["satisfied"] * 13 + ["basically-satisfied"] * 6 + ["dissatisfied"]
    seq = {2025: 0, 2026: 0}
    for i in range(60):
        kind = "npc-suggestion" if i % 2 == 0 else "cppcc-proposal"
        topic, lead = LIAISON_TOPICS[i // 2]
        title = f"关于{topic}的{'建议' if kind == 'npc-suggestion' else '提案'}"
        if i < 48:  # handed over after the January sessions
            session, received = 2026, D(2026, 2, 3) + days((i // 2) % 15)
        elif i < 54:
            session, received = 2025, D(2025, 2, 10) + days(i % 10)
        else:  # suggestions made between sessions
            session, received = 2026, D(2026, 6, 15) + days(25 * (i - 54))
        seq[session] += 1
        n_prop = 1 + (i % 3 == 0) + (kind == "cppcc-proposal" and i % 5 == 1)
        li: dict[str, Any] = {
            "id": f"lia-{session}-{seq[session]:03d}", "kind": kind,
            "number": f"{(i * 7) % 900 + 23:04d}", "session": session,
            "proposers": [next(people)[0] for _ in range(n_prop)],
            "title": title, "received": received,
            "lead": lead, "support": [rng.choice(DISTRICT_IDS)],
            "classification": "public" if i % 4 else "internal", "_year": received.year}
        due = received + days(91)
        replied = i != 26 if i < 54 else due < A - days(20)
        if replied:
            late = i % 11 == 3
            rdate = due + days(12) if late else received + days(40 + i % 45)
            if i % 9 == 7:  # the handling unit asked for more time
                li["due"] = received + days(120)
            cat = "ABC"[i % 3] if i % 5 else "A"
            u, x = ZH[lead], topic
            li["reply"] = {"date": min(rdate, A - days(1)), "category": cat,
                           "summary": REPLY[cat].format(u=u, x=x),
                           "disclosure": ["full", "summary", "withheld"][i % 3 if i % 5 else 1]}
            if i % 4 != 2:
                li["feedback"] = feedbacks[i % len(feedbacks)]
        out.append(li)
    # two replies were issued as the General Office's letters (答复函)
    letter_replies = [("京政办函〔2026〕5号", "npc-suggestion", "扩大社区老年助餐服务覆盖面"),
                      ("京政办函〔2026〕11号", "cppcc-proposal", "优化医院预约挂号服务")]
    for number, kind, topic in letter_replies:
        li = next(x for x in out if x["kind"] == kind and x["session"] == 2026
                  and topic in x["title"])
        letter = letters[number]
        assert li["number"] in letter["title"], (number, li["number"])
        li["reply"]["date"] = letter["written"]
        li["reply"]["document"] = letter["id"]
        li["classification"] = "public"
    return out


def rest(docs: list[dict[str, Any]], meetings: list[dict[str, Any]],
         decisions: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    rcv = received(docs)
    reqs = requests(docs)
    briefs = briefings()
    lia = liaison(docs)
    sup = supervision(decisions, meetings, briefs, docs, lia, reqs)
    return {"received": rcv, "requests": reqs, "activities": activities(),
            "briefings": briefs, "supervision": sup, "appraisal": appraisal(),
            "hotline": hotline(), "liaison": lia}
