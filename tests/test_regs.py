"""Issue 17: the registers as the office keeps them (units, suggestions and proposals by
session, hotline streets, appraisal per group), against figures worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pydantic import ValidationError

from generators.catalog import build_catalog
from generators.charts import draw_all
from generators.cli import main
from generators.figures import (
    appraisal_results,
    contacted_before_reply,
    liaison_rates,
    street_ranking,
    top_and_bottom,
)
from generators.models.appraisal import Appraisal
from generators.models.hotline import Hotline
from generators.models.liaison import Liaison
from generators.models.registry import Unit, credit_check_char, credit_code_problem
from generators.opendata import exports
from generators.pages import build_pages
from generators.pages.appraisal import grade_label
from generators.pages.common import Ctx
from generators.pages.hotline import street_src
from generators.pages.liaison import ordinal_en, session_name, zh_numeral
from generators.summaries import liaison_rates_by
from generators.validate import validate

from .conftest import AS_OF, overlay

# -- units: unified social credit code (GB 32100-2015) ------------------------------------------


def test_credit_check_character_worked_by_hand() -> None:
    """91350100M000100Y4 -> 3.  Values (0-9 as themselves, M = 21, Y = 30) times weights
    1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13 + 1·8
    + 0·24 + 0·10 + 30·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640;
    1640 mod 31 = 28 (31·52 = 1612); 31 - 28 = 3."""
    assert credit_check_char("91350100M000100Y4") == "3"
    assert credit_code_problem("91350100M000100Y43") is None


def test_credit_check_character_zero_when_the_sum_divides() -> None:
    """A sum of 1 (a 1, then zeros) gives 31 - 1 = 30, written Y; a sum that is a multiple
    of 31 gives 31 - 0 = 31, written 0: 1·1 + 10·3 (A in place 2) = 31."""
    assert credit_check_char("1" + "0" * 16) == "Y"
    assert credit_check_char("1A" + "0" * 15) == "0"


@pytest.mark.parametrize(("code", "words"), [
    ("91350100M000100Y44", "check character is 4, but the first 17 characters give 3"),
    ("91350100M000100Y4", "has 17 characters"),
    ("91350100M000100I43", "'I'"),
    ("913501O0M000100Y43", "'O'"),
    ("91A50100M000100Y43", "characters 3-8"),
    ("91350100m000100y43", "'m'"),
])
def test_credit_code_problems(code: str, words: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None and words in problem


def test_unit_refuses_a_wrong_check_character_and_takes_the_new_kinds() -> None:
    base = {"id": "bda", "name": "Beijing Economic-Technological Development Area",
            "status": "active"}
    unit = Unit.model_validate({**base, "kind": "development-zone", "code": "91350100M000100Y43"})
    assert unit.code == "91350100M000100Y43"
    Unit.model_validate({**base, "kind": "party-committee"})
    with pytest.raises(ValidationError) as exc:
        Unit.model_validate({**base, "kind": "development-zone", "code": "91350100M000100Y44"})
    assert exc.value.errors()[0]["type"] == "SCHEMA_FORMAT"


# -- suggestions and proposals by session -------------------------------------------------------

D = dt.date
AS_OF_L = D(2026, 11, 27)
NPC4 = {"term": 16, "meeting": 4}
NPC3 = {"term": 16, "meeting": 3}
RECEIVED = D(2026, 2, 1)


def _item(id_: str, session: object, *, kind: str = "npc-suggestion",
          received: dt.date = RECEIVED, lead: str = "transport", **more: object) -> Liaison:
    return Liaison.model_validate({"id": id_, "kind": kind, "number": id_[-3:],
                                   "session": session, "proposers": ["代表甲"],
                                   "title": f"关于{id_}的建议", "received": received,
                                   "lead": lead, **more})


def _reply(day: dt.date, cat: str = "A") -> dict[str, object]:
    return {"date": day, "category": cat, "summary": "已办理。", "disclosure": "full"}


def test_session_names_in_both_languages() -> None:
    assert [zh_numeral(n) for n in (1, 4, 10, 14, 16, 20, 21, 99)] == \
        ["一", "四", "十", "十四", "十六", "二十", "二十一", "九十九"]
    assert [ordinal_en(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 113)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "113th"]
    cat = build_catalog([], AS_OF_L)
    npc = _item("l-001", NPC4)
    cppcc = _item("l-002", {"term": 14, "meeting": 4}, kind="cppcc-proposal")
    year = _item("l-003", 2026)
    zh, en = Ctx(cat, "zh"), Ctx(cat, "en")
    assert session_name(zh, npc) == "市十六届人大四次会议"
    assert session_name(zh, cppcc) == "市政协十四届四次会议"
    assert session_name(en, npc) == "4th session of the 16th Municipal People's Congress"
    assert session_name(zh, year) == "2026年市人大会议"
    assert (npc.session_key, cppcc.session_key, year.session_key) == \
        ("npc-16-4", "cppcc-14-4", "npc-2026")


def test_contact_rule_counts_contacts_up_to_the_reply_day() -> None:
    on_day = _item("c-001", NPC4, reply=_reply(D(2026, 4, 1)),
                   contacts=[{"date": D(2026, 4, 1), "kind": "phone"}])
    after = _item("c-002", NPC4, reply=_reply(D(2026, 4, 1)),
                  contacts=[{"date": D(2026, 4, 2), "kind": "visit"}])
    open_ = _item("c-003", NPC4, contacts=[{"date": D(2026, 3, 1), "kind": "meeting"}])
    silent = _item("c-004", NPC4)
    assert [contacted_before_reply(x) for x in (on_day, after, open_, silent)] == \
        [True, False, True, False]
    # 沟通率 = 2 of 4 = 50.0 %
    assert liaison_rates([on_day, after, open_, silent], AS_OF_L).contact_rate == 50.0


def test_rates_per_session_worked_by_hand() -> None:
    """Two sessions of deputies' suggestions, as of 2026-11-27.

    16th congress, 4th session (received 2026-02-01, due 2026-05-01), four items:
      a  replied 04-20 (on time), A, satisfied, a meeting on 03-01
      b  replied 05-20 (late), C, dissatisfied, re-handled: second reply 07-01, B,
         basically satisfied; a phone call on 06-20 (after the first reply: not counted)
      c  replied 04-30 (on time), B, no feedback, a visit on 04-30 (the reply day: counted)
      d  no reply, due 05-01 passed (overdue), no contact
      办复率 3/4 = 75.0; 按期办复率 2 of 4 due = 50.0; 满意率 2 of 2 with feedback (a
      satisfied, b basically satisfied after re-handling) = 100.0; 沟通率 2/4 = 50.0;
      A/B/C of 3 replies, b counted as its second reply B: A 1 = 33.3, B 2 = 66.7, C 0.
    16th congress, 3rd session (received 2025-02-10), one item: replied 2025-03-01, A,
      dissatisfied, no contact: 办复率 100.0, 满意率 0.0, 沟通率 0.0.
    """
    items = [
        _item("s-001", NPC4, reply=_reply(D(2026, 4, 20), "A"), feedback="satisfied",
              contacts=[{"date": D(2026, 3, 1), "kind": "meeting"}]),
        _item("s-002", NPC4, reply=_reply(D(2026, 5, 20), "C"), feedback="dissatisfied",
              contacts=[{"date": D(2026, 6, 20), "kind": "phone"}],
              rehandling={"requested": D(2026, 5, 30), "reply": _reply(D(2026, 7, 1), "B"),
                          "feedback": "basically-satisfied"}),
        _item("s-003", NPC4, reply=_reply(D(2026, 4, 30), "B"),
              contacts=[{"date": D(2026, 4, 30), "kind": "visit"}]),
        _item("s-004", NPC4),
        _item("s-005", NPC3, received=D(2025, 2, 10), reply=_reply(D(2025, 3, 1), "A"),
              feedback="dissatisfied"),
    ]
    cat = build_catalog(list(items), AS_OF_L)
    rows = {r["session"]: r for r in liaison_rates_by(cat, "session")}
    assert list(rows) == ["npc-16-3", "npc-16-4"]  # oldest session first
    four = rows["npc-16-4"]
    assert (four["items"], four["replied"], four["rehandled"]) == (4, 3, 1)
    assert (four["reply_rate"], four["on_time_rate"], four["satisfaction_rate"],
            four["contact_rate"]) == (75.0, 50.0, 100.0, 50.0)
    assert (four["A"], four["B"], four["C"]) == (33.3, 66.7, 0.0)
    three = rows["npc-16-3"]
    assert (three["reply_rate"], three["satisfaction_rate"], three["contact_rate"]) == \
        (100.0, 0.0, 0.0)


def test_rehandling_follows_a_dissatisfied_reply_and_its_dates_run_forward() -> None:
    with pytest.raises(ValidationError) as exc:
        _item("r-001", NPC4, reply=_reply(D(2026, 4, 1)), feedback="satisfied",
              rehandling={"requested": D(2026, 4, 10)})
    assert exc.value.errors()[0]["type"] == "SCHEMA_RULE"
    with pytest.raises(ValidationError) as exc:
        _item("r-002", NPC4, reply=_reply(D(2026, 4, 1)), feedback="dissatisfied",
              rehandling={"requested": D(2026, 4, 10), "reply": _reply(D(2026, 4, 5))})
    assert exc.value.errors()[0]["type"] == "DATE_ORDER"
    with pytest.raises(ValidationError) as exc:
        _item("r-003", NPC4, contacts=[{"date": D(2026, 1, 20), "kind": "phone"}])
    assert exc.value.errors()[0]["type"] == "DATE_ORDER"


def _write(records: Path, name: str, text: str) -> None:
    (records / "liaison/2026" / name).write_text(text, encoding="utf-8")


def test_numbers_are_unique_within_kind_and_session(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    body = ("kind: {kind}\nnumber: \"0012\"\nsession: {{term: {t}, meeting: {m}}}\n"
            "proposers: [代表乙]\ntitle: 关于公交的建议\nreceived: 2026-03-01\nlead: transport\n")
    # lia-a is the deputies' suggestion 0012 of the 4th session of the 16th congress
    _write(records, "lia-p.yaml", "id: lia-p\n" + body.format(kind="cppcc-proposal", t=14, m=4))
    _write(records, "lia-q.yaml", "id: lia-q\n" + body.format(kind="npc-suggestion", t=16, m=3))
    _recs, report = validate(records, "records", AS_OF)
    assert report.problems == []
    _write(records, "lia-r.yaml", "id: lia-r\n" + body.format(kind="npc-suggestion", t=16, m=4))
    recs, report = validate(records, "records", AS_OF)
    assert sorted((p.code, p.path.rsplit("/", 1)[-1]) for p in report.problems) == \
        [("NUMBER_DUPLICATE", "lia-a.yaml"), ("NUMBER_DUPLICATE", "lia-r.yaml")]
    # the hint names the session's next free number, as wide as the editor wrote it
    quoted = report.problems[0].hint.rsplit(", ", 1)[1]
    assert quoted.startswith('"') and quoted.endswith('"')  # YAML would read 0013 as 13
    free = quoted.strip('"')
    same = [r.number for r in recs if isinstance(r, Liaison) and r.kind == "npc-suggestion"
            and r.session_key == next(r for r in recs if r.id == "lia-a").session_key]
    assert len(free) == 4 and free not in same and int(free) == max(map(int, same)) + 1
    assert f'下一个可用编号"{free}"' in report.problems[0].hint_in("zh")
    assert report.problems[0].message_in("zh").startswith("建议号0012已被")


def test_a_year_session_is_read_with_a_warning_and_a_key_leader_must_be_in_office(
        tmp_path: Path) -> None:
    records = overlay(tmp_path)
    _write(records, "lia-y.yaml", "id: lia-y\nkind: cppcc-proposal\nnumber: \"0099\"\n"
           "session: 2026\nproposers: [委员丙]\ntitle: 关于绿地的提案\nreceived: 2026-03-01\n"
           "lead: transport\nkey: {leader: mayor}\n")
    recs, report = validate(records, "records", AS_OF)
    problems = [(p.code, p.severity) for p in report.problems]
    assert problems == [("SESSION_YEAR", "warning")]
    # the hint's YAML can be copied as written, in either language
    assert "session: {term: 14, meeting: 4} for 市政协十四届四次会议" in report.problems[0].hint
    assert "市政协十四届四次会议写作session: {term: 14, meeting: 4}" in \
        report.problems[0].hint_in("zh")
    assert any(r.id == "lia-y" for r in recs)
    officials = (records / "registry/officials.yaml").read_text(encoding="utf-8")
    (records / "registry/officials.yaml").write_text(
        officials.replace("from: 2023-01-01", "from: 2026-06-01", 1), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF)
    assert ("DATE_TERM", "lia-y.yaml") in {(p.code, p.path.rsplit("/", 1)[-1])
                                           for p in report.problems}


# -- hotline: streets and townships -------------------------------------------------------------

def _month(streets: dict[str, tuple[float, float, float]], **more: object) -> Hotline:
    return Hotline.model_validate({
        "month": "2026-10",
        "districts": {"east": {"calls": 50_000, "response_rate": 99.5, "resolution_rate": 93.0,
                               "satisfaction_rate": 94.0}},
        "streets": {n: {"district": "east", "calls": 3000, "response_rate": r,
                        "resolution_rate": s, "satisfaction_rate": t}
                    for n, (r, s, t) in streets.items()}, **more})


def test_street_ranking_with_ties_worked_by_hand() -> None:
    """Composite = 0.10 × response + 0.45 × resolution + 0.45 × satisfaction.

    Twelve streets; response 100 everywhere (10.00 points), resolution = satisfaction = x,
    so the composite is 10 + 0.9x:
      x = 99 -> 99.10 (s01); 98 -> 98.20 (s02, s03: tied 2nd); 97 -> 97.30 (s04) ... down to
      s09 at 92 -> 92.80; s10 and s11 tie at 91 -> 91.90; s12 at 90 -> 91.00.
    Ranks: s01 1, s02 2, s03 2, s04 4, s05 5, ... s09 9, s10 10, s11 10, s12 12.
    Top ten: ranks 1-10, both streets tied at 10th included: 11 streets (all but s12).
    From the bottom: s12 1, s10 and s11 2 (tied), s09 4, ... s04 9, s02 and s03 10 (tied),
    s01 12.  Bottom ten: s12, s10, s11, s09 ... s04, s02, s03: 11 streets (all but s01).
    """
    xs = {"s01": 99, "s02": 98, "s03": 98, "s04": 97, "s05": 96, "s06": 95, "s07": 94,
          "s08": 93, "s09": 92, "s10": 91, "s11": 91, "s12": 90}
    ranks = street_ranking(_month({n: (100.0, x, x) for n, x in xs.items()}))
    by_name = {s.name: s for s in ranks}
    assert by_name["s01"].composite == 99.10 and by_name["s12"].composite == 91.00
    assert [(s.name, s.rank) for s in ranks][:4] == [("s01", 1), ("s02", 2), ("s03", 2),
                                                     ("s04", 4)]
    assert (by_name["s10"].rank, by_name["s11"].rank, by_name["s12"].rank) == (10, 10, 12)
    assert (by_name["s12"].rank_from_bottom, by_name["s10"].rank_from_bottom,
            by_name["s03"].rank_from_bottom, by_name["s01"].rank_from_bottom) == (1, 2, 10, 12)
    top, bottom = top_and_bottom(ranks)
    assert [s.name for s in top] == [f"s{i:02d}" for i in range(1, 12)]
    assert [s.name for s in bottom] == ["s12", "s10", "s11", "s09", "s08", "s07", "s06", "s05",
                                        "s04", "s02", "s03"]
    # with no tie at the boundary the lists hold exactly ten
    top, bottom = top_and_bottom(ranks[:10] + ranks[11:])  # without s11
    assert len(top) == 10 and "s12" not in {s.name for s in top}


def test_streets_belong_to_a_district_of_the_month_and_special_names_a_street() -> None:
    with pytest.raises(ValidationError) as exc:
        Hotline.model_validate({
            "month": "2026-10", "districts": {"east": {"calls": 1, "response_rate": 99,
                                                       "resolution_rate": 90,
                                                       "satisfaction_rate": 90}},
            "streets": {"甲街道": {"district": "west", "calls": 1, "response_rate": 99,
                                   "resolution_rate": 90, "satisfaction_rate": 90}}})
    assert exc.value.errors()[0]["type"] == "SCHEMA_RULE"
    with pytest.raises(ValidationError):
        _month({"甲街道": (99, 90, 90)}, special_treatment=["乙街道"])
    month = _month({"甲街道": (99, 90, 90)}, special_treatment=["甲街道"], focus=["物业服务"])
    assert month.special_treatment == ["甲街道"]


# -- appraisal per group ------------------------------------------------------------------------

def _appraisal(**more: object) -> Appraisal:
    base: dict[str, object] = {
        "year": 2026,
        "indicators": {
            "district": [{"id": "tasks", "name": "重点任务", "weight": 60},
                         {"id": "hotline", "name": "接诉即办", "weight": 40,
                          "definition": "按月考评得分的年度平均。", "source": "go"}],
            "agency": [{"id": "tasks", "name": "重点任务", "weight": 50},
                       {"id": "service", "name": "政务服务", "weight": 30},
                       {"id": "law", "name": "依法行政", "weight": 20}]},
        "groups": {"district": ["east", "west", "north"], "agency": ["transport", "health"]},
        "grades": {"excellent": 90, "good": 80, "fair": 70},
        "scores": {"east": {"tasks": 95, "hotline": 85}, "west": {"tasks": 80, "hotline": 90},
                   "north": {"tasks": 70, "hotline": 60},
                   "transport": {"tasks": 90, "service": 90, "law": 90},
                   "health": {"tasks": 100, "service": 80, "law": 70}},
        "grade_labels": {"excellent": "好", "good": "较好", "fair": "一般", "poor": "较差"}}
    return Appraisal.model_validate({**base, **more})


def test_per_group_totals_and_grades_worked_by_hand() -> None:
    """Districts (tasks 60, hotline 40):
      east  95·0.6 + 85·0.4 = 57 + 34 = 91.00 -> 1st, excellent (≥ 90)
      west  80·0.6 + 90·0.4 = 48 + 36 = 84.00 -> 2nd, good (≥ 80)
      north 70·0.6 + 60·0.4 = 42 + 24 = 66.00 -> 3rd, poor (< 70)
    Agencies (tasks 50, service 30, law 20):
      transport 90·0.5 + 90·0.3 + 90·0.2 = 90.00 -> 1st (tie), excellent
      health   100·0.5 + 80·0.3 + 70·0.2 = 50 + 24 + 14 = 88.00; with +2 adjustment
               90.00 -> 1st (tie), excellent
    """
    a = _appraisal(adjustments=[{"unit": "health", "points": 2, "reason": "表扬加分。"}])
    res = {r.unit: r for r in appraisal_results(a)}
    assert [(res[u].weighted, res[u].total, res[u].rank, res[u].grade)
            for u in ("east", "west", "north")] == \
        [(91.0, 91.0, 1, "excellent"), (84.0, 84.0, 2, "good"), (66.0, 66.0, 3, "poor")]
    assert (res["transport"].total, res["transport"].rank, res["transport"].grade) == \
        (90.0, 1, "excellent")
    assert (res["health"].weighted, res["health"].adjustment, res["health"].total,
            res["health"].rank) == (88.0, 2.0, 90.0, 1)


def test_year_on_year_change_across_different_indicator_sets() -> None:
    """Last year one shared list (tasks 100): east 80, west 90.  This year east 91.00
    (+11.00) and west 84.00 (-6.00); north was not appraised last year (no change)."""
    last = Appraisal.model_validate({
        "year": 2025, "indicators": [{"id": "tasks", "name": "重点任务", "weight": 100}],
        "groups": {"district": ["east", "west"]},
        "grades": {"excellent": 90, "good": 80, "fair": 70},
        "scores": {"east": {"tasks": 80}, "west": {"tasks": 90}}})
    res = {r.unit: r for r in appraisal_results(_appraisal(), last)}
    assert (res["east"].change, res["east"].previous_rank) == (11.0, 2)
    assert (res["west"].change, res["west"].previous_rank) == (-6.0, 1)
    assert res["north"].change is None


def test_each_group_set_sums_to_100_and_scores_follow_the_group() -> None:
    with pytest.raises(ValidationError) as exc:
        _appraisal(indicators={
            "district": [{"id": "tasks", "name": "重点任务", "weight": 60},
                         {"id": "hotline", "name": "接诉即办", "weight": 30}],
            "agency": [{"id": "tasks", "name": "重点任务", "weight": 100}]})
    err = exc.value.errors()[0]
    assert err["type"] == "SCHEMA_WEIGHTS" and "of the district group sum to 90" in err["msg"]
    with pytest.raises(ValidationError) as exc:  # an agency scored on the district set
        _appraisal(scores={**_appraisal().scores,
                           "health": {"tasks": 90, "hotline": 90}})
    assert exc.value.errors()[0]["type"] == "SCHEMA_RULE"
    with pytest.raises(ValidationError) as exc:  # agencies without a set of their own
        _appraisal(indicators={"district": _appraisal().indicator_sets["district"]})
    assert "agency group has units but no indicators" in exc.value.errors()[0]["msg"]


def test_grade_labels_are_the_years_own_in_chinese() -> None:
    a = _appraisal()
    cat = build_catalog([], AS_OF_L)
    zh, en = Ctx(cat, "zh"), Ctx(cat, "en")
    assert [grade_label(zh, a, g) for g in ("excellent", "good", "fair", "poor")] == \
        ["好", "较好", "一般", "较差"]
    assert grade_label(en, a, "good") == "Good"
    plain = _appraisal(grade_labels=None)
    assert grade_label(zh, plain, "excellent") == "优秀"


def test_a_weight_error_in_a_group_set_points_at_its_line(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    path = records / "appraisal/2026.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    shared = data["indicators"]
    agency = [dict(i) for i in shared]
    agency[0]["weight"] = agency[0]["weight"] + 5  # 105 in all
    data["indicators"] = {"district": shared, "agency": agency}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF)
    [problem] = report.problems
    key = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if ln.startswith("  agency:"))
    # at the agency set (its first item, on the line after its key), not at `indicators`
    assert (problem.code, problem.line) == ("SCHEMA_WEIGHTS", key + 1)


def test_a_hostile_street_name_is_text_on_every_page_and_file(tmp_path: Path) -> None:
    """Street names are keys (record text): escaped on the month, streets and street pages,
    in the charts and in the open data."""
    records = overlay(tmp_path)
    path = records / "hotline/2026-10.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    hostile = '<script>alert("街")</script>&{{ 7*7 }}'
    district = next(iter(data["districts"]))
    figures = {"district": district, "calls": 3000, "response_rate": 99.0,
               "resolution_rate": 90.0, "satisfaction_rate": 91.0}
    data["streets"] = {hostile: figures, "甲街道": {**figures, "satisfaction_rate": 95.0}}
    data["special_treatment"] = [hostile]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    recs, report = validate(records, "records", AS_OF)
    assert report.errors == []
    cat = build_catalog(recs, AS_OF, "internal")
    charts_out: dict[str, object] = {}
    pages = build_pages(cat, "zh", charts_out)  # type: ignore[arg-type]
    shown = [p for p in pages if "&lt;script&gt;alert" in p.markdown]
    assert {p.src for p in shown} >= {"information/hotline/2026-10.md",
                                      "information/hotline/streets.md",
                                      street_src(hostile)}
    assert not [p.src for p in pages if "<script>alert" in p.markdown]
    svgs = draw_all(charts_out)  # type: ignore[arg-type]
    assert not [k for k, v in svgs.items() if "<script>alert" in v]
    csv = exports(cat)["data/hotline_streets.csv"]
    assert hostile.replace('"', '""') in csv


def test_portal_new_appraisal_keeps_each_groups_set(tmp_path: Path) -> None:
    """After a year with a set per group, the new year's skeleton keeps both sets and the
    grade labels, and scores each unit on its own group's indicators."""
    records = overlay(tmp_path)
    a = _appraisal()
    last = yaml.safe_load((records / "appraisal/2026.yaml").read_text(encoding="utf-8"))
    last["indicators"] = a.model_dump(exclude_none=True)["indicators"]
    last["grade_labels"] = a.model_dump()["grade_labels"]
    last["scores"] = a.scores
    last.pop("adjustments", None)
    (records / "appraisal/2026.yaml").write_text(yaml.safe_dump(last, allow_unicode=True),
                                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "appraisal", "--year", "2027",
                                       "--records", str(records)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((records / "appraisal/2027.yaml").read_text(encoding="utf-8"))
    assert data["indicators"] == last["indicators"]
    assert data["grade_labels"]["excellent"] == "好"
    assert set(data["scores"]["east"]) == {"tasks", "hotline"}
    assert set(data["scores"]["health"]) == {"tasks", "service", "law"}
