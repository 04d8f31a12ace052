"""Putting a build in place: a --site-dir we may write, one build at a time, one atomic
switch, and the repair of what a killed build left.

* `check_target` refuses, before anything is written, a --site-dir that is, holds or lies
  in the records, the hand-written pages or the cache; that is or holds the project, a
  git work tree's root, `/` or the home folder; or that is a non-empty folder the portal
  did not make (no MARKER), unless forced.
* `locked` holds an exclusive lock (flock) on the site folder for the whole build: a
  second build into the same site waits for the first, saying so (waiting rather than
  refusing: a scheduled public build and a restricted one that collide both get done,
  one after the other).  The kernel drops the lock when its holder dies, however it
  dies, so a killed build never leaves it held; forked helpers do not inherit it
  (processes.keep_from_children).
* Everything a build makes goes into its work folder `.<site>.new-*` beside the site
  (same filesystem): MkDocs' output (`site`), the scratch of pages and search mirrors,
  and for a republish the next tree (`next`: the published site as hard links, with the
  files this build made renamed over them and the files it no longer makes unlinked).
  The published site is never written in place.  The tree a republish replaces is kept
  as `.<site>.spare`, with a note of the step from it to the new site: the next
  republish brings it up to date by that step and uses it as its next tree, instead of
  linking every file of the site again (start_next).
* `switch` makes the complete new tree the site in one step: renameat2(RENAME_EXCHANGE)
  swaps the two folders, so there is no moment without a site and no moment with a mix;
  the old site is then inside the work folder, which a detached process deletes.  Where
  the system cannot exchange (not Linux, or a filesystem without it), two renames park
  the old site in `.<site>.old-*` first.
* `recover`, at the start of every build under the lock, puts a parked site back if the
  site is missing (killed between the two renames) and removes every `.<site>.new-*` and
  `.<site>.old-*`: under the lock, no build is using them.

A killed build therefore leaves the old site (killed before the switch) or the new one
(after), and its marker names the build that made it; the state (incremental.py) is
written after the switch, so a site whose marker the state does not name gets a full build.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import faults, processes
from .cache import cache_path
from .incremental import MARKER, Keep
from .processes import Pending, in_child, remove_later
from .search import BUNDLES

log = logging.getLogger("portal.build")


class SiteError(Exception):
    """A --site-dir the build refuses to write to; the message says why."""


def _contains(outer: Path, inner: Path) -> bool:
    return inner == outer or inner.is_relative_to(outer)


def git_root(start: Path) -> Path | None:
    """The root of the git work tree holding start, if any."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def check_target(site: Path, *, records: Path, docs: Path, project: Path,
                 force: bool = False) -> None:
    """Refuse a --site-dir whose replacement would delete or overwrite what the build
    did not make (site, records, docs, project: resolved paths)."""
    own = {"the records folder": records, "the hand-written pages (docs_dir)": docs,
           "the portal's cache": records.parent / ".cache"}
    if site.parent == cache_path(records, "serve").with_suffix(""):
        del own["the portal's cache"]  # `portal serve`'s own preview (serve.py)
    for what, folder in own.items():
        if _contains(site, folder) or _contains(folder, site):
            relation = ("is" if site == folder else "holds" if _contains(site, folder)
                        else "lies inside")
            raise SiteError(f"--site-dir '{site}' {relation} {what} ('{folder}'); "
                            "give a folder of its own, such as 'site'")
    around = {"the project (where mkdocs.yml is)": project, "the root folder": Path("/")}
    root = git_root(project)
    if root is not None:
        around["the root of the git work tree"] = root
    with contextlib.suppress(RuntimeError, KeyError):
        around["the home folder"] = Path.home().resolve()
    for what, folder in around.items():
        if _contains(site, folder):
            relation = "is" if site == folder else "holds"
            raise SiteError(f"--site-dir '{site}' {relation} {what} ('{folder}'); "
                            "give a folder of its own, such as 'site'")
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        raise SiteError(f"--site-dir '{site}' is not a folder")
    if (site / ".git").exists():
        raise SiteError(f"--site-dir '{site}' is the root of a git work tree")
    if ".git" in site.parts:  # --force must not replace a repository's history either
        raise SiteError(f"--site-dir '{site}' lies in a git repository's own folder (.git)")
    if site.is_dir() and not (site / MARKER).is_file() and any(site.iterdir()) and not force:
        raise SiteError(f"--site-dir '{site}' is not empty and was not made by `portal "
                        f"build` (it has no {MARKER}); give a new or empty folder, or "
                        "--force to replace it and everything in it")


class SiteLock:
    """An exclusive flock on the site folder itself (so nothing is written beside it).

    The folder is replaced by the switch, so a build that waited for the lock checks
    that what it locked is still the site, and a build locks the new tree before it
    switches it in: whoever opens the site next finds it locked until the build is done."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self._fds: list[int] = []

    def acquire(self) -> None:
        warned = False
        while True:
            self.site.mkdir(exist_ok=True)
            fd = os.open(self.site, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not warned:
                    log.warning("portal: another build is writing into %s; waiting for it "
                                "to finish", self.site)
                    warned = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            held = os.fstat(fd)
            try:
                now = os.stat(self.site)
            except FileNotFoundError:
                now = None
            if now is not None and (now.st_ino, now.st_dev) == (held.st_ino, held.st_dev):
                self._hold(fd)
                return
            os.close(fd)  # the build we waited for replaced the site: lock the new one

    def adopt(self, folder: Path) -> None:
        """Lock folder too, before it becomes the site (nobody else knows it yet)."""
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        fcntl.flock(fd, fcntl.LOCK_EX)
        self._hold(fd)

    def _hold(self, fd: int) -> None:
        processes.keep_from_children(fd)
        self._fds.append(fd)

    def release(self) -> None:
        for fd in self._fds:
            processes.release_from_children(fd)
            os.close(fd)
        self._fds = []


@contextlib.contextmanager
def locked(site: Path) -> Iterator[SiteLock]:
    """Hold the site's lock (making an empty site folder if there is none); wait, saying
    so, while another build holds it.  The kernel drops it when the holder dies."""
    lock = SiteLock(site)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()


def _leftovers(site: Path) -> list[Path]:
    prefixes = (f".{site.name}.new-", f".{site.name}.old-")
    try:
        return sorted(p for p in site.parent.iterdir() if p.name.startswith(prefixes))
    except OSError:
        return []


def recover(site: Path, lock: SiteLock) -> None:
    """Repair what a killed build left (call under the lock, before the build)."""
    leftovers = _leftovers(site)
    if not any(site.iterdir()):  # (locked() made it, or a build was killed in a switch)
        for old in leftovers:
            parked = old / site.name
            if old.name.startswith(f".{site.name}.old-") and (parked / MARKER).is_file():
                lock.adopt(parked)
                site.rmdir()
                os.rename(parked, site)
                log.warning("portal: put back the site a killed build had moved to %s", old)
                break
    for folder in leftovers:
        remove_later(folder)


@dataclass(frozen=True, slots=True)
class Work:
    """A build's work folder beside the site."""

    path: Path

    @classmethod
    def make(cls, site: Path) -> Work:
        return cls(Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent)))

    @property
    def staging(self) -> Path:
        """What MkDocs writes (a full build: the whole new site)."""
        return self.path / "site"

    @property
    def next(self) -> Path:
        """A republish's new tree."""
        return self.path / "next"


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def switch(new: Path, site: Path, lock: SiteLock) -> bool:
    """Make the complete tree new the site, in one step where the system allows; whether
    the old site is at new now (else it is being removed)."""
    lock.adopt(new)
    faults.point("switch")
    if _exchange(new, site):
        return True
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
    os.rename(site, old / site.name)
    try:
        faults.point("switch-gap")
        os.rename(new, site)
    except BaseException:
        os.rename(old / site.name, site)
        old.rmdir()
        raise
    # never to be put back by recover(): it is being deleted
    (old / site.name / MARKER).unlink(missing_ok=True)
    remove_later(old)
    return False


Listing = tuple[set[str], set[str]]
"""The published site's files (not those inside search bundles) and its bundle folders."""


SPARE_NOTE = ".portal-spare.json"
"""In the spare: which build it is, which build it is one step behind, and that step."""


def spare_of(site: Path) -> Path:
    return site.parent / f".{site.name}.spare"


def start_next(site: Path, work: Work) -> Pending[Listing]:
    """Start making work.next a copy of the published site, in a helper process while the
    build runs; returns how to wait for it and get the site's listing.

    The copy is the spare (the site the last republish replaced, kept beside the site)
    brought up to date by the few changes of that republish, when the spare's note says
    it is exactly one step behind the published site; else every file of the site
    linked anew (the first republish after a full build)."""
    return in_child(lambda: _make_next(site, work), name="the helper copying the published site")


def _make_next(site: Path, work: Work) -> Listing:
    spare = spare_of(site)
    if spare.is_dir():
        taken = work.path / "spare"  # in the work folder: removed with it, if not used
        os.rename(spare, taken)
        if _catch_up(taken, site):
            os.rename(taken, work.next)
            return _walk(site, None)
    return _walk(site, work.next)


def _catch_up(tree: Path, site: Path) -> bool:
    """Apply to tree (the spare) the step its note names; False if the note does not
    fit tree and the site."""
    try:
        note = json.loads((tree / SPARE_NOTE).read_text(encoding="utf-8"))
        (tree / SPARE_NOTE).unlink()
        fits = (note["from"] == (tree / MARKER).read_text(encoding="utf-8")
                and note["to"] == (site / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not fits:
        return False
    for unit in note["units"]:
        shutil.rmtree(tree / unit, ignore_errors=True)
        if (site / unit).is_dir():
            _walk(site / unit, tree / unit)
    for rel in note["gone"]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tree / rel)
    made: set[str] = set()
    for rel in note["written"]:
        parent = os.path.dirname(rel)
        if parent not in made:
            (tree / parent).mkdir(parents=True, exist_ok=True)
            made.add(parent)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tree / rel)
        _link(site / rel, tree / rel)
    _prune_empty(tree, {os.path.dirname(rel) for rel in note["gone"]})
    return True


def _link(source: Path | str, dest: Path | str) -> None:
    try:
        os.link(source, dest)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise
        shutil.copy2(source, dest)  # a filesystem without hard links


def _walk(site: Path, into: Path | None) -> Listing:
    """The listing of site; with into, link every file of it there."""
    files: set[str] = set()
    bundles: set[str] = set()
    base = len(str(site)) + 1
    for dirpath, dirnames, filenames in os.walk(site):
        rel_dir = dirpath[base:]
        if rel_dir == BUNDLES:
            bundles.update(f"{BUNDLES}/{d}" for d in dirnames)
        in_bundle = rel_dir.startswith(BUNDLES + "/")
        if into is not None:
            target = os.path.join(into, rel_dir) if rel_dir else str(into)
            os.mkdir(target)
            for name in filenames:
                _link(os.path.join(dirpath, name), os.path.join(target, name))
        if not in_bundle:
            files.update(f"{rel_dir}/{name}" if rel_dir else name for name in filenames)
    return files, bundles


def apply(work: Work, site: Path, keep: Keep, listed: Pending[Listing], lock: SiteLock,
          ) -> None:
    """Make the next tree what a full build would have made: the published site's files,
    with the files this build wrote (work.staging) in place of their old versions, the
    files keep names as they were, and nothing else; then switch it in, and keep the
    site it replaced as the spare of the next republish, with a note of this step."""
    staging, tree = work.staging, work.next
    old_files, old_bundles = listed()
    rebuilt = {f"{BUNDLES}/{d.name}" for d in (staging / BUNDLES).iterdir()
               if d.is_dir()} if (staging / BUNDLES).is_dir() else set()
    new = {rel for rel in _tree(staging)
           if not any(rel.startswith(unit + "/") for unit in rebuilt)}
    dropped = old_bundles - keep.folders - rebuilt
    for folder in sorted(dropped):  # a bundle gone
        shutil.rmtree(tree / folder)
    for unit in sorted(rebuilt):
        if (tree / unit).exists():
            shutil.rmtree(tree / unit)
        os.rename(staging / unit, tree / unit)
        faults.point("apply")
    gone = old_files - new - keep.files  # pages of records gone, old charts...
    for rel in gone:
        os.unlink(tree / rel)
    made: set[str] = set()
    for rel in sorted(new):
        parent = os.path.dirname(rel)
        if parent not in made:
            (tree / parent).mkdir(parents=True, exist_ok=True)
            made.add(parent)
        _move(staging / rel, tree / rel)
        faults.point("apply")
    _prune_empty(tree, {os.path.dirname(rel) for rel in gone})
    if not switch(tree, site, lock):
        return
    # tree is the replaced site now: the spare, one step behind
    with contextlib.suppress(OSError):
        note = {"from": (tree / MARKER).read_text(encoding="utf-8"),
                "to": (site / MARKER).read_text(encoding="utf-8"),
                "written": sorted(new), "gone": sorted(gone),
                "units": sorted(rebuilt | dropped)}
        (tree / SPARE_NOTE).write_text(json.dumps(note), encoding="utf-8")
        os.rename(tree, spare_of(site))


def make_spare(site: Path) -> None:
    """A spare for the republish after a full build, which leaves none: the site's files
    linked into a tree beside it with a note of no step, so that the republish need not
    link them all while it builds (`portal serve` makes one once its page shows:
    warm.Warm.settle).  Under the lock, in a work folder, its note written last, then
    renamed into place: one killed half-way is a work folder the next build removes."""
    with locked(site) as lock:
        recover(site, lock)
        spare = spare_of(site)
        if spare.exists() or not (site / MARKER).is_file():
            return
        work = Work.make(site)
        try:
            _walk(site, work.next)
            marker = (site / MARKER).read_text(encoding="utf-8")
            note = {"from": marker, "to": marker, "written": [], "gone": [], "units": []}
            (work.next / SPARE_NOTE).write_text(json.dumps(note), encoding="utf-8")
            os.rename(work.next, spare)
        except OSError as exc:  # the republish links the site itself, as without one
            log.warning("portal: no spare tree beside %s (%s)", site, exc)
        finally:
            remove_later(work.path)


def drop_spare(site: Path, work: Work) -> None:
    """A full build: the spare is of no use (its files are not the new site's)."""
    with contextlib.suppress(FileNotFoundError):
        os.rename(spare_of(site), work.path / "spare")


_move = os.replace  # one name, so that a test can make it find the disk full


def _tree(root: Path) -> set[str]:
    """Relative paths of the files below root."""
    out = set()
    base = len(str(root)) + 1
    for dirpath, _dirnames, filenames in os.walk(root):
        rel_dir = dirpath[base:]
        for name in filenames:
            out.add(f"{rel_dir}/{name}" if rel_dir else name)
    return out


def _prune_empty(site: Path, folders: set[str]) -> None:
    """Folders left empty by pages that went (a full build would not have them)."""
    for rel in sorted(folders, key=len, reverse=True):
        path = site / rel
        while path != site and path.is_dir() and not any(path.iterdir()):
            path.rmdir()
            path = path.parent
