"""The registers as the office keeps them (issue 17): what the second edition of the contract
adds to units, suggestions and proposals, the hotline and the appraisal.

Called last by make_sample.main(), on the archive it has written: it adds the new units
and the new fields to the records already there, and writes what is new.  Each part draws
from its own random.Random, so the rest of the sample stays as make_sample writes it.
Institutions are real; persons fictional (make_sample's OFFICIALS); the credit codes are
composed (valid check characters, not the institutions' own codes).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml
from make_sample import AS_OF, OFFICIALS, days, yaml_dump

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng: random.Random, head: str) -> str:
    """A composed unified social credit code: head (registration office, kind, division:
    "11110000" for a Beijing municipal organ), nine organisation-code characters and the
    check character of GB 32100-2015."""
    body = head + "".join(rng.choice("0123456789") for _ in range(17 - len(head)))
    total = sum(CREDIT_CHARS.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + CREDIT_CHARS[(31 - total % 31) % 31]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _before_classification(rec: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """rec with fields added just before its classification (the order editors read)."""
    out = {k: v for k, v in rec.items() if k != "classification"}
    out.update(fields)
    out["classification"] = rec.get("classification", "internal")
    return out


# -- units: the development zone and the Party committee ---------------------------------------
NEW_UNITS = [
    {"id": "bda", "name": "Beijing Economic-Technological Development Area",
     "name_zh": "北京经济技术开发区", "kind": "development-zone", "parent": "beijing-gov",
     "status": "active", "classification": "public"},
    {"id": "party-committee", "name": "CPC Beijing Municipal Committee",
     "name_zh": "中共北京市委", "kind": "party-committee", "status": "active",
     "classification": "public"},
    {"id": "party-committee-go", "name": "General Office of the CPC Beijing Municipal Committee",
     "name_zh": "中共北京市委办公厅", "kind": "party-committee", "parent": "party-committee",
     "status": "active", "classification": "public"},
]
CODED = ("beijing-gov", "general-office", "bda", "party-committee", "party-committee-go")


def units(out: Path) -> None:
    rng = random.Random(1701)
    path = out / "registry/units.yaml"
    entries = _load(path)
    entries.extend(NEW_UNITS)
    for u in entries:
        if u["id"] in CODED:
            u.update(_before_classification(u, code=credit_code(rng, "11110000")))
    yaml_dump(path, entries)


# -- suggestions and proposals by session ------------------------------------------------------
SESSIONS = {("npc-suggestion", 2026): {"term": 16, "meeting": 4},
            ("npc-suggestion", 2025): {"term": 16, "meeting": 3},
            ("cppcc-proposal", 2026): {"term": 14, "meeting": 4},
            ("cppcc-proposal", 2025): {"term": 14, "meeting": 3}}
"""The year each item was written under -> its session: 市十六届人大四次会议 met in January
2026, 市政协十四届四次会议 alongside it (items made between sessions are numbered under the
last one)."""
LETTER_PREFIX = {
    "housing": "京建函", "transport": "京交函", "civil-affairs": "京民函", "health": "京卫函",
    "finance": "京财函", "commerce": "京商函", "emergency": "京应急函",
    "service-data": "京政服函", "planning": "京规自函", "education": "京教函",
    "city-management": "京管函", "hrss": "京人社函", "landscaping": "京绿函",
    "justice": "京司函", "ecology": "京环函"}
"""Each handling unit numbers its own reply letters (答复函)."""


def _leader(lead: str, day: dt.date) -> str:
    """The vice mayor in charge of the lead unit on that day (else the mayor)."""
    for o in OFFICIALS:
        if (lead in o["portfolio"] and o["position"] in ("vice-mayor", "executive-vice-mayor")
                and o["from"] <= day and ("to" not in o or day <= o["to"])):
            return str(o["id"])
    return str(OFFICIALS[0]["id"])


def liaison(out: Path) -> None:
    rng = random.Random(1702)
    files = sorted((out / "liaison").rglob("*.yaml"))
    items = [(p, _load(p)) for p in files]
    letters: dict[tuple[str, int], int] = {}

    def letter(unit: str, day: dt.date) -> str:
        seq = letters[(unit, day.year)] = letters.get((unit, day.year), 0) + rng.randint(3, 30)
        return f"{LETTER_PREFIX[unit]}〔{day.year}〕{seq}号"

    items.sort(key=lambda pi: (pi[1]["received"], pi[1]["id"]))
    by_session: dict[tuple[str, int], list[str]] = {}
    for _path, li in items:
        by_session.setdefault((li["kind"], li["session"]), []).append(li["id"])
    # key items (重点建议提案): two a kind in the 2026 sessions, one in 2025's
    key_ids = {i for (_kind, year), ids in sorted(by_session.items())
               for i in rng.sample(ids, 2 if year == 2026 else 1)}
    for path, li in items:
        session = SESSIONS[(li["kind"], li["session"])]
        li["session"] = dict(session)
        extra: dict[str, Any] = {}
        reply = li.get("reply")
        end = reply["date"] if reply else AS_OF - days(1)
        # most handling units meet or call the proposer before replying (沟通率 below 100 %)
        if rng.random() < 0.85 and (end - li["received"]).days > 10:
            n = 1 + (rng.random() < 0.4)
            when = sorted(li["received"] + days(rng.randint(5, (end - li["received"]).days))
                          for _ in range(n))
            extra["contacts"] = [{"date": d, "kind": rng.choice(["meeting", "phone", "visit"])}
                                 for d in when]
        if reply and "document" not in reply and li["lead"] in LETTER_PREFIX:
            reply["letter"] = letter(li["lead"], reply["date"])
        if li["id"] in key_ids:
            extra["key"] = {"leader": _leader(li["lead"], li["received"])}
        if li.get("feedback") == "dissatisfied" and reply:
            asked = reply["date"] + days(12)
            second = asked + days(35)
            re_: dict[str, Any] = {"requested": asked}
            if second < AS_OF - days(20):
                re_["reply"] = {"date": second, "category": "B",
                                "summary": "经重新研究办理，已将所提事项列入明年工作计划，"
                                           "明确时间节点，分步推进。",
                                "disclosure": "summary"}
                if li["lead"] in LETTER_PREFIX:
                    re_["reply"]["letter"] = letter(li["lead"], second)
                re_["feedback"] = "basically-satisfied"
            extra["rehandling"] = re_
        yaml_dump(path, _before_classification(li, **extra))


# -- hotline: the development zone, streets and townships, 每月一题, 治理类街乡镇 ----------------
STREETS = {
    "dongcheng": ["东华门街道", "景山街道", "交道口街道"],
    "xicheng": ["金融街街道", "什刹海街道", "新街口街道"],
    "chaoyang": ["朝外街道", "望京街道", "酒仙桥街道", "三里屯街道"],
    "haidian": ["中关村街道", "学院路街道", "清河街道", "上地街道"],
    "fengtai": ["卢沟桥街道", "新村街道", "右安门街道"],
    "shijingshan": ["八宝山街道", "鲁谷街道"],
    "mentougou": ["大峪街道", "城子街道"],
    "fangshan": ["拱辰街道", "长阳镇"],
    "tongzhou": ["北苑街道", "永顺镇", "梨园镇"],
    "shunyi": ["胜利街道", "后沙峪镇"],
    "changping": ["回龙观街道", "天通苑北街道", "城北街道"],
    "daxing": ["兴丰街道", "旧宫镇"],
    "huairou": ["泉河街道", "雁栖镇"],
    "pinggu": ["滨河街道", "兴谷街道"],
    "miyun": ["鼓楼街道", "果园街道"],
    "yanqing": ["儒林街道", "百泉街道"],
    "bda": ["荣华街道", "博兴街道"],
}
"""Real streets and townships of each district (a few of the 300-odd the city ranks)."""
STREET_MONTHS = ("2026-08", "2026-09", "2026-10")
FOCUS = {"2026-08": ["汛期积水点治理"], "2026-09": ["老旧小区物业服务"],
         "2026-10": ["供暖季前设施检修", "中小学周边交通秩序"]}
"""每月一题: the problem the whole city takes up that month."""


def hotline(out: Path) -> None:
    """The development zone beside the districts every month; streets for three months."""
    rng = random.Random(1703)
    base = {n: (rng.uniform(99.2, 99.9), rng.uniform(88.0, 95.5), rng.uniform(89.0, 96.0),
                rng.randint(1800, 9000)) for names in STREETS.values() for n in names}
    for path in sorted((out / "hotline").glob("*.yaml")):
        rec = _load(path)
        month = rec["month"]
        season = 1.0 + 0.2 * (month[-2:] in ("06", "07", "08", "11", "12"))
        rec["districts"]["bda"] = {
            "calls": int(17_500 * season * rng.uniform(0.92, 1.08)),
            "response_rate": round(rng.uniform(99.4, 99.9), 2),
            "resolution_rate": round(rng.uniform(91.0, 95.0), 2),
            "satisfaction_rate": round(rng.uniform(92.0, 95.5), 2)}
        extra: dict[str, Any] = {}
        if month in STREET_MONTHS:
            k = STREET_MONTHS.index(month)
            streets: dict[str, Any] = {}
            for district, names in STREETS.items():
                for n in names:
                    r, s, t, calls = base[n]
                    streets[n] = {"district": district,
                                  "calls": int(calls * season * rng.uniform(0.9, 1.1)),
                                  "response_rate": round(min(100.0, r + rng.uniform(-0.3, 0.1)),
                                                         2),
                                  "resolution_rate": round(min(99.0, s + 0.3 * k
                                                               + rng.uniform(-1.5, 1.5)), 2),
                                  "satisfaction_rate": round(min(99.0, t + 0.3 * k
                                                                 + rng.uniform(-1.5, 1.5)), 2)}
            # a tie in the ranking, as the monthly lists meet them: two streets alike
            names = list(streets)
            streets[names[5]].update({k2: streets[names[4]][k2] for k2 in
                                      ("response_rate", "resolution_rate", "satisfaction_rate")})
            extra["streets"] = streets
            extra["focus"] = FOCUS[month]
            worst = sorted(streets, key=lambda n: (
                0.10 * streets[n]["response_rate"] + 0.45 * streets[n]["resolution_rate"]
                + 0.45 * streets[n]["satisfaction_rate"], n))[:3]
            extra["special_treatment"] = worst
        yaml_dump(path, _before_classification(rec, **extra))


# -- appraisal: an indicator set per group, definitions, sources, grade labels ----------------
DEFINITIONS = {
    "key-tasks": ("市政府年度重点任务按期完成情况，由市政府督查室按季度核验。", "general-office"),
    "rule-of-law": ("行政规范性文件合法性审核、行政复议和行政诉讼等依法行政情况。", "justice"),
    "hotline": ("接诉即办月度考评得分的年度平均（响应率、解决率、满意率）。", "service-data"),
    "fiscal": ("预算执行进度和项目支出绩效目标完成情况。", "finance"),
    "satisfaction": ("委托第三方开展的群众满意度调查得分。", "general-office"),
}
AGENCY_SET = {
    # agencies are appraised on their own set: the same weights, their own two indicators
    "hotline": {"id": "service-quality", "name": "Government services", "name_zh": "政务服务质效",
                "definition": "政务服务事项网上可办率、办件时限和接诉即办派单的办理质效。",
                "source": "service-data"},
    "satisfaction": {"id": "client-satisfaction", "name": "Client satisfaction",
                     "name_zh": "服务对象满意度",
                     "definition": "区政府和企业群众对市级行政机关工作的评价得分。",
                     "source": "general-office"},
}
BDA_SCORES = {"key-tasks": 88.5, "rule-of-law": 86.0, "hotline": 87.5, "fiscal": 84.0,
              "satisfaction": 85.5}
"""The development zone, appraised with the districts from 2025 (a total of 86.75: no
excellent grade, so the 2025 circular's list of excellent units stands)."""


def appraisal(out: Path) -> None:
    """2025: one indicator set per group, with definitions and sources, and the development
    zone among the districts; 2024: the office's older grade labels (好/较好/一般/较差)."""
    path = out / "appraisal/2024.yaml"
    rec = _load(path)
    yaml_dump(path, _before_classification(rec, grade_labels={
        "excellent": "好", "good": "较好", "fair": "一般", "poor": "较差"}))
    path = out / "appraisal/2025.yaml"
    rec = _load(path)
    district = [dict(i, definition=DEFINITIONS[i["id"]][0], source=DEFINITIONS[i["id"]][1])
                for i in rec["indicators"]]
    agency = [dict(AGENCY_SET[i["id"]], weight=i["weight"]) if i["id"] in AGENCY_SET else dict(i)
              for i in district]
    rename = {k: v["id"] for k, v in AGENCY_SET.items()}
    rec["indicators"] = {"district": district, "agency": agency}
    rec["groups"]["district"].append("bda")
    scores = {}
    for unit, card in rec["scores"].items():
        if unit in rec["groups"]["agency"]:
            card = {rename.get(k, k): v for k, v in card.items()}
        scores[unit] = card
    scores["bda"] = dict(BDA_SCORES)
    rec["scores"] = scores
    yaml_dump(path, rec)


def regs(out: Path) -> None:
    """Every part, in the order the issue lists them."""
    units(out)
    liaison(out)
    hotline(out)
    appraisal(out)

