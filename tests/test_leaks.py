"""No word of a record may reach an audience below the record's level.

Every internal and restricted record of a copy of the fixture archive gets a unique
sentinel word; each audience's build is then searched, byte by byte, in every file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generators.build import build_site, export_markdown

from .conftest import AS_OF, ROOT, VALID

pytestmark = pytest.mark.slow
LEVELS = {"public": 0, "internal": 1, "restricted": 2}


def plant_sentinels(records: Path) -> dict[str, str]:
    """Put a sentinel into a text field of every non-public record; return word -> level."""
    words: dict[str, str] = {}
    for path in sorted(records.rglob("*.yaml")):
        if "registry" in path.parts:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        level = data.get("classification", "internal")
        if level == "public":
            continue
        word = f"zq{level[:4]}{re.sub(r'[^a-z0-9]', '', path.stem)}sentinel"
        words[word] = level
        if "title" in data:
            data["title"] = f"{data['title']} {word}"
        else:
            data["summary"] = f"{data.get('summary', '')} {word}".strip()
        if "updates" in data:  # words deep inside a record must not leak either
            for u in data["updates"]:
                u["note"] = f"{u['note']} {word}"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return words


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("leak")
    records = base / "records"
    shutil.copytree(VALID, records)
    return records, plant_sentinels(records)


def test_every_non_public_record_carries_a_sentinel(archive: tuple[Path, dict[str, str]]
                                                    ) -> None:
    _records, words = archive
    assert {"internal", "restricted"} == set(words.values())
    assert len(words) >= 10


def all_bytes(folder: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.mark.parametrize("audience", ["public", "internal", "restricted"])
def test_no_sentinel_above_the_audience_in_any_file(audience: str, tmp_path: Path,
                                                    archive: tuple[Path, dict[str, str]]
                                                    ) -> None:
    records, words = archive
    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(records),
                      as_of=AS_OF, audience=audience)
    export = tmp_path / "export"
    export_markdown(ROOT / "mkdocs.yml", export, records=str(records), as_of=AS_OF,
                    audience=audience)
    blob = all_bytes(site) + all_bytes(export / "docs")
    leaked = [w for w, lvl in words.items()
              if LEVELS[lvl] > LEVELS[audience] and w.encode() in blob]
    assert leaked == []
    shown = [w for w, lvl in words.items() if LEVELS[lvl] <= LEVELS[audience]]
    assert [w for w in shown if w.encode() not in blob] == []  # the check sees what it seeks


def test_withheld_reply_shows_no_text_to_the_public(tmp_path: Path,
                                                    archive: tuple[Path, dict[str, str]]
                                                    ) -> None:
    records, _words = archive
    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(records),
                      as_of=AS_OF, audience="public")
    page = (site / "liaison/2026/lia-b/index.html").read_text(encoding="utf-8")
    assert "Kept for reference." not in page and "The reply is not disclosed." in page
