"""The CI recipes (GitHub Actions, GitLab CI) and the annotation formats they use."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generators.annotations import codequality, github
from generators.cli import main
from generators.errors import Problem

from .conftest import AS_OF, INVALID, ROOT

GITHUB = ROOT / ".github/workflows/publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _portal_runs(script: str | list[str], command: str) -> list[list[str]]:
    """The `portal COMMAND ...` invocations of a step's script, as argument lists."""
    lines = script if isinstance(script, list) else script.replace("\\\n", " ").splitlines()
    found = []
    for line in lines:
        words = shlex.split(line.split("||")[0].split(">")[0])
        for i, word in enumerate(words):
            if word.endswith("portal") and words[i + 1:i + 2] == [command]:
                found.append(words[i + 2:])
    return found


def _option(args: list[str], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args else None


def _cache_covers(paths: list[str], folder: str) -> bool:
    return any(folder.rstrip("/") == p.rstrip("/") for p in paths)


# --- GitHub Actions -----------------------------------------------------------------------

def test_github_validates_pull_requests_and_pushes_to_main() -> None:
    wf = _load(GITHUB)
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    check = wf["jobs"]["check"]
    assert "if" not in check  # runs for pull requests as for pushes
    steps = check["steps"]
    validations = [args for s in steps for args in _portal_runs(s.get("run", ""), "validate")]
    assert validations and all(_option(a, "--format") == "github" for a in validations)


def test_github_keeps_the_cache_and_the_last_site_between_runs() -> None:
    steps = _load(GITHUB)["jobs"]["check"]["steps"]
    caches = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache@")]
    assert len(caches) == 1
    spec = caches[0]["with"]
    paths = spec["path"].split()
    builds = [args for s in steps for args in _portal_runs(s.get("run", ""), "build")]
    assert builds
    for args in builds:
        assert _cache_covers(paths, _option(args, "--site-dir") or "site")
        assert "--full" not in args
    assert _cache_covers(paths, ".cache/portal")
    # an entry is never overwritten: each run must save under a new key (its commit) and
    # find the last run's entry by a prefix of it
    assert "${{ github.sha }}" in spec["key"]
    restore = spec["restore-keys"].split()
    assert any(spec["key"].startswith(prefix) and "github.sha" not in prefix
               for prefix in restore)
    # the cache is restored before the build that uses it
    assert steps.index(caches[0]) < min(
        i for i, s in enumerate(steps) if _portal_runs(s.get("run", ""), "build"))


def test_github_publishes_only_from_main_and_only_there_may_write() -> None:
    wf = _load(GITHUB)
    assert wf["permissions"] == {"contents": "read"}
    publish = wf["jobs"]["publish"]
    assert "pull_request" in publish["if"] and "refs/heads/main" in publish["if"]
    assert publish["needs"] == "check"
    assert publish["permissions"] == {"contents": "write"}
    assert "permissions" not in wf["jobs"]["check"]


# --- GitLab CI ----------------------------------------------------------------------------

def test_gitlab_runs_for_merge_requests_and_the_default_branch() -> None:
    rules = [r["if"] for r in _load(GITLAB)["workflow"]["rules"] if "when" not in r]
    assert any('$CI_PIPELINE_SOURCE == "merge_request_event"' in r for r in rules)
    assert any("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in r for r in rules)
    publish = _load(GITLAB)["publish"]
    assert [r["if"] for r in publish["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]


def test_gitlab_reports_problems_as_code_quality() -> None:
    job = _load(GITLAB)["validate"]
    report = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"  # the report matters most when it fails
    writes = [line for line in job["script"] if f"> {report}" in line]
    assert writes and _option(_portal_runs(writes, "validate")[0], "--format") == "codequality"
    # and the job still fails on an error
    assert any(not line.rstrip().endswith("|| true")
               for line in job["script"] if _portal_runs([line], "validate"))


def test_gitlab_keeps_the_cache_and_the_last_site_between_pipelines() -> None:
    ci = _load(GITLAB)
    build = ci["build"]
    args = _portal_runs(build["script"], "build")
    assert args and "--full" not in args[0]
    cache = build["cache"]
    assert _cache_covers(cache["paths"], _option(args[0], "--site-dir") or "site")
    assert _cache_covers(cache["paths"], ".cache/portal")
    assert cache.get("policy", "pull-push") == "pull-push"
    assert "$CI_COMMIT_REF_SLUG" in cache["key"]  # each branch saves its latest
    assert any("$CI_DEFAULT_BRANCH" in k for k in cache["fallback_keys"])


# --- the annotation formats ---------------------------------------------------------------

COMMAND = re.compile(r"::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),"
                     r"title=([^,:]*)::(.*)")


def _unescape(text: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","),
                       ("%25", "%")):
        text = text.replace(code, char)
    return text


HOSTILE = [
    Problem("records/a,b:c.yaml", 3, 7, "REF_MISSING",
            "links to 'x'\n::error file=x.yaml,line=1::planted\r\n100% sure", "a hint"),
    Problem("records/b.yaml", 1, 1, "DATE_FUTURE", "plain message"),
]


def test_github_annotations_are_one_command_each_and_escaped() -> None:
    lines = github(HOSTILE).splitlines()
    assert len(lines) == len(HOSTILE)  # a newline in a message starts no command of its own
    for line, p in zip(lines, HOSTILE, strict=True):
        m = COMMAND.fullmatch(line)
        assert m, line
        level, path, row, col, title, message = m.groups()
        assert level == p.severity
        assert (_unescape(path), int(row), int(col), _unescape(title)) == \
            (p.path, p.line, p.col, p.code)
        assert _unescape(message) == p.message + (f" ({p.hint})" if p.hint else "")


def test_codequality_report_names_each_problem_once() -> None:
    issues = json.loads(codequality(HOSTILE + HOSTILE[:1]))
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue, p in zip(issues, HOSTILE + HOSTILE[:1], strict=True):
        assert issue["location"] == {"path": p.path, "lines": {"begin": p.line}}
        assert issue["check_name"] == p.code and p.message in issue["description"]
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}


@pytest.mark.parametrize("fmt", ["github", "codequality"])
def test_validate_formats_list_what_json_lists(fmt: str) -> None:
    records = str(INVALID / "REF_MISSING" / "records")
    args = ["validate", "--records", records, "--as-of", str(AS_OF)]
    as_json = CliRunner().invoke(main, [*args, "--format", "json"])
    result = CliRunner().invoke(main, [*args, "--format", fmt])
    assert result.exit_code == as_json.exit_code == 1
    expected = [(p["path"], p["line"], p["code"])
                for p in json.loads(as_json.output)["problems"]]
    assert expected
    if fmt == "github":
        found = [(m[2], int(m[3]), m[5]) for line in result.output.splitlines()
                 if (m := COMMAND.fullmatch(line))]
    else:
        found = [(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"])
                 for i in json.loads(result.output)]
    assert found == expected
