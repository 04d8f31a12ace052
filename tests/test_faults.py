"""Faults leave the old site or the new one, never a mix, and the next build repairs itself:
a build killed (SIGKILL) at each stage, a full disk, two builds at once, damaged caches,
a worker that dies; and a --site-dir the build must not touch."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generators import cache, processes, publish_site
from generators.build import BuildError, build_site
from generators.incremental import MARKER

from .conftest import AS_OF, ROOT, VALID, git


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _project(tmp: Path) -> Path:
    """mkdocs.yml, site_src/ and a copy of the valid archive in a folder of their own."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", project / "site_src")
    shutil.copytree(VALID, project / "records")
    return project


def _build(project: Path, site: Path, **kwargs: Any) -> Path:
    return build_site(project / "mkdocs.yml", site, records=str(project / "records"),
                      as_of=AS_OF, **kwargs)


def _edit_a_title(project: Path) -> None:
    _edit(next((project / "records").glob("supervision/*/sup-a.yaml")), "title: ",
          "title: Edited ")


def _portal(project: Path, *args: str, env: dict[str, str] | None = None,
            prelude: str = "") -> subprocess.CompletedProcess[str]:
    """`portal ARGS` in a new process (prelude: Python run first, to change a function)."""
    code = f"{prelude}\nimport sys\nsys.argv[0] = 'portal'\nfrom generators.cli import run\nrun()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=project, text=True,
                          capture_output=True, check=False,
                          env={**os.environ, **(env or {})})


def _build_args(site: Path, *extra: str) -> list[str]:
    return ["build", "--records", "records", "--site-dir", str(site),
            "--as-of", str(AS_OF), *extra]


def _leftovers(site: Path) -> list[str]:
    """What a build left beside the site (but the spare a republish keeps on purpose),
    and temporary files in the cache."""
    beside = [p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.")
              and p != publish_site.spare_of(site)]
    temps = [p.name for p in (site.parent / ".cache").rglob("*.tmp*")]
    return sorted(beside + temps)


@pytest.fixture(scope="module")
def edited_full(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The bytes of a full build of the valid archive with one title edited."""
    project = _project(tmp_path_factory.mktemp("reference"))
    _edit_a_title(project)
    return snapshot(_build(project, project / "site", full=True))


NO_EXCHANGE = ("import generators.publish_site as p\n"
               "p._exchange = lambda a, b: False\n")


@pytest.mark.slow
@pytest.mark.parametrize(("stage", "full", "prelude", "after"), [
    ("page:2", False, "", "old"),  # a republish, while MkDocs writes its pages
    ("job", True, "", "old"),  # a full build, Pagefind indexing beside it
    ("apply:3", False, "", "old"),  # a republish making its new tree
    ("switch", True, "", "old"),  # a full build, its site complete
    ("switched", False, "", "new"),  # a republish, switched in, state not yet written
    ("switch-gap", True, NO_EXCHANGE, "none"),  # no renameat2: between the two renames
], ids=["rendering", "indexing", "republish-renames", "before-switch", "after-switch",
        "two-renames"])
def test_a_killed_build_leaves_the_old_or_the_new_site_and_the_next_repairs(
        tmp_path: Path, edited_full: dict[str, bytes], stage: str, full: bool, prelude: str,
        after: str) -> None:
    project = _project(tmp_path)
    site = project / "site"
    old = snapshot(_build(project, site))
    _edit_a_title(project)
    run = _portal(project, *_build_args(site, *(["--full"] if full else [])),
                  env={"PORTAL_TEST_KILL_AT": stage}, prelude=prelude)
    assert run.returncode == -9, run.stderr  # killed where asked, not finished
    assert _leftovers(site)  # its work folder, at least
    if after == "old":
        assert snapshot(site) == old
    elif after == "new":
        assert snapshot(site) == edited_full
    else:  # the system cannot exchange two folders: for a moment there is no site
        assert not site.exists()
    _build(project, site)  # the next build, not told anything
    processes.settle_removals()
    assert snapshot(site) == edited_full
    assert _leftovers(site) == []


@pytest.mark.slow
def test_republishes_start_from_the_spare_and_equal_full_builds(tmp_path: Path) -> None:
    """The second republish after a full build makes its new tree from the spare (the
    site the first replaced, one step behind); a spare whose note does not fit is not
    used; every site equals a full build of the same records."""
    project = _project(tmp_path)
    site = project / "site"
    records = project / "records"
    spare = publish_site.spare_of(site)
    _build(project, site)
    assert not spare.exists()

    def republish_equals_full() -> None:
        _build(project, site)
        processes.settle_removals()
        assert snapshot(site) == snapshot(_build(project, tmp_path / "full", full=True))
        assert _leftovers(site) == []

    _edit_a_title(project)
    republish_equals_full()  # from links of every file of the site
    assert (spare / MARKER).is_file()
    (records / "activities/2026/act-a.yaml").unlink()  # a page gone
    _edit(next(records.glob("supervision/*/sup-b.yaml")), "title: ", "title: Moved ")
    before = spare.stat().st_ino
    republish_equals_full()
    assert site.stat().st_ino == before  # the spare became the site
    note = spare / publish_site.SPARE_NOTE
    note.write_text(note.read_text(encoding="utf-8").replace('"from": "', '"from": "x'),
                    encoding="utf-8")
    _edit(next(records.glob("supervision/*/sup-c.yaml")), "title: ", "title: Third ")
    before = spare.stat().st_ino
    republish_equals_full()
    assert site.stat().st_ino != before  # that spare was not used


@pytest.mark.slow
def test_a_build_that_finds_the_disk_full_keeps_the_site_and_the_next_repairs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited_full: dict[str, bytes],
        ) -> None:
    import mkdocs.utils

    project = _project(tmp_path)
    site = project / "site"
    old = snapshot(_build(project, site))
    _edit_a_title(project)

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[-1]))

    # MkDocs writing a page (a full build) ...
    monkeypatch.setattr(mkdocs.utils, "write_file", full_disk)
    with pytest.raises(BuildError, match="the disk is full"):
        _build(project, site, full=True)
    assert snapshot(site) == old
    monkeypatch.undo()
    # ... and a republish moving its files into the new tree
    real = publish_site._move
    moved: list[str] = []

    def fails_third(src: Any, dst: Any) -> None:
        moved.append(str(dst))
        if len(moved) == 3:
            full_disk(src, dst)
        real(src, dst)

    monkeypatch.setattr(publish_site, "_move", fails_third)
    with pytest.raises(BuildError, match="the disk is full"):
        _build(project, site)
    assert len(moved) == 3
    assert snapshot(site) == old
    monkeypatch.undo()
    # ... and a republish linking the published site into its new tree (in a helper
    # process, which inherits the full disk)
    monkeypatch.setattr(os, "link", full_disk)
    with pytest.raises(BuildError, match="the disk is full"):
        _build(project, site)
    assert snapshot(site) == old
    monkeypatch.undo()
    _build(project, site)
    processes.settle_removals()
    assert snapshot(site) == edited_full
    assert _leftovers(site) == []


@pytest.mark.slow
def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    """The lock is held here as a build holds it; a `portal build` into the same site
    says it waits, changes nothing until the lock is free, then builds."""
    project = _project(tmp_path)
    site = project / "site"
    public = snapshot(_build(project, site, audience="public"))
    lock = publish_site.SiteLock(site)
    lock.acquire()
    code = "import sys\nsys.argv[0] = 'portal'\nfrom generators.cli import run\nrun()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *_build_args(site, "--audience", "restricted")],
        cwd=project, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # blocks until the build says something
        assert "another build is writing into" in line and "waiting" in line, line
        assert snapshot(site) == public
    finally:
        lock.release()
    _out, err = proc.communicate()
    assert proc.returncode == 0, err
    restricted = snapshot(site)
    assert restricted != public
    full = _build(project, tmp_path / "restricted", audience="restricted", full=True)
    assert restricted == snapshot(full)


@pytest.mark.slow
def test_a_background_worker_that_dies_fails_the_build(tmp_path: Path) -> None:
    """The worker rendering the record pages is killed (SIGKILL) half way: the build
    stops with a message saying so, instead of waiting for pages that never come."""
    project = _project(tmp_path)
    site = project / "site"
    old = snapshot(_build(project, site))
    prelude = ("import os, signal\n"
               "import generators.background as bg\n"
               "import generators.config as config\n"
               "real = bg.render_record\n"
               "seen = []\n"
               "def dying(cat, locale, src, rec):\n"
               "    seen.append(src)\n"
               "    if len(seen) == 3:\n"
               "        os.kill(os.getpid(), signal.SIGKILL)\n"
               "    return real(cat, locale, src, rec)\n"
               "bg.render_record = dying\n")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("  - portal:", "  - portal:\n      background_from: 0", 1),
        encoding="utf-8")
    run = _portal(project, *_build_args(site, "--full"), prelude=prelude)
    assert run.returncode == 1, run.stderr
    assert "the background worker was killed by signal SIGKILL" in run.stderr
    assert snapshot(site) == old


# ---- damaged caches


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "huge-length":
        at = len(cache.MAGIC) + 32
        path.write_bytes(data[:at] + (2**62).to_bytes(8, "big") + data[at + 8:])
    elif how == "flipped":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    else:  # a pickle whose own length header is huge, in place of the file (old format)
        path.write_bytes(b"\x80\x05\x95" + (2**62).to_bytes(8, "little") + b"\x00")


@pytest.mark.parametrize("how", ["truncated", "huge-length", "flipped", "old-format"])
def test_a_damaged_records_cache_is_discarded_with_a_warning(
        tmp_path: Path, how: str, caplog: pytest.LogCaptureFixture) -> None:
    from generators.errors import flatten
    from generators.validate import validate

    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    cold_recs, cold = validate(records, "records", AS_OF)
    processes.settle()  # the cache is written in the background
    path = cache.cache_path(records, "records", "records")
    _damage(path, how)
    (records / "activities/2026/act-a.yaml").touch()  # the report cache cannot answer
    warm_recs, warm = validate(records, "records", AS_OF)
    assert "discarded the cache" in caplog.text
    assert flatten(warm.problems) == flatten(cold.problems)
    assert sorted(r.model_dump_json() for r in warm_recs) == \
        sorted(r.model_dump_json() for r in cold_recs)
    processes.settle()
    assert cache.load_pickle(path) is not None  # made again


def test_a_truncated_template_cache_is_discarded(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    import jinja2

    (tmp_path / "t").mkdir()
    (tmp_path / "t/page.html").write_text("{% for i in items %}<{{ i }}>{% endfor %}")
    folder = tmp_path / "bytecode"

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "t")),
                                 bytecode_cache=cache.bytecode_cache(folder))
        return env.get_template("page.html").render(items=[1, 2])

    assert render() == "<1><2>"
    [compiled] = folder.iterdir()
    compiled.write_bytes(compiled.read_bytes()[:40])
    assert render() == "<1><2>"
    assert "discarded the cache" in caplog.text


def test_a_damaged_build_state_means_a_full_build(tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    from generators import incremental

    records, site = tmp_path / "records", tmp_path / "site"
    records.mkdir()
    site.mkdir()
    (site / MARKER).write_text("b1", encoding="utf-8")
    path = incremental.state_path(records, site)
    cache.dump_pickle(path, {"not": "a state"})
    assert incremental.load(records, site, "key") is None
    _damage(path, "huge-length")
    assert incremental.load(records, site, "key") is None
    assert "discarded the cache" in caplog.text and not path.exists()


@pytest.mark.slow
def test_full_reads_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A records cache altered with its checksum made to match (so no check can see it):
    `portal build --full` still publishes only what the records say."""
    import pickle

    from click.testing import CliRunner

    from generators.cli import main
    from generators.validate import validate

    project = _project(tmp_path)
    records = project / "records"
    validate(records, "records", AS_OF)
    processes.settle()
    path = cache.cache_path(records, "records", "records")
    text = pickle.dumps(cache.load_pickle(path), protocol=pickle.HIGHEST_PROTOCOL)
    sample = b"Open 20 km of bus lanes"
    assert sample in text
    forged = text.replace(sample, b"Forged text: no record.")  # as long: a valid pickle
    path.write_bytes(cache.MAGIC + hashlib.sha256(forged).digest()
                     + len(forged).to_bytes(8, "big") + forged)
    (records / "activities/2026/act-a.yaml").touch()  # the report cache cannot answer
    warm, _report = validate(records, "records", AS_OF)
    assert any("Forged text" in str(r.model_dump()) for r in warm)  # a warm run takes it
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, _build_args(project / "site", "--full"))
    assert result.exit_code == 0, result.output
    published = b"".join(snapshot(project / "site").values())
    assert b"Forged text" not in published and sample in published


# ---- where a build may write


@pytest.mark.parametrize("target", ["records", "records/supervision", "site_src", ".",
                                    "..", "/", "home", "git-root", ".cache"])
def test_a_site_dir_holding_what_the_build_did_not_make_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    import subprocess as sp

    repo = tmp_path / "repo"
    repo.mkdir()
    sp.run(["git", "init", "-q", str(repo)], check=True)
    project = _project(repo)  # repo/project: the git root is above the project
    (project / ".cache").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    site = {"home": tmp_path, "git-root": repo}.get(target) or (project / target)
    before = snapshot(tmp_path)
    with pytest.raises(BuildError, match="--site-dir"):
        _build(project, site)
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in project.iterdir()) == [".cache", "mkdocs.yml", "records",
                                                         "site_src"]


@pytest.mark.parametrize("target", [".git", ".git/objects"])
def test_a_site_dir_in_a_git_folder_is_refused_even_with_force(tmp_path: Path,
                                                                target: str) -> None:
    project = _project(tmp_path)
    git(project, "init", "-q")
    before = snapshot(project / ".git")
    with pytest.raises(BuildError, match=r"\.git"):
        _build(project, project / target, force=True)
    assert snapshot(project / ".git") == before


@pytest.mark.slow
def test_a_folder_the_portal_did_not_make_needs_force(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from generators.cli import main

    project = _project(tmp_path)
    other = project / "notes"
    other.mkdir()
    (other / "todo.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(project)
    refused = CliRunner().invoke(main, _build_args(other))
    assert refused.exit_code == 1
    assert "was not made by `portal build`" in refused.output
    assert snapshot(other) == {"todo.txt": b"mine"}
    file_site = project / "a-file"
    file_site.write_text("x", encoding="utf-8")
    # a file is a bad argument (exit 2, cli.py), refused before anything is touched
    assert CliRunner().invoke(main, _build_args(file_site)).exit_code == 2
    assert file_site.read_text(encoding="utf-8") == "x"
    forced = CliRunner().invoke(main, _build_args(other, "--force"))
    assert forced.exit_code == 0, forced.output
    assert not (other / "todo.txt").exists() and (other / MARKER).is_file()
