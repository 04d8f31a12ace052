"""Search with Pagefind: a chunked index that a query downloads only a few pieces of.

Material's own search index is one file the browser fetches whole (about 2.5 KB per
page: 27 MB at 10,000 pages).  Pagefind splits the index, so a query loads the chunks
for its words and the fragments of its results.  Every page is indexed as Chinese:
Pagefind segments Chinese words and still finds the English ones on the same page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(Exception):
    pass


def index_site(site_dir: Path) -> None:
    """Write site_dir/pagefind/ for the pages of site_dir (raises on failure)."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
           "--root-selector", "article", "--glob", "**/index.html",
           "--force-language", "zh", "--silent"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed: {result.stderr.strip()[-2000:]}")
