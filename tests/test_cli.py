"""portal new, schema and stats; the loader's treatment of odd files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generators.cli import main
from generators.load import SourceFile, load_bytes
from generators.schema import render_schemas
from generators.validate import validate

from .conftest import AS_OF, ROOT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("rtype", ["received", "request", "meeting", "activity", "supervision",
                                   "briefing", "liaison"])
def test_new_writes_a_skeleton_with_the_next_free_id(rtype: str, valid_copy: Path) -> None:
    code, out = run("new", rtype, "--records", str(valid_copy), "--year", "2026")
    assert code == 0
    path = Path(out.strip())
    assert path.parent == valid_copy / path.parent.relative_to(valid_copy)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert path.stem == data["id"] and data["id"].endswith("-2026-001")
    _code2, out2 = run("new", rtype, "--records", str(valid_copy), "--year", "2026")
    assert Path(out2.strip()).stem.endswith("-2026-002")


def test_new_document_takes_the_next_free_number(valid_copy: Path) -> None:
    code, out = run("new", "document", "--records", str(valid_copy), "--year", "2026",
                    "--prefix", "京政发")
    assert code == 0, out
    data = yaml.load(Path(out.strip()).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert data["number"] == "京政发〔2026〕3号"  # doc-b holds 〔2026〕2号
    assert data["id"] == "doc-2026-001"
    code, out = run("new", "document", "--records", str(valid_copy))
    assert code == 2 and "--prefix" in out


def test_a_filled_in_skeleton_validates(valid_copy: Path) -> None:
    _code, out = run("new", "briefing", "--records", str(valid_copy), "--year", "2026")
    path = Path(out.strip())
    path.write_text(path.read_text(encoding="utf-8").replace("TODO title", "Rain"),
                    encoding="utf-8")
    _recs, report = validate(valid_copy, "records", AS_OF.replace(year=2026, month=12))
    assert report.errors == []


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in render_schemas().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, \
            f"schemas/{name} is stale: run make schema"
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schemas/document.schema.json"] == \
        "records/documents/*/*.yaml"


def test_schema_describes_fields_enums_and_aliases() -> None:
    doc = json.loads(render_schemas()["document.schema.json"])
    assert doc["additionalProperties"] is False
    assert "resolution" in json.dumps(doc["properties"]["type"])
    assert "发文字号" in doc["properties"]["number"]["description"]
    req = json.loads(render_schemas()["request.schema.json"])
    assert "from" in req["properties"] and "from_" not in req["properties"]
    units = json.loads(render_schemas()["unit.schema.json"])
    assert units["type"] == "array"


def test_schema_command_writes_files_and_vscode_settings(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out = run("schema", "--out", "schemas")
    assert code == 0
    assert (tmp_path / "schemas/liaison.schema.json").exists()
    assert "yaml.schemas" in json.loads((tmp_path / ".vscode/settings.json").read_text())


def test_stats_counts_types_and_statuses() -> None:
    code, out = run("stats", "--records", str(ROOT / "tests/fixtures/valid/records"),
                    "--as-of", str(AS_OF))
    assert code == 0
    rows = {line.split()[0]: line.split(None, 2)[1:] for line in out.splitlines()[1:]}
    assert rows["supervision"][0] == "4"
    assert "overdue 1" in rows["supervision"][1]
    assert rows["total"] == ["33"]


def test_bad_option_is_one_line() -> None:
    code, out = run("validate", "--as-of", "27/11/2026")
    assert code == 2 and "YYYY-MM-DD" in out and "Traceback" not in out


@pytest.mark.parametrize(("raw", "code"), [
    (b"\xef\xbb\xbfid: x\n", None),  # a UTF-8 byte-order mark is fine
    (b"", "YAML_EMPTY"),
    (b"id: x\n\x00\n", "YAML_CONTROL"),
    (b"\xff\xfei\x00d\x00", "YAML_ENCODING"),
    (b"a: &x [*x]\n", "YAML_ALIAS"),  # an alias of itself
    (b"id: 1\nid: 2\n", "YAML_DUPLICATE_KEY"),
])
def test_loader_reports_odd_bytes_as_problems(raw: bytes, code: str | None) -> None:
    _src, problems = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), raw)
    assert [p.code for p in problems] == ([code] if code else [])


def test_loader_keeps_positions_of_nested_values() -> None:
    raw = b"a:\n  b:\n    - c: 1\n    - {d: 2}\n"
    src, problems = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), raw)
    assert problems == []
    assert (src.mark(("a", "b", 1, "d")).line, src.mark(("a", "b", 1, "d")).col) == (4, 11)
    assert src.mark(("a", "b", 0, "c"), key=True).col == 7


def test_the_installed_command_exits_with_the_commands_code_and_says_everything(
        tmp_path: Path) -> None:
    """`portal` leaves without tearing the interpreter down (cli.run): its output must still
    arrive whole, and its exit code must be the command's."""
    import subprocess
    import sys

    from .conftest import INVALID

    portal = Path(sys.executable).with_name("portal")
    bad = subprocess.run([str(portal), "validate", "--records",
                          str(INVALID / "REF_MISSING" / "records"), "--as-of", str(AS_OF)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "REF_MISSING" in bad.stdout + bad.stderr
    usage = subprocess.run([str(portal), "build", "--no-such-option"], capture_output=True,
                           text=True, check=False)
    assert usage.returncode == 2 and "no-such-option" in usage.stderr
    ok = subprocess.run([str(portal), "stats", "--records", str(ROOT / "records")],
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and ok.stdout.strip()
