"""Second half of the sample archive: received documents to liaison (see make_sample.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from make_sample import (
    AGENCIES,
    AGENCY_IDS,
    AS_OF,
    DISTRICT_IDS,
    DISTRICTS,
    OFFICIAL_OF,
    D,
    rng,
)

A = AS_OF
NAME = {a[0]: a[1] for a in AGENCIES} | {d[0]: d[1] for d in DISTRICTS}


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def by_number(docs: list[dict[str, Any]], number: str) -> dict[str, Any]:
    return next(d for d in docs if d["number"] == number)


def received(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    specs = [
        ("国发", 2026, 2, "opinion", "Opinions on Promoting Large-Scale Equipment Renewal",
         D(2026, 1, 8), "dev-reform", "京政发〔2026〕3号"),
        ("国办发", 2026, 5, "notice", "Notice on Strengthening Elderly Care Services in "
         "Communities", D(2026, 2, 3), "civil-affairs", "京政办发〔2026〕9号"),
        ("国发", 2026, 7, "notice", "Notice on the 2026 Air Quality Improvement Action",
         D(2026, 2, 20), "ecology", "京政发〔2026〕5号"),
        ("国办发", 2026, 11, "opinion", "关于进一步优化政务服务提升行政效能的意见",
         D(2026, 4, 2), "service-data", "京政办发〔2026〕23号"),
        ("国办发", 2026, 14, "notice", "Notice on Flood Prevention and Disaster Relief in 2026",
         D(2026, 5, 12), "emergency", "京政办发〔2026〕15号"),
        ("国发", 2026, 16, "decision", "Decision on Revising Certain Administrative Regulations",
         D(2026, 6, 9), "justice", None),
        ("国办发", 2026, 20, "opinion", "Opinions on Compulsory Education Quality",
         D(2026, 7, 1), "education", "京政办发〔2026〕12号"),
        ("国办发", 2026, 25, "notice", "Notice on Winter Heating Supply", D(2026, 9, 25),
         "housing", "京政办发〔2026〕26号"),
        ("国发", 2026, 28, "circular", "Circular on Work Safety Inspections", D(2026, 10, 20),
         "emergency", None),
        ("国办发", 2026, 33, "notice", "关于做好2027年元旦春节期间有关工作的通知",
         D(2026, 11, 18), "general-office", None),
    ]
    out = []
    for i, (prefix, year, seq, typ, title, rec, lead, impl) in enumerate(specs):
        steps = [{"date": rec, "action": "registered"},
                 {"date": rec + days(1), "action": "proposed",
                  "note": f"Proposed that the {NAME.get(lead, 'General Office')} lead."},
                 {"date": rec + days(3), "action": "assigned"}]
        rid = f"rcv-2026-{i + 1:03d}"
        handling: dict[str, Any] = {"lead": lead, "steps": steps}
        if impl:
            doc = by_number(docs, impl)
            if doc["written"] > rec + days(3):
                steps.append({"date": doc["written"], "action": "implemented",
                              "note": f"Implemented by {impl}."})
                if doc["written"] + days(10) <= A:
                    steps.append({"date": doc["written"] + days(10), "action": "filed"})
            handling["implemented_by"] = [doc["id"]]
            doc.setdefault("relations", []).append({"type": "implements", "target": rid})
        out.append({"id": rid, "number": f"{prefix}〔{year}〕{seq}号",
                    "issuer": "state-council" if prefix == "国发" else "state-council-go",
                    "title": title, "received": rec, "type": typ, "handling": handling,
                    "classification": "public" if impl else "internal", "_year": rec.year})
    return out


def requests(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reply1 = by_number(docs, "京政函〔2026〕6号")
    reply2 = by_number(docs, "京政函〔2026〕13号")
    specs = [
        ("chaoyang", "request-for-instructions", "Request for approval to adjust the land-use "
         "plan of the Jiuxianqiao area", D(2026, 3, 2), "approve", "approved", reply1),
        ("tongzhou", "request-for-instructions", "Request for approval of the Canal Park "
         "expansion", D(2026, 5, 20), "approve-with-changes", "approved-with-changes", reply2),
        ("haidian", "for-discussion", "Proposal on a science-city talent housing pilot",
         D(2026, 6, 3), "further-study", "returned", None),
        ("transport", "request-for-instructions", "Request to extend metro service hours on "
         "weekends", D(2026, 7, 1), "approve", "approved", None),
        ("fangshan", "request-for-instructions", "关于申请山区防汛避险资金的请示",
         D(2026, 8, 4), "refer", "referred", None),
        ("commerce", "for-discussion", "Plan for a city-wide consumption voucher programme",
         D(2026, 9, 10), "reject", "rejected", None),
        ("daxing", "request-for-instructions", "Request for approval of the airport economic "
         "zone industrial plan", D(2026, 10, 26), "approve", None, None),
        ("health", "request-for-instructions", "Request on adjusting medical service prices",
         D(2026, 11, 16), None, None, None),
    ]
    out = []
    for i, (frm, kind, title, sub, rec, outcome, reply) in enumerate(specs):
        r: dict[str, Any] = {"id": f"req-2026-{i + 1:03d}", "from": frm, "kind": kind,
                             "title": title, "submitted": sub,
                             "classification": "restricted" if i == 5 else "internal",
                             "_year": sub.year}
        if rec:
            r["review"] = {"date": sub + days(7), "by": "general-office",
                           "opinion": "The request is in line with municipal policy; the "
                                      "Justice Bureau raised no legal objection.",
                           "recommendation": rec}
        if outcome:
            r["decision"] = {"date": sub + days(20), "by": OFFICIAL_OF.get(frm, "evm-xia"),
                             "outcome": outcome}
            if reply:
                r["decision"]["date"] = reply["written"]
                r["decision"]["reply_document"] = reply["id"]
                reply.setdefault("relations", []).append({"type": "responds-to",
                                                          "target": r["id"]})
        out.append(r)
    return out


ACT_TITLES = [
    ("inspection", "Inspection of flood-prevention works in Mentougou", ["mentougou", "emergency"]),
    ("research", "Research visit on elderly canteens in Xicheng", ["xicheng", "civil-affairs"]),
    ("conference", "Municipal conference on optimising the business environment",
     ["dev-reform"]),
    ("reception", "Reception of a delegation from Tianjin Municipality", ["general-office"]),
    ("ceremony", "Opening ceremony of Metro Line 22 (Pinggu Line) section", ["transport",
                                                                             "pinggu"]),
    ("inspection", "调研城市副中心重点工程建设", ["tongzhou", "housing"]),
    ("research", "Research on digital government services in Haidian", ["haidian",
                                                                        "service-data"]),
    ("conference", "Work-safety conference before the National Day holiday", ["emergency"]),
    ("inspection", "Inspection of winter heating readiness", ["housing", "chaoyang"]),
    ("other", "Voluntary tree planting in the Olympic Forest Park", ["ecology"]),
]


def activities() -> list[dict[str, Any]]:
    out = []
    base = [D(2026, 1, 22) + days(21 * i) for i in range(17)] + [A + days(3), A + days(8),
                                                                  A + days(15)]
    for i, day in enumerate(base):
        kind, title, units = ACT_TITLES[i % len(ACT_TITLES)]
        off = ["mayor-yin", "evm-xia", "vm-jin", "vm-ma", "vm-tan", "vm-sima"][i % 6]
        a: dict[str, Any] = {"id": f"act-2026-{i + 1:03d}", "date": day,
                             "start": f"{9 + i % 6:02d}:30", "end": f"{11 + i % 6:02d}:00",
                             "officials": [off], "title": title, "kind": kind,
                             "location": "Beijing", "units": units,
                             "classification": "public" if i % 3 else "internal",
                             "_year": day.year}
        if i < 17:
            a["summary"] = "Heard reports from the units concerned and gave instructions on " \
                           "the next steps."
        out.append(a)
    return out


BRIEF = [
    ("emergency", "Heavy rain in the western mountain districts", "emergency"),
    ("public-sentiment", "网民关注老旧小区加装电梯进度", "housing"),
    ("economy", "Retail sales rose 5.1 % in the first quarter", "commerce"),
    ("livelihood", "Shortage of places in community canteens in Fengtai", "civil-affairs"),
    ("public-sentiment", "Online complaints about late-night metro closures", "transport"),
    ("economy", "Equipment renewal loans reached 30 billion yuan", "dev-reform"),
    ("emergency", "Gas leak in a residential compound in Shijingshan", "emergency"),
    ("livelihood", "关于冬季供暖保障情况的报告", "housing"),
    ("other", "Preparations for the International Services Trade Fair", "commerce"),
    ("public-sentiment", "Parents' concerns over school-place allocation in Changping",
     "education"),
]


def briefings() -> list[dict[str, Any]]:
    out = []
    for i in range(20):
        cat, title, src = BRIEF[i % len(BRIEF)]
        day = D(2026, 1, 10) + days(16 * i)
        if i >= 10:
            title = f"{title} (follow-up)" if title[0] < "\u4e00" else f"{title}（续报）"
        b: dict[str, Any] = {
            "id": f"brf-2026-{i + 1:03d}", "date": day, "title": title, "category": cat,
            "source": src, "classification": "restricted" if i in (6, 16) else "internal",
            "summary": ("据报，有关情况已引起群众关注，相关部门正在处置。" if title[0] >= "\u4e00"
                        else "The reporting unit describes the situation, the response so far "
                             "and the risks it sees."),
            "_year": day.year}
        if i % 5 != 4:
            b["instructions"] = [{"by": OFFICIAL_OF.get(src, "mayor-yin"),
                                  "date": day + days(1),
                                  "text": "Please study this and propose measures within a week."
                                  if i % 2 else "请有关部门抓紧研究落实，及时报告进展。"}]
        out.append(b)
    return out


STATUSES = ["completed", "completed-late", "suspended", "overdue", "at-risk-soon",
            "at-risk-stale", "on-track", "not-started"]


def supervision(decisions: list[dict[str, Any]], meetings: list[dict[str, Any]],
                briefs: list[dict[str, Any]], docs: list[dict[str, Any]],
                liaison: list[dict[str, Any]], reqs: list[dict[str, Any]]
                ) -> list[dict[str, Any]]:
    held = {d["id"]: m["date"] for m in meetings for a in m["agenda"]
            for d in a.get("decisions", [])}
    sources: list[tuple[str, str | None, dt.date, str, str]] = []
    for d in decisions[:26]:
        sources.append(("meeting-decision", d["id"], held[d["id"]], d["lead"],
                        d["text"].split(" is to ")[1].rstrip(".").capitalize()))
    for b in [b for b in briefs if b.get("instructions")][:6]:
        sources.append(("leader-instruction", b["id"], b["date"] + days(1), b["source"],
                        f"Follow up the instruction on: {b['title']}"))
    norm = [d for d in docs if d.get("normative", {}).get("status") == "in-force"][:3]
    for d in norm:
        sources.append(("normative-document", d["id"], max(d["written"], D(2026, 1, 5)),
                        "justice", f"Check implementation of {d['number']}"))
    sources.append(("major-decision", reqs[0]["id"], D(2026, 4, 10), "chaoyang",
                    "Carry out the approved land-use adjustment in Jiuxianqiao"))
    sources.append(("key-task", None, D(2026, 1, 20), "service-data",
                    "优化营商环境：实现高频政务服务事项“一网通办”"))
    sources.append(("key-task", None, D(2026, 2, 1), "housing",
                    "Renovate 600 old residential compounds in 2026"))
    for li in liaison[:2]:
        sources.append(("liaison", li["id"], li["received"] + days(5), li["lead"],
                        f"Carry out the commitments made in reply to {li['title']}"))
    out = []
    for i, (kind, ref, start, lead, title) in enumerate(sources[:40]):
        status = STATUSES[i % len(STATUSES)]
        assigned = start + days(3)
        s: dict[str, Any] = {"id": f"sup-2026-{i + 1:03d}", "title": title,
                             "source": {"kind": kind, **({"ref": ref} if ref else {})},
                             "lead": lead, "support": [rng.choice(DISTRICT_IDS)],
                             "assigned": assigned, "classification": "internal",
                             "_year": assigned.year}
        updates: list[tuple[dt.date, int]] = []
        if status == "not-started":
            assigned = max(assigned, A - days(12))
            s["assigned"] = assigned
            deadline = A + days(80)
        elif status == "completed":
            deadline = max(assigned + days(90), A - days(20))
            done = min(assigned + days(75), A - days(1))
            updates = [(assigned + days(20), 30), (assigned + days(50), 70), (done, 100)]
            s["completed"] = done
        elif status == "completed-late":
            deadline = assigned + days(40)
            done = min(deadline + days(21), A - days(1))
            updates = [(assigned + days(20), 50), (done, 100)]
            s["completed"] = done
        elif status == "suspended":
            deadline = A + days(60)
            updates = [(assigned + days(15), 20)]
        elif status == "overdue":
            deadline = A - days(9 + i)
            updates = [(assigned + days(10), 40), (min(deadline - days(5), A - days(3)), 60)]
        elif status == "at-risk-soon":
            deadline = A + days(7)
            updates = [(A - days(20), 35), (A - days(6), 55)]
        elif status == "at-risk-stale":
            deadline = A + days(90)
            updates = [(min(assigned + days(10), A - days(45)), 25)]
        else:  # on-track
            deadline = A + days(45 + i)
            updates = [(A - days(30), 40), (A - days(8), 65)]
        if status in ("completed", "completed-late"):
            s["state"] = "completed"
            s["verified_by"] = "sg-zeng"
        elif status == "suspended":
            s["state"] = "suspended"
            s["summary"] = "Suspended pending the State Council's revision of the regulations."
        else:
            s["state"] = "open"
        if deadline < assigned:
            deadline = assigned + days(1)
        s["deadline"] = deadline
        updates = [(d, p) for d, p in updates if assigned <= d <= A]
        if updates:
            s["updates"] = [{"date": d, "percent": p,
                             "note": "工作按计划推进。" if j % 2 else "Work is proceeding; "
                             "the lead unit has set up a task force.",
                             **({"difficulties": "Land acquisition is slower than planned."}
                                if status in ("overdue", "at-risk-soon") and j == len(updates) - 1
                                else {}),
                             **({"next_steps": "Submit the final report to the General Office."}
                                if p < 100 else {})}
                            for j, (d, p) in enumerate(updates)]
        s["milestones"] = [{"title": "Plan approved", "due": assigned + days(20),
                            **({"done": assigned + days(18)} if assigned + days(18) <= A
                               else {})},
                           {"title": "Work completed", "due": deadline}]
        if kind == "meeting-decision":  # the decision's deadline is the item's deadline
            next(d for d in decisions if d["id"] == ref)["deadline"] = deadline
        if kind == "leader-instruction":
            b = next(b for b in briefs if b["id"] == ref)
            b["instructions"][0]["supervision"] = s["id"]
            if b["classification"] == "restricted":
                s["classification"] = "restricted"
        out.append(s)
    return out


def appraisal() -> list[dict[str, Any]]:
    indicators = [
        {"id": "key-tasks", "name": "Key tasks completed", "name_zh": "重点任务完成", "weight": 30},
        {"id": "rule-of-law", "name": "Administration by law", "name_zh": "依法行政", "weight": 15},
        {"id": "hotline", "name": "12345 hotline performance", "name_zh": "接诉即办",
         "weight": 25},
        {"id": "fiscal", "name": "Fiscal performance", "name_zh": "财政绩效", "weight": 15},
        {"id": "satisfaction", "name": "Public satisfaction", "name_zh": "群众满意度",
         "weight": 15},
    ]
    out = []
    for year in (2024, 2025):
        agencies = AGENCY_IDS + (["zgc-coordination"] if year == 2024 else [])
        scores = {u: {ind["id"]: round(rng.uniform(62, 99), 1) for ind in indicators}
                  for u in DISTRICT_IDS + agencies}
        out.append({
            "year": year, "indicators": indicators,
            "groups": {"district": DISTRICT_IDS, "agency": agencies},
            "grades": {"excellent": 90, "good": 80, "fair": 70}, "scores": scores,
            "adjustments": [
                {"unit": "fengtai", "points": -2, "reason": "Serious work-safety incident."},
                {"unit": "service-data", "points": 1.5, "reason": "National award for online "
                                                                   "government services."}],
            "classification": "internal" if year == 2025 else "public",
        })
    return out


def hotline() -> list[dict[str, Any]]:
    out = []
    base = {d: (rng.uniform(95, 99.5), rng.uniform(70, 85), rng.uniform(75, 90))
            for d in DISTRICT_IDS}
    for k in range(12):
        y, m = (2025, 11 + k) if k < 2 else (2026, k - 1)
        month = f"{y}-{m:02d}"
        districts = {}
        for d in DISTRICT_IDS:
            r, s, t = base[d]
            drift = k * 0.4
            districts[d] = {"calls": rng.randint(8000, 160000),
                            "response_rate": round(min(100, r + rng.uniform(-1, 0.5)), 2),
                            "resolution_rate": round(min(100, s + drift + rng.uniform(-3, 3)), 2),
                            "satisfaction_rate": round(min(100, t + drift + rng.uniform(-3, 3)),
                                                       2)}
        out.append({"month": month, "districts": districts, "classification": "public",
                    "top_topics": ["heating", "property management", "noise"] if m in (11, 12, 1)
                    else ["parking", "property management", "public transport"]})
    return out


LIAISON_TOPICS = [
    ("Suggestion on adding community sports facilities", "education"),
    ("Proposal on extending metro service hours", "transport"),
    ("关于加快老旧小区加装电梯的建议", "housing"),
    ("Proposal on protecting the Central Axis heritage", "ecology"),
    ("Suggestion on expanding elderly canteens", "civil-affairs"),
    ("关于优化医院预约挂号服务的提案", "health"),
    ("Suggestion on reducing small-business fees", "finance"),
    ("Proposal on night-time economy districts", "commerce"),
    ("Suggestion on flood warnings in mountain villages", "emergency"),
    ("Proposal on one-stop online registration for companies", "service-data"),
]


def liaison(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reply_docs = [d for d in docs if d["number"].startswith("京政办函")
                  and d["classification"] == "public"]
    out = []
    feedbacks = ["satisfied", "basically-satisfied", "dissatisfied"]
    for i in range(60):
        kind = "npc-suggestion" if i % 2 == 0 else "cppcc-proposal"
        title, lead = LIAISON_TOPICS[i % len(LIAISON_TOPICS)]
        session = 2026 if i < 48 else 2025
        received = (D(session, 2, 1) + days(i % 20)) if i < 54 else D(2026, 9, 1) + days(i * 3)
        if i >= 54:
            session = 2026
        li: dict[str, Any] = {
            "id": f"lia-{session}-{i + 1:03d}", "kind": kind,
            "number": f"{(i * 7) % 900 + 23:04d}", "session": session,
            "proposers": [f"Deputy {chr(65 + i % 26)}. {['Li', 'Wang', 'Zhang', 'Liu'][i % 4]}"]
            if kind == "npc-suggestion" else [f"委员{['张', '王', '李', '赵'][i % 4]}某"],
            "title": title if i < 10 else f"{title} ({i})", "received": received,
            "lead": lead, "support": [rng.choice(DISTRICT_IDS)],
            "classification": "public" if i % 4 else "internal", "_year": received.year}
        due = received + days(91)
        if i < 54 and i % 9 != 8:  # replied
            late = i % 7 == 3
            rdate = due + days(12) if late else received + days(40 + i % 40)
            if i % 9 == 7:  # a reply to an item with an extended due date
                li["due"] = received + days(120)
            cat = "ABC"[i % 3]
            li["reply"] = {"date": rdate, "category": cat,
                           "summary": {"A": "The suggestion has been adopted and the work is "
                                            "done.",
                                       "B": "The suggestion is being carried out and is in "
                                            "next year's plan.",
                                       "C": "Conditions do not yet allow it; kept for "
                                            "reference."}[cat],
                           "disclosure": ["full", "summary", "withheld"][i % 3 if i % 5 else 1]}
            if i < len(reply_docs) * 3 and i % 3 == 0:
                doc = reply_docs[(i // 3) % len(reply_docs)]
                if doc["written"] >= received:
                    li["reply"]["document"] = doc["id"]
            if i % 4 != 2:
                li["feedback"] = feedbacks[i % 3]
        out.append(li)
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
