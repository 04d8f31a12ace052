"""Golden files of the generated Markdown of the small fixture archive: every page the
build assembles (outputs.generated, as the MkDocs build and export-md do).

Refresh after an intended change with `make golden` (UPDATE_GOLDEN=1), then review the diff.
Charts are replaced by a placeholder: their bytes belong to matplotlib's version.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generators.catalog import build_catalog
from generators.outputs import generated as assemble
from generators.validate import validate

from .conftest import AS_OF, VALID

GOLDEN = Path(__file__).parent / "golden"
_SVG = re.compile(r"<svg .*?</svg>", re.S)
_CHART = re.compile(r"assets/charts/[0-9a-f]{16}\.svg")


def generated(locale: str) -> dict[str, str]:
    recs, _ = validate(VALID, "records", AS_OF)
    cat = build_catalog(recs, AS_OF, "internal")
    pages, _ = assemble(cat, locale)  # what the MkDocs build and export-md assemble
    return {p.src: _CHART.sub("assets/charts/(chart).svg", _SVG.sub("<svg>(chart)</svg>",
                                                                   p.markdown))
            for p in pages if not p.src.startswith("reference/")}


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_generated_markdown_matches_golden_files(locale: str) -> None:
    pages = generated(locale)
    root = GOLDEN / locale
    if os.environ.get("UPDATE_GOLDEN"):
        for old in root.rglob("*.md"):
            old.unlink()
        for src, text in pages.items():
            path = root / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    stored = {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
              for p in root.rglob("*.md")}
    assert sorted(stored) == sorted(pages), "pages added or removed: run make golden"
    for src, text in pages.items():
        assert text == stored[src], f"{src} differs from tests/golden/{locale}/{src}"
