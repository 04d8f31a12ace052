"""Republishing: a build into a site that an earlier build of the same settings made."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import AS_OF, ROOT, SAMPLE, SAMPLE_AS_OF


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
