"""`portal validate --format github|codequality`: the problems as CI annotations.

GitHub Actions turns `::error file=…,line=…,col=…::message` lines of a step's output into
annotations on those lines of a pull request; GitLab shows a Code Quality report (a
JSON artifact) in the merge request.  A problem's message can quote record text, which
anyone who can open a pull request writes: a newline in it must not start a workflow
command of its own, so every value is escaped as GitHub's toolkit escapes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from .errors import Lang, Problem


def _data(text: str) -> str:
    """A command's message (GitHub toolkit's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A command's property value (escapeProperty): also ':' and ','."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


GITHUB_LEVEL = {"error": "error", "warning": "warning"}


def github(problems: Iterable[Problem], lang: Lang = "en") -> str:
    """One workflow command per problem (titled with its code), in the report's order."""
    lines = []
    for p in problems:
        level = GITHUB_LEVEL.get(p.severity, "notice")
        lines.append(f"::{level} file={_property(p.path)},line={p.line},col={p.col},"
                     f"title={_property(p.code)}::{_data(p.said(lang))}")
    return "\n".join(lines)


CODEQUALITY_SEVERITY = {"error": "major", "warning": "minor"}


def codequality(problems: Iterable[Problem], lang: Lang = "en") -> str:
    """GitLab's Code Quality report (a subset of Code Climate's issue format)."""
    issues = []
    for p in problems:
        # the fingerprint names the problem, not its line: an edit above it in the same
        # file must not make GitLab report it as fixed and found again (nor a run in the
        # other language: the English message names it)
        fingerprint = hashlib.sha256(
            f"{p.path}\0{p.code}\0{p.message}".encode()).hexdigest()[:32]
        issues.append({
            "description": f"{p.code} {p.said(lang)}",
            "check_name": p.code, "fingerprint": fingerprint,
            "severity": CODEQUALITY_SEVERITY.get(p.severity, "info"),
            "location": {"path": p.path, "lines": {"begin": p.line}}})
    # two problems with one fingerprint would show as one: number the repeats
    seen: dict[str, int] = {}
    for issue in issues:
        fp = str(issue["fingerprint"])
        seen[fp] = seen.get(fp, 0) + 1
        if seen[fp] > 1:
            issue["fingerprint"] = hashlib.sha256(
                f"{fp}\0{seen[fp]}".encode()).hexdigest()[:32]
    return json.dumps(issues, ensure_ascii=False, indent=2)
