"""The validator: one invalid fixture per error code, and the archives that must pass."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli import main
from generators.errors import CATALOGUE, flatten
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
    assert len(recs) == 34  # issue 16: with one year of the working calendar


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
    assert lines[-1] == "5 errors, 0 warnings"
    assert "京政办函〔2026〕7号" in result.output  # the corrected form is offered


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
    assert data["errors"] == 3
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
    assert "does not exist" in result.output
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
