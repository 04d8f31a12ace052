"""Search with Pagefind: a chunked index that a query downloads only a few pieces of.

Material's own search index is one file the browser fetches whole (about 2.5 KB per
page: 27 MB at 10,000 pages).  Pagefind splits the index, so a query loads the chunks
for its words and the fragments of its results.  Every page is indexed as Chinese:
Pagefind segments Chinese words and still finds the English ones on the same page.

The index is several Pagefind bundles merged in the browser (Pagefind's mergeIndex; the
WebAssembly loads once): the record pages are dealt into shards by a hash of their path,
so each shard is a fair sample of the archive and ranks words as the whole would (bundles
per section ranked a section's own common words low); the other pages form the MAIN
bundle.  MkDocs builds the pages shard by shard, so a shard is complete long before the
build ends and is indexed then, by Pagefind on the second core; a republish re-indexes
only the shards whose pages changed.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import zlib
from pathlib import Path

from .numbers import corrected_number, parse_number
from .processes import ChildFailed, Job, remove_later, scratch
from .search_order import SearchOrderError, order_bundle

log = logging.getLogger("mkdocs.plugins.portal")

MAIN = "site"
BUNDLES = "pagefind"
LIST = "bundles.json"
"""pagefind/bundles.json: the bundles of this site, primary first (read by the search page)."""
PAGES_PER_SHARD = 400
"""Small shards: a republish re-indexes the shards of the pages it changed (an edit
touches a few: the record's, its unit's, its neighbours'), while a query fetches a little
from every shard (measured in bench/RESULTS.md)."""
_LISTING_PAGE = re.compile(r"/page_\d+/index\.html$")


def number_token(number: str) -> str | None:
    """The one word a document number is indexed and searched as: "wh", the code points of
    its prefix in hex, "y", the year, "n", the sequence, "h" (京政发〔2021〕12号 ->
    wh4eac653f53d1y2021n12h).  Pagefind splits a number into pieces every mention of it
    shares; this word only the record's own page holds.  search.js computes the same word
    from what staff type (any brackets, with or without 号).  The closing "h" matters:
    Pagefind also matches words that a query word begins, and n1 would find n12."""
    found = corrected_number(number)
    if found is None:
        return None
    parsed = parse_number(found)
    assert parsed is not None
    return (f"wh{''.join(format(ord(c), 'x') for c in parsed.prefix)}"
            f"y{parsed.year}n{parsed.seq}h")


RECORD_WORD = "whallh"
"""A word every record page holds (in the same hidden block as its number's word): what the
search page searches for "*", every record, narrowed by the facets.  Pagefind's own
filter-only search (no word at all) loads every chunk of the word index, the whole index
at archive scale; this word's chunk is one per bundle."""


class SearchIndexError(Exception):
    pass


MAX_SHARDS = 16
"""A query fetches a word chunk from every bundle (about 12 KB each): at 50,000 records, 32
shards cost a query 0.4 MB of its 1 MB; 16 halve that, for a republish that re-indexes
shards of about 2,300 pages there (bench/RESULTS.md, "Search downloads")."""


def shard_count(record_pages: int) -> int:
    return max(1, min(MAX_SHARDS, record_pages // PAGES_PER_SHARD))


PREVIEW_PAGES_PER_SHARD = 100
"""`portal serve` deals the record pages into smaller shards than a published site: an
edit shows once its record's shard is indexed again, and a preview on the editor's own
machine does not pay for the downloads of more bundles."""


PREVIEW_MAX_SHARDS = 64
"""Every query of the preview's search page still fetches a chunk from each bundle."""


def preview_shards(records: int) -> int:
    """The preview's shard count: the largest power of two at most records /
    PREVIEW_PAGES_PER_SHARD, from 1 to PREVIEW_MAX_SHARDS.  It is in the build key, and
    another count builds the preview in full: a power of two changes only when the
    archive doubles."""
    wanted = min(PREVIEW_MAX_SHARDS, max(1, records // PREVIEW_PAGES_PER_SHARD))
    return 1 << (wanted.bit_length() - 1)


def shard_of(src: str, shards: int) -> str:
    return f"s{zlib.crc32(src.encode()) % shards}"


def indexed(dest_uri: str) -> bool:
    """Pages that search finds: not the second and later pages of a listing (rows that
    link to records search finds anyway; at 10,000 records, 192 pages of 50 KB), nor the
    record reference and the error catalogue (the editors' documents, in the navigation:
    they name every field and record type, and came first for 会议纪要)."""
    return dest_uri.endswith("index.html") and not _LISTING_PAGE.search(dest_uri) \
        and not dest_uri.startswith("reference/")


def _command(mirror: Path, output: Path) -> list[str]:
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError("the pagefind binary is missing: pip install "
                               "'pagefind[extended]'")
    return [str(binary), "--site", str(mirror), "--root-selector", "article",
            "--glob", "**/index.html", "--force-language", "zh",
            "--output-path", str(output), "--silent"]


_MIRROR_THEN_INDEX = """
import os, shutil, sys
nice, site, published, mirror, listing = sys.argv[1:6]
os.nice(int(nice))
with open(listing, encoding="utf-8") as fh:
    pages = fh.read().split("\\n")
for dest in pages:
    target = os.path.join(mirror, dest)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    source = os.path.join(site, dest)
    if published and not os.path.exists(source):
        source = os.path.join(published, dest)  # a republish keeps this page
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
os.execv(sys.argv[6], sys.argv[6:])
"""


class SearchIndexer:
    """Makes each bundle as soon as MkDocs has written its last page, while MkDocs goes on
    with the next pages: in a full build one Pagefind at a time, at low priority; in a
    republish (few pages, few bundles) each at once."""

    def __init__(self, site_dir: Path, plan: dict[str, str], reuse: set[str] | None = None,
                 published: Path | None = None, kept: set[str] | None = None) -> None:
        """plan: dest_uri -> bundle of every page of the site; reuse: bundles kept from the
        published site (none of their pages changed); published: where the pages MkDocs
        does not write this time are (a republish), kept: those pages."""
        self.site_dir = site_dir
        self.published = published
        self.plan = {d: b for d, b in plan.items() if indexed(d)}
        self.members: dict[str, list[str]] = {}
        self.to_write: dict[str, int] = {}
        """Pages of each bundle MkDocs writes in this build: once written, it is complete."""
        for dest, bundle in self.plan.items():
            self.members.setdefault(bundle, []).append(dest)
            if not kept or dest not in kept:
                self.to_write[bundle] = self.to_write.get(bundle, 0) + 1
        self.members.setdefault(MAIN, [])
        self.reuse = reuse or set()
        self.seen: dict[str, int] = {}
        self.ready: list[str] = []
        self.running: list[tuple[str, Job]] = []
        self.done: set[str] = set()
        self._finished: str | None = None  # its last page is being written
        # the mirrors are hard links where the scratch folder shares the site's disk (a
        # build's does: it is beside the site), else copies; a detached process removes them
        self._scratch = scratch("portal-search")

    def written(self, dest_uri: str) -> None:
        """MkDocs is about to write dest_uri (on_post_page).  The page before it is on
        disk now, so a bundle that page completed can be indexed."""
        if self._finished is not None:
            self.ready.append(self._finished)
            self._finished = None
        self._poll()
        bundle = self.plan.get(dest_uri)
        if bundle is None:
            return
        self.seen[bundle] = self.seen.get(bundle, 0) + 1
        if self.seen[bundle] == self.to_write.get(bundle, 0) and bundle != MAIN \
                and bundle not in self.reuse:
            self._finished = bundle

    def _poll(self) -> None:
        for bundle, job in list(self.running):
            if job.done():
                self._check(bundle, job)
                self.running.remove((bundle, job))
        if self.published is not None:  # a republish: MkDocs has little left to do
            while self.ready:
                bundle = self.ready.pop(0)
                self.running.append((bundle, self._start(bundle, {}, 0)))
        elif self.ready and not self.running:
            bundle = self.ready.pop(0)
            # one thread, at low priority: it shares the machine with MkDocs, which is
            # what the build waits for
            self.running.append((bundle, self._start(bundle, {"RAYON_NUM_THREADS": "1"}, 10)))

    def _start(self, bundle: str, env: dict[str, str], nice: int) -> Job:
        # Pagefind indexes a folder: it gets one that holds just this bundle's pages, as
        # hard links at their paths (so the URLs are the site's).  A small helper process
        # makes the links and then becomes Pagefind, so that MkDocs need not wait for them.
        mirror = self._scratch / bundle
        listing = self._scratch / f"{bundle}.pages"
        listing.write_text("\n".join(self.members[bundle]), encoding="utf-8")
        output = self.site_dir / BUNDLES / bundle
        return Job(f"pagefind on bundle {bundle}",
                   # -S: the helper needs no site-packages, and starts sooner without
                   [sys.executable, "-S", "-c", _MIRROR_THEN_INDEX, str(nice),
                    str(self.site_dir),
                    str(self.published or ""), str(mirror), str(listing),
                    *_command(mirror, output)], env)

    def _check(self, bundle: str, job: Job) -> None:
        try:
            job.wait()
        except ChildFailed as exc:
            raise SearchIndexError(str(exc)) from None
        try:
            # Pagefind writes filters in a random order: same pages, same bytes only so
            order_bundle(self.site_dir / BUNDLES / bundle)
        except (SearchOrderError, OSError, EOFError, ValueError, KeyError, zlib.error) as exc:
            raise SearchIndexError(f"search bundle {bundle}: {exc}") from None
        self.done.add(bundle)

    def launch(self) -> None:
        """MkDocs is done: index what is left (bundles ready or not), side by side, with
        every core, without waiting for them (finish waits)."""
        self._finished = None
        self.ready.clear()
        started = {b for b, _ in self.running}
        left = sorted(b for b in self.members
                      if b not in self.done and b not in self.reuse and b not in started)
        self.running += [(b, self._start(b, {}, 0)) for b in left]

    def finish(self) -> list[str]:
        """Index what is left (launch), wait for all; write the bundle list; return it."""
        self.launch()
        for bundle, job in self.running:
            self._check(bundle, job)
        self.running = []
        bundles = [MAIN, *sorted(b for b in self.members if b != MAIN)]
        log.info("portal: search bundles indexed: %s; kept: %d",
                 " ".join(sorted(self.done)) or "none", len(self.reuse))
        # a republish that re-indexes no bundle has made no pagefind/ folder yet
        (self.site_dir / BUNDLES).mkdir(parents=True, exist_ok=True)
        (self.site_dir / BUNDLES / LIST).write_text(json.dumps(bundles), encoding="utf-8")
        remove_later(self._scratch)
        return bundles

    def abort(self) -> None:
        for _, job in self.running:
            job.kill()
        self.running = []
        remove_later(self._scratch)
