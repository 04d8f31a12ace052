"""What `portal serve` keeps in memory from one build to the next.

A preview builds again at every edit, in one long-lived process.  A new process would
take the same things from the disk caches (cache.py): the records of the files that did
not change, the last build's state, and git's history, read again though no commit was
made; each costs a read and an unpickling or a run of git at every edit.  Warm keeps them
as live objects instead, each checked as its disk cache is checked: a file's records
while its stamp is the same, the history while HEAD names the same commit, the state
while the site's marker names the build that saved it.  So a build with a Warm makes the
site a build without one makes (tests/test_serve.py compares them), only sooner.

Only a process that builds again and again needs one; `portal build` does not.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Stamp

if TYPE_CHECKING:
    from .history import Change
    from .incremental import Previous, State
    from .models import Record

    History = dict[str, list[Change]]


@dataclass(slots=True)
class Seen:
    """What a build worked out from one record object (the object itself: a file that
    did not change gives the next build the same object, and its values never change)."""

    rec: Record
    dump: bytes | None = None
    """Catalog.dump of it."""
    changes: list[Change] | None = None
    digest: str | None = None
    """Its `r:` digest (incremental.Digests) with these changes as its history."""
    shown: tuple[object, int, list[Change] | None] | None = None
    """(the history it was looked up in, the audience's level, its changes as that
    audience sees them: catalog.attach_history; None for a record with no history)."""


@dataclass
class Warm:
    files: dict[str, tuple[Stamp, list[Record]]] = field(default_factory=dict)
    """Relative path -> the records of a sound file and the stamp it had when read."""
    history: tuple[Path, str, dict[str, list[Change]]] | None = None
    """(records folder, the commit HEAD named, the history read then)."""
    state: tuple[Path, State] | None = None
    """(site folder, the state of the build this process made there last)."""
    records: dict[int, Seen] = field(default_factory=dict)
    """id() of a record object -> what was worked out from it (Seen holds the object, so
    its id is not another's while it is here)."""

    def sound(self, now: dict[str, Stamp]) -> dict[str, list[Record]]:
        """The records of every file whose stamp is what it was when they were read."""
        return {rel: recs for rel, (stamp, recs) in self.files.items()
                if now.get(rel) == stamp}

    def remember(self, before: dict[str, Stamp], sound: dict[str, list[Record]]) -> None:
        """The sound files of this run (stamped before they were read), for the next."""
        self.files = {rel: (before[rel], recs) for rel, recs in sound.items()
                      if rel in before}
        alive = {id(rec) for recs in sound.values() for rec in recs}
        self.records = {k: seen for k, seen in self.records.items() if k in alive}

    def seen(self, rec: Record) -> Seen:
        """What was worked out from this record object (nothing yet, the first time)."""
        seen = self.records.get(id(rec))
        if seen is None or seen.rec is not rec:
            seen = self.records[id(rec)] = Seen(rec)
        return seen

    def read_history(self, records_dir: Path, head: str, read: Callable[[], History]
                     ) -> History:
        """The history of records_dir at the commit head: as read last, if it was read
        at that commit (git's log of a commit never changes), else read()."""
        if head and self.history is not None and self.history[:2] == (records_dir, head):
            return self.history[2]
        history = read()
        self.history = (records_dir, head, history) if head else None
        return history

    def previous(self, site_dir: Path, key: str, build_id: str | None) -> Previous | None:
        """The state this process saved for site_dir, if the site is still that build
        (build_id: what the site's marker names) and was made with the same key."""
        from .incremental import Previous

        if self.state is None or build_id is None:
            return None
        site, state = self.state
        if site != site_dir or state.key != key or state.build_id != build_id:
            return None
        return Previous(state, site_dir)

    unwritten: list[Callable[[], None]] = field(default_factory=list)
    """Writes to the disk caches left until the preview shows its build (settle): the
    build's state and `portal validate`'s report.  This process reads neither: it has
    them here."""

    def saved(self, site_dir: Path, state: State, save: Callable[[], None]) -> None:
        """The state of the build just made in site_dir; save writes it to the disk."""
        self.state = (site_dir, state)
        self.later(save)

    def later(self, write: Callable[[], None]) -> None:
        """A write to a disk cache, for settle."""
        self.unwritten.append(write)

    def settle(self) -> None:
        """What the last build left for later: the disk caches written (a new process, a
        `portal build` or `portal validate` reads them), and the garbage of its many
        cycles collected (a preview builds with the cyclic collector off,
        validate.no_gc; the process then waits with nothing allocated that would start a
        collection, and each edit's garbage stayed, the process growing edit by edit)."""
        writes, self.unwritten = self.unwritten, []
        for write in writes:  # in the order made: a later state replaces an earlier one
            write()
        gc.collect()
