"""What a republish takes from the last build instead of making again.

Charts (matplotlib: slow to import, and each chart costs), calendar events (icalendar), Atom
feeds, open-data files and the dashboards' summaries are pure functions of their inputs
and give byte-identical text, so the build state keeps their output by a hash of the
function's name and arguments (or of the table they write: `remember`).  (Pages are
not remembered here: a republish keeps a page whose recorded dependencies did not
change, deps.py and plan.py.)  A republish looks them up; every build records what it
used, so the memo holds only what the site shows.  Only a republish has a memo (it
shares the last build's key: same code, same libraries).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

Memo = dict[str, str]
_memo: ContextVar[tuple[Memo, Memo] | None] = ContextVar("memo", default=None)


@contextmanager
def remembering(before: Memo, used: Memo) -> Iterator[Memo]:
    """Inside this block a remembered function called with the same arguments as in the
    last build returns what it returned then (from `before`); `used` gets every result."""
    token = _memo.set((before, used))
    try:
        yield used
    finally:
        _memo.reset(token)


F = TypeVar("F", bound=Callable[..., str])


def remembered(make: F) -> F:
    """make's result is kept by a hash of its name and the repr of its arguments (which
    must be plain values: str, numbers, dates, lists, tuples, dicts)."""
    name = f"{make.__module__}.{make.__qualname__}"

    @functools.wraps(make)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        if _memo.get() is None:
            return make(*args, **kwargs)
        key = hashlib.sha1(repr((name, args, sorted(kwargs.items()))).encode(),
                           usedforsecurity=False).hexdigest()
        return remember(key, lambda: make(*args, **kwargs))

    return wrapper  # type: ignore[return-value]


def remember(key: str, make: Callable[[], str]) -> str:
    """make(), or what it gave in the last build for the same key: the key must stand for
    everything make() reads (such as a hash of a table)."""
    memo = _memo.get()
    if memo is None:
        return make()
    before, used = memo
    out = before.get(key)
    if out is None:
        out = make()
    used[key] = out
    return out
