"""`portal new`: a skeleton of every record type, with the next free id and number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generators.cli import main
from generators.labels import labels
from generators.models import FOLDERS, KEYED
from generators.scaffold import KINDS
from generators.validate import validate

from .conftest import AS_OF


def new(records: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["new", *args, "--records", str(records)])


def made(result: Result) -> Path:
    """The path `portal new` printed: alone on stdout."""
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    return Path(lines[0])


def test_every_record_type_with_a_folder_has_a_skeleton() -> None:
    """A type added to the models and forgotten here fails (the registry is edited as a
    list, by hand)."""
    assert set(KINDS) == {m.rtype for m in (*FOLDERS.values(), *KEYED.values())}


@pytest.mark.parametrize("rtype", sorted(set(KINDS) - {"document", "hotline", "appraisal",
                                                       "duty"}))
def test_new_writes_a_skeleton_with_the_next_free_id(rtype: str, valid_copy: Path) -> None:
    first = new(valid_copy, rtype, "--year", "2026")
    path = made(first)
    assert path.is_relative_to(valid_copy)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert path.stem == data["id"] and data["id"].endswith("-2026-001")
    assert f"已新建{labels('zh')(f'rt-{rtype}')}{data['id']}" in first.stderr
    second = made(new(valid_copy, rtype, "--year", "2026"))
    assert second.stem.endswith("-2026-002")


def test_new_document_takes_the_next_free_number(valid_copy: Path) -> None:
    result = new(valid_copy, "document", "--year", "2026", "--prefix", "京政发")
    data = yaml.load(made(result).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert data["number"] == "京政发〔2026〕3号"  # doc-b holds 〔2026〕2号
    assert data["id"] == "doc-2026-001"
    assert "doc-2026-001，文号京政发〔2026〕3号：填写全部TODO后" in result.stderr
    english = CliRunner(env={"PORTAL_LOCALE": "en"}).invoke(
        main, ["new", "document", "--prefix", "京政发", "--records", str(valid_copy)])
    assert "new document doc-2026-002, number 京政发〔2026〕4号: fill in" in english.stderr
    refused = new(valid_copy, "document")
    assert refused.exit_code == 2 and "--prefix" in refused.output


def test_new_hotline_is_the_month_after_the_newest_with_its_districts(valid_copy: Path,
                                                                      ) -> None:
    months = sorted(p.stem for p in (valid_copy / "hotline").glob("*.yaml"))
    newest = yaml.load((valid_copy / f"hotline/{months[-1]}.yaml").read_text("utf-8"),
                       Loader=yaml.CSafeLoader)
    year, month = map(int, months[-1].split("-"))
    result = new(valid_copy, "hotline", "--year", str(year))
    path = made(result)
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    assert path.name == f"{year}-{month + 1:02d}.yaml" and data["month"] == path.stem
    assert f"hotline-{path.stem}" in result.stderr
    assert list(data["districts"]) == list(newest["districts"])
    assert "&" not in text and "*" not in text  # no YAML anchors taught to editors
    other_year = made(new(valid_copy, "hotline", "--year", str(year + 1)))
    assert other_year.name == f"{year + 1}-01.yaml"


def test_new_appraisal_keeps_last_years_indicators_and_never_overwrites(valid_copy: Path,
                                                                         ) -> None:
    years = sorted(int(p.stem) for p in (valid_copy / "appraisal").glob("*.yaml"))
    last = yaml.load((valid_copy / f"appraisal/{years[-1]}.yaml").read_text("utf-8"),
                     Loader=yaml.CSafeLoader)
    path = made(new(valid_copy, "appraisal", "--year", str(years[-1] + 1)))
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert data["year"] == years[-1] + 1
    assert data["indicators"] == last["indicators"] and data["groups"] == last["groups"]
    assert set(data["scores"]) == set(last["scores"])
    before = (valid_copy / f"appraisal/{years[-1]}.yaml").read_bytes()
    again = new(valid_copy, "appraisal", "--year", str(years[-1]))
    assert again.exit_code == 2 and "已有文件" in again.output
    assert (valid_copy / f"appraisal/{years[-1]}.yaml").read_bytes() == before


def _fill(rtype: str, text: str) -> str:
    """An editor's filling-in of the TODOs of a skeleton."""
    if rtype == "hotline":
        text = re.sub(r"(calls): TODO", r"\1: 1200", text)
        text = re.sub(r"(\w+_rate): TODO", r"\1: 95", text)
        return text.replace("TODO 问题类别", "heating")
    if rtype == "appraisal":
        return re.sub(r": TODO$", ": 88", text, flags=re.M)
    # every placeholder (a TODO left is TEXT_TODO)
    return text.replace("TODO 标题", "暴雨").replace("TODO 内容摘要", "预计有暴雨。")


@pytest.mark.parametrize("rtype", ["briefing", "hotline", "appraisal"])
def test_a_filled_in_skeleton_validates(rtype: str, valid_copy: Path) -> None:
    path = made(new(valid_copy, rtype, "--year", "2026" if rtype != "appraisal" else "2027"))
    path.write_text(_fill(rtype, path.read_text(encoding="utf-8")), encoding="utf-8")
    _recs, report = validate(valid_copy, "records", AS_OF.replace(year=2027, month=12))
    assert [p for p in report.problems if Path(p.path).name == path.name] == []
    assert report.errors == []


# -- issue 16: duty office ---------------------------------------------------------------------

def test_new_duty_is_the_month_after_the_newest_roster_with_every_day(valid_copy: Path,
                                                                      ) -> None:
    result = new(valid_copy, "duty", "--year", "2026")
    path = made(result)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    # the fixture's newest roster is 2026-11: the next is December, all 31 days
    assert path.name == "2026-12.yaml" and data["month"] == "2026-12"
    assert "已新建值班表duty-2026-12" in result.stderr
    assert list(data["days"]) == [f"2026-12-{d:02d}" for d in range(1, 32)]
    # December's roster is followed by January's of the next year
    assert made(new(valid_copy, "duty", "--year", "2026")).name == "2027-01.yaml"


def test_new_incident_prints_its_id_and_a_filled_in_one_validates(valid_copy: Path) -> None:
    result = new(valid_copy, "incident", "--year", "2026")
    path = made(result)
    assert path == valid_copy / "incidents/2026/inc-2026-001.yaml"
    assert "已新建突发事件inc-2026-001" in result.stderr
    text = path.read_text(encoding="utf-8")
    _recs, report = validate(valid_copy, "records", AS_OF.replace(year=2027))
    assert {p.code for p in report.problems if Path(p.path).name == path.name} == {"TEXT_TODO"}
    text = (text.replace("TODO 标题", "道路结冰致多车追尾").replace("TODO 地点", "京藏高速")
            .replace("TODO 报告内容", "已封闭一条车道。"))
    path.write_text(text, encoding="utf-8")
    _recs, report = validate(valid_copy, "records", AS_OF.replace(year=2027))
    assert [p for p in report.problems if Path(p.path).name == path.name] == []


def test_a_filled_in_duty_roster_validates(valid_copy: Path) -> None:
    path = made(new(valid_copy, "duty", "--year", "2026"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("TODO-official-id", "sg").replace("TODO 姓名", "王晓东"),
                    encoding="utf-8")
    _recs, report = validate(valid_copy, "records", AS_OF)
    assert [p for p in report.problems if Path(p.path).name == path.name] == []


def test_new_liaison_and_meeting_follow_the_newest_on_file(valid_copy: Path) -> None:
    """A suggestion takes the newest session of suggestions on file ({term, meeting}, not
    a year, which warns) and the next number in it, quoted; an executive meeting is the
    next of its term (市政府第N次常务会议), not always session 1 with no term."""
    lia = yaml.load(made(new(valid_copy, "liaison", "--year", "2026")).read_text(
        encoding="utf-8"), Loader=yaml.CSafeLoader)
    # the fixture's suggestions (lia-a, lia-c) are of the 16th congress's 4th meeting
    assert lia["session"] == {"term": 16, "meeting": 4}
    used = [yaml.load((valid_copy / f"liaison/2026/{n}.yaml").read_text(encoding="utf-8"),
                      Loader=yaml.CSafeLoader)["number"] for n in ("lia-a", "lia-c")]
    assert lia["number"] == str(max(int(n) for n in used) + 1).zfill(4)
    meeting = yaml.load(made(new(valid_copy, "meeting", "--year", "2026")).read_text(
        encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert (meeting["term"], meeting["session"]) == (16, 4)  # mtg-a: term 16, session 3
    # a received document's number is its issuer's: the editor copies it, nothing invented
    received = made(new(valid_copy, "received", "--year", "2026")).read_text(encoding="utf-8")
    assert re.search(r"^number: TODO 来文文号", received, re.M)


@pytest.mark.parametrize("rtype", sorted(KINDS))
def test_a_skeleton_s_comments_are_in_the_editors_language(rtype: str,
                                                          valid_copy: Path) -> None:
    args = ["--year", "2027"] + (["--prefix", "京政发"] if rtype == "document" else [])
    text = made(new(valid_copy, rtype, *args)).read_text(encoding="utf-8")
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    assert all(re.search(r"[\u4e00-\u9fff]", c) for c in comments), comments


def test_new_supervision_takes_the_next_supervision_number(valid_copy: Path) -> None:
    """督办编号: the next of the year's series (the fixture holds 督〔2026〕1号 and 3号)."""
    data = yaml.load(made(new(valid_copy, "supervision", "--year", "2026")).read_text(
        encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert data["number"] == "督〔2026〕4号"
    again = yaml.load(made(new(valid_copy, "supervision", "--year", "2026")).read_text(
        encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert again["number"] == "督〔2026〕5号"


def test_new_order_takes_the_next_order_number_and_its_type(valid_copy: Path) -> None:
    """--prefix 北京市人民政府令 makes a government order: 令第N号 numbered on across the
    years (not 北京市人民政府令〔2026〕1号), and type: order, as the validator requires."""
    data = yaml.load(made(new(valid_copy, "document", "--year", "2026", "--prefix",
                              "北京市人民政府令")).read_text(encoding="utf-8"),
                     Loader=yaml.CSafeLoader)
    assert (data["number"], data["type"]) == ("北京市人民政府令第1号", "order")
    second = yaml.load(made(new(valid_copy, "document", "--year", "2027", "--prefix",
                                "北京市人民政府令")).read_text(encoding="utf-8"),
                       Loader=yaml.CSafeLoader)
    assert second["number"] == "北京市人民政府令第2号"


def test_new_says_the_number_it_gave(valid_copy: Path) -> None:
    """A supervision item's 督办编号 and a liaison item's number are assigned as a
    document's is, and said as the README promises."""
    sup = new(valid_copy, "supervision", "--year", "2026")
    number = re.search(r"^number: (\S+)", made(sup).read_text(encoding="utf-8"), re.M)
    assert number and f"督办编号{number[1]}" in sup.stderr
    lia = new(valid_copy, "liaison", "--year", "2026")
    number = re.search(r'^number: "(\d+)"', made(lia).read_text(encoding="utf-8"), re.M)
    assert number and f"编号{number[1]}" in lia.stderr


def test_new_duty_keeps_to_the_year_given(valid_copy: Path) -> None:
    """--year 2025 makes a roster of 2025, though later ones are on file."""
    assert made(new(valid_copy, "duty", "--year", "2025")).name == "2025-01.yaml"


def test_new_hotline_past_december_says_so(valid_copy: Path) -> None:
    new(valid_copy, "hotline", "--year", "2026")  # the fixture's hotline months
    for _ in range(12):
        result = new(valid_copy, "hotline", "--year", "2026")
        if result.exit_code:
            break
    assert "2026年12月已有文件，请用--year 2027" in result.output


def test_new_takes_a_type_by_its_chinese_name(valid_copy: Path) -> None:
    """As the help lists it: 督办事项 is supervision."""
    path = made(new(valid_copy, "督办事项", "--year", "2026"))
    assert path.parent.parent.name == "supervision"
