"""Helper processes.  When this process may fork one: fork copies one thread only, so only
a process that runs one thread (`portal build`, `portal validate`, `mkdocs build`; not the
server threads of `mkdocs serve`) forks, and only on a machine with a second core."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


def remove_later(folder: Path) -> None:
    """Delete folder in a detached process (deleting 20,000 files took 1.4 s)."""
    if os.name == "posix" and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(folder, ignore_errors=True)
