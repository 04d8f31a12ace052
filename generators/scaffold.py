"""`portal new`: record skeletons with the next free id (and document number).

Every record type is one entry of KINDS: a skeleton, and where its id comes from (the
next sequence of <prefix>-<year>-NNN, or for the types kept one file per year or month,
the next free year or month).  A new record type is one more entry.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# the `portal` command reads KINDS for its choices: yaml, the loader and the models (a
# second and more) are imported when a record is made
from .numbers import next_free, parse_number, parse_order_number
from .walk import entries, kind_of


class ScaffoldError(Exception):
    """Why a record cannot be made: said in English, or in Chinese by in_language."""

    def __init__(self, en: str, zh: str, /, **args: object) -> None:
        super().__init__(en.format(**args))
        self.texts, self.args_ = (en, zh), args

    def in_language(self, lang: str) -> str:
        return self.texts[lang == "zh"].format(**self.args_)


_TEXT: dict[str, str] = {
    "document": """\
id: {id}
number: {number}
type: notice  # 文种：resolution 决议、decision 决定、order 命令（令）、communique 公报、
              # announcement 公告、public-notice 通告、opinion 意见、notice 通知、circular 通报、
              # report 报告、request 请示、reply 批复、motion 议案、letter 函、minutes 纪要
issuers: [{office}]
title: TODO 标题
recipients: [TODO-unit-id]  # 主送机关的系统编号，多个用逗号分隔
written: {today}
urgency: normal
classification: internal  # public 公开、internal 内部、restricted 限定范围（知悉范围）
summary: TODO 一段简要说明
""",
    "received": """\
id: {id}
number: TODO 来文文号，照原件填写，如 国办发〔{year}〕12号
issuer: {council}
title: TODO 标题
received: {today}
type: notice
handling:
  lead: {office}
  steps:
    - {{date: {today}, action: registered}}
classification: internal
""",
    "request": """\
id: {id}
from: {district}
kind: request-for-instructions  # request-for-instructions 请示，或 for-discussion 议事
title: TODO 标题
submitted: {today}
classification: internal
""",
    "meeting": """\
id: {id}
kind: executive  # plenary 全体会议、executive 常务会议、special-topic 专题会议
{session}date: {today}
chair: TODO-official-id
agenda:
  - item: 1
    title: TODO 议题
    presenter: {office}
    outcome: approved  # approved 通过、approved-in-principle 原则通过、deferred 暂缓、
                       # noted 听取、rejected 未通过；未开会的议题写 planned
    decisions: []
classification: internal
""",
    "activity": """\
id: {id}
date: {today}
start: "09:30"  # 加引号
officials: [TODO-official-id]
title: TODO 标题
kind: inspection  # inspection 视察、research 调研、conference 会议、reception 会见、
                 # ceremony 仪式、other 其他
classification: internal
""",
    "supervision": """\
id: {id}
number: {sup_number}  # 督办编号
title: TODO 督办事项内容
source: {{kind: key-task}}  # 来源；meeting-decision 会议议定事项、leader-instruction 领导批示等
                           # 须加 ref: <所依据记录的编号>
lead: TODO-unit-id  # 牵头单位的系统编号
assigned: {today}
deadline: TODO 完成时限，如 {year}-12-31
state: open
classification: internal
""",
    "briefing": """\
id: {id}
date: {today}
title: TODO 标题
category: other  # emergency 突发事件、economy 经济、livelihood 民生、public-sentiment 舆情、
                 # other 其他
source: {office}
summary: TODO 内容摘要
classification: internal
""",
    "liaison": """\
id: {id}
kind: npc-suggestion  # npc-suggestion 人大代表建议，或 cppcc-proposal 政协提案
number: "{liaison_number}"  # 照交办编号填写，加引号
session: {liaison_session}
proposers: [TODO 姓名]
title: TODO 标题
received: {today}
lead: {office}
classification: internal
""",
    "hotline": """\
month: "{key}"  # 加引号
{districts}
top_topics: [TODO 问题类别]
classification: internal
""",
    # issue 16: duty office
    "duty": """\
month: "{key}"  # 加引号
days:  # 当月每一天：leader 带班领导（市领导系统编号），officers 值班员（姓名）
{days}
classification: internal
""",
    "incident": """\
id: {id}
title: TODO 标题
category: accident  # natural-disaster 自然灾害、accident 事故灾难、public-health 公共卫生、
                    # social-security 社会安全
level: IV  # I 特别重大、II 重大、III 较大、IV 一般
occurred: "{today}T08:00"  # 北京时间，加引号
location: TODO 地点
units: [{district}]
reports:
  - kind: first  # first 首报、follow-up 续报、final 终报
    at: "{today}T08:30"
    by: {district}
    channel: phone  # phone 电话报告、written 书面报告
    summary: TODO 报告内容
classification: internal
""",
    "appraisal": """\
year: {year}
{body}
adjustments: []  # 加减分：- {{unit: <单位系统编号>, points: -1, reason: 原因}}
classification: internal
""",
}


def _next_seq(folder: Path, pattern: re.Pattern[str]) -> int:
    # every .yaml name the validator would judge (walk.py: no recursion, no link followed)
    seqs = [int(m.group(1)) for _reldir, name, _path, _kind in entries(str(folder))
            if (m := pattern.match(os.path.splitext(name)[0]))]
    return max(seqs, default=0) + 1


def next_number(records: Path, prefix: str, year: int) -> str:
    """Next free sequence of a document number prefix in a year (reads every document);
    for an order's organ (--prefix 北京市人民政府令), the next order: 令第313号 after 312,
    numbered on across the years as orders are."""
    # what the validator reads (walk.py, load.read_record): no link out of the folder, no
    # FIFO, no oversized file
    texts = [str(data.get("number", "")) for data in _records_of(records / "documents")]
    if prefix.endswith("令"):
        organ = prefix[:-1]
        seqs = [o.seq for t in texts if (o := parse_order_number(t)) and o.organ == organ]
        return f"{organ}令第{max(seqs, default=0) + 1}号"
    return next_free(texts, prefix, year)


def _read(path: Path) -> Any:
    """A record file as plain data, None when it cannot be read (portal validate says why)."""
    import yaml

    from .load import Unreadable, read_record

    try:
        return yaml.load(read_record(path, str(path)).decode("utf-8"), Loader=yaml.CSafeLoader)
    except (Unreadable, UnicodeDecodeError, yaml.YAMLError):
        return None


def _units(records: Path) -> list[dict[str, Any]]:
    units_file = records / "registry/units.yaml"
    if kind_of(str(units_file), str(records)) != "file":
        return []
    units = _read(units_file)
    return [u for u in units if isinstance(u, dict)] if isinstance(units, list) else []


def _registry_defaults(records: Path) -> dict[str, str]:
    """Unit ids of this archive's registry for the skeleton's placeholders."""
    found = {"office": "TODO-unit-id", "council": "TODO-unit-id", "district": "TODO-unit-id"}
    wanted = {"general-office": "office", "state-council": "council", "district": "district"}
    for unit in _units(records):
        key = wanted.get(str(unit.get("kind")))
        if key in found and found[key] == "TODO-unit-id":
            found[key] = str(unit.get("id"))
    return found


def _keyed(folder: Path) -> dict[str, Path]:
    """The files of a type kept one file per year or month, by name (2025, 2026-03)."""
    return {os.path.splitext(name)[0]: Path(path)
            for reldir, name, path, kind in entries(str(folder)) if not reldir and kind == "file"}


def _dump(value: Any) -> str:
    import yaml

    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # the same figures twice are written twice: no &anchor for editors

    return yaml.dump(value, Dumper=Plain, allow_unicode=True, sort_keys=False,
                     width=100).rstrip("\n")


def _next_month(folder: Path, year: int) -> str:
    """The month after the newest month of the year on file (January when there is none)."""
    months = [int(k[5:]) for k in _keyed(folder) if re.fullmatch(rf"{year}-\d\d", k)]
    month = max(months, default=0) + 1
    if month > 12:  # earlier months may be missing: the archive began later in the year
        raise ScaffoldError("December {year} is on file already; give --year {next}",
                            "{year}年12月已有文件，请用--year {next}", year=year, next=year + 1)
    return f"{year}-{month:02d}"


def _hotline_fill(records: Path, folder: Path, key: str) -> dict[str, str]:
    """Every district of the newest month on file (else of the registry), figures TODO."""
    older = sorted(k for k in _keyed(folder) if k < key)
    last = _read(_keyed(folder)[older[-1]]) if older else None
    districts = list(last["districts"]) if isinstance(last, dict) and isinstance(
        last.get("districts"), dict) else []
    districts = districts or [str(u.get("id")) for u in _units(records)
                              if u.get("kind") == "district"] or ["TODO-unit-id"]
    figures = dict.fromkeys(("calls", "response_rate", "resolution_rate",
                             "satisfaction_rate"), "TODO")
    return {"districts": _dump({"districts": {d: figures for d in districts}})}


def _appraisal_key(folder: Path, year: int) -> str:
    if str(year) in _keyed(folder):
        raise ScaffoldError("the appraisal of {year} exists ({path}): edit it, or give "
                            "another --year", "{year}年度绩效考评已有文件（{path}）：请编辑该文件，"
                            "或用--year指定另一年", year=year, path=_keyed(folder)[str(year)])
    return str(year)


def _appraisal_fill(records: Path, folder: Path, key: str) -> dict[str, str]:
    """The newest earlier year's indicators, groups and grades (an office keeps them from
    year to year), every score TODO; a first appraisal gets placeholders."""
    older = sorted((k for k in _keyed(folder) if k.isdigit() and int(k) < int(key)), key=int)
    last = _read(_keyed(folder)[older[-1]]) if older else None
    if not (isinstance(last, dict) and isinstance(last.get("indicators"), list | dict)
            and isinstance(last.get("groups"), dict) and isinstance(last.get("grades"), dict)):
        last = {"indicators": [{"id": "TODO-indicator", "name": "TODO 名称", "weight": 100}],
                "groups": {"district": [str(u.get("id")) for u in _units(records)
                                        if u.get("kind") == "district"] or ["TODO-unit-id"],
                           "agency": []},
                "grades": {"excellent": 90, "good": 80, "fair": 60}}
    inds = last["indicators"]
    # one list for every group, or a set per group (issue 17): each unit its group's ids
    sets = inds if isinstance(inds, dict) else {g: inds for g in last["groups"]}
    scores = {str(u): dict.fromkeys((str(i.get("id")) for i in sets.get(g) or []
                                     if isinstance(i, dict)), "TODO")
              for g, group in last["groups"].items() if isinstance(group, list) for u in group}
    body = {"indicators": inds, "groups": last["groups"], "grades": last["grades"],
            **({"grade_labels": last["grade_labels"]} if "grade_labels" in last else {}),
            "scores": scores}
    return {"body": _dump(body)}


def _records_of(folder: Path) -> Iterator[dict[str, Any]]:
    """Every record file of a type's folder as plain data (the ones that can be read)."""
    for _reldir, _name, path, kind in entries(str(folder)):
        if kind == "file" and isinstance(data := _read(Path(path)), dict):
            yield data


def _liaison_fill(records: Path, folder: Path, key: str) -> dict[str, str]:
    """The newest session of deputies' suggestions on file ({term, meeting}: 市十六届人大四次
    会议), and the next free number in it; with none, the session for the editor to give.
    (A session written as a year is the first edition's form, which warns.)"""
    latest: tuple[int, int] | None = None
    on_file = list(_records_of(folder))
    for data in on_file:
        session = data.get("session")
        if data.get("kind") == "npc-suggestion" and isinstance(session, dict) and all(
                isinstance(session.get(k), int) for k in ("term", "meeting")):
            here = (session["term"], session["meeting"])
            latest = max(latest or here, here)
    if latest is None:
        return {"liaison_session": "{term: TODO, meeting: TODO}  # 届次和会议次数，如 "
                                   "{term: 16, meeting: 4}（市十六届人大四次会议）",
                "liaison_number": "0001"}
    used = [int(n) for data in on_file
            if data.get("kind") == "npc-suggestion" and data.get("session") == {
                "term": latest[0], "meeting": latest[1]}
            and isinstance(n := data.get("number"), str) and n.isdigit()]
    return {"liaison_session": f"{{term: {latest[0]}, meeting: {latest[1]}}}",
            "liaison_number": str(max(used, default=0) + 1).zfill(4)}


def _supervision_fill(records: Path, folder: Path, key: str) -> dict[str, str]:
    """The next free supervision number (督办编号) of the year: 督〔2026〕44号 after 43,
    in the series the items on file use (督, unless they use another prefix)."""
    year = int(key.split("-")[1])
    numbers = [n for data in _records_of(folder) if isinstance(n := data.get("number"), str)]
    prefixes = [p.prefix for n in numbers if (p := parse_number(n)) and p.year == year]
    prefix = max(set(prefixes), key=prefixes.count) if prefixes else "督"
    return {"sup_number": next_free(numbers, prefix, year)}


def _meeting_fill(records: Path, folder: Path, key: str) -> dict[str, str]:
    """An executive meeting numbered after the newest one on file within its term (市政府
    第N次常务会议); with none on file, the first, its term for the editor to add."""
    held = [(data["term"], data["session"]) for data in _records_of(folder)
            if data.get("kind") == "executive" and isinstance(data.get("term"), int)
            and isinstance(data.get("session"), int)]
    if not held:
        return {"session": "session: 1  # 本届政府第几次（加 term: <届次> 写明届次）\n"}
    term, n = max(held)
    return {"session": f"term: {term}  # 政府届次\nsession: {n + 1}  # 本届第几次\n"}


def _next_duty_month(folder: Path, year: int) -> str:
    """issue 16: the month after the newest roster of the year, or after that the first
    month not on file (December's roster is followed by January's of the next year, and
    so on); with none of the year, this month in this year, else January."""
    on_file = set(_keyed(folder))
    months = sorted(k for k in on_file if re.fullmatch(rf"{year}-\d\d", k))
    if not months:
        today = dt.date.today()
        return f"{year}-{today.month if today.year == year else 1:02d}"
    y, m = map(int, months[-1].split("-"))
    while f"{y}-{m:02d}" in on_file:
        y, m = y + m // 12, m % 12 + 1
    return f"{y}-{m:02d}"


def _duty_fill(records: Path, folder: Path, key: str) -> dict[str, str]:
    """issue 16: every day of the month, its leader and officers to fill in."""
    import calendar

    year, month = map(int, key.split("-"))
    length = calendar.monthrange(year, month)[1]
    return {"days": "\n".join(f'  "{key}-{d:02d}": {{leader: TODO-official-id, officers: '
                               f'[TODO 姓名]}}' for d in range(1, length + 1))}


@dataclass(frozen=True)
class Kind:
    """How `portal new` makes a record of one type."""

    template: str
    """The skeleton: str.format'ed with id, key, number, year, today, the registry's unit
    ids (office, council, district) and what fill returns."""
    key: Callable[[Path, int], str] | None = None
    """For a type kept one file per year or month: its next free name in the type's folder
    for a year; None: the id is <prefix>-<year>-NNN, in <folder>/<year>/."""
    fill: Callable[[Path, Path, str], dict[str, str]] | None = None
    """More placeholders, read from the archive (records, the type's folder, the key)."""
    numbered: bool = False
    """A document: the next free number of --prefix."""


KINDS: dict[str, Kind] = {
    "document": Kind(_TEXT["document"], numbered=True),
    "received": Kind(_TEXT["received"]),
    "request": Kind(_TEXT["request"]),
    "meeting": Kind(_TEXT["meeting"], fill=_meeting_fill),
    "activity": Kind(_TEXT["activity"]),
    "supervision": Kind(_TEXT["supervision"], fill=_supervision_fill),
    "briefing": Kind(_TEXT["briefing"]),
    "liaison": Kind(_TEXT["liaison"], fill=_liaison_fill),
    "hotline": Kind(_TEXT["hotline"], key=_next_month, fill=_hotline_fill),
    "appraisal": Kind(_TEXT["appraisal"], key=_appraisal_key, fill=_appraisal_fill),
    # issue 16: duty office
    "duty": Kind(_TEXT["duty"], key=_next_duty_month, fill=_duty_fill),
    "incident": Kind(_TEXT["incident"]),
}
"""Every record type `portal new` makes (the registry's lists are edited by hand)."""


@dataclass(frozen=True)
class NewRecord:
    path: Path
    id: str
    number: str | None = None


def new_record(records: Path, rtype: str, year: int, prefix: str | None = None) -> NewRecord:
    from .models import RECORD_TYPES

    kind = KINDS[rtype]
    model = RECORD_TYPES[rtype]
    folder = records / model.folder
    number = None
    if kind.key is not None:
        key = kind.key(folder, year)
        rid = f"{rtype}-{key}"
        path = folder / f"{key}.yaml"
    else:
        pattern = re.compile(rf"^{model.id_prefix}-{year}-(\d+)$")
        rid = key = f"{model.id_prefix}-{year}-{_next_seq(folder, pattern):03d}"
        path = folder / str(year) / f"{rid}.yaml"
    if kind.numbered:
        if not prefix:
            raise ScaffoldError("a document needs --prefix, e.g. --prefix 京政办发",
                                "新建公文须用--prefix给出发文机关代字，例如--prefix 京政办发")
        if not re.fullmatch(r"[\u4e00-\u9fff]{1,12}", prefix):
            raise ScaffoldError("prefix '{prefix}' is not an organ prefix like 京政办发",
                                "--prefix “{prefix}”不是发文机关代字（如京政办发）", prefix=prefix)
        number = next_number(records, prefix, year)
    order = number is not None and parse_order_number(number) is not None
    today = dt.date.today()
    day = today if today.year == year else dt.date(year, 1, 1)
    text = kind.template.format(id=rid, key=key, number=number or "", year=year, today=day,
                                **_registry_defaults(records),
                                **(kind.fill(records, folder, key) if kind.fill else {}))
    if order:  # a government order (政府令): its type goes with its number
        text = text.replace("\ntype: notice ", "\ntype: order ", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as fh:  # never overwrite an editor's file
        fh.write(text)
    # a supervision item's 督办编号 and a liaison item's number are assigned too
    given = _NUMBER_LINE.search(text)
    return NewRecord(path, rid, number or (given[1] if given else None))


_NUMBER_LINE = re.compile(r'^number: "?((?!TODO)[^"#\n]+?)"?\s*(?:#.*)?$', re.M)
"""The number a skeleton was given (none when it is left TODO, as a received one's)."""


def example(rtype: str) -> str | None:
    """What `portal new` writes in an archive with no record yet (the record reference
    shows it), for a day of 2026; None for a type it does not make."""
    kind = KINDS.get(rtype)
    if kind is None:
        return None
    from .models import RECORD_TYPES

    model = RECORD_TYPES[rtype]
    key = {"hotline": "2026-01", "appraisal": "2026",
           "duty": "2026-01"}.get(rtype, f"{model.id_prefix}-2026-001")
    nowhere = Path(os.devnull) / "records"  # no registry, no earlier record
    return kind.template.format(
        id=key if kind.key is None else f"{rtype}-{key}", key=key, number="京政办发〔2026〕1号",
        year=2026, today="2026-11-27", office="general-office", council="state-council-go",
        district="dongcheng",
        **(kind.fill(nowhere, nowhere / model.folder, key) if kind.fill else {}))
