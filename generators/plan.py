"""The plan of a republish: a pure function of the last build's state and the new digests.

A page whose every dependency (deps.py: the keys its rendering noted, with their digests
in the last build) has the same digest now would be rendered to the same Markdown, so it
is kept from the published site; any other page - new, without recorded dependencies, or
with a key whose digest changed or vanished - is rendered again.  Sources the last build
made and this one does not are removed.  A search bundle is re-indexed when one of its
pages is rendered again or its set of pages changed; once the pages are rendered,
`unchanged_bundles` spares those whose pages all came out as they were.

Nothing here reads files, the Catalog or MkDocs: tests/test_plan.py tries it on tables.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

Digest = Callable[[str], str]


class Before(Protocol):
    """What the plan reads of the last build's state (incremental.State)."""

    @property
    def deps(self) -> Mapping[str, Collection[str]]: ...
    @property
    def digests(self) -> Mapping[str, str]: ...
    @property
    def pages(self) -> Mapping[str, str]: ...
    @property
    def charts(self) -> Mapping[str, Collection[str]]: ...


@dataclass(frozen=True, slots=True)
class Plan:
    render: frozenset[str]
    """Sources of the pages to render."""
    keep: frozenset[str]
    """Sources of the pages taken as they are from the published site."""
    keep_files: frozenset[str]
    """Files of the published site that kept pages show (their charts)."""
    remove: frozenset[str]
    """Sources the last build made and this one does not (their pages go)."""


def unchanged(keys: Collection[str], digests: Mapping[str, str], digest: Digest) -> bool:
    """Whether every key has the digest it had (a key the last build did not digest has
    changed)."""
    for key in keys:
        old = digests.get(key)
        if old is None or digest(key) != old:
            return False
    return True


def changed_keys(keys: Iterable[str], digests: Mapping[str, str], digest: Digest
                 ) -> set[str]:
    """The keys whose digest is not the one they had (a key the last build did not digest
    has changed)."""
    return {key for key in keys
            if (old := digests.get(key)) is None or digest(key) != old}


def plan(before: Before | None, digest: Digest, pages: Iterable[str]) -> Plan:
    """Which of `pages` (the sources this build makes and may keep) to render, which to
    keep; what the kept ones need; what goes."""
    pages = list(pages)
    if before is None:
        return Plan(frozenset(pages), frozenset(), frozenset(), frozenset())
    known = [src for src in pages if src in before.pages and src in before.deps]
    # each key once (pages share most of theirs: a unit, a type's list), then a set test
    # per page: thousands of pages read tens of keys each
    changed = changed_keys(set().union(*(before.deps[src] for src in known)),
                           before.digests, digest)
    keep = frozenset(src for src in known if changed.isdisjoint(before.deps[src]))
    files = frozenset(f for src in keep for f in before.charts.get(src, ()))
    return Plan(frozenset(pages) - keep, keep, files, frozenset(before.pages) - set(pages))


def reindex(bundles: Mapping[str, str], before: Mapping[str, str],
            rendered: Collection[str]) -> set[str]:
    """Bundles to index again: those with a page in `rendered` (destination paths) or
    whose pages are not the pages they were.  bundles, before: page -> its bundle, now
    and in the last build."""
    return _members(bundles).keys() - unchanged_bundles(bundles, before,
                                                        set(bundles) - set(rendered))


def unchanged_bundles(bundles: Mapping[str, str], before: Mapping[str, str],
                      same: Collection[str]) -> set[str]:
    """Bundles that hold the pages they held, each showing what it showed (in `same`)."""
    new, old = _members(bundles), _members(before)
    same = set(same)
    return {b for b, pages in new.items() if old.get(b) == pages and pages <= same}


def _members(bundles: Mapping[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for page, bundle in bundles.items():
        out.setdefault(bundle, set()).add(page)
    return out
