"""The validator: one invalid fixture per error code, and the archives that must pass."""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli import main
from generators.errors import CATALOGUE, Problem, flatten
from generators.models import Document
from generators.numbers import parse_number
from generators.validate import validate

from .conftest import AS_OF, INVALID, SAMPLE, SAMPLE_AS_OF, VALID, overlay

CODES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def expected(fixture: Path) -> list[list[object]]:
    rows = []
    for line in (fixture / "expect.txt").read_text(encoding="utf-8").splitlines():
        where, code = line.rsplit(" ", 1)
        path, ln, _col = where.rsplit(":", 2)
        rows.append([path, int(ln), code])
    return sorted(rows)


def test_every_code_has_an_invalid_fixture() -> None:
    assert sorted(CATALOGUE) == CODES


@pytest.mark.parametrize("code", CODES)
def test_invalid_fixture_reports_its_code_at_its_line(code: str, tmp_path: Path) -> None:
    fixture = INVALID / code
    records = overlay(tmp_path, fixture)
    _recs, report = validate(records, "records", AS_OF)
    assert flatten(report.problems) == expected(fixture)
    cols = {(p.path, p.line): p.col for p in report.problems}
    for line in (fixture / "expect.txt").read_text(encoding="utf-8").splitlines():
        where = line.rsplit(" ", 1)[0]
        path, ln, col = where.rsplit(":", 2)
        assert cols[(path, int(ln))] == int(col), line


def test_valid_fixture_is_clean() -> None:
    recs, report = validate(VALID, "records", AS_OF)
    assert report.problems == []
    assert len(recs) == 37  # issue 16: a duty roster, two incidents, one calendar year


def test_sample_archive_is_clean() -> None:
    recs, report = validate(SAMPLE, "records", SAMPLE_AS_OF)
    assert [p.format() for p in report.problems] == []
    assert len(recs) > 250


def test_five_mistakes_in_one_run(tmp_path: Path) -> None:
    """The issue's scenario: each mistake at its file, line and code, all in one run."""
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace("officials:", "oficials:"),
                   encoding="utf-8")
    mtg = records / "meetings/2026/mtg-a.yaml"
    mtg.write_text(mtg.read_text(encoding="utf-8").replace("location: City Hall\n",
                   "location: City Hall\nlocation: Annex\n"), encoding="utf-8")
    lia = records / "liaison/2026/lia-a.yaml"
    lia.write_text(lia.read_text(encoding="utf-8").replace('number: "0012"', "number: 0123"),
                   encoding="utf-8")
    sup = records / "supervision/2026/sup-b.yaml"
    sup.write_text(sup.read_text(encoding="utf-8").replace("lead: transport", "lead: transit"),
                   encoding="utf-8")
    doc = records / "documents/2026/doc-c.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("〔2026〕", "[2026]"),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--records", str(records),
                                       "--as-of", str(AS_OF)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    got = [(ln.split(": ")[0], ln.split(": ")[1].split(" ")[0]) for ln in lines[:-1]]
    base = str(records)
    assert got == sorted([
        (f"{base}/activities/2026/act-a.yaml:5:1", "SCHEMA_UNKNOWN_FIELD"),
        (f"{base}/documents/2026/doc-c.yaml:2:9", "NUMBER_FORMAT"),
        (f"{base}/liaison/2026/lia-a.yaml:3:9", "YAML_UNQUOTED"),
        (f"{base}/meetings/2026/mtg-a.yaml:6:1", "YAML_DUPLICATE_KEY"),
        (f"{base}/supervision/2026/sup-b.yaml:4:7", "REF_MISSING"),
    ])
    assert lines[-1] == "5个错误，0个警告"  # Chinese by default: the office's language
    assert "京政办函〔2026〕7号" in result.output  # the corrected form is offered
    english = CliRunner().invoke(main, ["validate", "--records", str(records),
                                        "--as-of", str(AS_OF), "--lang", "en"])
    assert english.output.splitlines()[-1] == "5 errors, 0 warnings"
    assert [ln.split(" ")[:2] for ln in english.output.splitlines()[:-1]] == \
        [ln.split(" ")[:2] for ln in lines[:-1]]  # the same problems, the same codes


def test_paths_are_shown_as_the_user_gave_the_folder(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "SCHEMA_ENUM")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["validate", "--records", "records/",
                                           "--as-of", str(AS_OF)])
    finally:
        os.chdir(cwd)
    assert result.output.startswith("records/activities/2026/act-a.yaml:5:7: SCHEMA_ENUM")
    assert records.exists()


def test_json_format_lists_the_same_problems(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "YAML_UNQUOTED")
    result = CliRunner().invoke(main, ["validate", "--records", str(records), "--format", "json",
                                       "--as-of", str(AS_OF)])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["errors"] == 4
    assert {p["code"] for p in data["problems"]} == {"YAML_UNQUOTED"}
    assert all({"path", "line", "col", "message", "hint", "severity"} <= set(p)
               for p in data["problems"])


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "UNIT_CLOSED")
    args = ["validate", "--records", str(records), "--as-of", str(AS_OF)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert CliRunner().invoke(main, [*args, "--strict"]).exit_code == 1


def test_missing_folder_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--records", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "不存在" in result.output  # in the portal's language (English: test_cli.py)
    assert "Traceback" not in result.output


def test_files_argument_limits_the_report(tmp_path: Path) -> None:
    """pre-commit passes the touched files; problems elsewhere are not theirs."""
    records = overlay(tmp_path, INVALID / "YAML_UNQUOTED")
    liaison = str(records / "liaison/2026/lia-c.yaml")
    result = CliRunner().invoke(main, ["validate", "--records", str(records),
                                       "--as-of", str(AS_OF), liaison])
    assert result.exit_code == 1
    assert result.output.count("YAML_UNQUOTED") == 1


def test_broken_file_does_not_cascade_into_reference_errors(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "SCHEMA_TYPE")
    brf = records / "briefings/2026/brf-a.yaml"  # sup-c points at brf-a; break brf-a
    brf.write_text(brf.read_text(encoding="utf-8").replace("category: public-sentiment",
                                                           "category: gossip"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF)
    assert "REF_MISSING" not in {p.code for p in report.problems}
    assert {p.code for p in report.problems} == {"SCHEMA_TYPE", "SCHEMA_ENUM"}


def test_a_record_may_quote_its_dates(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace("date: 2026-06-15",
                                                           'date: "2026-06-15"'),
                   encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF)
    assert report.problems == []


def test_a_number_where_text_belongs_is_an_error_not_a_string(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace(
        "title: Inspection of bus depots", "title: 2026"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF)
    assert flatten(report.problems, "line", "code") == [[6, "YAML_UNQUOTED"]]



@pytest.mark.parametrize("folder", [VALID, SAMPLE], ids=["fixture", "sample"])
def test_fast_read_gives_the_careful_reads_values(folder: Path) -> None:
    """Sound files are read without positions (load_plain); what they give must be what the
    careful reader gives, value for value, type for type."""
    from generators.load import SourceFile, load_bytes, load_plain

    files = sorted(folder.rglob("*.yaml"))
    assert files
    for path in files:
        raw = path.read_bytes()
        careful, problems = load_bytes(SourceFile(path, path.name), raw)
        assert not problems
        fast = load_plain(raw)
        assert fast == careful.data, path
        assert repr(fast) == repr(careful.data), path  # 1 and True, date and str differ here


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "a:\n\t- b\n", "a: 2026-02-30\n", "",
                                  "a: [1,\n", "? [x]\n: 1\n", "no: 1\n"])
def test_fast_read_leaves_doubtful_files_to_the_careful_read(text: str) -> None:
    from generators.load import load_plain

    assert load_plain(text.encode()) is None


def test_reading_with_a_helper_process_changes_nothing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Large archives are read by two processes (validate.load_all); the records and the
    problems, in their order, are those of one process."""
    from generators import validate as v

    records = overlay(tmp_path, INVALID / "YAML_DUPLICATE_KEY")
    alone = v.validate(records, "records", AS_OF, use_cache=False)
    monkeypatch.setattr(v, "PARALLEL_FROM", 2)
    monkeypatch.setattr(v, "can_fork", lambda: True)
    helped = v.validate(records, "records", AS_OF, use_cache=False)
    assert [r.id for r in helped[0]] == [r.id for r in alone[0]]
    assert [r.model_dump() for r in helped[0]] == [r.model_dump() for r in alone[0]]
    assert helped[1].problems == alone[1].problems  # the same, in the same order
    assert ["YAML_DUPLICATE_KEY"] in flatten(helped[1].problems, "code")


# -- the editors' language (issue 14 points 3 and 6) ----------------------------------------

CJK = re.compile("[\u4e00-\u9fff]")
HINTS = Path(__file__).parent / "fixtures" / "hints"
GENERATORS = Path(__file__).resolve().parents[1] / "generators"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_speaks_both_languages(code: str) -> None:
    c = CATALOGUE[code]
    assert c.zh is not None, f"{code} has no Chinese texts (zh=Zh(title, trigger, fix))"
    for en, zh in ((c.title, c.zh.title), (c.trigger, c.zh.trigger), (c.fix, c.zh.fix)):
        assert en.strip() and CJK.search(zh), f"{code}: '{zh}' is not Chinese"
    assert c.zh.fix.endswith(("。", "）")), f"{code}: a fix is a sentence"
    for en, zh in c.messages.items():
        assert CJK.search(zh), f"{code}: '{en}' has no Chinese template"
        # the Chinese says every value the English names, and no other
        assert set(SLOT.findall(zh)) == set(SLOT.findall(en)), (code, en, zh)


SLOT = re.compile(r"\{(\w+)\}")


def _strings(node: ast.expr | None) -> list[str]:
    """Every text an argument can be: a literal, a + b, a if c else b (else none)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _strings(node.left) for b in _strings(node.right)]
    return []


# (code's argument, message's, hint's) of each way a problem is made
_MAKERS = {"problem": (3, 4, 5), "_p": (2, 3, 4), "PydanticCustomError": (0, 1, None),
           "broken": (0, 1, None)}  # models.common.Broken, as each validator names it


def _templates() -> list[tuple[str, str, str]]:
    """(file:line, code or '', template) of every message and hint the code passes as a
    literal, and every text returned by a function that makes a hint (…_hint) or held in
    a table of templates (_RANGE)."""
    found = []
    for path in sorted(GENERATORS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(GENERATORS.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                    getattr(node.func, "id", "")
                at = _MAKERS.get(name)
                if name == "problem" and isinstance(node.func, ast.Attribute):
                    at = (1, 2, 3)  # src.problem(loc, code, message, hint)
                if at is None:
                    continue
                args = node.args
                code = args[at[0]].value if len(args) > at[0] and isinstance(
                    args[at[0]], ast.Constant) else ""
                for i in at[1:]:
                    if i is not None and len(args) > i:
                        found += [(f"{where}:{node.lineno}", str(code), t)
                                  for t in _strings(args[i]) if t]
            elif isinstance(node, ast.FunctionDef) and node.name.endswith("_hint"):
                found += [(f"{where}:{r.lineno}", "", t) for r in ast.walk(node)
                          if isinstance(r, ast.Return) for t in _strings(r.value)]
            elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                  and any(getattr(t, "id", "") == "_RANGE" for t in node.targets)):
                found += [(f"{where}:{node.lineno}", "SCHEMA_RANGE", t)
                          for v in node.value.values for t in _strings(v)]
    return found


def test_every_message_the_code_says_has_a_chinese_template() -> None:
    templates = _templates()
    assert len(templates) > 80  # the scan finds the messages (it would pass finding none)
    every = {t for c in CATALOGUE.values() for t in c.messages}
    missing = [f"{where} {code or '?'}: {t!r}" for where, code, t in templates
               if t not in (CATALOGUE[code].messages if code in CATALOGUE else every)]
    assert not missing, ("messages without a template in their code's messages= "
                         "(generators/errors.py):\n" + "\n".join(missing))


def _zh_problems(tmp_path: Path, fixture: Path) -> list[Problem]:
    records = overlay(tmp_path, fixture)
    return validate(records, "records", AS_OF, use_cache=False)[1].sorted()


@pytest.mark.parametrize("code", CODES)
def test_every_fixtures_problems_read_in_chinese(code: str, tmp_path: Path) -> None:
    """Each problem said from its Chinese template: no English message passed through
    (pydantic's own words included), no English hint."""
    for p in _zh_problems(tmp_path, INVALID / code):
        zh, hint = p.message_in("zh"), p.hint_in("zh")
        assert p.template in CATALOGUE[p.code].messages, p.format()
        assert CJK.search(zh) and p.message not in zh, p.format("zh")
        assert CJK.search(hint) and p.hint not in hint, p.format("zh")
        # a terminal shows no Markdown (a backtick quoted as a character is one)
        assert "`" not in (zh + hint).replace("“`”", ""), p.format("zh")
        # pydantic's English must not show through (its messages start so)
        assert not re.search(r"Input should|Field required|Value error", zh)
        mark = "警告：" if p.severity == "warning" else ""
        assert p.format("zh").startswith(f"{p.path}:{p.line}:{p.col}: {mark}{p.code} ")


def test_values_in_chinese_messages_read_as_chinese(tmp_path: Path) -> None:
    """Dates in prose as 2026年12月20日; our words (what happened, a record's type, an access
    level) in Chinese; what the editor wrote, as written."""
    said = {p.code: p.message_in("zh") for p in _zh_problems(tmp_path, INVALID / "DATE_FUTURE")}
    assert said["DATE_FUTURE"] == "进展反馈日期为2026年12月20日，晚于数据截至日期2026年11月27日"
    said = {p.code: p.message_in("zh")
            for p in _zh_problems(tmp_path / "a", INVALID / "REF_CLASSIFICATION")}
    assert said["REF_CLASSIFICATION"] == "公开记录链接到了内部记录“dec-a2”"
    said = {p.code: p.message_in("zh")
            for p in _zh_problems(tmp_path / "b", INVALID / "SCHEMA_ENUM")}
    assert "“inspektion”" in said["SCHEMA_ENUM"]  # the editor's value, as written


def test_pydantic_schema_errors_come_out_in_chinese(tmp_path: Path) -> None:
    """pydantic's types (missing, wrong type, out of range, too short, enum) are mapped to
    our templates, whatever words pydantic has."""
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    text = act.read_text(encoding="utf-8")
    act.write_text(text.replace("title: Inspection of bus depots\n", "")
                   .replace("officials: [mayor, vm-one]", "officials: {a: 1}")
                   .replace("kind: inspection", "kind: visit"), encoding="utf-8")
    sup = records / "supervision/2026/sup-b.yaml"
    sup.write_text(re.sub(r"percent: \d+", "percent: -5", sup.read_text(encoding="utf-8"),
                          count=1), encoding="utf-8")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].sorted()
    zh = {p.code: p.message_in("zh") for p in problems}
    assert zh["SCHEMA_MISSING_FIELD"] == "缺少必填字段“title”"
    assert zh["SCHEMA_TYPE"] == "officials应为列表，而不是映射（“键: 值”）"
    assert zh["SCHEMA_ENUM"] == "“visit”不是kind允许的取值"
    assert zh["SCHEMA_RANGE"] == "updates[0].percent为-5，不能小于0"


def test_hints_in_both_languages_do_not_advise_removing_a_required_field(
        tmp_path: Path) -> None:
    problems = _zh_problems(tmp_path, HINTS / "empty-fields")
    by_field = {dict(p.args)["field"]: p for p in problems}
    assert set(by_field) == {"title", "units"}
    title, units = by_field["title"], by_field["units"]  # title required, units optional
    assert "remove" not in title.hint and "删除这一行" not in title.hint_in("zh")
    assert "必填" in title.hint_in("zh")
    assert "remove the line" in units.hint and "删除这一行" in units.hint_in("zh")


def test_hints_in_both_languages_do_not_advise_a_name_that_exists(tmp_path: Path) -> None:
    problems = [p for p in _zh_problems(tmp_path, HINTS / "copied-file")
                if p.code == "ID_FILENAME"]
    assert len(problems) == 2
    for p in problems:
        stem = Path(p.path).stem
        assert "act-a.yaml" not in p.hint.split(" — ")[0]  # not "rename the file to act-a.yaml"
        assert f"set id: {stem}" in p.hint and f"把id改为{stem}" in p.hint_in("zh")
        assert "改名为act-a.yaml" not in p.hint_in("zh")


# The Chinese fixes say what to do: each starts with an instruction, as the English ones
# (tests/test_believable.py IMPERATIVE).
ZH_IMPERATIVE = ("把", "检查", "删除", "拆分", "移", "改", "写", "按", "给", "补上", "从", "调整",
                 "在", "使用", "统一", "删")


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_chinese_fix_says_what_to_do(code: str) -> None:
    zh = CATALOGUE[code].zh
    assert zh is not None
    assert zh.fix.startswith(ZH_IMPERATIVE), f"{code}: '{zh.fix}' does not say what to do"


def test_json_carries_the_code_and_the_message_in_the_language(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "YAML_UNQUOTED")
    args = ["validate", "--records", str(records), "--format", "json", "--as-of", str(AS_OF)]
    zh = json.loads(CliRunner().invoke(main, [*args, "--lang", "zh"]).output)
    en = json.loads(CliRunner().invoke(main, [*args, "--lang", "en"]).output)
    assert [p["code"] for p in zh["problems"]] == [p["code"] for p in en["problems"]]
    for z, e in zip(zh["problems"], en["problems"], strict=True):
        assert CJK.search(z["message"]) and CJK.search(z["hint"])
        assert not CJK.search(e["hint"]) and e["message"] != z["message"]
        assert {k: v for k, v in z.items() if k not in ("message", "hint")} == \
            {k: v for k, v in e.items() if k not in ("message", "hint")}


def test_ci_formats_speak_the_language_but_fingerprints_do_not(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "SCHEMA_ENUM")
    args = ["validate", "--records", str(records), "--as-of", str(AS_OF), "--format"]
    gh = CliRunner().invoke(main, [*args, "github", "--lang", "zh"]).output
    assert "title=SCHEMA_ENUM::“inspektion”不是kind允许的取值" in gh
    zh = json.loads(CliRunner().invoke(main, [*args, "codequality", "--lang", "zh"]).output)
    en = json.loads(CliRunner().invoke(main, [*args, "codequality", "--lang", "en"]).output)
    assert CJK.search(zh[0]["description"]) and not CJK.search(en[0]["description"])
    # a run in the other language must not show the problem as fixed and found again
    assert [i["fingerprint"] for i in zh] == [i["fingerprint"] for i in en]


def test_the_portal_locale_chooses_the_language_when_lang_is_not_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = overlay(tmp_path, INVALID / "SCHEMA_ENUM")
    args = ["validate", "--records", str(records), "--as-of", str(AS_OF)]
    monkeypatch.setenv("PORTAL_LOCALE", "en")
    assert CliRunner().invoke(main, args).output.splitlines()[-1] == "1 error, 0 warnings"
    assert CliRunner().invoke(main, [*args, "--lang", "zh"]).output.splitlines()[-1] == \
        "1个错误，0个警告"
    monkeypatch.delenv("PORTAL_LOCALE")
    assert CliRunner().invoke(main, args).output.splitlines()[-1] == "1个错误，0个警告"


def test_a_duplicate_number_s_hint_names_the_next_free_one(tmp_path: Path) -> None:
    """The fix an editor can type: one past the highest sequence of the prefix and year."""
    records = overlay(tmp_path, INVALID / "NUMBER_DUPLICATE")
    recs, report = validate(records, "records", AS_OF)
    assert len(report.problems) == 2  # at both files, as ID_DUPLICATE
    dup = report.problems[0]
    seqs = [n.seq for r in recs if isinstance(r, Document)
            and (n := parse_number(r.number)) and (n.prefix, n.year) == ("京政办函", 2026)]
    free = f"京政办函〔2026〕{max(seqs) + 1}号"
    assert dup.hint == f"give one of them the next free number, {free}"
    assert dup.hint_in("zh") == f"把其中一个改为下一个可用编号{free}"


def test_two_supervision_items_of_one_number_are_said_at_both(tmp_path: Path) -> None:
    """督办编号 names one item (the sample had 督〔2026〕41号 twice); the hint gives the next
    free number of the supervision office's series, not of the documents'."""
    records = overlay(tmp_path)
    sup = records / "supervision/2026/sup-c.yaml"
    sup.write_text(sup.read_text(encoding="utf-8").replace(
        "number: 督〔2026〕3号", "number: 督〔2026〕1号"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert sorted((p.path.rsplit("/", 1)[-1], p.code) for p in report.problems) == [
        ("sup-a.yaml", "NUMBER_DUPLICATE"), ("sup-c.yaml", "NUMBER_DUPLICATE")]
    said = report.problems[0].said("zh")
    assert said.startswith("督办编号督〔2026〕1号已被") and "督〔2026〕2号" in said


def test_a_list_item_is_named_as_an_editor_writes_it(tmp_path: Path) -> None:
    """officers[0], not officers.[0]; a string's type word in Chinese; an empty text item
    is to be written, not 'at least one item under' itself."""
    records = overlay(tmp_path)
    roster = records / "duty/2026-11.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "officers: [刘洋]", 'officers: [{name: 刘洋}, ""]'), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    said = sorted(p.said("zh") for p in report.problems)
    assert said == ["days.2026-11-28.officers[0]应为文本，而不是映射（“键: 值”）"
                    "（按记录字段说明所示的形式书写该值）",
                    "days.2026-11-28.officers[1]不能为空（填写其内容）"]
    assert sorted(p.said() for p in report.problems)[0].startswith(
        "days.2026-11-28.officers[0] must be text, not a mapping")


def test_a_reference_to_nothing_like_any_id_promises_no_closest_one(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    sup = records / "supervision/2026/sup-b.yaml"
    text = sup.read_text(encoding="utf-8")
    lead = re.search(r"(?m)^lead: (\S+)$", text)
    assert lead is not None
    for written, hint in ((lead[1] + "x", f"did you mean '{lead[1]}'?"),
                          ("qqqqqqqq", "correct the id, or add the unit to registry/units.yaml:"
                                       " none there is like it")):
        sup.write_text(text.replace(lead[0], f"lead: {written}"), encoding="utf-8")
        _recs, report = validate(records, "records", AS_OF, use_cache=False)
        (p,) = [p for p in report.problems if p.code == "REF_MISSING"]
        assert p.hint == hint
    # a unit like none there may be a new one: the editor is told where units are listed
    assert p.hint_in("zh") == ("改正系统编号，或在registry/units.yaml中添加该单位：其中没有与之"
                               "相近的单位")


def test_every_rule_a_record_breaks_is_said_in_one_run(tmp_path: Path) -> None:
    """Two days outside a roster's month, and a supervision item whose deadline and
    completion both precede its assignment: each problem at its own line, in one run."""
    records = overlay(tmp_path)
    roster = records / "duty/2026-11.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "  2026-11-28:", "  2026-12-01: {leader: mayor, officers: [刘洋]}\n"
        "  2026-12-02: {leader: mayor, officers: [刘洋]}\n  2026-11-28:"), encoding="utf-8")
    sup = records / "supervision/2026/sup-b.yaml"
    text = sup.read_text(encoding="utf-8")
    assigned = re.search(r"(?m)^assigned: (\S+)$", text)
    assert assigned is not None
    sup.write_text(re.sub(r"(?m)^deadline: \S+$", "deadline: 2020-01-01", text) +
                   "reminders:\n- {date: 2020-01-02}\n", encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    found = sorted((p.path.rsplit("/", 1)[-1], p.line, p.code) for p in report.problems)
    days = [f for f in found if f[0] == "2026-11.yaml"]
    assert [c for _f, _l, c in days] == ["DUTY_DAY", "DUTY_DAY"] and days[0][1] != days[1][1]
    rules = [c for f, _l, c in found if f == "sup-b.yaml"]
    assert rules == ["DATE_ORDER", "DATE_ORDER"], found


def test_a_meeting_outcome_is_said_by_its_label_in_chinese(tmp_path: Path) -> None:
    """DATE_OUTCOME quotes the outcome as the portal names it (同意), not its code."""
    records = overlay(tmp_path, INVALID / "DATE_OUTCOME")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    (p,) = [p for p in report.problems if p.code == "DATE_OUTCOME"]
    outcome = dict(p.args)["outcome"]
    assert str(outcome) in p.message and str(outcome) not in p.message_in("zh")
    assert "晚于数据截至日期" in p.message_in("zh")


def test_an_unquoted_time_where_a_minute_belongs_is_told_to_take_its_day(
        tmp_path: Path) -> None:
    """Quoting 9:30 alone would only trade YAML_UNQUOTED for SCHEMA_FORMAT."""
    records = overlay(tmp_path)
    incident = next((records / "incidents").rglob("*.yaml"))
    text = incident.read_text(encoding="utf-8")
    stamp = re.search(r'(?m)^occurred: "?([0-9-]+T\d\d:\d\d)"?$', text)
    assert stamp is not None
    incident.write_text(text.replace(stamp[0], "occurred: 9:30"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    (p,) = [p for p in report.problems if p.code == "YAML_UNQUOTED"]
    assert p.hint == 'write the day with the time, quoted: "YYYY-MM-DDT09:30"'
    assert p.hint_in("zh") == '连同日期一起写，并加上引号："YYYY-MM-DDT09:30"'


def _codes_at(report_problems: list[Problem]) -> list[tuple[str, int, str]]:
    return sorted((p.path.rsplit("/", 1)[-1], p.line, p.code) for p in report_problems)


def test_an_impossible_date_does_not_hide_a_missing_recipient(tmp_path: Path) -> None:
    """written: 2026-02-30 is refused; the record is still read, with a stand-in date, so
    its recipients are checked; the stand-in is blamed for nothing (written is what a
    signature, the number's year and the year folder are checked against)."""
    records = overlay(tmp_path)
    doc = records / "documents/2026/doc-c.yaml"
    text = doc.read_text(encoding="utf-8")
    assert "recipients: [transport]\nwritten: 2026-05-20\n" in text
    doc.write_text(text.replace("recipients: [transport]\nwritten: 2026-05-20\n",
                                "recipients: [transprt]\nwritten: 2026-02-30\n"
                                "signatory: mayor\n"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert _codes_at(report.problems) == [("doc-c.yaml", 6, "REF_MISSING"),
                                          ("doc-c.yaml", 7, "SCHEMA_DATE")]
    (ref,) = [p for p in report.problems if p.code == "REF_MISSING"]
    assert ref.hint == "did you mean 'transport'?"


def test_a_bad_day_key_does_not_hide_the_roster_s_other_problems(tmp_path: Path) -> None:
    """2026-12-32 is no day: that day goes; the day outside the month (DUTY_DAY) and the
    unknown leaders of the days that remain are said in the same run."""
    records = overlay(tmp_path)
    roster = records / "duty/2026-11.yaml"
    text = roster.read_text(encoding="utf-8")
    assert "  2026-11-28: {leader: mayor, officers: [刘洋]}" in text
    roster.write_text(text.replace(
        "  2026-11-28: {leader: mayor, officers: [刘洋]}",
        "  2026-12-32: {leader: mayor, officers: [刘洋]}\n"          # line 8
        "  2026-12-01: {leader: nobody, officers: [刘洋]}\n"         # line 9
        "  2026-11-28: {leader: mayr, officers: [刘洋]}"), encoding="utf-8")  # line 10
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert _codes_at(report.problems) == [("2026-11.yaml", 8, "SCHEMA_DATE"),
                                          ("2026-11.yaml", 9, "DUTY_DAY"),
                                          ("2026-11.yaml", 9, "REF_MISSING"),
                                          ("2026-11.yaml", 10, "REF_MISSING")]


def test_a_bad_id_does_not_hide_a_duplicate_number(tmp_path: Path) -> None:
    """id: Doc_C is refused (ID_FORMAT); the number it shares with doc-b is still said, at
    both files, and the stand-in id is not reported against the file name."""
    records = overlay(tmp_path)
    doc = records / "documents/2026/doc-c.yaml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("id: doc-c", "id: Doc_C")
                   .replace("京政办函〔2026〕7号", "京政发〔2026〕2号"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert _codes_at(report.problems) == [("doc-b.yaml", 2, "NUMBER_DUPLICATE"),
                                          ("doc-c.yaml", 1, "ID_FORMAT"),
                                          ("doc-c.yaml", 2, "NUMBER_DUPLICATE")]


# (file, [(written, instead)], [(line, code)]): each record breaks two rules of its type
_TWO_RULES = {
    "document": ("documents/2026/doc-c.yaml",
                 [("number: 京政办函〔2026〕7号", "number: 北京市人民政府令第312号"),
                  ("written: 2026-05-20\n", "written: 2026-05-20\npublished: 2026-05-01\n")],
                 [(2, "NUMBER_FORMAT"), (8, "DATE_ORDER")]),
    "liaison": ("liaison/2026/lia-a.yaml",  # received 2026-02-28
                [("  - {date: 2026-03-10, kind: meeting}", "  - {date: 2026-02-10, kind: meeting}"),
                 ("reply:\n  date: 2026-05-20\n  category: A\n  summary: Adopted; 20 km opened.\n"
                  "  disclosure: full\n  document: doc-c\n  letter: 京交函〔2026〕45号\n", "")],
                 [(9, "SCHEMA_RULE"), (13, "DATE_ORDER")]),  # feedback, contacts[0]
    "received": ("received/2026/rcv-a.yaml",  # received 2026-01-10
                 [("due: 2026-03-10", "due: 2026-01-05"),
                  ("{date: 2026-01-10, action: registered}",
                   "{date: 2026-01-09, action: registered}")],
                 [(10, "DATE_ORDER"), (16, "DATE_ORDER")]),
    "request": ("requests/2026/req-a.yaml",  # submitted 2026-04-01
                [("  date: 2026-04-10\n", "  date: 2026-03-30\n"),
                 ("{by: sg, date: 2026-04-12,", "{by: sg, date: 2026-03-31,")],
                [(7, "DATE_ORDER"), (22, "DATE_ORDER")]),  # review.date, approvals[0]
    "incident": ("incidents/2026/inc-a.yaml",  # occurred 2026-11-20T23:40
                 [('at: "2026-11-21T00:15"', 'at: "2026-11-20T23:40"'),
                  ('at: "2026-11-21T00:35"', 'at: "2026-11-20T23:00"')],
                 [(10, "DATE_REPORT"), (15, "DATE_REPORT")]),
    "calendar": ("registry/calendar.yaml",
                 [("    to: 2026-10-07", "    to: 2026-09-30"),
                  ("  - 2026-10-10", "  - 2026-10-12")],  # a Monday
                 [(6, "DATE_ORDER"), (9, "SCHEMA_RULE")]),
    "appraisal": ("appraisal/2026.yaml",  # weights 60 + 30; health scored on tasks only
                  [("{id: service, name: Service, weight: 40}",
                    "{id: service, name: Service, weight: 30}"),
                   ("health: {tasks: 100, service: 90}", "health: {tasks: 100}")],
                  [(3, "SCHEMA_WEIGHTS"), (14, "SCHEMA_RULE")]),
}


@pytest.mark.parametrize("model", sorted(_TWO_RULES))
def test_a_record_breaking_two_rules_of_its_type_gets_both(model: str, tmp_path: Path) -> None:
    """A model's rules are said together (models.Broken), each at its own line: one that
    stopped at its first left the second to the editor's next run."""
    path, edits, want = _TWO_RULES[model]
    records = overlay(tmp_path)
    record = records / path
    text = record.read_text(encoding="utf-8")
    for written, instead in edits:
        assert written in text, written
        text = text.replace(written, instead)
    record.write_text(text, encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert sorted((p.line, p.code) for p in report.problems) == want


def test_a_schema_error_does_not_hide_a_rule_of_the_type(tmp_path: Path) -> None:
    """A title written as a number stops pydantic before the activity's own rule runs; the
    record read in part still says that it ends before it starts."""
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace('end: "11:00"', 'end: "09:00"')
                   .replace("title: Inspection of bus depots", "title: 2026"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert sorted((p.line, p.code) for p in report.problems) == [(4, "DATE_ORDER"),
                                                                 (6, "YAML_UNQUOTED")]


def test_a_leading_zero_number_left_unquoted_is_said_with_its_quoted_form(
        tmp_path: Path) -> None:
    """number: 0268 is text to PyYAML (8 is no octal digit in YAML 1.1) but the number 268
    to a YAML 1.2 editor: YAML_UNQUOTED, with the quoted form to write.  In a field that
    wants a number (agenda item: 09) the schema's SCHEMA_TYPE alone is said: quoting would
    not mend it."""
    records = overlay(tmp_path)
    lia = records / "liaison/2026/lia-b.yaml"
    lia.write_text(lia.read_text(encoding="utf-8").replace('number: "0034"', "number: 0268"),
                   encoding="utf-8")
    mtg = records / "meetings/2026/mtg-a.yaml"
    text = mtg.read_text(encoding="utf-8")
    assert text.splitlines()[8] == "  - item: 1"
    mtg.write_text(text.replace("  - item: 1\n", "  - item: 09\n"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    found = sorted((p.path.rsplit("/", 1)[-1], p.line, p.code) for p in report.problems)
    assert found == [("lia-b.yaml", 3, "YAML_UNQUOTED"), ("mtg-a.yaml", 9, "SCHEMA_TYPE")]
    (p,) = [p for p in report.problems if p.code == "YAML_UNQUOTED"]
    assert p.message == "0268 is read as text here, but as the number 268 by YAML 1.2 editors"
    assert p.hint == 'quote it: "0268"'
    assert p.message_in("zh") == "0268在此读作文本，但遵循YAML 1.2的编辑器读作数字268"
    assert p.hint_in("zh") == '加上引号："0268"'


def test_a_part_left_out_of_a_record_leaves_no_false_reference_error(tmp_path: Path) -> None:
    """An agenda item whose presenter is written as a number is left out of the meeting read
    in part, and its decisions with it: sup-a's source, decision dec-a1, is unresolved (the
    meeting's own error says why), not missing."""
    records = overlay(tmp_path)
    mtg = records / "meetings/2026/mtg-a.yaml"
    text = mtg.read_text(encoding="utf-8")
    assert text.splitlines()[10] == "    presenter: transport"
    mtg.write_text(text.replace("    presenter: transport\n", "    presenter: 2026\n", 1),
                   encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert _codes_at(report.problems) == [("mtg-a.yaml", 11, "YAML_UNQUOTED")]


def test_a_warning_s_line_says_it_is_a_warning(tmp_path: Path) -> None:
    """An editor read SESSION_YEAR as an error that stops the build: a warning's line says
    警告：/warning: before its code, as a compiler's does; an error's line is as before."""
    records = overlay(tmp_path)
    lia = records / "liaison/2026/lia-a.yaml"
    lia.write_text(lia.read_text(encoding="utf-8").replace(
        "session: {term: 16, meeting: 4}", "session: 2026"), encoding="utf-8")
    doc = records / "documents/2026/doc-c.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("id: doc-c", "id: Doc_C"),
                   encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    zh = {p.code: p.format("zh") for p in report.problems}
    en = {p.code: p.format("en") for p in report.problems}
    assert ":4:10: 警告：SESSION_YEAR session写的是年份2026" in zh["SESSION_YEAR"]
    assert ":4:10: warning: SESSION_YEAR " in en["SESSION_YEAR"]
    assert ": ID_FORMAT " in zh["ID_FORMAT"] and "警告" not in zh["ID_FORMAT"]
    assert report.text("zh").endswith("1个错误，1个警告")


def test_a_document_written_or_published_after_the_as_of_date(tmp_path: Path) -> None:
    """A document written or published after the data's as-of date is a typing mistake
    (2062 for 2026): DATE_FUTURE at the field, as for every other past event."""
    records = overlay(tmp_path)
    doc = records / "documents/2026/doc-c.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "written: 2026-05-20\n", "written: 2026-05-20\npublished: 2026-12-20\n"),
        encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert _codes_at(report.problems) == [("doc-c.yaml", 8, "DATE_FUTURE")]
    assert report.problems[0].said("zh").startswith("发布日期为2026年12月20日")


def test_a_level_written_as_a_digit_is_told_its_numeral(tmp_path: Path) -> None:
    """level: 4 was told to quote it ("4"), which is still no level: the hint names IV."""
    records = overlay(tmp_path)
    inc = records / "incidents/2026/inc-a.yaml"
    text = inc.read_text(encoding="utf-8")
    inc.write_text(re.sub(r"^level: \w+$", "level: 4", text, flags=re.M), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert [p.code for p in report.problems] == ["SCHEMA_ENUM"]
    assert report.problems[0].said("zh") == (
        "“4”不是level允许的取值（是否应为“IV”？允许的取值：I、II、III、IV）")


def test_a_unit_missing_a_score_is_told_which_and_nothing_else(tmp_path: Path) -> None:
    """"缺少service；多出未知指标无" read as nonsense: each part is said only when there is
    one."""
    records = overlay(tmp_path)
    path = records / "appraisal/2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  east: {tasks: 90, service: 80}", "  east: {tasks: 90}"), encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert [p.said("zh").split("（")[0] for p in report.problems] == [
        "east的得分：缺少指标service的得分"]
