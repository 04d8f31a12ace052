"""Editions: numbered publications with mike, and what changed since the previous one.

Each build writes `edition.json`, a manifest of the records it published (a hash of
each, and each supervision item's status).  `portal publish` reads the manifest of
the newest edition on the branch, so that the new edition's "What changed" page
can list records added, changed and removed, and supervision statuses that moved.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .escaping import json_for_web
from .pages.common import Ctx, Page, esc, heading

MANIFEST = "edition.json"


def manifest(cat: Catalog) -> dict[str, Any]:
    records = {}
    for rec in cat.records:
        blob = cat.dump(rec)
        entry: dict[str, Any] = {"type": rec.rtype, "title": rec.title_text,
                                 "hash": hashlib.sha256(blob).hexdigest()[:16]}
        if rec.id in cat.supervision:
            entry["status"] = cat.supervision[rec.id].status
        records[rec.id] = entry
    return {"as_of": str(cat.as_of), "audience": cat.audience, "records": records}


def manifest_text(cat: Catalog) -> str:
    """The manifest as written to edition.json: one record per line (json's C encoder;
    indent= takes the pure-Python one, 0.35 s at 10,000 records)."""
    m = manifest(cat)
    rows = ",\n".join(f" {json.dumps(rid, ensure_ascii=False)}: "
                       f"{json.dumps(entry, ensure_ascii=False, sort_keys=True)}"
                       for rid, entry in sorted(m["records"].items()))
    head = json.dumps({"as_of": m["as_of"], "audience": m["audience"]}, ensure_ascii=False)
    return json_for_web(f'{head[:-1]}, "records": {{\n{rows}\n}}}}\n')


def changes_page(cat: Catalog, locale: str, previous: dict[str, Any] | None,
                 edition: str | None) -> Page:
    ctx = Ctx(cat, locale, "changes/index.md")
    t = ctx.t
    title = t("what_changed")
    out = [heading(title)]
    if edition:
        out.append(f"<p>{esc(t('edition'))}{ctx.colon()}<strong>{esc(edition)}</strong></p>\n")
    if not previous:
        out.append(f"<p>{esc(t('first_edition'))}</p>\n")
        return Page("changes/index.md", title, "".join(out), in_nav=True)
    now = manifest(cat)["records"]
    before = previous.get("records", {})
    added = sorted(set(now) - set(before))
    removed = sorted(set(before) - set(now))
    changed = sorted(i for i in set(now) & set(before) if now[i]["hash"] != before[i]["hash"])
    moved = sorted(i for i in set(now) & set(before)
                   if "status" in now[i] and now[i].get("status") != before[i].get("status"))
    out.append(ctx.meta([("added", str(len(added))), ("changed", str(len(changed))),
                         ("removed", str(len(removed))), ("status", str(len(moved)))]))
    out.append(heading(t("added"), 2) + ctx.table(
        ["record_type", "title"], [[esc(t(f"rt-{now[i]['type']}")), ctx.link(i)] for i in added],
        sortable=False))
    out.append(heading(t("changed"), 2) + ctx.table(
        ["record_type", "title"], [[esc(t(f"rt-{now[i]['type']}")), ctx.link(i)] for i in changed],
        sortable=False))
    # removed records are named by the previous edition's manifest of this same audience,
    # unless they are still in the archive at a level this audience may not see now
    out.append(heading(t("removed"), 2) + ctx.table(
        ["record_type", "title", "id"],
        [[esc(t(f"rt-{before[i]['type']}")), ctx.link(i), ""] if i in cat.hidden else
         [esc(t(f"rt-{before[i]['type']}")), esc(before[i]["title"]), f"<code>{esc(i)}</code>"]
         for i in removed], sortable=False))
    out.append(heading(t("status_changed"), 2) + ctx.table(
        ["what", "previous_edition", "status"],
        [[ctx.link(i), ctx.badge(before[i].get("status", "")),
          ctx.badge(now[i]["status"])] for i in moved], sortable=False))
    return Page("changes/index.md", title, "".join(out), in_nav=True)


def _git(repo: Path, *args: str,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=False, env=env)


def previous_manifest(repo: Path, branch: str, audience: str) -> dict[str, Any] | None:
    """The manifest of the newest edition on the branch, if it was of the same audience."""
    versions = _git(repo, "show", f"{branch}:versions.json")
    if versions.returncode != 0:
        return None
    listed = json.loads(versions.stdout or "[]")
    if not listed:
        return None
    newest = listed[0]["version"]
    shown = _git(repo, "show", f"{branch}:{newest}/{MANIFEST}")
    if shown.returncode != 0:
        return None
    data: dict[str, Any] = json.loads(shown.stdout)
    return data if data.get("audience") == audience else None


class PublishError(Exception):
    pass


def publish(config_file: Path, version: str, *, alias: str | None = None,
            title: str | None = None, push: bool = False, branch: str = "gh-pages",
            env: dict[str, str] | None = None, audience: str = "internal") -> str:
    """Build and commit an edition to the branch with mike; return mike's output."""
    repo = config_file.resolve().parent
    if _git(repo, "rev-parse", "--git-dir").returncode != 0:
        raise PublishError(f"{repo} is not a git repository: editions live on a git branch")
    prev = previous_manifest(repo, branch, audience)
    bindir = str(Path(sys.executable).parent)  # mike runs `mkdocs` from PATH
    run_env = {**os.environ, **(env or {}), "PORTAL_EDITION": version,
               "NO_MKDOCS_2_WARNING": "1",
               "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    if not _git(repo, "config", "user.name", env=run_env).stdout.strip():
        # a CI runner often has no git identity, and mike asks git config for one
        run_env.update({"GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_0": "user.name",
                        "GIT_CONFIG_VALUE_0": "Portal publisher",
                        "GIT_CONFIG_KEY_1": "user.email",
                        "GIT_CONFIG_VALUE_1": "publisher@portal.invalid"})
    with tempfile.TemporaryDirectory() as tmp:
        if prev is not None:
            prev_path = Path(tmp) / "previous.json"
            prev_path.write_text(json.dumps(prev), encoding="utf-8")
            run_env["PORTAL_PREVIOUS_EDITION"] = str(prev_path)
        cmd = ["mike", "deploy", "--config-file", str(config_file), "--branch", branch,
               "--message", f"Publish edition {version}"]
        if title:
            cmd += ["--title", title]
        if alias:
            cmd += ["--update-aliases"]
        if push:
            cmd += ["--push"]
        cmd += [version, *([alias] if alias else [])]
        exe = Path(sys.executable).parent / "mike"
        cmd[0] = str(exe) if exe.exists() else "mike"
        result = subprocess.run(cmd, cwd=repo, env=run_env, capture_output=True, text=True,
                                check=False)
    if result.returncode != 0:
        raise PublishError((result.stderr or result.stdout).strip()[-4000:])
    return result.stdout + result.stderr
