"""The duty office of the sample archive (issue 16): rosters and incidents.

Called by one line at the end of make_sample.main(), with a random.Random of its own (never
make_sample's shared `rng`, which would change every other record).  The rosters cover the
months around the reference date (2026-11 to 2027-01); the incidents are of late autumn and
early winter in Beijing (first snow, gas, carbon monoxide from coal heating, icy roads; no
heavy rain in this season): one reported late across midnight, one still open, one whose
leader's instruction started a supervision item, and one restricted (never in an internal
build).  Persons are fictional: leaders from make_sample's OFFICIALS, officers composed by
compose_names.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from make_sample import OFFICIALS, Dumper, compose_names, yaml_dump

MONTHS = ("2026-11", "2026-12", "2027-01")
rng = random.Random(20261116)


class Quoted(str):
    """A time written in double quotes, as the record reference teaches ("2026-11-19T23:40")."""


Dumper.add_representer(Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str",
                                                               str(v), style='"'))


def _leaders() -> list[str]:
    """The serving officials who lead the duty (带班领导): the secretary-general, his deputy
    and the vice mayors, in turn."""
    order = ("deputy-secretary-general", "secretary-general", "vice-mayor",
             "executive-vice-mayor")
    return [o["id"] for pos in order for o in OFFICIALS
            if o["position"] == pos and "to" not in o]


def rosters() -> list[dict[str, Any]]:
    leaders = _leaders()
    officers = [zh for zh, _en in compose_names(14, "duty-officers")]
    out = []
    turn = 0
    for month in MONTHS:
        y, m = map(int, month.split("-"))
        day = dt.date(y, m, 1)
        days: dict[str, Any] = {}
        while day.month == m:
            pair = rng.sample(officers, 2)
            entry: dict[str, Any] = {"leader": leaders[turn % len(leaders)], "officers": pair}
            if day.weekday() == 5 and rng.random() < 0.5:
                entry["unit"] = "emergency"  # the emergency bureau takes some Saturdays
            days[day.isoformat()] = entry
            turn += 1
            day += dt.timedelta(days=1)
        out.append({"month": month, "days": days, "classification": "internal"})
    return out


def _report(kind: str, at: str, by: str, channel: str, summary: str) -> dict[str, Any]:
    return {"kind": kind, "at": Quoted(at), "by": by, "channel": channel, "summary": summary}


GAS_SUPERVISION = "sup-2026-gas"
GAS_OFFICIAL = next(o["id"] for o in OFFICIALS
                    if "city-management" in o["portfolio"] and "to" not in o)


def incidents() -> list[dict[str, Any]]:
    return [
        {"id": "inc-2026-001", "title": "延庆区、门头沟区降雪致部分山区道路积雪结冰",
         "category": "natural-disaster", "level": "IV", "occurred": Quoted("2026-11-08T05:30"),
         "location": "延庆区、门头沟区山区道路", "units": ["yanqing", "mentougou", "transport"],
         "reports": [
             _report("first", "2026-11-08T06:10", "yanqing", "phone",
                     "入冬首场降雪，G110部分路段积雪结冰，已组织除雪车辆上路作业。"),
             _report("follow-up", "2026-11-08T07:20", "transport", "written",
                     "山区道路除雪作业持续进行，3条公交线路临时调整。"),
             _report("final", "2026-11-08T14:00", "transport", "written",
                     "各路段积雪已清除，公交线路恢复正常运营，无人员伤亡。")],
         "classification": "internal"},
        {"id": "inc-2026-002", "title": "丰台区一居民楼发生燃气爆燃",
         "category": "accident", "level": "III", "occurred": Quoted("2026-11-19T23:40"),
         "location": "丰台区某街道居民楼", "units": ["fengtai", "city-management", "emergency"],
         "reports": [
             # 72 minutes after the occurrence: past the hour a level III phone report has
             _report("first", "2026-11-20T00:52", "fengtai", "phone",
                     "一居民楼厨房发生燃气爆燃，2人受伤送医，已疏散同单元居民。"),
             _report("follow-up", "2026-11-20T01:30", "fengtai", "written",
                     "现场明火已扑灭，燃气公司已关闭楼栋阀门，伤者无生命危险。"),
             _report("final", "2026-11-21T16:00", "city-management", "written",
                     "初步查明为用户私接燃气软管老化漏气所致；受损房屋已完成安全评估。")],
         "instructions": [
             {"by": GAS_OFFICIAL, "at": Quoted("2026-11-20T07:45"),
              "text": "请市城市管理委牵头，立即在全市开展燃气安全隐患排查整治，举一反三，"
                      "确保群众生命财产安全。",
              "supervision": GAS_SUPERVISION}],
         "classification": "internal"},
        {"id": "inc-2026-003", "title": "京藏高速进京方向因路面结冰发生多车追尾",
         "category": "accident", "level": "IV", "occurred": Quoted("2026-11-27T06:50"),
         "location": "京藏高速昌平段", "units": ["changping", "transport"],
         "reports": [
             _report("first", "2026-11-27T07:15", "changping", "phone",
                     "5车追尾，1人轻伤，进京方向封闭一条车道。"),
             _report("follow-up", "2026-11-27T08:20", "transport", "written",
                     "事故车辆已拖离，撒布融雪剂，交通逐步恢复。"),
             _report("final", "2026-11-27T11:30", "transport", "written",
                     "道路通行恢复正常，伤者已出院。")],
         "classification": "internal"},
        {"id": "inc-2026-004", "title": "密云区一农户燃煤取暖致一氧化碳中毒",
         "category": "public-health", "level": "IV", "occurred": Quoted("2026-11-30T21:15"),
         "location": "密云区某村", "units": ["miyun", "health"],
         "reports": [
             _report("first", "2026-11-30T21:50", "miyun", "phone",
                     "3人一氧化碳中毒，已送区医院救治。"),
             _report("follow-up", "2026-11-30T23:05", "health", "written",
                     "2人病情稳定，1人转市级医院高压氧治疗；已开展入户安全提示。")],
         "classification": "internal"},
        {"id": "inc-2026-005", "title": "某建筑工地务工人员聚集讨薪",
         "category": "social-security", "level": "IV", "occurred": Quoted("2026-11-24T09:30"),
         "location": "朝阳区某建筑工地", "units": ["chaoyang", "hrss"],
         "reports": [
             _report("first", "2026-11-24T10:05", "chaoyang", "phone",
                     "约30名务工人员聚集，区人力社保局已到场协调。"),
             _report("final", "2026-11-24T16:40", "chaoyang", "written",
                     "总包单位承诺垫付工资，人员已散去。")],
         "classification": "restricted"},
    ]


def gas_supervision() -> dict[str, Any]:
    return {"id": GAS_SUPERVISION, "title": "全市燃气安全隐患排查整治",
            "source": {"kind": "leader-instruction", "ref": "inc-2026-002"},
            "lead": "city-management", "support": ["housing", "fengtai", "emergency"],
            "assigned": dt.date(2026, 11, 20), "deadline": dt.date(2027, 1, 31),
            "updates": [{"date": dt.date(2026, 11, 27), "percent": 30,
                         "note": "已完成老旧小区燃气设施排查2100余处，整改隐患430处。",
                         "next_steps": "12月底前完成餐饮场所和农村地区燃气用户排查。"}],
            "state": "open", "summary": "落实市领导对丰台区燃气爆燃事件的批示。",
            "classification": "internal"}


def write_duty(out: Path) -> None:
    """Write the rosters, the incidents and the supervision item one of them started."""
    for roster in rosters():
        yaml_dump(out / f"duty/{roster['month']}.yaml", roster)
    for inc in incidents():
        yaml_dump(out / f"incidents/{inc['occurred'][:4]}/{inc['id']}.yaml", inc)
    yaml_dump(out / f"supervision/2026/{GAS_SUPERVISION}.yaml", gas_supervision())

