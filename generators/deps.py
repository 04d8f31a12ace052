"""What a page read while it was rendered: its dependencies, recorded, never guessed.

Inside `recording()`, every lookup of the Catalog (catalog.py) notes a key naming what it
read (the way Sphinx's `env.note_dependency` works):

    r:<id>      what the archive holds under an id: a record as this audience sees it
                (with its history), a meeting's decision, a topic, "hidden" or "absent"
    in:<id>     the records that name the id (links_to, referrers), with their content
    of:<type>   every record of a type, in order, with their content (of(), by_type)
    sup:<id>, val:<id>, lia:<id>, ap:<year>, hl:<month>, inc:<id>
                a computed figure (supervision status, validity, liaison status, an
                appraisal year's results, a hotline month's ranking, an incident's
                reporting minutes); <prefix>:* the
                whole table (iterated)
    unit:<id>, official:<id>
                a unit's or an official's rollup, with the content of every record in it
    shape:<page>
                which items a listing's page shows (pages/indexes.py), given by the page

incremental.digest() gives each key a digest; a republish renders again a page one of
whose keys has another digest (plan.py).  Noting is a set.add, only while recording: a
build that records nothing (export-md, tests) pays a ContextVar read per lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from . import plan

_keys: ContextVar[set[str] | None] = ContextVar("deps", default=None)


@contextmanager
def recording(into: set[str] | None = None) -> Iterator[set[str]]:
    """The keys noted inside this block (nested blocks note into theirs and this one)."""
    outer = _keys.get()
    keys: set[str] = set() if into is None else into
    token = _keys.set(keys)
    try:
        yield keys
    finally:
        _keys.reset(token)
        if outer is not None:
            outer |= keys


@contextmanager
def paused() -> Iterator[None]:
    """Lookups inside this block note nothing (the Catalog's own computations: a rollup
    is noted as one key by whoever asks for it)."""
    token = _keys.set(None)
    try:
        yield
    finally:
        _keys.reset(token)


def note(key: str) -> None:
    keys = _keys.get()
    if keys is not None:
        keys.add(key)


def note_all(keys: Iterable[str]) -> None:
    found = _keys.get()
    if found is not None:
        found.update(keys)


def active() -> bool:
    return _keys.get() is not None


@dataclass(slots=True)
class PageLog:
    """The dependencies of this build's pages, and what a page may reuse of the last."""

    before: plan.Before | None
    digest: Callable[[str], str]
    own: dict[str, str]
    """Digests that pages give of what they show (shape: keys), shared with digest."""
    deps: dict[str, Collection[str]] = field(default_factory=dict)
    """Page source -> its keys, for the next build's plan."""


_log: ContextVar[PageLog | None] = ContextVar("pages", default=None)


@contextmanager
def logging_pages(log: PageLog) -> Iterator[PageLog]:
    token = _log.set(log)
    try:
        yield log
    finally:
        _log.reset(token)


def reuse(page: str, own: dict[str, str]) -> bool:
    """Whether the page the last build made at this source can be kept as it is: every
    key its rendering noted has its digest (own: digests the caller gives of keys only it
    can compute, such as which rows a listing's page holds).  Outside a republish, no."""
    log = _log.get()
    if log is None:
        return False
    log.own.update(own)
    before = log.before
    if before is None or page not in before.pages or page not in before.deps:
        return False
    keys = before.deps[page]
    if not plan.unchanged(keys, before.digests, log.digest):
        return False
    log.deps[page] = keys
    return True


def rendered(page: str, keys: Collection[str]) -> None:
    """The page was rendered, reading keys."""
    log = _log.get()
    if log is not None:
        log.deps[page] = keys
