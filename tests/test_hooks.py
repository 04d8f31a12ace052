"""The pre-commit hook works in a fresh clone after `make portal`, .venv not activated."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, VALID, git

HOOK = ROOT / "scripts/pre-commit-validate"
PORTAL = Path(sys.executable).with_name("portal")
BARE_PATH = "/usr/bin:/bin"  # no .venv/bin: nobody activated it


def clone(tmp: Path, with_venv: bool = True) -> Path:
    """What a fresh clone holds for the hook, and the .venv `make portal` makes there."""
    repo = tmp / "clone"
    repo.mkdir()
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    (repo / "scripts").mkdir()
    shutil.copy2(HOOK, repo / "scripts")
    shutil.copytree(VALID, repo / "records")
    if with_venv:
        (repo / ".venv/bin").mkdir(parents=True)
        (repo / ".venv/bin/portal").symlink_to(PORTAL)
    return repo


def _break(repo: Path) -> str:
    path = next((repo / "records/briefings").rglob("*.yaml"))
    with path.open("a", encoding="utf-8") as fh:
        fh.write("lead: nobody\n")
    return path.relative_to(repo).as_posix()


def run_hook(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(repo / "scripts/pre-commit-validate"), *files], cwd=repo,
                          env={"PATH": BARE_PATH, "HOME": str(repo)}, capture_output=True,
                          text=True, check=False)


def test_the_config_runs_the_hook_script() -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    [entry] = [h for r in hook["repos"] for h in r["hooks"] if h["id"] == "portal-validate"]
    assert entry["entry"] == HOOK.relative_to(ROOT).as_posix()
    assert entry["language"] == "script" and entry["pass_filenames"] is True
    assert os.access(HOOK, os.X_OK)


def test_the_hook_finds_the_portal_in_dot_venv(tmp_path: Path) -> None:
    repo = clone(tmp_path)
    good = next((repo / "records/supervision").rglob("*.yaml")).relative_to(repo).as_posix()
    ok = run_hook(repo, good)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = _break(repo)
    failed = run_hook(repo, bad, good)
    assert failed.returncode == 1
    assert f"{bad}:" in failed.stdout and "SCHEMA_UNKNOWN_FIELD" in failed.stdout
    assert "未知字段“lead”" in failed.stdout  # in the editors' language (issue 14 point 7)


def test_without_make_portal_the_hook_says_what_to_do(tmp_path: Path) -> None:
    repo = clone(tmp_path, with_venv=False)
    result = run_hook(repo, _break(repo))
    assert result.returncode == 1 and "make portal" in result.stderr
    assert "先运行一次 make portal" in result.stderr


@pytest.mark.slow
def test_a_commit_in_a_fresh_clone_runs_the_hook(tmp_path: Path) -> None:
    """pre-commit itself, installed as `make hooks` does, in a clone whose .venv nobody
    activated: a commit with a broken record is refused, a fixed one goes in."""
    repo = clone(tmp_path)
    pre_commit = Path(sys.executable).with_name("pre-commit")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "archive")
    env = {"PATH": BARE_PATH, "HOME": str(repo), "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.gov",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.gov"}
    subprocess.run([str(pre_commit), "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    bad = _break(repo)
    git(repo, "add", bad)
    refused = subprocess.run(["git", "commit", "-m", "edit"], cwd=repo, env=env,
                             capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert "SCHEMA_UNKNOWN_FIELD" in refused.stdout + refused.stderr
    assert "未知字段“lead”" in refused.stdout + refused.stderr  # said in Chinese
    path = repo / bad
    fixed = path.read_text("utf-8").replace("lead: nobody\n", "").replace("summary: ",
                                                                          "summary: 又及，")
    path.write_text(fixed, encoding="utf-8")
    git(repo, "add", bad)
    done = subprocess.run(["git", "commit", "-m", "edit"], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
