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
publish_site.apply() then makes the new site from the published one and what this build
wrote, and switches it in at once.  A test edits, moves, hides, deletes and adds records
and compares the republished site with a full build, byte for byte.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .cache import cache_path, code_version, dump_pickle, load_pickle
from .catalog import Catalog
from .models.appraisal import Appraisal
from .models.registry import Topic

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
