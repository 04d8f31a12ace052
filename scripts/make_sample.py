"""Write the illustrative sample archive into records/ (run once; the output is committed).

The data is fictional but follows how Beijing's General Office works.  Dates are
chosen against the reference as-of date 2026-11-27 so that every computed status
appears in the sample (the tests build with --as-of 2026-11-27).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

D = dt.date
AS_OF = D(2026, 11, 27)
rng = random.Random(20261127)
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "records")

DISTRICTS = [
    ("dongcheng", "Dongcheng District", "东城区"), ("xicheng", "Xicheng District", "西城区"),
    ("chaoyang", "Chaoyang District", "朝阳区"), ("haidian", "Haidian District", "海淀区"),
    ("fengtai", "Fengtai District", "丰台区"), ("shijingshan", "Shijingshan District", "石景山区"),
    ("mentougou", "Mentougou District", "门头沟区"), ("fangshan", "Fangshan District", "房山区"),
    ("tongzhou", "Tongzhou District", "通州区"), ("shunyi", "Shunyi District", "顺义区"),
    ("changping", "Changping District", "昌平区"), ("daxing", "Daxing District", "大兴区"),
    ("huairou", "Huairou District", "怀柔区"), ("pinggu", "Pinggu District", "平谷区"),
    ("miyun", "Miyun District", "密云区"), ("yanqing", "Yanqing District", "延庆区"),
]
AGENCIES = [
    ("dev-reform", "Municipal Commission of Development and Reform", "市发展改革委"),
    ("finance", "Municipal Finance Bureau", "市财政局"),
    ("education", "Municipal Education Commission", "市教委"),
    ("housing", "Municipal Commission of Housing and Urban-Rural Development", "市住房城乡建设委"),
    ("ecology", "Municipal Ecology and Environment Bureau", "市生态环境局"),
    ("transport", "Municipal Transport Commission", "市交通委"),
    ("health", "Municipal Health Commission", "市卫生健康委"),
    ("commerce", "Municipal Commerce Bureau", "市商务局"),
    ("civil-affairs", "Municipal Civil Affairs Bureau", "市民政局"),
    ("emergency", "Municipal Emergency Management Bureau", "市应急局"),
    ("service-data", "Municipal Government Service and Data Management Bureau",
     "市政务服务和数据局"),
    ("justice", "Municipal Justice Bureau", "市司法局"),
]
AGENCY_IDS = [a[0] for a in AGENCIES]
AGENCY_NAME = dict((a[0], a[1]) for a in AGENCIES)
ACTIONS = ["draft an implementation plan", "report progress monthly", "complete the pilot",
           "publish the rules"]
DISTRICT_IDS = [d[0] for d in DISTRICTS]


def units() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {"id": "beijing-gov", "name": "People's Government of Beijing Municipality",
         "name_zh": "北京市人民政府", "kind": "government", "status": "active",
         "classification": "public"},
        {"id": "general-office", "name": "General Office of the Municipal Government",
         "name_zh": "北京市人民政府办公厅", "kind": "general-office", "parent": "beijing-gov",
         "status": "active", "classification": "public"},
        {"id": "state-council", "name": "State Council", "name_zh": "国务院",
         "kind": "state-council", "status": "active", "classification": "public"},
        {"id": "state-council-go", "name": "General Office of the State Council",
         "name_zh": "国务院办公厅", "kind": "state-council", "parent": "state-council",
         "status": "active", "classification": "public"},
        {"id": "npc-standing", "name": "Standing Committee of the Municipal People's Congress",
         "name_zh": "市人大常委会", "kind": "legislature", "status": "active",
         "classification": "public"},
        {"id": "cppcc-bj", "name": "Beijing Committee of the CPPCC", "name_zh": "市政协",
         "kind": "cppcc", "status": "active", "classification": "public"},
    ]
    for uid, name, zh in DISTRICTS:
        out.append({"id": uid, "name": name, "name_zh": zh, "kind": "district",
                    "parent": "beijing-gov", "status": "active", "classification": "public"})
    for uid, name, zh in AGENCIES:
        out.append({"id": uid, "name": name, "name_zh": zh, "kind": "agency",
                    "parent": "beijing-gov", "status": "active", "classification": "public"})
    out.append({"id": "zgc-coordination", "name": "Zhongguancun Pilot Zone Coordination Office",
                "name_zh": "中关村示范区协调办公室", "kind": "agency", "parent": "beijing-gov",
                "status": "closed", "classification": "public",
                "closed": {"date": D(2025, 6, 30), "reason": "merged",
                           "replaced_by": "dev-reform"}})
    return out


OFFICIALS = [
    {"id": "mayor-yin", "name": "Yin Hang", "name_zh": "殷航", "position": "mayor",
     "title": "Mayor", "portfolio": ["general-office"], "from": D(2023, 1, 19)},
    {"id": "evm-xia", "name": "Xia Linmao", "name_zh": "夏林茂", "position": "executive-vice-mayor",
     "title": "Executive Vice Mayor", "portfolio": ["dev-reform", "finance"],
     "from": D(2023, 1, 19)},
    {"id": "vm-jin", "name": "Jin Wei", "name_zh": "靳伟", "position": "vice-mayor",
     "title": "Vice Mayor", "portfolio": ["housing", "transport"], "from": D(2023, 1, 19)},
    {"id": "vm-ma", "name": "Ma Jun", "name_zh": "马骏", "position": "vice-mayor",
     "title": "Vice Mayor", "portfolio": ["health", "civil-affairs", "emergency"],
     "from": D(2023, 1, 19)},
    {"id": "vm-tan", "name": "Tan Xuxiang", "name_zh": "谈绪祥", "position": "vice-mayor",
     "title": "Vice Mayor", "portfolio": ["education", "ecology"], "from": D(2023, 1, 19)},
    {"id": "vm-sima", "name": "Sima Hong", "name_zh": "司马红", "position": "vice-mayor",
     "title": "Vice Mayor", "portfolio": ["commerce", "service-data"], "from": D(2023, 1, 19)},
    {"id": "sg-zeng", "name": "Zeng Zan", "name_zh": "曾赞", "position": "secretary-general",
     "title": "Secretary-General of the Municipal Government", "portfolio": ["general-office"],
     "from": D(2022, 7, 1)},
    {"id": "dsg-wang", "name": "Wang Hongcun", "name_zh": "王红存",
     "position": "deputy-secretary-general",
     "title": "Deputy Secretary-General; Director of the General Office",
     "portfolio": ["general-office", "justice"], "from": D(2021, 3, 1), "to": None},
]
for o in OFFICIALS:
    o["classification"] = "public"
    if o.get("to") is None:
        o.pop("to", None)
# the names are fictional; any likeness to real officials is accidental

TOPICS = [
    {"id": "economy", "name": "Economy", "name_zh": "经济", "children": [
        {"id": "investment", "name": "Investment", "name_zh": "投资"},
        {"id": "business-environment", "name": "Business environment", "name_zh": "营商环境"},
        {"id": "consumption", "name": "Consumption", "name_zh": "消费"}]},
    {"id": "livelihood", "name": "Livelihood", "name_zh": "民生", "children": [
        {"id": "housing-topic", "name": "Housing", "name_zh": "住房"},
        {"id": "elderly-care", "name": "Elderly care", "name_zh": "养老"},
        {"id": "education-topic", "name": "Education", "name_zh": "教育"},
        {"id": "health-topic", "name": "Health", "name_zh": "卫生健康"}]},
    {"id": "city", "name": "City management", "name_zh": "城市管理", "children": [
        {"id": "transport-topic", "name": "Transport", "name_zh": "交通"},
        {"id": "environment", "name": "Environment", "name_zh": "生态环境"},
        {"id": "safety", "name": "Public safety", "name_zh": "公共安全"}]},
    {"id": "government", "name": "Government affairs", "name_zh": "政务", "children": [
        {"id": "digital-government", "name": "Digital government", "name_zh": "数字政府"},
        {"id": "rule-of-law", "name": "Rule of law", "name_zh": "法治政府"}]},
]
for t in TOPICS:
    t["classification"] = "public"

AGENCY_TOPIC = {"dev-reform": "investment", "finance": "investment", "education":
                "education-topic", "housing": "housing-topic", "ecology": "environment",
                "transport": "transport-topic", "health": "health-topic", "commerce":
                "consumption", "civil-affairs": "elderly-care", "emergency": "safety",
                "service-data": "digital-government", "justice": "rule-of-law"}
OFFICIAL_OF = {u: o["id"] for o in OFFICIALS for u in o.get("portfolio", [])
               if o["position"] == "vice-mayor" or o["position"] == "executive-vice-mayor"}

# -- documents -------------------------------------------------------------------------------
# (id, prefix, year, seq, type, title, lead agency, written, classification, normative, zh)
DOC_SPECS: list[tuple[Any, ...]] = [
    ("doc-2019-004", "京政发", 2019, 4, "opinion",
     "Opinions on Strengthening the Protection of Ancient Trees", "ecology", D(2019, 3, 12),
     "public", {"effective": D(2019, 4, 1), "status": "repealed"}, False),
    ("doc-2019-021", "京政办发", 2019, 21, "notice",
     "Notice on the Administration of Shared Bicycles", "transport", D(2019, 6, 20),
     "public", {"effective": D(2019, 7, 1), "status": "in-force"}, False),
    ("doc-2020-009", "京政发", 2020, 9, "decision",
     "Decision on Optimising the Business Environment in Beijing", "dev-reform", D(2020, 4, 8),
     "public", {"effective": D(2020, 5, 1), "expires": D(2027, 4, 30), "status": "amended"},
     False),
    ("doc-2021-012", "京政发", 2021, 12, "opinion",
     "Opinions on Developing Community Elderly Care Services", "civil-affairs", D(2021, 11, 3),
     "public", {"effective": D(2022, 3, 1), "status": "in-force"}, False),
    ("doc-2022-015", "京政办发", 2022, 15, "notice",
     "关于加强城市更新项目管理的通知", "housing", D(2022, 8, 16), "public",
     {"effective": D(2022, 9, 1), "expires": D(2027, 1, 31), "status": "in-force"}, True),
    ("doc-2023-006", "京政发", 2023, 6, "opinion",
     "Opinions on Promoting the High-Quality Development of the Digital Economy", "service-data",
     D(2023, 2, 21), "public", {"effective": D(2023, 3, 1), "status": "in-force"}, False),
    ("doc-2024-003", "京政发", 2024, 3, "decision",
     "Decision on Repealing and Revising Certain Normative Documents", "justice",
     D(2024, 2, 29), "public", {"effective": D(2024, 2, 29), "status": "in-force"}, False),
    ("doc-2024-018", "京政办发", 2024, 18, "notice",
     "Notice on the Protection of Ancient and Famous Trees", "ecology", D(2024, 5, 10),
     "public", {"effective": D(2024, 6, 1), "status": "in-force"}, False),
    ("doc-2025-007", "京政发", 2025, 7, "decision",
     "Decision on Amending the Decision on Optimising the Business Environment",
     "dev-reform", D(2025, 3, 18), "public",
     {"effective": D(2025, 4, 1), "status": "in-force"}, False),
    ("doc-2025-031", "京政办发", 2025, 31, "notice",
     "关于进一步做好12345市民服务热线接诉即办工作的通知", "service-data", D(2025, 9, 5),
     "public", {"effective": D(2025, 10, 1), "status": "in-force"}, True),
]
PLAIN_DOCS: list[tuple[Any, ...]] = [
    ("京政发", 2026, 1, "decision", "Decision on the 2026 Key Tasks of the Municipal Government",
     "general-office", D(2026, 1, 16), "public"),
    ("京政发", 2026, 3, "opinion", "Opinions on Implementing the State Council's Plan for "
     "Large-Scale Equipment Renewal", "dev-reform", D(2026, 2, 10), "public"),
    ("京政发", 2026, 5, "notice", "Notice on the 2026 Plan for Air Pollution Control",
     "ecology", D(2026, 3, 2), "public"),
    ("京政发", 2026, 8, "communique", "Communique on the Appraisal of 2025 Performance",
     "general-office", D(2026, 3, 28), "public"),
    ("京政发", 2026, 11, "order", "Order on the Implementation of the Regulations on "
     "Emergency Shelters", "emergency", D(2026, 5, 6), "public"),
    ("京政发", 2026, 14, "announcement", "关于调整本市最低工资标准的公告", "finance",
     D(2026, 6, 18), "public"),
    ("京政发", 2026, 17, "public-notice", "Public Notice on Traffic Control During the "
     "International Services Trade Fair", "transport", D(2026, 8, 20), "public"),
    ("京政发", 2026, 19, "report", "Report to the State Council on Implementing the "
     "Plan for Large-Scale Equipment Renewal", "dev-reform", D(2026, 9, 14), "internal"),
    ("京政发", 2026, 22, "request", "Request to the State Council for Approval of the Tongzhou "
     "Rail Transit Hub Plan", "transport", D(2026, 10, 9), "internal"),
    ("京政办发", 2026, 2, "notice", "关于做好2026年春节期间安全生产工作的通知", "emergency",
     D(2026, 1, 20), "public"),
    ("京政办发", 2026, 4, "circular", "Circular on the Results of the 2025 Supervision of "
     "Key Tasks", "general-office", D(2026, 2, 26), "internal"),
    ("京政办发", 2026, 9, "notice", "Notice on Expanding Community Canteens for the Elderly",
     "civil-affairs", D(2026, 4, 12), "public"),
    ("京政办发", 2026, 12, "opinion", "关于推进义务教育优质均衡发展的意见", "education",
     D(2026, 5, 22), "public"),
    ("京政办发", 2026, 15, "notice", "Notice on Flood Prevention Duties in the 2026 Flood "
     "Season", "emergency", D(2026, 6, 1), "public"),
    ("京政办发", 2026, 20, "circular", "Circular on Delays in Rectifying Audit Findings",
     "finance", D(2026, 8, 3), "restricted"),
    ("京政办发", 2026, 23, "notice", "Notice on the Second Batch of Government Services "
     "Handled Online", "service-data", D(2026, 9, 21), "public"),
    ("京政办发", 2026, 26, "notice", "Notice on Winter Heating Guarantees", "housing",
     D(2026, 10, 28), "public"),
    ("京政函", 2026, 6, "reply", "Reply to the Chaoyang District Government on Adjusting the "
     "Land-Use Plan of the Jiuxianqiao Area", "housing", D(2026, 3, 30), "internal"),
    ("京政函", 2026, 13, "reply", "Reply to the Tongzhou District Government on the Canal "
     "Park Expansion", "ecology", D(2026, 6, 25), "internal"),
    ("京政函", 2026, 21, "letter", "Letter to the State Council General Office on "
     "Cross-Regional Traffic Coordination", "transport", D(2026, 9, 30), "internal"),
    ("京政办函", 2026, 5, "letter", "Reply letter to NPC deputies' suggestion on community "
     "sports facilities", "education", D(2026, 5, 28), "public"),
    ("京政办函", 2026, 11, "letter", "关于对市政协提案办理情况的复函", "health",
     D(2026, 6, 30), "public"),
    ("京政办函", 2026, 17, "letter", "Reply letter on the proposal to extend metro service "
     "hours", "transport", D(2026, 7, 20), "public"),
    ("京政办函", 2026, 24, "letter", "Letter on the Coordination of Emergency Supplies",
     "emergency", D(2026, 9, 9), "restricted"),
    ("京政发", 2025, 12, "decision", "Decision on Commending Advanced Units in Poverty "
     "Alleviation Cooperation", "general-office", D(2025, 5, 20), "public"),
    ("京政办发", 2025, 40, "notice", "Notice on the 2025 Autumn Tree-Planting Campaign",
     "ecology", D(2025, 10, 15), "public"),
]


def yaml_dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=96)
    path.write_text(text, encoding="utf-8")


def zh_or_en(zh: bool, en: str, cn: str) -> str:
    return cn if zh else en


def documents() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for (did, prefix, year, seq, typ, title, lead, written, cls, norm, zh) in DOC_SPECS:
        issuer = "beijing-gov" if prefix == "京政发" else "general-office"
        doc: dict[str, Any] = {
            "id": did, "number": f"{prefix}〔{year}〕{seq}号", "type": typ,
            "issuers": [issuer], "title": title, "recipients": [*DISTRICT_IDS[:4], lead],
            "written": written, "published": written + dt.timedelta(days=rng.randint(2, 9)),
            "urgency": "normal", "classification": cls,
            "topics": [AGENCY_TOPIC[lead]], "normative": dict(norm),
            "summary": zh_or_en(zh, f"Sets out the municipal policy: {title.lower()}. Districts "
                                    "and agencies are to implement it within their remit.",
                                "本文件明确了本市相关工作的政策要求，各区、各部门结合实际认真贯彻执行。"),
        }
        if issuer == "beijing-gov":
            doc["signatory"] = "mayor-yin"
        docs.append(doc)
    by_id = {d["id"]: d for d in docs}
    # chains: repeal, supersede, amend, interpret
    by_id["doc-2024-003"]["relations"] = [{"type": "repeals", "target": "doc-2019-004"}]
    by_id["doc-2024-018"]["relations"] = [{"type": "supersedes", "target": "doc-2019-004"}]
    by_id["doc-2025-007"]["relations"] = [{"type": "amends", "target": "doc-2020-009"}]
    by_id["doc-2021-012"]["interpretation"] = (
        "**Policy interpretation.** The opinions set up a three-tier network of elderly care "
        "(municipal, district, community) and fund community canteens.")
    by_id["doc-2023-006"]["attachments"] = [
        {"title": "Key tasks of the digital economy, 2023-2025", "file": "doc-2023-006/tasks.pdf"}]
    counter = {2025: 0, 2026: 0}
    for (prefix, year, seq, typ, title, lead, written, cls) in PLAIN_DOCS:
        counter[year] += 1
        did = f"doc-{year}-{100 + counter[year]:03d}"
        issuer = "beijing-gov" if prefix.startswith("京政发") or prefix == "京政函" \
            else "general-office"
        zh = any("\u4e00" <= ch <= "\u9fff" for ch in title)
        doc = {
            "id": did, "number": f"{prefix}〔{year}〕{seq}号", "type": typ, "issuers": [issuer],
            "title": title, "recipients": ([lead] if typ in ("reply", "letter") else
                                           [*DISTRICT_IDS[:6], lead]),
            "written": written, "urgency": rng.choice(["normal"] * 5 + ["urgent", "extra-urgent"]),
            "classification": cls, "topics": [AGENCY_TOPIC.get(lead, "government")],
            "summary": zh_or_en(zh, f"{title}. Prepared by the "
                                f"{AGENCY_NAME.get(lead, 'General Office')}"
                                " and issued after review by the General Office.",
                                "经市政府同意，现将有关事项通知如下，请认真贯彻落实。"),
        }
        if cls != "restricted":
            doc["published"] = written + dt.timedelta(days=rng.randint(1, 6))
        if typ in ("report", "request"):
            doc["recipients"] = ["state-council"]
            doc["signatory"] = "mayor-yin"
        if cls == "restricted":
            doc["summary"] += " Sentinel: this circular is not for wide circulation."
        docs.append(doc)
    # joint issuance and a Chinese body
    docs[-3]["issuers"] = ["general-office", "finance"] if docs[-3]["issuers"] == [
        "general-office"] else docs[-3]["issuers"]
    return docs


MINUTES_BASE = 40


def ordinal(n: int) -> str:
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n, 'th')}"


def meetings(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """12 meetings (10 held, with decisions; 2 upcoming) and their minutes documents."""
    plan = [
        ("executive", 1, D(2026, 1, 12)), ("executive", 2, D(2026, 2, 9)),
        ("plenary", 1, D(2026, 2, 24)), ("executive", 3, D(2026, 3, 16)),
        ("special-topic", 1, D(2026, 4, 20)), ("executive", 4, D(2026, 5, 18)),
        ("executive", 5, D(2026, 6, 22)), ("special-topic", 2, D(2026, 7, 27)),
        ("executive", 6, D(2026, 9, 7)), ("executive", 7, D(2026, 10, 19)),
        ("executive", 8, D(2026, 12, 7)), ("plenary", 2, D(2026, 12, 21)),
    ]
    topics = [
        ("Equipment renewal programme", "dev-reform"), ("Air quality action plan", "ecology"),
        ("Elderly care service network", "civil-affairs"), ("School places in new towns",
                                                            "education"),
        ("Flood prevention readiness", "emergency"), ("Old residential compound renovation",
                                                      "housing"),
        ("Metro line 22 construction", "transport"), ("Hospital appointment reform", "health"),
        ("Consumption season", "commerce"), ("One-stop online services", "service-data"),
        ("Budget execution review", "finance"), ("Rule-of-law government review", "justice"),
    ]
    out, minutes = [], []
    n = 0
    for i, (kind, session, day) in enumerate(plan):
        held = day <= AS_OF
        agenda = []
        for j in range(3 if held else 2):
            title, lead = topics[(i * 3 + j) % len(topics)]
            decisions = []
            if held:
                for k in range(2 if j < 2 else 1):
                    n += 1
                    deadline = day + dt.timedelta(days=rng.choice([60, 90, 120, 180, 240]))
                    decisions.append({
                        "id": f"dec-2026-{n:03d}",
                        "text": f"The {AGENCY_NAME[lead]} is to {ACTIONS[k % 4]} "
                                f"on {title.lower()}.",
                        "lead": lead, "support": [rng.choice(DISTRICT_IDS)],
                        "deadline": deadline})
            agenda.append({
                "item": j + 1, "title": title, "presenter": lead,
                "outcome": ("approved" if j == 0 else rng.choice(
                    ["approved", "approved-in-principle", "noted", "deferred"])) if held
                else "noted",
                **({"decisions": decisions} if decisions else {})})
        mid = f"mtg-2026-{i + 1:03d}"
        chair = "mayor-yin" if kind != "special-topic" else "evm-xia"
        m: dict[str, Any] = {
            "id": mid, "kind": kind, "session": session, "date": day,
            "location": "Municipal Government Building, Tongzhou",
            "chair": chair, "attendees": [o["id"] for o in OFFICIALS if o["id"] != chair][:6],
            "agenda": agenda, "classification": "internal" if i != 7 else "restricted",
            "summary": (f"The {ordinal(session)} {kind.replace('-', ' ')} meeting of 2026."
                        if held else
                        "Scheduled; agenda subject to change."),
        }
        if i == 0:
            m["summary"] = "市政府2026年第1次常务会议，研究部署全年重点工作。"
        if held and kind == "executive":
            seq = MINUTES_BASE + session
            doc_id = f"doc-2026-{200 + session:03d}"
            minutes.append({
                "id": doc_id, "number": f"京政会纪〔2026〕{seq}号", "type": "minutes",
                "issuers": ["general-office"], "title": f"Minutes of the {session} executive "
                f"meeting of the Municipal Government, 2026", "recipients": ["general-office"],
                "written": day + dt.timedelta(days=2), "urgency": "normal",
                "classification": m["classification"],
                "summary": "Records the decisions taken at the meeting."})
            m["minutes"] = doc_id
        out.append(m)
    return out, minutes


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    yaml_dump(OUT / "registry/units.yaml", units())
    yaml_dump(OUT / "registry/officials.yaml", OFFICIALS)
    yaml_dump(OUT / "registry/topics.yaml", TOPICS)
    docs = documents()
    mtgs, minutes = meetings(docs)
    docs += minutes
    decisions = [d for m in mtgs for a in m["agenda"] for d in a.get("decisions", [])]
    from sample_rest import rest  # the second half: received .. liaison

    extra = rest(docs, mtgs, decisions)
    for d in docs:
        yaml_dump(OUT / f"documents/{d['written'].year}/{d['id']}.yaml", d)
    for m in mtgs:
        yaml_dump(OUT / f"meetings/{m['date'].year}/{m['id']}.yaml", m)
    for folder, recs in extra.items():
        for r in recs:
            if folder in ("appraisal", "hotline"):
                key = r.get("year") or r["month"]
                yaml_dump(OUT / f"{folder}/{key}.yaml", r)
            else:
                year = r["_year"]
                del r["_year"]
                yaml_dump(OUT / f"{folder}/{year}/{r['id']}.yaml", r)
    print(f"wrote {sum(1 for _ in OUT.rglob('*.yaml'))} files to {OUT}")


if __name__ == "__main__":
    main()
