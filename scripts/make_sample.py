"""Write the illustrative sample archive into records/ (`make sample`; the output is committed).

The archive reads as the General Office would write it: Chinese titles, summaries and, for a
few documents, the full text (正文), in the office's terms (GLOSSARY.md).  Institutions are
real; every person is fictional.  Persons' names are composed (`compose_names`) from a list of
surnames and a list of given-name characters, with a fixed seed, and any composed name that is
in tests/real_officials.txt (names of real serving and former officials) is skipped;
tests/test_sample.py greps the archive for those names.  Dates are set against the reference
date AS_OF (the day the sample was last written), so that every computed status appears
when the portal is built with --as-of AS_OF, and no record is received, reported or replied
to after it.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

D = dt.date
AS_OF = D(2026, 12, 1)
rng = random.Random(20261201)
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "records")
HERE = Path(__file__).resolve().parent
BLOCKLIST = HERE.parent / "tests" / "real_officials.txt"

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
    ("planning", "Municipal Commission of Planning and Natural Resources", "市规划自然资源委"),
    ("city-management", "Municipal Commission of City Management", "市城市管理委"),
    ("ecology", "Municipal Ecology and Environment Bureau", "市生态环境局"),
    ("landscaping", "Municipal Forestry and Parks Bureau", "市园林绿化局"),
    ("transport", "Municipal Transport Commission", "市交通委"),
    ("health", "Municipal Health Commission", "市卫生健康委"),
    ("commerce", "Municipal Commerce Bureau", "市商务局"),
    ("civil-affairs", "Municipal Civil Affairs Bureau", "市民政局"),
    ("hrss", "Municipal Human Resources and Social Security Bureau", "市人力资源社会保障局"),
    ("emergency", "Municipal Emergency Management Bureau", "市应急局"),
    ("service-data", "Municipal Government Service and Data Management Bureau",
     "市政务服务和数据局"),
    ("justice", "Municipal Justice Bureau", "市司法局"),
]
AGENCY_IDS = [a[0] for a in AGENCIES]
DISTRICT_IDS = [d[0] for d in DISTRICTS]
ZH = {a[0]: a[2] for a in AGENCIES} | {d[0]: d[2] for d in DISTRICTS} | {
    "general-office": "市政府办公厅", "zgc-coordination": "中关村示范区协调办公室"}


# -- persons: composed, never real ---------------------------------------------------------
SURNAMES = [("邵", "Shao"), ("蒋", "Jiang"), ("韦", "Wei"), ("尚", "Shang"), ("柯", "Ke"),
            ("阮", "Ruan"), ("苗", "Miao"), ("祁", "Qi"), ("邢", "Xing"), ("芮", "Rui"),
            ("骆", "Luo"), ("闵", "Min"), ("冉", "Ran"), ("庞", "Pang"), ("卓", "Zhuo"),
            ("滕", "Teng"), ("桂", "Gui"), ("詹", "Zhan"), ("栾", "Luan"), ("宫", "Gong"),
            ("甘", "Gan"), ("岑", "Cen"), ("莫", "Mo"), ("严", "Yan"), ("俞", "Yu"),
            ("葛", "Ge"), ("蓝", "Lan"), ("储", "Chu"), ("涂", "Tu"), ("鲍", "Bao"),
            ("管", "Guan"), ("边", "Bian"), ("符", "Fu"), ("方", "Fang"), ("顾", "Gu")]
GIVEN = [("启", "qi"), ("澜", "lan"), ("舟", "zhou"), ("朔", "shuo"), ("砚", "yan"),
         ("霁", "ji"), ("远", "yuan"), ("书", "shu"), ("恒", "heng"), ("嘉", "jia"),
         ("川", "chuan"), ("闻", "wen"), ("若", "ruo"), ("知", "zhi"), ("禾", "he"),
         ("予", "yu"), ("青", "qing"), ("柏", "bai"), ("湛", "zhan"), ("循", "xun"),
         ("棠", "tang"), ("沛", "pei"), ("晗", "han"), ("峻", "jun"), ("珩", "heng"),
         ("谦", "qian"), ("蔚", "wei"), ("澄", "cheng"), ("晏", "yan"), ("鸣", "ming"),
         ("临", "lin"), ("岱", "dai"), ("芷", "zhi"), ("宛", "wan"), ("思", "si"),
         ("然", "ran"), ("溪", "xi"), ("桐", "tong"), ("朗", "lang"), ("昀", "yun"),
         ("舒", "shu"), ("榕", "rong"), ("曦", "xi"), ("璞", "pu"), ("楠", "nan"),
         ("韬", "tao"), ("翊", "yi")]


def real_names() -> set[str]:
    """Chinese and pinyin names of real officials (tests/real_officials.txt)."""
    out: set[str] = set()
    for line in BLOCKLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            zh, en = line.split(" ", 1)
            out |= {zh, en.strip()}
    return out


def compose_names(n: int, seed: str, distinct_surnames: bool = False) -> list[tuple[str, str]]:
    """n fictional names (Chinese, pinyin as printed in English), none of them real."""
    pick = random.Random(seed)
    banned = real_names()
    used: set[str] = set()
    surnames: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < n:
        (s, sp), (g1, p1), (g2, p2) = pick.choice(SURNAMES), *pick.sample(GIVEN, 2)
        zh, en = s + g1 + g2, f"{sp} {(p1 + p2).capitalize()}"
        if (zh in used or zh in banned or en in banned or p1 == p2
                or (distinct_surnames and s in surnames)):
            continue
        used.add(zh)
        surnames.add(s)
        out.append((zh, en))
    return out


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


# (id prefix, position, title, portfolio, from, to)
_POSTS: list[tuple[str, str, str, list[str], dt.date, dt.date | None]] = [
    ("mayor", "mayor", "Mayor", ["general-office"], D(2023, 1, 17), None),
    ("evm", "executive-vice-mayor", "Executive Vice Mayor", ["dev-reform", "finance", "planning"],
     D(2023, 1, 17), None),
    ("vm", "vice-mayor", "Vice Mayor", ["housing", "city-management", "transport"],
     D(2023, 1, 17), None),
    ("vm", "vice-mayor", "Vice Mayor", ["health", "civil-affairs", "emergency"],
     D(2023, 1, 17), None),
    ("vm", "vice-mayor", "Vice Mayor", ["education", "ecology", "landscaping"],
     D(2023, 1, 17), None),
    ("vm", "vice-mayor", "Vice Mayor", ["commerce", "service-data", "hrss"], D(2025, 7, 25), None),
    ("vm", "vice-mayor", "Vice Mayor", ["commerce", "service-data", "hrss"], D(2023, 1, 17),
     D(2025, 6, 30)),
    ("sg", "secretary-general", "Secretary-General of the Municipal Government",
     ["general-office"], D(2022, 12, 29), None),
    ("dsg", "deputy-secretary-general", "Deputy Secretary-General; Director of the General Office",
     ["general-office", "justice"], D(2021, 3, 1), None),
]
NAMES = compose_names(len(_POSTS), "officials", distinct_surnames=True)
OFFICIALS: list[dict[str, Any]] = []
for (_prefix, _pos, _title, _units, _from, _to), (_zh, _en) in zip(_POSTS, NAMES, strict=True):
    _o: dict[str, Any] = {"id": f"{_prefix}-{_en.split()[0].lower()}", "name": _en,
                          "name_zh": _zh, "position": _pos, "title": _title,
                          "portfolio": _units, "from": _from}
    if _to:
        _o["to"] = _to
    _o["classification"] = "public"
    OFFICIALS.append(_o)
MAYOR, EVM, SG = OFFICIALS[0]["id"], OFFICIALS[1]["id"], OFFICIALS[7]["id"]
SERVING = [o for o in OFFICIALS if "to" not in o]
OFFICIAL_OF = {u: o["id"] for o in SERVING for u in o["portfolio"]
               if o["position"] in ("vice-mayor", "executive-vice-mayor")}


def leader_of(unit: str) -> str:
    """The serving leader in charge of a unit (districts: the executive vice mayor)."""
    return OFFICIAL_OF.get(unit, EVM if unit in DISTRICT_IDS else MAYOR)


TOPICS = [
    {"id": "economy", "name": "Economy", "name_zh": "经济", "children": [
        {"id": "investment", "name": "Investment", "name_zh": "投资"},
        {"id": "business-environment", "name": "Business environment", "name_zh": "营商环境"},
        {"id": "consumption", "name": "Consumption", "name_zh": "消费"},
        {"id": "employment", "name": "Employment", "name_zh": "就业"}]},
    {"id": "livelihood", "name": "Livelihood", "name_zh": "民生", "children": [
        {"id": "housing-topic", "name": "Housing", "name_zh": "住房"},
        {"id": "elderly-care", "name": "Elderly care", "name_zh": "养老"},
        {"id": "education-topic", "name": "Education", "name_zh": "教育"},
        {"id": "health-topic", "name": "Health", "name_zh": "卫生健康"}]},
    {"id": "city", "name": "City management", "name_zh": "城市管理", "children": [
        {"id": "transport-topic", "name": "Transport", "name_zh": "交通"},
        {"id": "environment", "name": "Environment", "name_zh": "生态环境"},
        {"id": "urban-services", "name": "Urban services", "name_zh": "市政市容"},
        {"id": "safety", "name": "Public safety", "name_zh": "公共安全"}]},
    {"id": "government", "name": "Government affairs", "name_zh": "政务", "children": [
        {"id": "digital-government", "name": "Digital government", "name_zh": "数字政府"},
        {"id": "rule-of-law", "name": "Rule of law", "name_zh": "法治政府"}]},
]
for _t in TOPICS:
    _t["classification"] = "public"

AGENCY_TOPIC = {"dev-reform": "investment", "finance": "investment", "education":
                "education-topic", "housing": "housing-topic", "planning": "housing-topic",
                "city-management": "urban-services", "ecology": "environment",
                "landscaping": "environment", "transport": "transport-topic",
                "health": "health-topic", "commerce": "consumption",
                "civil-affairs": "elderly-care", "hrss": "employment", "emergency": "safety",
                "service-data": "digital-government", "justice": "rule-of-law"}


# -- YAML as editors write it ----------------------------------------------------------------
class Dumper(yaml.SafeDumper):
    """Values that plain YAML would read as something else, or that look like numbers
    ("0268", "09:30", "2026-03"), are
    written in double quotes, as the record reference does; prose of several lines is a
    literal block; a value used twice is written twice (no anchors)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value:
        style = "|"
    elif (dumper.resolve(yaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str"
          or re.fullmatch(r"[0-9][0-9:.-]*", value)):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def yaml_dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=96)
    path.write_text(text, encoding="utf-8")


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def zh_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# -- documents (duty 1) -----------------------------------------------------------------------
ALL_DISTRICTS = DISTRICT_IDS
HEATING_BODY = """\
为做好本市2026—2027年采暖季供热保障工作，确保群众温暖过冬，经市政府同意，现就有关事项通知如下：

一、按期具备供暖条件。各供热单位要于11月10日前完成供热设施检修和试运行，11月15日零时起正式供暖。遇寒潮等极端天气，由市城市管理委会同有关部门研究提前供暖。

二、保障居民室温达标。供暖期间居民住宅卧室、起居室温度不得低于18℃。供热单位要公开服务电话，对12345市民服务热线转办的“不热”诉求，24小时内上门处置。

三、加强能源保障。市发展改革委、市城市管理委要统筹做好天然气、电力调度，制定极端天气应急保供预案。

四、压实属地责任。各区要建立供热诉求快速响应机制，对老旧小区、独居老人等重点对象开展入户走访，发现问题及时解决。
"""
FLOOD_BODY = """\
本市自6月1日起进入汛期。为做好2026年防汛工作，保障人民群众生命财产安全，经市政府同意，现就有关事项通知如下：

一、压实防汛责任。各区、各部门要落实以行政首长负责制为核心的防汛责任制，明确各级防汛责任人并向社会公布。

二、抓好汛前隐患排查。5月31日前完成河道、水库、下凹式立交桥、地下空间、在建工地等重点部位隐患排查，建立台账，限期整改。

三、强化山区转移避险。房山、门头沟、昌平、怀柔、密云、延庆、平谷等区要修订山区险村险户转移避险预案，遇强降雨预警提前转移受威胁群众。

四、严格值班值守和信息报送。汛期各区、各部门严格执行24小时值班和领导带班制度，突发险情按规定时限向市政府总值班室报告，不得迟报、漏报、瞒报。
"""
WAGE_BODY = """\
经市政府同意，现就调整本市最低工资标准有关事项通知如下：

一、自2026年9月1日起，本市月最低工资标准由不低于2540元调整为不低于2620元；非全日制从业人员小时最低工资标准由不低于27.7元调整为不低于28.6元。

二、下列项目不作为最低工资标准的组成部分，用人单位应按规定另行支付：

1. 劳动者在中班、夜班、高温、低温、井下、有毒有害等特殊工作环境、条件下的津贴；
2. 劳动者应得的加班、加点工资；
3. 法律法规和国家规定的劳动者福利待遇。

三、市人力资源社会保障局负责本通知的解释和监督检查，各区人力资源社会保障部门要加强劳动保障监察，依法查处违法行为。
"""
REPLY_BODY = """\
你区《关于酒仙桥地区控制性详细规划调整的请示》（朝政文〔2026〕9号）收悉。经研究，现批复如下：

一、原则同意酒仙桥地区控制性详细规划调整方案。

二、调整后的规划要严格落实首都城市战略定位，严守建筑规模管控要求，优先保障公共服务设施和绿地空间。

三、你区要会同市规划自然资源委做好规划公示和实施管理，涉及的公共服务设施要与住宅项目同步规划、同步建设、同步交付。

此复。
"""


def doc(did: str, number: str, typ: str, title: str, lead: str, written: dt.date,
        summary: str, cls: str = "public", recipients: list[str] | None = None,
        **extra: Any) -> dict[str, Any]:
    prefix = number.split("〔")[0]
    issuer = "beijing-gov" if prefix in ("京政发", "京政函") else "general-office"
    d: dict[str, Any] = {
        "id": did, "number": number, "type": typ, "issuers": [issuer], "title": title,
        "recipients": recipients if recipients is not None else [*ALL_DISTRICTS, lead],
        "written": written, "urgency": extra.pop("urgency", "normal"), "classification": cls,
        "topics": [AGENCY_TOPIC.get(lead, "government")], "summary": summary}
    if cls != "restricted":
        d["published"] = written + days(extra.pop("publish_after", rng.randint(2, 7)))
    d.update(extra)
    d["_lead"] = lead
    return d


def documents() -> list[dict[str, Any]]:
    docs = [
        doc("doc-2019-004", "京政发〔2019〕4号", "opinion",
            "北京市人民政府关于加强古树名木保护管理的意见",
            "landscaping", D(2019, 3, 12), "明确古树名木普查建档、日常养护和损害责任追究等要求。",
            normative={"effective": D(2019, 4, 1), "status": "repealed"}),
        doc("doc-2019-021", "京政办发〔2019〕21号", "notice",
            "北京市人民政府办公厅关于规范互联网租赁自行车管理的通知", "transport", D(2019, 6, 20),
            "对互联网租赁自行车实行总量调控，规范停放秩序，明确企业主体责任和属地管理责任。",
            normative={"effective": D(2019, 7, 1), "status": "in-force"}),
        doc("doc-2020-009", "京政发〔2020〕9号", "decision",
            "北京市人民政府关于进一步优化营商环境的决定",
            "dev-reform", D(2020, 4, 8),
            "围绕市场准入、审批服务、监管执法等环节提出优化营商环境的具体措施。",
            normative={"effective": D(2020, 5, 1), "expires": D(2027, 4, 30),
                       "status": "amended"}),
        doc("doc-2021-012", "京政发〔2021〕12号", "opinion",
            "北京市人民政府关于加快发展社区养老服务的意见",
            "civil-affairs", D(2021, 11, 3),
            "构建市、区、街道（乡镇）、社区（村）四级养老服务网络，"
            "发展社区老年助餐和居家上门服务。",
            normative={"effective": D(2022, 3, 1), "status": "in-force"},
            interpretation="**政策解读**\u3000《意见》提出构建市、区、街道（乡镇）、社区（村）四级养老"
                           "服务网络，到2025年基本实现社区养老服务驿站全覆盖，并对老年助餐点建设运营给予"
                           "补贴。"),
        doc("doc-2022-015", "京政办发〔2022〕15号", "notice",
            "北京市人民政府办公厅关于加强城市更新项目管理的通知", "housing", D(2022, 8, 16),
            "规范城市更新项目的立项、实施和验收管理，明确各区主体责任。",
            normative={"effective": D(2022, 9, 1), "expires": D(2027, 1, 31),
                       "status": "in-force"}),
        doc("doc-2023-006", "京政发〔2023〕6号", "opinion",
            "北京市人民政府关于促进数字经济高质量发展的意见", "dev-reform", D(2023, 2, 21),
            "提出数据要素市场培育、数字基础设施建设和产业数字化转型等重点任务。",
            normative={"effective": D(2023, 3, 1), "status": "in-force"},
            attachments=[{"title": "北京市数字经济重点任务清单（2023—2025年）"}]),
        doc("doc-2024-003", "京政发〔2024〕3号", "decision",
            "北京市人民政府关于废止和修改部分规范性文件的决定", "justice", D(2024, 2, 29),
            "经清理，决定废止和修改部分市政府规范性文件。",
            normative={"effective": D(2024, 2, 29), "status": "in-force"},
            relations=[{"type": "repeals", "target": "doc-2019-004"}]),
        doc("doc-2024-018", "京政办发〔2024〕18号", "notice",
            "北京市人民政府办公厅关于进一步加强古树名木保护管理的通知", "landscaping",
            D(2024, 5, 10),
            "完善古树名木分级保护和巡查制度，明确园林绿化部门和属地的管护责任。",
            normative={"effective": D(2024, 6, 1), "status": "in-force"},
            relations=[{"type": "supersedes", "target": "doc-2019-004"}]),
        doc("doc-2025-007", "京政发〔2025〕7号", "decision",
            "北京市人民政府关于修改《北京市人民政府关于进一步优化营商环境的决定》的决定",
            "dev-reform",
            D(2025, 3, 18), "根据国家有关规定，对优化营商环境决定中的审批时限等条款作出修改。",
            normative={"effective": D(2025, 4, 1), "status": "in-force"},
            relations=[{"type": "amends", "target": "doc-2020-009"}]),
        doc("doc-2025-031", "京政办发〔2025〕31号", "notice",
            "北京市人民政府办公厅关于进一步做好12345市民服务热线接诉即办工作的通知", "service-data",
            D(2025, 9, 5),
            "完善接诉即办派单、办理、考评机制，推动“每月一题”从“有一办一”向“主动治理”转变。",
            normative={"effective": D(2025, 10, 1), "status": "in-force"}),
        # not normative
        doc("doc-2025-101", "京政发〔2025〕12号", "decision",
            "北京市人民政府关于表彰2024年度东西部协作和对口支援工作先进集体的决定",
            "general-office",
            D(2025, 5, 20), "对在东西部协作和对口支援工作中成绩突出的集体予以表彰。"),
        doc("doc-2025-102", "京政办发〔2025〕40号", "notice",
            "北京市人民政府办公厅关于做好2025年秋季义务植树工作的通知", "landscaping",
            D(2025, 10, 15),
            "部署秋季义务植树和森林防火工作，鼓励市民通过“互联网+全民义务植树”尽责。"),
        doc("doc-2026-101", "京政发〔2026〕1号", "notice",
            "北京市人民政府关于印发《2026年市政府工作报告重点任务分工》的通知", "general-office",
            D(2026, 1, 30), "将市政府工作报告确定的重点任务逐项分解到牵头单位，明确完成时限。",
            recipients=[*ALL_DISTRICTS, *AGENCY_IDS]),
        doc("doc-2026-102", "京政办发〔2026〕2号", "notice",
            "北京市人民政府办公厅关于做好2026年春节期间安全生产工作的通知", "emergency",
            D(2026, 1, 20),
            "部署春节期间烟花爆竹、燃气、人员密集场所等重点领域安全防范工作。", urgency="urgent"),
        doc("doc-2026-103", "京政发〔2026〕3号", "opinion",
            "北京市人民政府关于推动大规模设备更新和消费品以旧换新的实施意见", "dev-reform",
            D(2026, 2, 10),
            "明确工业、建筑、交通等领域设备更新和消费品以旧换新的目标任务与支持政策。"),
        doc("doc-2026-104", "京政办发〔2026〕4号", "circular",
            "北京市人民政府办公厅关于2025年度市政府重点工作督查情况的通报", "general-office",
            D(2026, 2, 26), "通报2025年度市政府重点工作督查情况，对进展滞后的事项提出整改要求。",
            cls="internal"),
        doc("doc-2026-105", "京政发〔2026〕5号", "notice",
            "北京市人民政府关于印发《北京市2026年大气污染防治行动计划》的通知", "ecology",
            D(2026, 3, 2),
            "确定2026年细颗粒物浓度控制目标，部署移动源、扬尘和挥发性有机物治理任务。"),
        doc("doc-2026-106", "京政发〔2026〕8号", "circular",
            "北京市人民政府关于2025年度绩效考评结果的通报", "general-office", D(2026, 3, 28),
            "通报2025年度各区政府和市级行政机关绩效考评结果。", cls="internal",
            recipients=[*ALL_DISTRICTS, *AGENCY_IDS]),
        doc("doc-2026-107", "京政函〔2026〕6号", "reply",
            "北京市人民政府关于朝阳区酒仙桥地区控制性详细规划调整的批复", "planning",
            D(2026, 3, 30),
            "原则同意酒仙桥地区控制性详细规划调整方案。", cls="internal",
            recipients=["chaoyang"], cc=["planning"], body=REPLY_BODY),
        doc("doc-2026-108", "京政办发〔2026〕9号", "notice",
            "北京市人民政府办公厅关于进一步扩大老年助餐服务覆盖面的通知", "civil-affairs",
            D(2026, 4, 12),
            "新增社区老年助餐点，完善助餐补贴和配送服务，重点解决独居、失能老年人就餐困难。"),
        doc("doc-2026-109", "京政发〔2026〕11号", "opinion",
            "北京市人民政府关于加强应急避难场所建设管理的意见", "emergency", D(2026, 5, 6),
            "明确应急避难场所规划布局、建设标准和日常管护要求。"),
        doc("doc-2026-110", "京政办发〔2026〕12号", "opinion",
            "北京市人民政府办公厅关于推进义务教育优质均衡发展的实施意见", "education",
            D(2026, 5, 22),
            "扩大优质学位供给，推进集团化办学和教师交流轮岗。"),
        doc("doc-2026-111", "京政办发〔2026〕13号", "notice",
            "北京市人民政府办公厅关于做好2026年防汛工作的通知", "emergency", D(2026, 5, 26),
            "部署汛前隐患排查、山区转移避险和汛期值班值守工作。", urgency="urgent",
            body=FLOOD_BODY),
        doc("doc-2026-112", "京政办函〔2026〕5号", "letter",
            "北京市人民政府办公厅关于市十六届人大四次会议第0051号建议的答复函", "civil-affairs",
            D(2026, 5, 15), "答复关于扩大社区老年助餐服务覆盖面的建议。",
            recipients=["npc-standing"]),
        doc("doc-2026-113", "京政函〔2026〕13号", "reply",
            "北京市人民政府关于通州区大运河森林公园扩建工程的批复", "landscaping", D(2026, 6, 25),
            "同意大运河森林公园扩建工程，要求调整部分建设内容后实施。", cls="internal",
            recipients=["tongzhou"], cc=["landscaping", "planning"]),
        doc("doc-2026-114", "京政办函〔2026〕11号", "letter",
            "北京市人民政府办公厅关于市政协十四届四次会议第0072号提案的答复函", "health",
            D(2026, 6, 30), "答复关于优化医院预约挂号服务的提案。", recipients=["cppcc-bj"]),
        doc("doc-2026-115", "京政办函〔2026〕17号", "letter",
            "北京市人民政府办公厅关于同意试行延长轨道交通周末运营时间的函", "transport",
            D(2026, 7, 20),
            "同意市交通委在部分线路试行周末延时运营。", cls="internal", recipients=["transport"]),
        doc("doc-2026-116", "京政办发〔2026〕17号", "notice",
            "北京市人民政府办公厅关于调整本市最低工资标准的通知", "hrss", D(2026, 7, 28),
            "自2026年9月1日起调整本市最低工资标准。", body=WAGE_BODY,
            normative={"effective": D(2026, 9, 1), "status": "in-force"}),
        doc("doc-2026-117", "京政办发〔2026〕20号", "circular",
            "北京市人民政府办公厅关于部分审计查出问题整改进展滞后情况的通报", "finance",
            D(2026, 8, 3),
            "通报部分单位审计查出问题整改进展滞后的情况，要求限期整改到位。", cls="restricted"),
        doc("doc-2026-118", "京政发〔2026〕17号", "public-notice",
            "北京市人民政府关于2026年中国国际服务贸易交易会期间采取临时交通管理措施的通告",
            "transport",
            D(2026, 8, 20), "服贸会期间对首钢园区周边部分道路采取临时交通管理措施。",
            publish_after=1),
        doc("doc-2026-119", "京政办函〔2026〕24号", "letter",
            "北京市人民政府办公厅关于协调调拨防汛救灾物资有关事项的函", "emergency", D(2026, 8, 9),
            "商请有关单位协调调拨防汛救灾物资支援山区受灾区。", cls="restricted",
            urgency="extra-urgent", recipients=["emergency", "commerce"]),
        doc("doc-2026-120", "京政发〔2026〕19号", "report",
            "北京市人民政府关于推动大规模设备更新工作进展情况的报告", "dev-reform", D(2026, 9, 14),
            "报告本市设备更新和消费品以旧换新工作进展、存在问题和下一步安排。", cls="internal",
            recipients=["state-council"], signatory=MAYOR),
        doc("doc-2026-121", "京政办发〔2026〕23号", "notice",
            "北京市人民政府办公厅关于公布第二批“高效办成一件事”重点事项清单的通知", "service-data",
            D(2026, 9, 21), "公布第二批“高效办成一件事”重点事项，明确牵头部门和上线时间。"),
        doc("doc-2026-122", "京政函〔2026〕21号", "letter",
            "北京市人民政府关于商请协调京津冀跨区域交通有关事项的函", "transport", D(2026, 9, 30),
            "商请国务院办公厅协调京津冀省际通勤交通有关事项。", cls="internal",
            recipients=["state-council-go"]),
        doc("doc-2026-123", "京政发〔2026〕22号", "request",
            "北京市人民政府关于审批城市副中心站综合交通枢纽规划的请示", "transport", D(2026, 10, 9),
            "报请国务院审批城市副中心站综合交通枢纽规划。", cls="internal",
            recipients=["state-council"], signatory=MAYOR, urgency="urgent"),
        doc("doc-2026-124", "京政办发〔2026〕26号", "notice",
            "北京市人民政府办公厅关于做好2026—2027年采暖季供热保障工作的通知", "city-management",
            D(2026, 10, 28), "部署按期供暖、室温达标、能源保障和供热诉求快速响应工作。",
            body=HEATING_BODY),
    ]
    # joint issuance: the heating notice goes out with the city-management commission
    docs[-1]["issuers"] = ["general-office", "city-management"]
    from sample_docs import enrich  # issue 17: the policy-document panel and register

    enrich(docs)
    return docs


def minutes_doc(meeting: dict[str, Any], topics: str) -> dict[str, Any]:
    n = meeting["session"]
    d = doc(f"doc-2026-{200 + n:03d}", f"京政会纪〔2026〕{n}号", "minutes",
            f"市政府第{n + TERM_BEFORE['executive']}次常务会议纪要", "general-office",
            meeting["date"] + days(2),
            f"记录会议研究{topics}等事项的议定意见及牵头单位。", cls=meeting["classification"],
            recipients=["general-office"])
    d.pop("published", None)  # minutes are circulated, not published
    return d


# -- meetings (duty 3) --------------------------------------------------------------------------
# (kind, session, date, chair is the executive vice mayor, restricted,
#  [(item title, presenter, outcome, [(task, decision text, lead, support)])])
MEETINGS: list[tuple[str, int, dt.date, bool, bool, list[tuple[Any, ...]]]] = [
    ("executive", 1, D(2026, 1, 12), False, False, [
        ("研究市政府2026年重点工作任务分工", "general-office", "approved", [
            ("细化市政府重点任务分工", "由市政府办公厅会同各部门细化重点任务分工，按季度报送落实情"
                            "况。",
             "general-office", [])]),
        ("研究春节期间安全生产和市场保供工作", "emergency", "approved", [
            ("开展春节前安全生产检查", "由市应急局牵头开展节前安全生产检查，压实属地和行业监管责任"
                            "。",
             "emergency", ["commerce"])]),
        ("听取2025年度接诉即办工作情况汇报", "service-data", "noted", [
            ("提出“每月一题”年度选题建议", "由市政务服务和数据局梳理高频诉求，提出“每月一题”年度选"
                               "题建议。",
             "service-data", ["haidian"])]),
    ]),
    ("executive", 2, D(2026, 2, 9), False, False, [
        ("审议《关于推动大规模设备更新和消费品以旧换新的实施意见》", "dev-reform",
         "approved-in-principle", [
             ("修改完善设备更新实施意见", "由市发展改革委按会议意见修改完善后按程序印发。",
              "dev-reform", []),
             ("落实设备更新贴息资金", "由市财政局会同市发展改革委落实设备更新贷款贴息资金。",
              "finance", ["dev-reform"])]),
        ("研究本市2026年大气污染防治行动计划", "ecology", "approved", [
            ("分解年度大气污染治理任务", "由市生态环境局分解年度治理任务，逐月调度细颗粒物浓度变化"
                             "。",
             "ecology", ["daxing"])]),
    ]),
    ("plenary", 1, D(2026, 2, 24), False, False, [
        ("部署市政府2026年重点工作", "general-office", "approved", [
            ("制定重点工作落实方案", "各区、各部门对照任务分工制定本单位落实方案，报市政府办公厅备"
                           "案。",
             "general-office", [])]),
        ("部署2026年法治政府建设工作", "justice", "approved", [
            ("开展规范性文件清理", "由市司法局牵头开展市政府规范性文件清理，提出废止和修改建议。",
             "justice", [])]),
    ]),
    ("executive", 3, D(2026, 3, 16), False, False, [
        ("研究扩大老年助餐服务覆盖面工作", "civil-affairs", "approved", [
            ("新增社区老年助餐点", "由市民政局牵头新增社区老年助餐点，优先覆盖老年人口集中的街道。",
             "civil-affairs", ["fengtai"])]),
        ("研究义务教育优质均衡发展有关工作", "education", "approved-in-principle", [
            ("编制新增学位建设计划", "由市教委牵头编制新增学位建设计划，重点保障人口流入区学位供给"
                           "。",
             "education", ["changping"])]),
        ("研究应急避难场所建设管理工作", "emergency", "deferred", []),
    ]),
    ("special-topic", 1, D(2026, 4, 20), True, False, [
        ("研究老旧小区综合整治年度计划", "housing", "approved", [
            ("完成年度老旧小区综合整治任务", "由市住房城乡建设委牵头完成年度老旧小区综合整治任务。",
             "housing", ["xicheng"]),
            ("推进既有多层住宅加装电梯", "由市住房城乡建设委会同各区推进既有多层住宅加装电梯。",
             "housing", ["dongcheng"])]),
        ("研究城市更新项目审批改革", "planning", "noted", [
            ("简化城市更新项目规划审批", "由市规划自然资源委研究简化城市更新项目规划审批程序。",
             "planning", [])]),
    ]),
    ("executive", 4, D(2026, 5, 18), False, False, [
        ("部署2026年防汛工作", "emergency", "approved", [
            ("完成汛前隐患排查", "由市应急局牵头完成汛前隐患排查和山区转移避险预案修订。",
             "emergency", ["fangshan", "mentougou"])]),
        ("研究调整本市最低工资标准", "hrss", "approved-in-principle", [
            ("发布最低工资标准调整方案", "由市人力资源社会保障局按程序报批后发布最低工资标准调整方"
                             "案。",
             "hrss", [])]),
    ]),
    ("executive", 5, D(2026, 6, 22), False, False, [
        ("研究轨道交通周末延时运营事项", "transport", "approved", [
            ("试行轨道交通周末延时运营", "由市交通委组织部分线路试行周末延时运营，评估客流后报市政"
                             "府。",
             "transport", [])]),
        ("研究第二批“高效办成一件事”重点事项", "service-data", "approved", [
            ("公布第二批重点事项清单", "由市政务服务和数据局公布第二批“高效办成一件事”重点事项清单"
                            "。",
             "service-data", [])]),
    ]),
    ("special-topic", 2, D(2026, 7, 27), True, True, [
        ("研究山区强降雨灾后恢复重建工作", "emergency", "approved", [
            ("制定灾后恢复重建方案", "由市应急局会同房山区、门头沟区制定灾后恢复重建方案。",
             "emergency", ["fangshan", "mentougou"]),
            ("统筹灾后恢复重建资金", "由市财政局统筹安排灾后恢复重建资金，加快拨付进度。",
             "finance", ["fangshan"])]),
        ("研究审计查出问题整改工作", "finance", "noted", [
            ("督促审计查出问题整改", "由市财政局督促有关单位限期完成审计查出问题整改。",
             "finance", [])]),
    ]),
    ("executive", 6, D(2026, 9, 7), False, False, [
        ("研究2026年服贸会服务保障工作", "commerce", "approved", [
            ("做好服贸会服务保障", "由市商务局牵头做好服贸会期间交通、安保、接待等服务保障。",
             "commerce", ["shijingshan"])]),
        ("研究秋冬季大气污染综合治理攻坚行动", "ecology", "approved", [
            ("开展秋冬季大气污染治理攻坚", "由市生态环境局牵头开展秋冬季攻坚行动，强化重污染天气应"
                              "对。",
             "ecology", ["tongzhou"])]),
    ]),
    ("executive", 7, D(2026, 10, 19), False, False, [
        ("研究2026—2027年采暖季供热保障工作", "city-management", "approved", [
            ("确保按期具备供暖条件", "由市城市管理委牵头督促供热单位完成设施检修，确保按期具备供暖"
                           "条件。",
             "city-management", ["chaoyang"]),
            ("建立供热诉求快速响应机制", "由市城市管理委会同各区建立供热诉求快速响应机制。",
             "city-management", ["haidian"])]),
        ("听取前三季度全市经济运行情况汇报", "dev-reform", "noted", [
            ("研究稳增长政策措施", "由市发展改革委牵头研究四季度稳增长政策措施。",
             "dev-reform", ["commerce"])]),
    ]),
    ("executive", 8, D(2026, 12, 7), False, False, [
        ("研究2027年市级预算草案", "finance", None, []),
        ("研究岁末年初安全生产工作", "emergency", None, []),
    ]),
    ("special-topic", 3, D(2026, 12, 14), True, False, [
        ("研究冬季供暖运行和极端天气应对", "city-management", None, []),
    ]),
]
KIND_ZH = {"executive": "常务会议", "plenary": "全体会议", "special-topic": "专题会议"}
TERM, TERM_BEFORE = 16, {"executive": 70, "plenary": 3}
"""Issue 16: the government's term (届) and the meetings of each kind it held before 2026:
executive and plenary meetings are numbered within the term."""


def _future_outcome() -> str:
    """`planned` once the models accept it (contract, second edition); until then `noted`."""
    try:
        from typing import get_args

        from generators.models.meeting import AgendaItem
        if "planned" in get_args(AgendaItem.model_fields["outcome"].annotation):
            return "planned"
    except ImportError:
        pass
    return "noted"


def meetings() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """10 meetings held (with decisions) and 2 to come, and the executive meetings' minutes."""
    out, minutes = [], []
    n = 0
    future = _future_outcome()
    for i, (kind, session, day, evm_chairs, restricted, items) in enumerate(MEETINGS):
        held = day <= AS_OF
        agenda = []
        for j, (title, presenter, outcome, decs) in enumerate(items):
            decisions = []
            for task, text, lead, support in decs:
                n += 1
                decisions.append({"id": f"dec-2026-{n:03d}", "text": text, "lead": lead,
                                  **({"support": support} if support else {}),
                                  "deadline": day + days(90), "_task": task})
            agenda.append({"item": j + 1, "title": title, "presenter": presenter,
                           "outcome": outcome if held else future,
                           **({"decisions": decisions} if decisions else {})})
        chair = EVM if evm_chairs else MAYOR
        attendees = [o["id"] for o in SERVING if o["id"] != chair]
        if kind == "special-topic":  # the leaders in charge of the subject, and the office
            leads = {a["presenter"] for a in agenda}
            attendees = [o["id"] for o in SERVING if o["id"] != chair
                         and (set(o["portfolio"]) & leads or o["position"] == "secretary-general")]
        m: dict[str, Any] = {
            "id": f"mtg-2026-{i + 1:03d}", "kind": kind, "session": session, "date": day,
            "location": "市行政中心第一会议室" if kind != "plenary" else "市行政中心多功能厅",
            "chair": chair, "attendees": attendees, "agenda": agenda,
            "classification": "restricted" if restricted else "internal",
        }
        topics = "、".join(re.sub(r"^(研究|审议|听取|部署)", "", a["title"]) for a in agenda[:2])
        named = (f"市政府第{session + TERM_BEFORE[kind]}次" if kind in TERM_BEFORE
                 else f"市政府2026年第{session}次")
        m["summary"] = (f"{named}{KIND_ZH[kind]}，研究{topics}等事项。"
                        if held else f"拟于{zh_date(day)}召开，议题以会议通知为准。")
        if held and kind == "executive":
            md = minutes_doc(m, topics)
            minutes.append(md)
            m["minutes"] = md["id"]
        if kind in TERM_BEFORE:  # issue 16: numbered within the term, with observers (列席)
            m["term"], m["session"] = TERM, session + TERM_BEFORE[kind]
            m["observers"] = ["npc-standing", "cppcc-bj"] if kind == "plenary" else sorted(
                {a["presenter"] for a in agenda} - {"general-office"})
        out.append(m)
    return out, minutes


def appraisal_body(appraisal: dict[str, Any]) -> str:
    """The 通报's text from the year's figures: the units graded excellent in each group."""
    weights = {i["id"]: i["weight"] for i in appraisal["indicators"]}
    adjust: dict[str, float] = {}
    for a in appraisal["adjustments"]:
        adjust[a["unit"]] = adjust.get(a["unit"], 0) + a["points"]
    best = {}
    for group, members in appraisal["groups"].items():
        totals = {u: round(sum(appraisal["scores"][u][k] * w / 100 for k, w in weights.items())
                           + adjust.get(u, 0), 2) for u in members}
        best[group] = "、".join(ZH[u] for u, t in sorted(totals.items(), key=lambda x: -x[1])
                               if t >= appraisal["grades"]["excellent"]) or "无"
    year = appraisal["year"]
    return (f"为深入推进政府绩效管理，市政府组织对各区政府和市级行政机关{year}年度工作进行了绩效考"
            f"评。"
            "考评结果已经市政府常务会议审定，现通报如下：\n\n"
            f"一、区政府考评结果为“优秀”的单位：{best['district']}。\n\n"
            f"二、市级行政机关考评结果为“优秀”的单位：{best['agency']}。\n\n"
            "三、各单位要对照考评中发现的问题认真整改，整改情况于4月30日前报市政府办公厅。"
            "考评结果作为领导班子和领导干部综合考核评价的重要依据。\n")


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    yaml_dump(OUT / "registry/units.yaml", units())
    yaml_dump(OUT / "registry/officials.yaml", OFFICIALS)
    yaml_dump(OUT / "registry/topics.yaml", TOPICS)
    docs = documents()
    mtgs, minutes = meetings()
    docs += minutes
    decisions = [d for m in mtgs for a in m["agenda"] for d in a.get("decisions", [])]
    from sample_rest import rest  # the second half: received .. liaison

    extra = rest(docs, mtgs, decisions)
    circular = next(d for d in docs if d["number"] == "京政发〔2026〕8号")
    circular["body"] = appraisal_body(next(a for a in extra["appraisal"] if a["year"] == 2025))
    for d in decisions:
        del d["_task"]
    for d in docs:
        del d["_lead"]
        yaml_dump(OUT / f"documents/{d['written'].year}/{d['id']}.yaml", d)
    for m in mtgs:
        yaml_dump(OUT / f"meetings/{m['date'].year}/{m['id']}.yaml", m)
    for folder, recs in extra.items():
        for r in recs:
            if folder in ("appraisal", "hotline"):
                key = r.get("year") or r["month"]
                yaml_dump(OUT / f"{folder}/{key}.yaml", r)
            else:
                year = r.pop("_year")
                yaml_dump(OUT / f"{folder}/{year}/{r['id']}.yaml", r)
    __import__("sample_duty").write_duty(OUT)  # issue 16: duty office (its own rng)
    residue = [p for p in OUT.rglob("*.yaml")
               if re.search(r"\(\d+\)|&id\d|\*id\d", p.read_text(encoding="utf-8"))]
    assert not residue, residue
    __import__("sample_process").process(OUT)  # issue 16: processes (its own rng)
    from sample_regs import regs  # issue 17: the registers' second-edition fields
    regs(OUT)
    from sample_docs import write as write_documents  # issue 17: documents, attachments

    write_documents(OUT)
    print(f"wrote {sum(1 for _ in OUT.rglob('*.yaml'))} files to {OUT}")


if __name__ == "__main__":
    main()
