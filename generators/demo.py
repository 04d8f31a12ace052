"""`portal demo-data`: a deterministic synthetic archive for benchmarks and scale tests.

A realistic mix of every record type with valid references and every status,
written to the contract; the same N and seed always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from .load import yaml12_number

D = dt.date
DISTRICTS = ["dongcheng", "xicheng", "chaoyang", "haidian", "fengtai", "shijingshan",
             "mentougou", "fangshan", "tongzhou", "shunyi", "changping", "daxing", "huairou",
             "pinggu", "miyun", "yanqing"]
AGENCIES = ["dev-reform", "finance", "education", "housing", "ecology", "transport", "health",
            "commerce", "civil-affairs", "emergency", "service-data", "justice"]
OFFICIALS = ["mayor", "evm", "vm-a", "vm-b", "vm-c", "vm-d", "sg", "dsg"]
WORDS = ["traffic", "housing", "elderly care", "schools", "air quality", "flood prevention",
         "heating", "hospitals", "digital services", "business environment", "parks",
         "water supply", "waste sorting", "night economy", "rail transit"]
WORDS_ZH = ["交通", "住房", "养老", "教育", "空气质量", "防汛", "供暖", "医疗", "政务服务",
            "营商环境", "公园", "供水", "垃圾分类", "夜间经济", "轨道交通"]
MIX = {"documents": 0.26, "supervision": 0.2, "liaison": 0.2, "briefings": 0.08,
       "activities": 0.08, "received": 0.05, "requests": 0.05, "meetings": 0.08}
TYPES = ["decision", "opinion", "notice", "circular", "report", "request", "reply", "letter",
         "announcement", "public-notice"]
LEVELS = ["public"] * 5 + ["internal"] * 4 + ["restricted"]


class RecordDumper(yaml.CSafeDumper):
    """PyYAML's dumper, with text that YAML 1.2 would read as a number ("0983") quoted:
    PyYAML leaves it plain (YAML 1.1 reads it as text), the validator does not
    (YAML_UNQUOTED).  For whatever writes records: the demo, the tests' archives."""


CONGRESS_TERM_FROM = 2018
"""The year a term of the municipal people's congress and CPPCC began (Beijing's 15th
congress and 13th CPPCC): a term is five years, its meetings one a year."""


def _session(year: int, cppcc: bool) -> dict[str, int]:
    """The session a liaison item of the year was raised at, as the contract's second
    edition writes it ({term, meeting}; a year draws a SESSION_YEAR warning): five
    meetings a term from CONGRESS_TERM_FROM, the 15th congress and the 13th CPPCC then
    (2026: the 16th congress's 4th meeting, the 14th CPPCC's 4th)."""
    terms, meeting = divmod(year - CONGRESS_TERM_FROM, 5)
    return {"term": (13 if cppcc else 15) + terms, "meeting": meeting + 1}


def _text(dumper: yaml.CSafeDumper, value: str) -> yaml.ScalarNode:
    if yaml12_number(value) is not None:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


RecordDumper.add_representer(str, _text)


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=RecordDumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


REFERENCE_DAY = D(2026, 11, 27)


def generate(n: int, seed: int, out: Path, as_of: dt.date = REFERENCE_DAY) -> int:
    """Write about n records (registry entries included) below out; return the count."""
    rng = random.Random(seed)
    years = [as_of.year - k for k in range(3)][::-1]
    units = [{"id": "gov", "name": "Municipal Government", "name_zh": "市人民政府",
              "kind": "government", "status": "active", "classification": "public"},
             {"id": "office", "name": "General Office", "name_zh": "市政府办公厅",
              "kind": "general-office", "status": "active", "classification": "public"},
             {"id": "council", "name": "State Council", "kind": "state-council",
              "status": "active", "classification": "public"}]
    units += [{"id": d, "name": f"{d.title()} District", "kind": "district", "status": "active",
               "classification": "public"} for d in DISTRICTS]
    units += [{"id": a, "name": f"Municipal {a.replace('-', ' ').title()}", "kind": "agency",
               "status": "active", "classification": "public"} for a in AGENCIES]
    _dump(out / "registry/units.yaml", units)
    _dump(out / "registry/officials.yaml", [
        {"id": o, "name": f"Official {o.upper()}", "position":
         {"mayor": "mayor", "evm": "executive-vice-mayor", "sg": "secretary-general",
          "dsg": "deputy-secretary-general"}.get(o, "vice-mayor"),
         "from": D(years[0] - 1, 1, 1), "classification": "public"} for o in OFFICIALS])
    _dump(out / "registry/topics.yaml", [
        {"id": "topic-city", "name": "City", "classification": "public",
         "children": [{"id": f"topic-{i}", "name": w} for i, w in enumerate(WORDS)]}])
    count = len(units) + len(OFFICIALS) + 1
    budget = max(n - count - 2 - 12 * len(years), 40)
    quota = {k: max(2, int(budget * v)) for k, v in MIX.items()}

    def day_in(year: int) -> dt.date:
        last = min(as_of, D(year, 12, 31))
        return D(year, 1, 1) + dt.timedelta(days=rng.randrange((last - D(year, 1, 1)).days + 1))

    def title(i: int) -> tuple[str, str]:
        k = rng.randrange(len(WORDS))
        if i % 5 == 0:
            return f"关于{WORDS_ZH[k]}工作的通知（{i}）", WORDS[k]
        return f"Notice on {WORDS[k]} work ({i})", WORDS[k]

    seqs: dict[tuple[str, int], int] = {}
    docs: list[dict[str, Any]] = []
    for i in range(quota["documents"]):
        year = years[i % len(years)]
        prefix = ["京政发", "京政办发", "京政函", "京政办函"][i % 4]
        seqs[prefix, year] = seqs.get((prefix, year), 0) + 1
        written = day_in(year)
        t, _w = title(i)
        doc: dict[str, Any] = {
            "id": f"doc-{year}-{i:05d}", "number": f"{prefix}〔{year}〕{seqs[prefix, year]}号",
            "type": TYPES[i % len(TYPES)], "issuers": ["gov" if i % 4 == 0 else "office"],
            "title": t, "recipients": rng.sample(DISTRICTS, 3), "written": written,
            "urgency": "normal", "classification": LEVELS[i % len(LEVELS)],
            "topics": [f"topic-{rng.randrange(len(WORDS))}"],
            "summary": f"{t}. Districts and agencies are to implement it. Ref {i}."}
        if i % 6 == 0:
            eff = written + dt.timedelta(days=10)
            doc["normative"] = {"effective": eff, "status": "in-force"}
            if i % 18 == 0 and docs:
                target = docs[-1]
                if target.get("normative") and target["classification"] == "public":
                    target["normative"]["status"] = "repealed"
                    doc["relations"] = [{"type": "repeals", "target": target["id"]}]
        docs.append(doc)
    for d in docs:
        _dump(out / f"documents/{d['written'].year}/{d['id']}.yaml", d)

    decisions: list[tuple[str, dt.date, str]] = []
    for i in range(quota["meetings"]):
        year = years[i % len(years)]
        day = day_in(year)
        agenda = []
        for j in range(3):
            lead = rng.choice(AGENCIES)
            decs = []
            for k in range(2):
                did = f"dec-{year}-{i:05d}-{j}{k}"
                deadline = day + dt.timedelta(days=rng.choice([30, 90, 180, 365]))
                decs.append({"id": did, "text": f"{lead} to act on {rng.choice(WORDS)}.",
                             "lead": lead, "deadline": deadline})
                decisions.append((did, day, lead))
            agenda.append({"item": j + 1, "title": f"Item on {rng.choice(WORDS)}",
                           "presenter": lead, "outcome": "approved", "decisions": decs})
        _dump(out / f"meetings/{year}/mtg-{year}-{i:05d}.yaml", {
            "id": f"mtg-{year}-{i:05d}", "kind": ["executive", "plenary", "special-topic"][i % 3],
            "session": i // 3 + 1, "date": day, "chair": "mayor", "attendees": OFFICIALS[1:5],
            "agenda": agenda, "classification": "internal"})

    briefs = []
    for i in range(quota["briefings"]):
        year = years[i % len(years)]
        day = day_in(year)
        t, _w = title(i)
        b = {"id": f"brf-{year}-{i:05d}", "date": day, "title": t,
             "category": ["emergency", "economy", "livelihood", "public-sentiment", "other"][i % 5],
             "source": rng.choice(AGENCIES), "summary": f"Report {i} on {t}.",
             "classification": ["internal", "restricted"][i % 2],
             "instructions": [{"by": rng.choice(OFFICIALS[:6]), "date": day,
                               "text": "Please follow up."}]}
        briefs.append(b)
        _dump(out / f"briefings/{year}/{b['id']}.yaml", b)

    for i in range(quota["supervision"]):
        if decisions and i % 3 != 2:
            ref, start, lead = decisions[i % len(decisions)]
            source = {"kind": "meeting-decision", "ref": ref}
        else:
            start, lead = day_in(years[i % len(years)]), rng.choice(AGENCIES)
            source = {"kind": "key-task"}
        assigned = min(start + dt.timedelta(days=3), as_of)
        deadline = assigned + dt.timedelta(days=rng.choice([20, 60, 120, 400]))
        updates = []
        day = assigned
        pct = 0
        while True:
            day += dt.timedelta(days=rng.randint(10, 45))
            if day > as_of or pct >= 100:
                break
            pct = min(100, pct + rng.randint(10, 40))
            updates.append({"date": day, "percent": pct, "note": f"Progress {pct} %."})
        state = ["open", "open", "open", "completed", "suspended"][i % 5]
        s: dict[str, Any] = {"id": f"sup-{assigned.year}-{i:05d}",
                             "title": f"Supervise {rng.choice(WORDS)} ({i})", "source": source,
                             "lead": lead, "assigned": assigned, "deadline": deadline,
                             "updates": updates, "state": state, "classification": "internal"}
        if state == "completed":
            s["completed"] = updates[-1]["date"] if updates else assigned
            s["verified_by"] = "sg"
        _dump(out / f"supervision/{assigned.year}/{s['id']}.yaml", s)

    public_docs = [d["id"] for d in docs if d["classification"] == "public"]
    for i in range(quota["liaison"]):
        session = years[i % len(years)]
        received = day_in(session)
        li: dict[str, Any] = {
            "id": f"lia-{session}-{i:05d}", "kind": ["npc-suggestion", "cppcc-proposal"][i % 2],
            "number": f"{i:04d}", "session": _session(session, i % 2 == 1),
            "proposers": [f"Deputy {i % 97}"],
            "title": title(i)[0], "received": received, "lead": rng.choice(AGENCIES),
            "classification": ["public", "internal"][i % 2]}
        reply_day = received + dt.timedelta(days=rng.randint(20, 120))
        if reply_day <= as_of and i % 7:
            li["reply"] = {"date": reply_day, "category": "ABC"[i % 3],
                           "summary": "Reply summary.",
                           "disclosure": ["full", "summary", "withheld"][i % 3]}
            if i % 11 == 0 and public_docs:
                li["reply"]["document"] = public_docs[i % len(public_docs)]
            li["feedback"] = ["satisfied", "basically-satisfied", "dissatisfied"][i % 3]
        _dump(out / f"liaison/{received.year}/{li['id']}.yaml", li)

    for i in range(quota["activities"]):
        year = years[i % len(years)]
        day = day_in(year)
        _dump(out / f"activities/{year}/act-{year}-{i:05d}.yaml", {
            "id": f"act-{year}-{i:05d}", "date": day, "start": "09:30",
            "officials": [rng.choice(OFFICIALS)], "title": f"Inspection of {rng.choice(WORDS)}",
            "kind": "inspection", "units": [rng.choice(DISTRICTS)],
            "classification": "public"})

    for i in range(quota["received"]):
        year = years[i % len(years)]
        day = day_in(year)
        _dump(out / f"received/{year}/rcv-{year}-{i:05d}.yaml", {
            "id": f"rcv-{year}-{i:05d}", "number": f"国办发〔{year}〕{i + 1}号",
            "issuer": "council",
            "title": f"State Council notice on {rng.choice(WORDS)}", "received": day,
            "type": "notice", "handling": {"lead": rng.choice(AGENCIES),
                                           "steps": [{"date": day, "action": "registered"}]},
            "classification": "public"})

    for i in range(quota["requests"]):
        year = years[i % len(years)]
        day = day_in(year)
        _dump(out / f"requests/{year}/req-{year}-{i:05d}.yaml", {
            "id": f"req-{year}-{i:05d}", "from": rng.choice(DISTRICTS),
            "kind": "request-for-instructions", "title": f"Request on {rng.choice(WORDS)}",
            "submitted": day, "classification": "internal"})

    indicators = [{"id": "tasks", "name": "Key tasks", "weight": 60},
                  {"id": "service", "name": "Service", "weight": 40}]
    for year in years[:-1]:
        _dump(out / f"appraisal/{year}.yaml", {
            "year": year, "indicators": indicators,
            "groups": {"district": DISTRICTS, "agency": AGENCIES},
            "grades": {"excellent": 90, "good": 80, "fair": 70},
            "scores": {u: {"tasks": round(rng.uniform(60, 99), 1),
                           "service": round(rng.uniform(60, 99), 1)}
                       for u in DISTRICTS + AGENCIES}, "classification": "internal"})
    for year in years:
        for m in range(1, 13):
            if D(year, m, 1) > as_of:
                break
            _dump(out / f"hotline/{year}-{m:02d}.yaml", {
                "month": f"{year}-{m:02d}", "classification": "public", "districts": {
                    d: {"calls": rng.randint(1000, 90000),
                        "response_rate": round(rng.uniform(95, 100), 2),
                        "resolution_rate": round(rng.uniform(70, 95), 2),
                        "satisfaction_rate": round(rng.uniform(70, 95), 2)}
                    for d in DISTRICTS}})
    return sum(1 for _ in out.rglob("*.yaml"))
