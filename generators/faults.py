"""Test-only fault injection: kill the build at a precise stage, not after a guessed delay.

`PORTAL_TEST_KILL_AT=stage` (or `stage:n`, the n-th time) makes the process SIGKILL
itself when it passes that point, as `kill -9` or the OOM killer would.  The stages:

* `page`: MkDocs has written a page (build.py counts them: `page:40`);
* `job`: a program beside the build (Pagefind) has been started;
* `apply`: a republish has moved a file into the new tree (`apply:20`);
* `switch`: the new site is complete, just before it replaces the old one;
* `switch-gap`: between the two renames where the system cannot exchange two folders;
* `switched`: the new site is in place, the state not yet written.

Unset (always, outside the tests), point() costs a dictionary lookup.
"""

from __future__ import annotations

import os
import signal

VARIABLE = "PORTAL_TEST_KILL_AT"
_passed: dict[str, int] = {}


def active() -> bool:
    return VARIABLE in os.environ


def point(stage: str) -> None:
    spec = os.environ.get(VARIABLE)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != stage:
        return
    _passed[stage] = _passed.get(stage, 0) + 1
    if _passed[stage] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
