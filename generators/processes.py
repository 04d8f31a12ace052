"""When this process may fork a helper: fork copies one thread only, so only a process
that runs one thread (`portal build`, `portal validate`, `mkdocs build`; not the server
threads of `mkdocs serve`) forks, and only on a machine with a second core."""

from __future__ import annotations

import os
import threading


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1
