"""Editions: numbered publications with mike, and what changed since the previous one.

`portal publish` builds the Chinese edition and the English one of the same records and
date, and commits them together with mike onto the branch: Chinese at the branch's root
(`<version>/`, `versions.json`), English under `en/` (`en/<version>/`, `en/versions.json`).
Each language is a mike site of its own (a deploy prefix), so Material's edition selector
works in both: it reads `../versions.json` beside the edition it is in.  Both are built
before either is committed: a failed build commits nothing.  Material's language selector
(`extra.alternate`, set for each build, and theme/partials/alternate.html) leads from a
page to the same page of the same version in the other language.

Each build writes `edition.json`, a manifest of the records it published (a hash of
each, and each supervision item's status).  `portal publish` reads the manifest of
the newest edition of that language on the branch, so that the new edition's "What
changed" page can list records added, changed and removed, and supervision statuses
that moved.
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

LOCALES = ("zh", "en")
"""The editions `portal publish` makes unless told otherwise (--locales)."""
PREFIX = {"zh": "", "en": "en"}
"""Where each language's editions live on the branch: Chinese first, at the root."""
NAMES = {"zh": "中文", "en": "English"}
"""The language selector's entries, each in its own language."""


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
    indent= takes the pure-Python one)."""
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


def previous_manifest(repo: Path, branch: str, audience: str,
                      prefix: str = "") -> dict[str, Any] | None:
    """The manifest of the newest edition under prefix on the branch, if it was of the
    same audience."""
    at = f"{prefix}/" if prefix else ""
    versions = _git(repo, "show", f"{branch}:{at}versions.json")
    if versions.returncode != 0:
        return None
    listed = json.loads(versions.stdout or "[]")
    if not listed:
        return None
    newest = listed[0]["version"]
    shown = _git(repo, "show", f"{branch}:{at}{newest}/{MANIFEST}")
    if shown.returncode != 0:
        return None
    data: dict[str, Any] = json.loads(shown.stdout)
    return data if data.get("audience") == audience else None


class PublishError(Exception):
    pass


def alternates(locale: str, locales: tuple[str, ...], version: str) -> list[dict[str, str]]:
    """Material's `extra.alternate` for the edition of locale: each link is the root of a
    language's edition of this version, relative to this edition's root; the template
    (theme/partials/alternate.html) adds the page's own path.  Its own language links to
    the page itself, so that a reader who came by an alias (latest/) stays on it."""
    if len(locales) < 2:
        return []  # one language: no selector
    up = "../" * (len(PREFIX[locale].split("/")) + 1 if PREFIX[locale] else 1)
    return [{"name": NAMES[other], "lang": other,
             "link": "" if other == locale else
             f"{up}{PREFIX[other] + '/' if PREFIX[other] else ''}{version}/"}
            for other in LOCALES if other in locales]


def _edition_config(config_file: Path, locale: str, locales: tuple[str, ...],
                    version: str) -> str:
    """mkdocs.yml with this language's selector (and site_url where this edition will
    live), as MkDocs' INHERIT: a file beside mkdocs.yml, whose relative paths are its."""
    from mkdocs.utils import yaml_load

    with config_file.open("rb") as fh:
        site_url = (yaml_load(fh) or {}).get("site_url")
    extra: dict[str, Any] = {"INHERIT": config_file.name}
    if site_url:  # canonical links and the sitemap, as mike sets them
        at = f"{PREFIX[locale]}/" if PREFIX[locale] else ""
        extra["site_url"] = f"{str(site_url).rstrip('/')}/{at}{version}/"
    extra["extra"] = {"alternate": alternates(locale, locales, version)}
    return json.dumps(extra, ensure_ascii=False)  # JSON is YAML


# mike's git plumbing works in the current folder and environment: it runs in a child
_COMMIT = """\
import json, sys
from mike import commands, git_utils
job = json.loads(sys.argv[1])
git_utils.update_from_upstream("origin", job["branch"])  # as mike deploy: catch up
for d in job["deploys"]:
    with commands.deploy({"site_dir": d["site_dir"], "use_directory_urls": True},
                         job["version"], job["title"], job["aliases"],
                         update_aliases=bool(job["aliases"]), branch=job["branch"],
                         message=d["message"], deploy_prefix=d["prefix"]):
        pass  # built already
if job["push"]:
    git_utils.push_branch("origin", job["branch"])
"""


def publish(config_file: Path, version: str, *, alias: str | None = None,
            title: str | None = None, push: bool = False, branch: str = "gh-pages",
            env: dict[str, str] | None = None, audience: str = "internal",
            locales: tuple[str, ...] = LOCALES) -> str:
    """Build the editions of each locale, then commit them to the branch with mike; return
    what the builds and mike said."""
    unknown = [loc for loc in locales if loc not in PREFIX]
    if unknown or not locales:
        raise PublishError(f"no edition for locale {', '.join(unknown) or '(none)'}: "
                           f"give {' or '.join(LOCALES)}")
    locales = tuple(loc for loc in LOCALES if loc in locales)
    repo = config_file.resolve().parent
    if _git(repo, "rev-parse", "--git-dir").returncode != 0:
        raise PublishError(f"{repo} is not a git repository: editions live on a git branch")
    bindir = Path(sys.executable).parent
    run_env = {**os.environ, **(env or {}), "PORTAL_EDITION": version,
               "NO_MKDOCS_2_WARNING": "1",
               "PATH": str(bindir) + os.pathsep + os.environ.get("PATH", "")}
    if not _git(repo, "config", "user.name", env=run_env).stdout.strip():
        # a CI runner often has no git identity, and mike asks git config for one
        run_env.update({"GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_0": "user.name",
                        "GIT_CONFIG_VALUE_0": "Portal publisher",
                        "GIT_CONFIG_KEY_1": "user.email",
                        "GIT_CONFIG_VALUE_1": "publisher@portal.invalid"})
    mkdocs = bindir / "mkdocs"
    said = []
    with tempfile.TemporaryDirectory() as tmp:
        deploys = []
        for locale in locales:
            prefix = PREFIX[locale]
            build_env = {**run_env, "PORTAL_LOCALE": locale}
            build_env.pop("PORTAL_PREVIOUS_EDITION", None)
            prev = previous_manifest(repo, branch, audience, prefix)
            if prev is not None:
                prev_path = Path(tmp) / f"previous-{locale}.json"
                prev_path.write_text(json.dumps(prev), encoding="utf-8")
                build_env["PORTAL_PREVIOUS_EDITION"] = str(prev_path)
            site = Path(tmp) / f"site-{locale}"
            with tempfile.NamedTemporaryFile(
                    "w", encoding="utf-8", suffix=".yml", dir=repo, delete=False,
                    prefix=f".{config_file.stem}-publish-{locale}-") as fh:
                fh.write(_edition_config(config_file, locale, locales, version))
            try:
                built = subprocess.run(
                    [str(mkdocs) if mkdocs.exists() else "mkdocs", "build", "--config-file",
                     fh.name, "--site-dir", str(site)],
                    cwd=repo, env=build_env, capture_output=True, text=True, check=False)
            finally:
                os.unlink(fh.name)
            if built.returncode != 0:
                raise PublishError(f"the {locale} edition did not build: "
                                   + (built.stderr or built.stdout).strip()[-4000:])
            said.append(built.stderr)
            what = "" if locale == LOCALES[0] else f" ({NAMES[locale]})"
            deploys.append({"site_dir": str(site), "prefix": prefix,
                            "message": f"Publish edition {version}{what}"})
        # the root (Chinese) last: the other languages it links to are there before it
        job = {"branch": branch, "version": version, "title": title,
               "aliases": [alias] if alias else [], "push": push,
               "deploys": list(reversed(deploys))}
        result = subprocess.run([sys.executable, "-c", _COMMIT, json.dumps(job)], cwd=repo,
                                env=run_env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PublishError((result.stderr or result.stdout).strip()[-4000:])
    return "".join(said) + result.stdout + result.stderr
