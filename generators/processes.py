"""Helper processes.  When this process may fork one: fork copies one thread only, so only
a process that runs one thread (`portal build`, `portal validate`, `mkdocs build`; not the
server threads of `mkdocs serve`) forks, and only on a machine with a second core."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


class ChildFailed(Exception):
    pass


def in_child(work: Callable[[], T]) -> Callable[[], T]:
    """Start work in a forked child and go on; the function returned waits for its result
    (pickled through a temporary file) or raises ChildFailed.  Where this process may not
    fork, work runs at once."""
    if not can_fork():
        result = work()
        return lambda: result
    fd, name = tempfile.mkstemp(prefix="portal-child-", suffix=".pickle")
    os.close(fd)
    pid = os.fork()
    if pid == 0:  # the child: work, write, leave without the parent's cleanup
        code = 1
        try:
            out = work()
            with open(name, "wb") as fh:
                pickle.dump(out, fh, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)

    def collect() -> T:
        _, status = os.waitpid(pid, 0)
        try:
            if status != 0:
                raise ChildFailed(f"a helper process failed (status {status})")
            with open(name, "rb") as fh:
                result: T = pickle.load(fh)
            return result
        finally:
            os.unlink(name)

    return collect


def remove_later(folder: Path) -> None:
    """Delete folder in a detached process (deleting 20,000 files took 1.4 s)."""
    if os.name == "posix" and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(folder, ignore_errors=True)


_pending: list[int] = []
"""Read ends of pipes whose write end a background process holds until it is done."""


def in_background(work: Callable[[], object]) -> None:
    """Run work (writing a cache) in a detached process and go on at once; here, where
    this process may not fork.  settle() waits for it."""
    if not can_fork():
        work()
        return
    done_r, done_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # a child that forks the worker and leaves, so no zombie waits for us
        try:
            os.close(done_r)
            if os.fork() == 0:
                try:
                    work()
                finally:
                    os._exit(0)  # closes done_w: settle() returns
        finally:
            os._exit(0)
    os.close(done_w)
    os.waitpid(pid, 0)
    _pending.append(done_r)


def settle() -> None:
    """Wait for this process's background work (before reading what it writes)."""
    while _pending:
        fd = _pending.pop()
        try:
            while os.read(fd, 1):
                pass
        finally:
            os.close(fd)
