"""The validation cache: the same answers as a cold run, and nothing stale."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generators import cache
from generators.errors import flatten
from generators.validate import validate

from .conftest import AS_OF, INVALID, overlay


def test_unchanged_archive_is_answered_from_the_cache(tmp_path: Path) -> None:
    records = overlay(tmp_path, INVALID / "REF_MISSING")
    cold_recs, cold = validate(records, "records", AS_OF)
    assert cache.quick_report(records, str(AS_OF), "records") == cold.problems
    warm_recs, warm = validate(records, "records", AS_OF)
    assert flatten(warm.problems) == flatten(cold.problems)
    assert sorted(r.id for r in warm_recs) == sorted(r.id for r in cold_recs)
    assert cache.quick_report(records, "2027-01-01", "records") is None  # another date


def test_an_edit_is_seen_and_positions_of_cached_records_still_resolve(tmp_path: Path
                                                                        ) -> None:
    records = overlay(tmp_path)
    validate(records, "records", AS_OF)
    # break a reference in a file the cache holds untouched: a unit disappears
    units = records / "registry/units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("- id: health\n", "- id: health-commission\n"),
                     encoding="utf-8")
    assert cache.quick_report(records, str(AS_OF), "records") is None
    _recs, report = validate(records, "records", AS_OF)
    where = {(p.path, p.line) for p in report.problems if p.code == "REF_MISSING"}
    assert ("records/supervision/2026/sup-c.yaml", 4) in where  # lead: health
    assert ("records/briefings/2026/brf-a.yaml", 5) in where


def test_a_same_size_rewrite_is_not_missed(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    validate(records, "records", AS_OF)
    act = records / "activities/2026/act-a.yaml"
    st = act.stat()
    new = act.with_suffix(".tmp")
    new.write_text(act.read_text(encoding="utf-8").replace("kind: inspection",
                                                           "kind: inspektion"),
                   encoding="utf-8")
    os.utime(new, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime
    new.replace(act)  # as editors save: a new file renamed over the old
    _recs, report = validate(records, "records", AS_OF)
    assert [p.code for p in report.problems] == ["SCHEMA_ENUM"]


def test_only_changed_files_are_read_again_and_give_the_records_of_a_cold_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generators import validate as validate_module

    records = overlay(tmp_path, INVALID / "REF_MISSING")
    validate(records, "records", AS_OF)
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
                   encoding="utf-8")
    read: list[str] = []
    real = validate_module._load_one

    def counting(job: validate_module.FileJob, *args: object) -> object:
        read.append(job.rel)
        return real(job, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(validate_module, "_load_one", counting)
    warm_recs, warm = validate(records, "records", AS_OF)
    assert read == ["activities/2026/act-a.yaml"]  # the REF_MISSING file is sound on its own
    monkeypatch.undo()
    cold_recs, cold = validate(records, "records", AS_OF, use_cache=False)
    assert flatten(warm.problems) == flatten(cold.problems)

    def dumped(recs: list[Any]) -> list[tuple[str, dict[str, Any]]]:
        return sorted((r.id, r.model_dump()) for r in recs)

    assert dumped(warm_recs) == dumped(cold_recs)


def test_a_file_with_problems_is_read_every_time(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from generators import validate as validate_module

    records = overlay(tmp_path, INVALID / "SCHEMA_ENUM")
    first = validate(records, "records", AS_OF)[1]
    (records / "README.txt").write_text("a change the report cache sees", encoding="utf-8")
    assert cache.quick_report(records, str(AS_OF), "records") == first.problems
    bad = {p.path.removeprefix("records/") for p in first.problems}
    read: list[str] = []
    real = validate_module._load_one
    monkeypatch.setattr(validate_module, "_load_one",
                        lambda job, *a: read.append(job.rel) or real(job, *a))
    act = next(records.glob("activities/*/*.yaml"))
    act.touch()  # a new stamp: the report cache cannot answer
    second = validate(records, "records", AS_OF)[1]
    assert flatten(second.problems) == flatten(first.problems)
    assert bad <= set(read)


def test_each_spelling_of_the_folder_keeps_its_own_cache(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    """`--records records` and the absolute path (mkdocs.yml's !ENV) alternate without
    reading everything again, and problems name the file as the run shows the folder."""
    from generators import validate as validate_module

    records = overlay(tmp_path, INVALID / "REF_MISSING")
    spelled = str(records.resolve())
    validate(records, "records", AS_OF)
    validate(records, spelled, AS_OF)
    act = records / "activities/2026/act-a.yaml"
    act.write_text(act.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
                   encoding="utf-8")
    read: list[str] = []
    real = validate_module._load_one
    monkeypatch.setattr(validate_module, "_load_one",
                        lambda job, *a: read.append(job.rel) or real(job, *a))
    short = validate(records, "records", AS_OF)[1]
    full = validate(records, spelled, AS_OF)[1]
    assert read == ["activities/2026/act-a.yaml"] * 2
    assert {p.path.split("/")[0] for p in short.problems} == {"records"}
    assert all(p.path.startswith(spelled + "/") for p in full.problems)
    assert [p.path.removeprefix(spelled + "/") for p in full.problems] == \
        [p.path.removeprefix("records/") for p in short.problems]


def test_a_release_is_every_file_the_build_copies_not_only_its_code(tmp_path: Path) -> None:
    """An edited stylesheet, script or template is a new release (cache.code_version keys
    every cache and the republish): keyed on *.py alone, a republish kept the last
    build's portal.css until --full."""
    import shutil

    package = Path(cache.__file__).parent
    names = {p.relative_to(package).as_posix() for p in cache.source_files(package)}
    assert {"cache.py", "assets/portal.css", "assets/desk.js", "theme/main.html"} <= names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    copy = tmp_path / "generators"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.source_version(copy)
    assert cache.source_version(copy) == before
    css = copy / "assets" / "portal.css"
    css.write_text(css.read_text("utf-8") + "/* edited */\n", "utf-8")
    assert cache.source_version(copy) != before
    css.rename(copy / "assets" / "portal2.css")  # a renamed file is a change too
    edited = cache.source_version(copy)
    (copy / "assets" / "portal2.css").rename(css)
    assert cache.source_version(copy) != edited
