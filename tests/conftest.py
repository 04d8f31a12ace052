"""Shared fixtures: the small valid archive, overlays of invalid fixtures, the as-of date."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from generators.walk import max_record_bytes

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid" / "records"
INVALID = FIXTURES / "invalid"
AS_OF = dt.date(2026, 11, 27)
SAMPLE = ROOT / "records"
SAMPLE_AS_OF = dt.date(2026, 12, 1)
"""The sample archive (scripts/make_sample.py) and the reference date it was written for."""


def overlay(tmp: Path, *layers: Path) -> Path:
    """A copy of the valid fixture with each layer's records/ laid over it."""
    dst = tmp / "records"
    shutil.copytree(VALID, dst, symlinks=True)
    lay(dst, *layers)
    return dst


def lay(dst: Path, *layers: Path) -> None:
    """Each layer's records/ laid over the records folder dst.

    Git stores neither a FIFO nor a sparse file: a fixture holds an empty marker instead,
    NAME.mkfifo for a FIFO called NAME, NAME.oversize for a file one byte over the size
    limit of a record file (sparse: no disk is spent, and its NUL bytes say so if it is
    ever read)."""
    for layer in layers:
        shutil.copytree(layer / "records", dst, dirs_exist_ok=True, symlinks=True)
    for marker in sorted(dst.rglob("*.mkfifo")):
        marker.unlink()
        os.mkfifo(marker.with_suffix(""))
    for marker in sorted(dst.rglob("*.oversize")):
        marker.unlink()
        with marker.with_suffix("").open("wb") as fh:
            fh.truncate(max_record_bytes() + 1)


@pytest.fixture
def valid_copy(tmp_path: Path) -> Path:
    return overlay(tmp_path)


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    return AS_OF


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    """git with an editor's identity and no user configuration (HOME is the repository)."""
    import subprocess

    env = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.gov",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.gov",
           "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


def portal_repo(repo: Path) -> Path:
    """A git repository holding mkdocs.yml, site_src/ and the valid fixture archive."""
    repo.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", repo / "site_src")
    shutil.copytree(VALID, repo / "records")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Archive")
    return repo
