"""Republishing after a small edit: only the pages whose Markdown changed go through MkDocs.

A full build leaves a state beside the records cache: a key of everything that shapes
every page (the code, mkdocs.yml, the hand-written pages, the date, the audience, the
language, the edition), a digest of each published record as its page shows it, which
records' pages show which others, a hash of every generated page and the search bundle
of every page.  The next build with the same key re-renders only

* the pages of records whose digest changed, appeared or vanished (a record that became
  hidden from this audience vanishes), and of their neighbours before and after the edit
  (the records that link to them or that they link to: their pages show its title);
* every page that is not a record's (listings, dashboards, reference), and compares
  (a page of the navigation that is kept gets its title from the last build: every page
  shows the navigation, which the key holds constant);

(a unit's or an official's page rolls up the records that name the unit or official, so
it is a neighbour of each of them; appraisal pages, which compare with the year before,
are always rendered again)

and hands MkDocs only those whose Markdown differs (MkDocs --dirty, into a new folder).
apply() then puts what this build wrote into the published site by journalled renames
(undone if one fails) and removes what it no longer makes; the rest stays.  For a moment a
reader may see some pages new and some old; a full build swaps the whole site at once.
A test edits, moves, hides, deletes and adds records and compares the republished site
with a full build, byte for byte; another makes a rename fail half way.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .cache import cache_path, code_version, dump_pickle, load_pickle
from .catalog import Catalog
from .models.appraisal import Appraisal
from .models.registry import Topic
from .processes import ChildFailed, in_child, remove_later
from .search import BUNDLES

FORMAT = 6
MARKER = ".portal-build"
"""A file in the published site naming the build that made it (the state must match)."""


@dataclass(slots=True)
class State:
    key: str
    build_id: str
    digests: dict[str, str]
    neighbours: dict[str, set[str]]
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


@dataclass(slots=True)
class Previous:
    """What a republish starts from: the last state and the site it describes."""

    state: State
    site: Path


def global_key(config: Any, parts: dict[str, Any]) -> str:
    """A hash of everything that can change every page at once."""
    h = hashlib.sha256(f"{FORMAT} {code_version()}".encode())
    for package in ("mkdocs", "mkdocs-material", "pagefind", "markdown", "pymdown-extensions",
                    "matplotlib", "icalendar"):
        try:
            h.update(f"{package}={version(package)}".encode())
        except Exception:
            h.update(package.encode())
    h.update(Path(config.config_file_path).read_bytes())
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(docs).as_posix().encode())
            h.update(path.read_bytes())
    h.update(repr(sorted(parts.items())).encode())
    return h.hexdigest()


def record_digests(cat: Catalog) -> dict[str, str]:
    """Record id -> a digest of the record and its history, as this audience sees them."""
    out = {}
    for rec in cat.records:
        h = hashlib.sha1(cat.dump(rec), usedforsecurity=False)
        # what the page shows of each change (not the files: the import of the archive
        # touched every one of them)
        h.update(repr([(c.sha, c.date, c.message) for c in cat.history.get(rec.id, ())])
                 .encode())
        out[rec.id] = h.hexdigest()
    return out


def neighbours(cat: Catalog) -> dict[str, set[str]]:
    """Record id -> ids of the records whose pages show something of it, and back."""
    owner: dict[str, str] = {dec: meeting.id for dec, (meeting, _) in cat.decisions.items()}
    for topic in cat.of(Topic):  # with its hidden children (not in cat.topics)
        for child in topic.children:
            owner[child.id] = topic.id
    out: dict[str, set[str]] = defaultdict(set)
    for source, links in cat.links_from.items():
        for link in links:
            target = owner.get(link.target, link.target)
            out[source].add(target)
            out[target].add(source)
    return dict(out)


def to_render(previous: State, digests: dict[str, str], near: dict[str, set[str]],
              cat: Catalog) -> set[str]:
    """Ids of the records whose pages must be rendered again."""
    old = previous.digests
    changed = {i for i, d in digests.items() if old.get(i) != d} | (set(old) - set(digests))
    out = set(changed)
    for i in changed:
        out |= previous.neighbours.get(i, set()) | near.get(i, set())
    # an appraisal page compares with the year before, and no link says so
    out |= {r.id for r in cat.records if isinstance(r, Appraisal)}
    return out & set(digests)


def page_hash(markdown: str) -> str:
    return hashlib.sha1(markdown.encode(), usedforsecurity=False).hexdigest()


def state_path(records_dir: Path, site_dir: Path) -> Path:
    name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:12]
    return cache_path(records_dir, f"build-{name}")


def load(records_dir: Path, site_dir: Path, key: str) -> Previous | None:
    """The state of the published site, if it was built by us with the same key."""
    state = load_pickle(state_path(records_dir, site_dir))
    try:
        build_id = (site_dir / MARKER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if not isinstance(state, State) or state.key != key or state.build_id != build_id:
        return None
    return Previous(state, site_dir)


def build_id(key: str, pages: dict[str, str], digests: dict[str, str],
             bundles: dict[str, str]) -> str:
    """Names a build by what it made: two builds of the same inputs get the same id (and
    their sites are byte-identical), any difference in any page gives another."""
    h = hashlib.sha256(key.encode())
    for table in (pages, digests, bundles):
        for k in sorted(table):
            h.update(f"{k}\0{table[k]}\n".encode())
    return h.hexdigest()[:32]


def save(records_dir: Path, site_dir: Path, state: State) -> None:
    dump_pickle(state_path(records_dir, site_dir), state)  # if it fails: a full build next


@dataclass(frozen=True, slots=True)
class Keep:
    """The files (and whole folders) of the published site that a republish keeps."""

    files: set[str]
    folders: set[str]


def list_site(site: Path) -> Callable[[], set[str]]:
    """Start listing the published site's files in a helper process while the build runs
    (walking 10,000 page folders took 0.15 s of a republish); the search bundles, which
    apply() treats as folders, are left out.  Returns how to get the list."""
    return in_child(lambda: _tree(site, {BUNDLES}))


def apply(staging: Path, site: Path, keep: Keep,
          listed: Callable[[], set[str]] | None = None) -> None:
    """Make site what a full build would have made: the files of staging (what this build
    wrote) in place of their old versions, plus what keep names; everything else of the
    old site goes.  Every step is a rename, journalled: if one fails, the renames done are
    undone in reverse and the published site is as it was.  The replaced files go to a
    folder that a detached process deletes.

    (Building a whole new tree and swapping it costs a hard link per kept file: 2.1 s of
    a 12 s republish at 10,000 records on this machine, against a few hundred renames.)
    The marker is renamed last: until then the old state still describes the site."""
    backup = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
    done: list[tuple[Path, Path]] = []

    def move(src: Path, dst: Path) -> None:
        dst.parent.mkdir(parents=True, exist_ok=True)
        _rename(src, dst)
        done.append((src, dst))

    new = _tree(staging, set())
    units = {rel for rel in _folders(staging, "pagefind")}  # rebuilt bundles: whole
    new = {rel for rel in new if not any(rel.startswith(u + "/") for u in units)}
    try:
        old = listed() if listed is not None else _tree(site, {BUNDLES})
    except ChildFailed:
        old = _tree(site, {BUNDLES})
    skip = {folder.removeprefix(BUNDLES + "/") for folder in keep.folders | units}
    old |= {f"{BUNDLES}/{rel}" for rel in _tree(site / BUNDLES, skip)}
    try:
        for rel in sorted(old - new - keep.files):  # pages of records gone, old charts...
            move(site / rel, backup / rel)
        for unit in sorted(units):
            if (site / unit).exists():
                move(site / unit, backup / unit)
            move(staging / unit, site / unit)
        for rel in sorted(new - {MARKER}):
            if (site / rel).exists():
                move(site / rel, backup / rel)
            move(staging / rel, site / rel)
        if (site / MARKER).exists():
            move(site / MARKER, backup / MARKER)
        move(staging / MARKER, site / MARKER)
    except BaseException:
        for src, dst in reversed(done):
            os.rename(dst, src)
        shutil.rmtree(backup, ignore_errors=True)
        raise
    _prune_empty(site, {str(Path(rel).parent) for rel in old - new - keep.files})
    remove_later(backup)
    shutil.rmtree(staging, ignore_errors=True)


_rename = os.rename  # one name, so that a test can make a rename fail


def _tree(root: Path, skip: set[str]) -> set[str]:
    """Relative paths of the files below root, not descending into skip (folders)."""
    out = set()
    base = len(str(root)) + 1
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = dirpath[base:]
        dirnames[:] = [d for d in dirnames
                       if (f"{rel_dir}/{d}" if rel_dir else d) not in skip]
        for name in filenames:
            out.add(f"{rel_dir}/{name}" if rel_dir else name)
    return out


def _folders(root: Path, under: str) -> list[str]:
    folder = root / under
    return [f"{under}/{d.name}" for d in folder.iterdir() if d.is_dir()] \
        if folder.is_dir() else []


def _prune_empty(site: Path, folders: set[str]) -> None:
    """Folders left empty by pages that went (a full build would not have them)."""
    for rel in sorted(folders, key=len, reverse=True):
        path = site / rel
        while path != site and path.is_dir() and not any(path.iterdir()):
            path.rmdir()
            path = path.parent
