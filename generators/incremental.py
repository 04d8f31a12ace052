"""Republishing after a small edit: only the pages whose Markdown changed go through MkDocs.

A build leaves a state beside the records cache: a key of everything that shapes every
page at once (the code and libraries, mkdocs.yml as resolved - its !ENV values included -,
the hand-written pages, the theme's custom_dir, the date, the audience, the language, the
edition), and for each generated page the keys it read while it was rendered (deps.py)
with each key's digest (`Digests`: what the Catalog holds under it), a hash of its
Markdown and its search bundle.  The next build with the same key plans (plan.py, a pure
function): a page whose keys all have the digests they had is kept from the published
site; the others are rendered, and MkDocs gets only those whose Markdown differs
(MkDocs --dirty, into a new folder).  Pages that are not a record's or a listing's are
rendered every time and compared (a kept page of the navigation gets its title from the
last build: every page shows the navigation, which the key holds constant).

publish_site.apply() then makes the new site from the published one and what this build
wrote, and switches it in at once.  Tests edit, move, hide, delete and add records and
compare the republished site with a full build, byte for byte (tests/test_republish.py,
with Hypothesis).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import deps
from .cache import cache_path, code_version, dump_pickle, load_pickle, stamp_of
from .catalog import Catalog

FORMAT = 8
MARKER = ".portal-build"
"""A file in the published site naming the build that made it (the state must match)."""


@dataclass(slots=True)
class State:
    key: str
    build_id: str
    deps: dict[str, Collection[str]]
    """Generated page source -> the keys its rendering read (deps.py); pages rendered in
    every build have none."""
    digests: dict[str, str]
    """Each key of deps -> its digest in this build."""
    pages: dict[str, str]
    """Generated page source -> hash of its Markdown."""
    bundles: dict[str, str]
    """Page dest_uri -> search bundle."""
    charts: dict[str, list[str]]
    """Record page source -> the chart files it shows (kept pages keep theirs)."""
    memo: dict[str, str]
    """Charts and calendar events by their inputs (memo.py)."""
    content: dict[str, str]
    """Page dest_uri -> hash of its HTML, for the pages without a Markdown hash in pages
    (hand-written ones, whose macros show figures; the feeds and data pages)."""
    nav: dict[str, tuple[str | None, dict[str, Any]]]
    """Source of each page in the navigation -> its title and front matter, which every
    page's navigation shows (a kept page is not read again)."""
    inputs: str = ""
    """inputs_digest() of the records as this build found them before reading them: with
    the same key and inputs the next build would make the same site ("" if unknown)."""


@dataclass(slots=True)
class Previous:
    """What a republish starts from: the last state and the site it describes."""

    state: State
    site: Path


def global_key(config: Any, parts: dict[str, Any]) -> str:
    """A hash of everything that can change every page at once: the code and libraries,
    mkdocs.yml (its text, and as MkDocs reads it: with the values of its !ENV tags and
    what it INHERITs), the hand-written pages, the files of the theme's custom_dir (its
    template overrides) and of hooks, and parts (the portal's settings)."""
    h = hashlib.sha256(f"{FORMAT} {code_version()}".encode())
    for package in ("mkdocs", "mkdocs-material", "pagefind", "markdown", "pymdown-extensions",
                    "matplotlib", "icalendar"):
        try:
            h.update(f"{package}={version(package)}".encode())
        except Exception:
            h.update(package.encode())
    config_file = Path(config.config_file_path)
    h.update(config_file.read_bytes())
    h.update(resolved_config(config_file).encode())
    folders = [Path(config.docs_dir)]
    custom = getattr(config.theme, "custom_dir", None)
    if custom:
        folders.append(Path(custom))
    for folder in folders:
        h.update(f"\0folder {folder.name}\0".encode())
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                h.update(path.relative_to(folder).as_posix().encode())
                h.update(path.read_bytes())
    for hook in sorted(str(p) for p in (getattr(config, "hooks", None) or {})):
        with contextlib.suppress(OSError):
            h.update(Path(hook).read_bytes())
    h.update(repr(sorted(parts.items())).encode())
    return h.hexdigest()


def resolved_config(config_file: Path) -> str:
    """mkdocs.yml as MkDocs reads it (!ENV tags resolved, INHERIT merged), as JSON."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    class Loader(get_yaml_loader()):  # type: ignore[misc]
        """!relative stays a name (its value is a folder of this site)."""

    Loader.add_constructor("!relative", lambda loader, node: f"!relative {node.value}")
    with config_file.open("rb") as fh:
        data = yaml_load(fh, Loader)
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("portal"), dict):
            # where the records lie is no input of any page (their content is, by the
            # digests): a full build of the same records elsewhere is the same build
            plugin["portal"].pop("records_dir", None)

    def named(value: Any) -> str:  # !!python/name: tags give functions
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"

    return json.dumps(data, sort_keys=True, default=named, ensure_ascii=False)


class Digests:
    """key -> a digest of what the Catalog holds under it (deps.py names the keys), made
    once per key and build; own: the digests pages give (shape: keys)."""

    def __init__(self, cat: Catalog) -> None:
        self.cat = cat
        self.own: dict[str, str] = {}
        self._made: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        found = self._made.get(key)
        if found is None:
            if key.startswith("shape:"):
                return self.own.get(key, "absent")
            if deps.active():  # (the tables below are read past their noting anyway)
                with deps.paused():
                    return self(key)
            found = self._made[key] = self._make(*key.split(":", 1))
        return found

    def table(self, keys: Iterable[str]) -> dict[str, str]:
        return {k: self(k) for k in keys}

    def _make(self, prefix: str, name: str) -> str:
        # the Catalog's tables read as plain dicts: a digest notes nothing, and this runs
        # for every key of every page at each republish
        cat = self.cat
        get = dict.get
        if prefix == "r":
            if name == "*":
                return _hash(repr([self(f"r:{r.id}") for r in cat.records]
                                  + sorted(cat.hidden)))
            rec = get(cat.by_id, name)
            if rec is not None:
                changes = get(cat.history, name)
                seen = cat.warm.seen(rec) if cat.warm is not None else None
                if seen is not None and seen.digest is not None and seen.changes == changes:
                    return seen.digest  # the same record object, with the same history
                h = hashlib.sha1(cat.dump(rec), usedforsecurity=False)
                # what the page shows of each change (not the files: the import of the
                # archive touched every one of them)
                if changes:
                    h.update(repr([(c.sha, c.date, c.message) for c in changes]).encode())
                if seen is not None:
                    seen.changes, seen.digest = changes, h.hexdigest()
                return h.hexdigest()
            decision = get(cat.decisions, name)
            if decision is not None:
                return "decision " + self(f"r:{decision[0].id}")
            topic = get(cat.topics, name)
            if topic is not None:
                return "topic " + _hash(topic.model_dump_json())
            return "hidden" if set.__contains__(cat.hidden, name) else "absent"
        if prefix == "in":
            links = get(cat.links_to, name)
            if not links:
                return "none"
            return _hash(repr([(ln.source.id, ln.loc, ln.kind, self(f"r:{ln.source.id}"))
                               for ln in links]))
        if prefix == "of":
            types = sorted(dict.keys(cat.by_type)) if name == "*" else [name]
            return _hash(repr([(t, [self(f"r:{r.id}") for r in get(cat.by_type, t, ())])
                               for t in types]))
        if prefix in _FIGURES:
            table: dict[Any, Any] = getattr(cat, _FIGURES[prefix])
            if name == "*":
                return _hash(repr(sorted(dict.items(table), key=lambda kv: str(kv[0]))))
            return _hash(repr(get(table, int(name) if prefix == "ap" else name)))
        if prefix == "unit":
            return self._rollup(cat.unit_rollups().get(name))
        if prefix == "official":
            return self._rollup(cat.official_rollups().get(name))
        raise ValueError(f"no digest for the dependency key {prefix}:{name}")

    def _rollup(self, roll: Any) -> str:
        """A rollup's lists: which records, each with its content; figures as they are."""
        if roll is None:
            return "empty"
        parts: list[Any] = []
        for f in roll.__slots__:
            value = getattr(roll, f)
            if isinstance(value, tuple):
                parts.append([self(f"r:{x.id}") if hasattr(x, "id") else
                              (self(f"r:{x[0].id}"), x[1].id) if hasattr(x[0], "id") else
                              repr(x) for x in value])
            else:
                parts.append(value)
        return _hash(repr(parts))


_FIGURES = {"sup": "supervision", "val": "validity", "lia": "liaison", "ap": "appraisal",
            "hl": "hotline",
            "inc": "incidents",  # issue 16: duty office
            "req": "requests", "rcs": "received",  # issue 16
            "att": "attachments"}  # issue 17: an attachment's size and bytes


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def record_digests(cat: Catalog) -> dict[str, str]:
    """Record id -> the digest of its `r:` key: the record and its history, as this
    audience sees them."""
    digest = Digests(cat)
    return {rec.id: digest(f"r:{rec.id}") for rec in cat.records}


def page_hash(markdown: str) -> str:
    return hashlib.sha1(markdown.encode(), usedforsecurity=False).hexdigest()


def state_path(records_dir: Path, site_dir: Path) -> Path:
    name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:12]
    return cache_path(records_dir, f"build-{name}")


def load(records_dir: Path, site_dir: Path, key: str) -> Previous | None:
    """The state of the published site, if it was built by us with the same key."""
    state = load_pickle(state_path(records_dir, site_dir))
    build_id = marker(site_dir)
    if build_id is None:
        return None
    if not isinstance(state, State) or state.key != key or state.build_id != build_id:
        return None
    return Previous(state, site_dir)


def marker(site_dir: Path) -> str | None:
    """The build the site's marker names (None: no marker, not our build)."""
    try:
        return (site_dir / MARKER).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def inputs_digest(records_dir: Path) -> str:
    """What a build reads besides what the key holds: every file under the records folder
    (its name and stamp: size, modification time and inode, which `portal validate`
    trusts too) and the commit its git history ends at.  Taken before the records are
    read, so a file saved while a build reads them, even saved back as it was, gives the
    next build another digest."""
    base = records_dir.resolve()
    root = str(base)
    cut = len(root) + 1  # relative paths as slices: a Path per file is slow at scale
    lines: list[str] = []
    for folder, subfolders, names in os.walk(root):  # links to folders are not entered
        for name in (*subfolders, *names):
            full = os.path.join(folder, name)
            with contextlib.suppress(OSError):  # gone since it was listed: not read either
                st = os.stat(full)  # a link: its target, as the records' reader sees it
                if stat.S_ISREG(st.st_mode):
                    rel = full[cut:].replace(os.sep, "/")
                    lines.append(f"{rel}\0{stamp_of(st)}\n")
    lines.sort()
    lines.append(f"\0head {history_head(base)}")
    return hashlib.sha256("".join(lines).encode()).hexdigest()


def history_head(folder: Path) -> str:
    """The commit HEAD names in the git work tree holding folder ("" outside git): the
    history record pages show is read from it."""
    import subprocess

    try:
        out = subprocess.run(["git", "-C", str(folder), "rev-parse", "-q", "--verify", "HEAD"],
                             capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def unchanged(previous: Previous | None, inputs: str) -> bool:
    """The published site is what a build of these inputs would make: nothing to do."""
    return previous is not None and bool(inputs) and previous.state.inputs == inputs


def build_id(key: str, pages: dict[str, str], digests: dict[str, str],
             bundles: dict[str, str], content: dict[str, str]) -> str:
    """Names a build by what it made: two builds of the same inputs get the same id (and
    their sites are byte-identical), any difference in any page gives another."""
    h = hashlib.sha256(key.encode())
    for table in (pages, digests, bundles, content):
        for k in sorted(table):
            h.update(f"{k}\0{table[k]}\n".encode())
    return h.hexdigest()[:32]


def shared(deps_of: dict[str, Collection[str]]) -> dict[str, Collection[str]]:
    """deps_of with one string object per key and the keys of each page sorted: the
    state pickles each key once, and two builds of the same pages give the same state."""
    one: dict[str, str] = {}
    return {page: tuple(one.setdefault(k, k) for k in sorted(keys))
            for page, keys in deps_of.items()}


def save(records_dir: Path, site_dir: Path, state: State) -> None:
    dump_pickle(state_path(records_dir, site_dir), state)  # if it fails: a full build next


@dataclass(frozen=True, slots=True)
class Keep:
    """The files (and whole folders) of the published site that a republish keeps."""

    files: set[str]
    folders: set[str]
