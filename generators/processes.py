"""Every process the portal starts beside its own, in one place.

* `Child`: a forked worker that talks to this process through pipes.  It dies with this
  process (Linux: PR_SET_PDEATHSIG), so a killed build leaves no worker writing into
  its folders; when it dies first, whatever waits for it gets ChildFailed with what
  killed it or the traceback it sent, never a hang.  Waiting is a blocking read on a
  pipe: nothing polls.
* `in_child`: a Child that computes one value while this process goes on.
* a Child can also serve requests: `portal serve` builds in one (serve.Builder), forked
  before the server starts its threads.
* `Job`: another program (Pagefind) run beside the build, dying with it too.
* `in_background`: a detached process that writes a cache and may outlive the build
  (`settle` waits for it).
* `remove_later`: a detached removal of a folder the build made.
* `scratch`: the folders of a build's temporary files, inside its work folder beside
  the site (publish_site.py), so that the next build finds and removes those of a
  killed one.

When this process may fork: fork copies one thread only, so only a process that runs
one thread (`portal build`, `portal validate`, `mkdocs build`; not the server threads
of `mkdocs serve`) forks, and only on a machine with a second core.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import shutil
import signal
import subprocess
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from . import faults

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


class ChildFailed(Exception):
    """A helper process failed or died; the message says which and how, errno the
    error number of the OSError that failed it, if that was one (a full disk)."""

    def __init__(self, message: str, errno: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno


_close_in_child: set[int] = set()
"""Descriptors a forked child must not keep (the site's lock: a child that outlived a
killed build would hold it)."""


def keep_from_children(fd: int) -> None:
    _close_in_child.add(fd)


def release_from_children(fd: int) -> None:
    _close_in_child.discard(fd)


def _die_with_parent() -> None:
    """In a child: be killed when the process that forked it dies (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _in_forked_child(parent: int) -> None:
    for fd in list(_close_in_child):
        with contextlib.suppress(OSError):
            os.close(fd)
    _close_in_child.clear()
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = str(sig)
        return f"was killed by signal {name}"
    return f"exited with status {os.waitstatus_to_exitcode(status)}"


class Child(Generic[T]):
    """work(channel) in a forked child.  The child sends values with channel.reply and
    progress with channel.tick; this side reads them with recv and ticks.  What work
    returns is the child's last message."""

    def __init__(self, name: str, work: Callable[[Channel], T]) -> None:
        self.name = name
        self._status: int | None = None
        up_r, up_w = os.pipe()
        down_r, down_w = os.pipe()
        tick_r, tick_w = os.pipe()
        with contextlib.suppress(OSError, AttributeError):
            # a page of the background worker is one byte: it never waits for this side
            import fcntl

            fcntl.fcntl(tick_w, fcntl.F_SETPIPE_SZ, 1 << 20)
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            code = 1
            try:
                os.close(up_r)
                os.close(down_w)
                os.close(tick_r)
                _in_forked_child(parent)
                channel = Channel(os.fdopen(down_r, "rb"), os.fdopen(up_w, "wb"), tick_w)
                try:
                    result = work(channel)
                except BaseException as exc:
                    number = exc.errno if isinstance(exc, OSError) else None
                    channel.send(("error", (traceback.format_exc(), number)))
                else:
                    channel.send(("done", result))
                    code = 0
            finally:
                os._exit(code)
        os.close(up_w)
        os.close(down_r)
        os.close(tick_w)
        self._up = os.fdopen(up_r, "rb")
        self._down: IO[bytes] | None = os.fdopen(down_w, "wb")
        self._ticks = tick_r
        self.ticks = 0
        self._result: tuple[str, Any] | None = None
        self._failure: ChildFailed | None = None

    def send(self, value: Any) -> None:
        """Hand the child a value (its channel.recv returns it)."""
        if self._down is None:
            raise self._failed()
        try:
            pickle.dump(value, self._down, protocol=pickle.HIGHEST_PROTOCOL)
            self._down.flush()
        except BrokenPipeError:
            raise self._failed() from None

    def recv(self) -> Any:
        """The child's next reply (channel.reply); ChildFailed if it ends instead."""
        if self._result is None:
            try:
                message = pickle.load(self._up)
            except (EOFError, pickle.UnpicklingError, OSError, ValueError):
                message = ("died", None)
            if message[0] == "reply":
                return message[1]
            self._result = message
        raise self._failed()

    def wait_ticks(self, count: int) -> None:
        """Wait until the child has ticked count times; ChildFailed if it ends first."""
        while self.ticks < count:
            if self._ticks < 0:
                raise self._failed()
            got = os.read(self._ticks, 65536)
            if not got:
                raise self._failed()
            self.ticks += len(got)

    def result(self) -> T:
        """What work returned, once the child is done; ChildFailed if it failed or died."""
        if self._result is None:
            try:
                self._result = pickle.load(self._up)
            except (EOFError, pickle.UnpicklingError, OSError, ValueError):
                self._result = ("died", None)
        if self._result[0] != "done":
            raise self._failed()
        self._reap()
        out: T = self._result[1]  # type: ignore[assignment]
        return out

    def _failed(self) -> ChildFailed:
        if self._failure is not None:
            return self._failure
        detail, number = "", None
        if self._result is None and not self._up.closed:
            with contextlib.suppress(Exception):
                self._result = pickle.load(self._up)
        if self._result is not None and self._result[0] == "error":
            trace, number = self._result[1]
            detail = f":\n{trace}"
        status = self._reap()
        how = _describe(status) if status is not None else "failed"
        self._failure = ChildFailed(f"{self.name} {how}{detail}", number)
        return self._failure

    def _reap(self) -> int | None:
        if self._status is None:
            try:
                _, self._status = os.waitpid(self.pid, 0)
            except ChildProcessError:
                return None
            self.close()
        return self._status

    def kill(self) -> None:
        """Stop the child (the build failed) and reap it."""
        if self._status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def close(self) -> None:
        for stream in (self._up, self._down):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._down = None
        with contextlib.suppress(OSError):
            os.close(self._ticks)
        self._ticks = -1


class Channel:
    """The child's side of a Child."""

    def __init__(self, down: IO[bytes], up: IO[bytes], ticks: int) -> None:
        self._down = down
        self._up = up
        self._ticks = ticks

    def tick(self) -> None:
        os.write(self._ticks, b".")

    def recv(self) -> Any:
        """A value sent by the parent; the child leaves if the parent is gone."""
        try:
            return pickle.load(self._down)
        except EOFError:
            os._exit(1)

    def send(self, value: Any) -> None:
        pickle.dump(value, self._up, protocol=pickle.HIGHEST_PROTOCOL)
        self._up.flush()

    def reply(self, value: Any) -> None:
        """A value for the parent's Child.recv (the child goes on)."""
        self.send(("reply", value))


class Pending(Generic[T]):
    """A value being computed by in_child."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self._child: Child[T] | None = None
        if can_fork():
            self._child = Child(name, lambda _channel: work())
        else:
            self._value = work()

    def __call__(self) -> T:
        """The value, once computed; ChildFailed if the child failed or died."""
        return self._child.result() if self._child is not None else self._value

    def stop(self) -> None:
        """Not needed after all (the build failed): stop the child."""
        if self._child is not None:
            self._child.kill()


def in_child(work: Callable[[], T], name: str = "a helper process") -> Pending[T]:
    """Start work in a forked child and go on; calling what is returned waits for its
    result or raises ChildFailed.  Where this process may not fork, work runs at once."""
    return Pending(work, name)


class Job:
    """A program run beside the build (stdout discarded, stderr kept for the message);
    it dies with the build."""

    def __init__(self, name: str, command: list[str], env: dict[str, str] | None = None,
                 ) -> None:
        self.name = name
        self.proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
            # only where no other thread can hold a lock the hook would need
            preexec_fn=_die_with_parent if can_fork() else None)
        faults.point("job")

    def done(self) -> bool:
        """Whether it has ended (without waiting)."""
        return self.proc.poll() is not None

    def wait(self) -> None:
        """Wait for it; ChildFailed with its last words if it failed."""
        err = self.proc.stderr.read().decode("utf-8", "replace") if self.proc.stderr else ""
        status = self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()
        if status != 0:
            how = (f"was killed by signal {signal.Signals(-status).name}" if status < 0
                   else f"exited with status {status}")
            raise ChildFailed(f"{self.name} {how}: {err.strip()[-2000:]}")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()


_removals: list[subprocess.Popen[bytes]] = []


def remove_later(folder: Path) -> None:
    """Delete folder in a detached process that may outlive this one (nothing needs to
    wait for the old site's files to go)."""
    if not folder.exists():
        return
    _removals[:] = [p for p in _removals if p.poll() is None]  # reap those done
    if os.name == "posix" and shutil.which("rm"):
        _removals.append(subprocess.Popen(
            ["rm", "-rf", "--", str(folder)], start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    else:
        shutil.rmtree(folder, ignore_errors=True)


def settle_removals() -> None:
    """Wait for the removals this process started (for a caller that must see them gone)."""
    while _removals:
        _removals.pop().wait()


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
            for fd in list(_close_in_child):
                with contextlib.suppress(OSError):
                    os.close(fd)
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


_scratch_root: Path | None = None


@contextlib.contextmanager
def scratch_root(folder: Path) -> Iterator[None]:
    """Within this block, scratch() folders are made inside folder."""
    global _scratch_root
    before, _scratch_root = _scratch_root, folder
    try:
        yield
    finally:
        _scratch_root = before


def scratch(prefix: str) -> Path:
    """A new folder for a build's temporary files: inside the build's work folder when
    there is one (a killed build's are removed by the next), else the system's."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=_scratch_root))
