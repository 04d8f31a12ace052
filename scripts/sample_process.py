"""Sample part of issue 16's processes: the working calendar, supervision as a process,
requests and received documents with time limits, meetings numbered within the term.

Called by one line at the end of make_sample.main(), after the other records are written:
it adds its own records and fields with its own random.Random, so that nothing drawn
here changes any other record of the sample.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

D = dt.date
rng = random.Random(1616)

# The State Council's holiday arrangements (放假安排) for 2025 and 2026.
CALENDAR: list[dict[str, Any]] = [
    {"year": 2025,
     "holidays": [
         {"name": "元旦", "from": D(2025, 1, 1), "to": D(2025, 1, 1)},
         {"name": "春节", "from": D(2025, 1, 28), "to": D(2025, 2, 4)},
         {"name": "清明节", "from": D(2025, 4, 4), "to": D(2025, 4, 6)},
         {"name": "劳动节", "from": D(2025, 5, 1), "to": D(2025, 5, 5)},
         {"name": "端午节", "from": D(2025, 5, 31), "to": D(2025, 6, 2)},
         {"name": "国庆节、中秋节", "from": D(2025, 10, 1), "to": D(2025, 10, 8)}],
     "workdays": [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28),
                  D(2025, 10, 11)]},
    {"year": 2026,
     "holidays": [
         {"name": "元旦", "from": D(2026, 1, 1), "to": D(2026, 1, 3)},
         {"name": "春节", "from": D(2026, 2, 15), "to": D(2026, 2, 23)},
         {"name": "清明节", "from": D(2026, 4, 4), "to": D(2026, 4, 6)},
         {"name": "劳动节", "from": D(2026, 5, 1), "to": D(2026, 5, 5)},
         {"name": "端午节", "from": D(2026, 6, 19), "to": D(2026, 6, 21)},
         {"name": "中秋节", "from": D(2026, 9, 25), "to": D(2026, 9, 27)},
         {"name": "国庆节", "from": D(2026, 10, 1), "to": D(2026, 10, 7)}],
     "workdays": [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9),
                  D(2026, 9, 20), D(2026, 10, 10)]},
]


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _statuses(out: Path, as_of: dt.date) -> dict[str, str]:
    """Supervision statuses of the archive as written so far (the portal's own figures)."""
    from generators.catalog import build_catalog
    from generators.validate import validate

    recs, _report = validate(out, "records", as_of, use_cache=False)
    return {k: v.status for k, v in build_catalog(recs, as_of).supervision.items()}


def supervision(out: Path, as_of: dt.date) -> None:
    """Numbers (督办编号) for every item; an approved closure (销号) for most completed
    items, one closure still awaiting approval; reminders (催办) for the late ones; a
    circular (通报) naming the lagging ones; and two items of the new sources."""
    from make_sample import SG, yaml_dump

    status = _statuses(out, as_of)
    circular: dict[str, Any] = {
        "id": "doc-2026-310", "number": "京政办发〔2026〕27号", "type": "circular",
        "issuers": ["general-office"],
        "title": "北京市人民政府办公厅关于2026年第三季度督查督办事项办理情况的通报",
        "recipients": [], "written": D(2026, 10, 16), "urgency": "normal",
        "classification": "internal", "topics": ["government"],
        "summary": "通报第三季度督办事项办理情况，对逾期未办结、未按期反馈的事项予以督促，"
                   "要求有关单位限期整改并报送进展。"}
    files = sorted((out / "supervision").glob("*/*.yaml"))
    for n, path in enumerate(files, 1):
        item = _load(path)
        item["number"] = f"督〔{item['assigned'].year}〕{n}号"
        st = status[item["id"]]
        if item.get("completed") and n % 4 != 0:
            done: dt.date = item["completed"]
            requested = max(item["assigned"], done - dt.timedelta(days=rng.randint(2, 6)))
            item["closure"] = {"requested": requested, "approved": done,
                               "by": item.get("verified_by") or SG,
                               "opinion": "经核查，各项任务已按要求完成，同意销号。"}
        elif item.get("completed") and n % 8 == 0:
            item["closure"] = {"requested": item["completed"]}
        if st in ("overdue", "report-late"):
            last = max([u["date"] for u in item.get("updates", [])] or [item["assigned"]])
            first = last + dt.timedelta(days=rng.randint(20, 40))
            item["reminders"] = [
                {"date": day, "note": "请尽快报送工作进展，说明滞后原因和下一步措施。"}
                for day in (first, first + dt.timedelta(days=30)) if day <= as_of]
            if item["assigned"] < circular["written"]:
                item["circulars"] = [circular["id"]]
                circular["recipients"].append(item["lead"])
        yaml_dump(path, item)
    circular["recipients"] = sorted(set(circular["recipients"]))
    yaml_dump(out / "documents/2026/doc-2026-310.yaml", circular)
    # numbered after the last numbered item (the duty office's sup-2026-gas is named)
    n = max(int(f.stem.rsplit("-", 1)[1]) for f in files if f.stem.rsplit("-", 1)[1].isdigit())
    received = _load(out / "received/2026/rcv-2026-007.yaml")
    new = [
        {"id": f"sup-2026-{n + 1:03d}", "title": "贯彻落实国务院关于修改和废止部分行政法规的决定，"
         "完成相关地方性法规和规章清理", "number": f"督〔2026〕{n + 1}号",
         "source": {"kind": "state-council-document", "ref": received["id"]},
         "lead": received["handling"]["lead"], "support": ["general-office"],
         "assigned": D(2026, 6, 15), "deadline": D(2026, 12, 31), "state": "open",
         "cycle": "monthly",
         "updates": [{"date": D(2026, 7, 14), "percent": 20,
                      "note": "已梳理涉及的地方性法规和政府规章目录。"}],
         "reminders": [{"date": D(2026, 9, 1), "note": "请按月报送清理工作进展。"},
                       {"date": D(2026, 10, 12)}]},
        {"id": f"sup-2026-{n + 2:03d}", "title": "落实市委关于优化营商环境专项部署",
         "number": f"督〔2026〕{n + 2}号", "source": {"kind": "party-committee"},
         "lead": "dev-reform", "assigned": D(2026, 9, 7), "deadline": D(2027, 3, 31),
         "state": "open", "cycle": "fortnightly",
         "updates": [{"date": D(2026, 9, 21), "percent": 15, "note": "已制定任务清单。"},
                     {"date": D(2026, 11, 23), "percent": 45,
                      "note": "完成第一批改革事项。"}]},
    ]
    for item in new:
        yaml_dump(out / f"supervision/2026/{item['id']}.yaml", item)


RECEIVED_DUE = {"rcv-2026-007": D(2026, 7, 9), "rcv-2026-009": D(2026, 11, 20),
                "rcv-2026-010": D(2026, 12, 18)}
"""Due dates (办理时限) of the documents still awaiting action; the others: 60 days."""


def received(out: Path) -> None:
    """A due date for every received document; the State Council decision that has sat at
    assigned since June gets a leader's instruction (批示) that started a supervision item."""
    from make_sample import leader_of, yaml_dump

    for path in sorted((out / "received").glob("*/*.yaml")):
        item = _load(path)
        item["due"] = RECEIVED_DUE.get(item["id"], item["received"] + dt.timedelta(days=60))
        if item["id"] == "rcv-2026-007":
            item["instructions"] = [
                {"by": leader_of(item["handling"]["lead"]), "date": D(2026, 6, 11),
                 "text": "请市司法局抓紧研究提出贯彻落实意见，按时报送落实情况，纳入督办。",
                 "supervision": "sup-2026-041"}]
        if item["id"] == "rcv-2026-009":
            item["instructions"] = [
                {"by": leader_of("emergency"), "date": D(2026, 10, 22),
                 "text": "请市应急局举一反三，组织开展安全生产隐患排查整治。"}]
        yaml_dump(path, item)


REQUEST_NUMBERS = {"chaoyang": "朝政文", "tongzhou": "通政文", "haidian": "海政函",
                   "transport": "京交文", "fangshan": "房政文", "commerce": "京商函",
                   "daxing": "京兴政文", "health": "京卫文", "xicheng": "西政文"}


def requests(out: Path) -> None:
    """The requester's number for each request; the chain's first step (秘书长) before each
    decision; for the request reviewed a month ago and still undecided: co-signing
    opinions, the chain up to the vice mayor, and the coming executive meeting's agenda."""
    from make_sample import EVM, SG, yaml_dump

    for path in sorted((out / "requests").glob("*/*.yaml")):
        item = _load(path)
        prefix = REQUEST_NUMBERS.get(item["from"], "京政文")
        item["number"] = f"{prefix}〔{item['submitted'].year}〕{rng.randint(8, 60)}号"
        review, decision = item.get("review"), item.get("decision")
        if review and decision:
            day = review["date"] + dt.timedelta(days=2)
            if day < decision["date"] and decision["by"] != SG:
                item["approvals"] = [{"by": SG, "date": day,
                                      "opinion": "拟同意办公厅审核意见，请领导审示。"}]
        if item["id"] == "req-2026-007":
            item["co_sign"] = [
                {"unit": "dev-reform", "date": D(2026, 10, 29), "opinion": "原则同意。"},
                {"unit": "planning", "date": D(2026, 10, 30),
                 "opinion": "同意，建议与分区规划做好衔接。"}]
            item["approvals"] = [
                {"by": SG, "date": D(2026, 11, 3), "opinion": "拟同意，请滕副市长审示。"},
                {"by": EVM, "date": D(2026, 11, 6), "opinion": "拟同意，提请市政府常务会议审议。"}]
            item["agenda"] = {"meeting": "mtg-2026-011", "item": 3}
        if item["id"] == "req-2026-008":
            item["co_sign"] = [{"unit": "finance", "date": D(2026, 11, 20),
                                "opinion": "原则同意，建议分步实施，做好政策解读。"}]
        yaml_dump(path, item)
    meeting_path = out / "meetings/2026/mtg-2026-011.yaml"
    meeting = _load(meeting_path)
    meeting["agenda"].append({"item": 3, "title": "研究大兴区临空经济区产业发展规划",
                              "presenter": "daxing", "outcome": "planned"})
    meeting.setdefault("observers", []).append("daxing")
    yaml_dump(meeting_path, meeting)


def process(out: Path) -> None:
    """Write this part of the sample into the records folder out."""
    from make_sample import AS_OF, yaml_dump

    yaml_dump(out / "registry/calendar.yaml", CALENDAR)
    supervision(out, AS_OF)
    received(out)
    requests(out)
