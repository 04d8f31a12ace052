"""Reproducible and atomic builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.build import BuildError, build_site

from .conftest import AS_OF, ROOT, VALID

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    a = build_site(ROOT / "mkdocs.yml", tmp_path / "a", records=str(VALID), as_of=AS_OF)
    b = build_site(ROOT / "mkdocs.yml", tmp_path / "b", records=str(VALID), as_of=AS_OF)
    sa, sb = snapshot(a), snapshot(b)
    assert sorted(sa) == sorted(sb)
    assert [k for k in sa if sa[k] != sb[k]] == []


def test_a_failing_mkdocs_build_leaves_the_previous_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "site_src", project / "site_src")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_site(project / "mkdocs.yml", project / "site", records=str(VALID),
                      as_of=AS_OF)
    before = snapshot(site)
    # a hand-written page with a broken link: strict MkDocs refuses to build
    (project / "site_src/about.md").write_text("# About\n\n[gone](missing.md)\n",
                                               encoding="utf-8")
    with pytest.raises(BuildError):
        build_site(project / "mkdocs.yml", project / "site", records=str(VALID), as_of=AS_OF)
    assert snapshot(site) == before
    assert sorted(p.name for p in project.iterdir()) == ["mkdocs.yml", "site", "site_src"]
