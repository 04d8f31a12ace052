"""Republishing: a build into a site that an earlier build of the same settings made."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import AS_OF, ROOT, SAMPLE, SAMPLE_AS_OF, VALID


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def portal(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generators.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_building_the_sample_twice_into_one_site_succeeds(tmp_path: Path) -> None:
    """`make portal` twice: the second build is a republish with nothing changed, which
    re-indexes no search bundle; it succeeds and leaves the full build's bytes."""
    records = tmp_path / "records"
    shutil.copytree(SAMPLE, records)
    site = tmp_path / "site"
    common = ["--records", str(records), "--config", str(ROOT / "mkdocs.yml"),
              "--as-of", str(SAMPLE_AS_OF)]
    first = portal("build", "--site-dir", str(site), *common)
    assert first.returncode == 0, first.stderr
    before = snapshot(site)
    second = portal("build", "--site-dir", str(site), *common)
    assert second.returncode == 0, second.stderr
    assert snapshot(site) == before
    full = portal("build", "--site-dir", str(tmp_path / "full"), "--full", *common)
    assert full.returncode == 0, full.stderr
    assert snapshot(site) == snapshot(tmp_path / "full")


def test_the_build_key_holds_env_values_and_the_custom_dir(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    """What changes every page at once makes a republish a full build: an !ENV value of
    mkdocs.yml (not only its text) and a template override in theme.custom_dir."""
    from mkdocs.config import load_config

    from generators.incremental import global_key

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    text = text.replace("\nextra:\n", "\nextra:\n  probe: !ENV [PORTAL_PROBE, plain]\n", 1)
    assert "PORTAL_PROBE" in text
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "site_src", tmp_path / "site_src")
    (tmp_path / "overrides").mkdir()
    template = tmp_path / "overrides/main.html"
    template.write_text('{% extends "base.html" %}\n', encoding="utf-8")

    def key() -> str:
        cfg = load_config(str(tmp_path / "mkdocs.yml"))
        return global_key(cfg, {"as_of": str(AS_OF)})

    monkeypatch.delenv("PORTAL_PROBE", raising=False)
    first = key()
    assert key() == first
    monkeypatch.setenv("PORTAL_PROBE", "other")
    assert key() != first
    monkeypatch.delenv("PORTAL_PROBE")
    assert key() == first
    template.write_text('{% extends "base.html" %}\n{# changed #}\n', encoding="utf-8")
    assert key() != first


def test_a_build_with_nothing_changed_leaves_the_site_as_it_is(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The same key, the same records and the same commit: the site is what the build
    would make, so it is left in place (`make portal` twice); any file added under the
    records, even one no page shows, makes a build again (which keeps every page)."""
    from generators.build import build_site

    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    site = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=AS_OF)
    first, before = site.stat().st_ino, snapshot(site)
    with caplog.at_level("INFO"):
        build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=AS_OF)
    assert "nothing changed since the last build" in caplog.text
    assert site.stat().st_ino == first and snapshot(site) == before
    (records / "notes.txt").write_text("a note beside the records\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level("INFO"):
        build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=AS_OF)
    assert "nothing changed" not in caplog.text
    assert site.stat().st_ino != first and snapshot(site) == before


def test_a_record_saved_while_a_build_reads_the_records_is_not_missed(tmp_path: Path) -> None:
    """The digest of the records is taken before they are read (here: before an editor
    saved one): the build publishes what it read, and the next build, finding another
    digest, is not taken for one with nothing changed."""
    from generators import incremental
    from generators.build import build_site
    from generators.validate import validate

    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    site = tmp_path / "site"
    inputs = incremental.inputs_digest(records)
    recs, _report = validate(records, "records", AS_OF)
    item = records / "supervision/2026/sup-a.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("title: ", "title: Saved ", 1),
                    encoding="utf-8")
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=AS_OF,
               preloaded=recs, inputs=inputs)
    assert not any(b"Saved Open" in page for page in snapshot(site).values())
    build_site(ROOT / "mkdocs.yml", site, records=str(records), as_of=AS_OF)
    full = build_site(ROOT / "mkdocs.yml", tmp_path / "full", records=str(records),
                      as_of=AS_OF, full=True)
    assert any(b"Saved Open" in page for page in snapshot(site).values())
    assert snapshot(site) == snapshot(full)


def test_the_inputs_digest_changes_with_any_file_and_with_the_commit(tmp_path: Path) -> None:
    import os

    from generators.incremental import inputs_digest

    from .conftest import git

    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    seen = {inputs_digest(records)}
    assert inputs_digest(records) in seen  # the same folder, the same digest
    item = records / "supervision/2026/sup-a.yaml"
    item.write_bytes(item.read_bytes())  # saved again as it was: read again
    os.utime(item, ns=(1, 1))
    seen.add(inputs_digest(records))
    (records / "attachments").mkdir()
    (records / "attachments/a.pdf").write_bytes(b"%PDF-1.4\n")
    seen.add(inputs_digest(records))
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Archive")
    seen.add(inputs_digest(records))
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "Another commit")
    seen.add(inputs_digest(records))
    assert len(seen) == 5


@pytest.mark.parametrize("urls", [True, False])
@pytest.mark.parametrize("src", ["index.md", "a.md", "README.md", "x/README.md", "x/index.md",
                                 "x/y/brf-1.md", "a.b.md", "会议/第1次.md", "x/indexes.md"])
def test_a_page_goes_where_mkdocs_would_write_it(src: str, urls: bool) -> None:
    """sitefiles.page_dest gives MkDocs each generated page's destination (MkDocs works
    it out slowly): it must be the one MkDocs works out."""
    from mkdocs.structure.files import File

    from generators.sitefiles import page_dest

    assert page_dest(src, urls) == File(src, None, "/site", urls).dest_uri


def test_the_sitemap_names_the_pages_a_republish_does_not_hand_mkdocs(tmp_path: Path,
                                                                      ) -> None:
    """A republish gives MkDocs only the pages it builds and those of the navigation
    (sitefiles.py); the sitemap still names every page, byte for byte as a full build's
    (with a site_url: one <loc> per page; the .gz too)."""
    import re

    from generators.build import build_site

    from .conftest import git, portal_repo

    repo = portal_repo(tmp_path / "repo")
    config = repo / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("site_dir: site\n", "site_dir: site\n"
                                   "site_url: https://portal.example/office/\n", 1), "utf-8")
    git(repo, "commit", "-qam", "site_url")
    records, site, full = repo / "records", tmp_path / "site", tmp_path / "full"
    build_site(config, site, records=str(records), as_of=AS_OF)
    edited = records / "briefings/2026/brf-a.yaml"
    edited.write_text(edited.read_text("utf-8").replace("title: ", "title: 改过的 ", 1),
                      "utf-8")
    build_site(config, site, records=str(records), as_of=AS_OF)
    build_site(config, full, records=str(records), as_of=AS_OF, full=True)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (site / name).read_bytes() == (full / name).read_bytes(), name
    locs = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8"))
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert sorted(locs) == sorted("https://portal.example/office/" +
                                  ("" if d == "." else f"{d}/") for d in pages)
    assert "https://portal.example/office/documents/2025/doc-a/" in locs  # a kept page
