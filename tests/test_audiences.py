"""Audiences, quickly: what the Catalog hides, which commit messages git's history withholds,
and what the edition's "what changed" names.  (test_leaks.py searches whole builds.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generators.catalog import attach_history, build_catalog
from generators.editions import changes_page, manifest
from generators.feeds import atom_feeds, calendars
from generators.history import read_history
from generators.models import LEVELS
from generators.opendata import exports
from generators.validate import validate

from .conftest import AS_OF, VALID, git

UNITS = "registry/units.yaml"
TOPICS = "registry/topics.yaml"


def _append(path: Path, entries: list[dict[str, object]]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump([*data, *entries], sort_keys=False), encoding="utf-8")


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """The fixture archive with a restricted unit (issuing doc-c) and topics: a restricted
    one with a child that states no level, and a public one with an unstated child and a
    restricted child."""
    dst = tmp_path / "records"
    shutil.copytree(VALID, dst)
    _append(dst / UNITS, [{"id": "hush", "name": "Hush bureau", "kind": "agency",
                           "classification": "restricted"}])
    _append(dst / TOPICS, [
        {"id": "hush-topic", "name": "Hush", "classification": "restricted",
         "children": [{"id": "hush-child", "name": "Hush child"}]},
        {"id": "open-topic", "name": "Open", "classification": "public",
         "children": [{"id": "open-child", "name": "Open child"},
                      {"id": "shut-child", "name": "Shut child",
                       "classification": "restricted"}]}])
    doc = dst / "documents/2026/doc-c.yaml"
    data = yaml.safe_load(doc.read_text(encoding="utf-8"))
    data["issuers"] = ["hush", *data["issuers"]]
    data["topics"] = ["hush-child", "open-child", "shut-child"]
    doc.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dst


def test_registry_entries_are_hidden_like_records(records: Path) -> None:
    recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert not report.errors
    public = build_catalog(recs, AS_OF, "public")
    assert {"hush", "hush-topic", "hush-child", "shut-child"} <= public.hidden
    assert "open-child" in public.topics and "open-child" not in public.hidden
    assert "hush" not in public.units
    restricted = build_catalog(recs, AS_OF, "restricted")
    assert not {"hush", "hush-child", "shut-child"} & restricted.hidden
    assert {"hush-child", "shut-child"} <= set(restricted.topics)
    for cat, named in ((public, False), (restricted, True)):
        files = {**atom_feeds(cat), **calendars(cat), **exports(cat)}
        assert ("feeds/documents-issuer-hush.xml" in files) is named
        documents = files["data/documents.csv"].splitlines()
        row = next(r for r in documents if r.startswith("doc-c,"))
        assert ("hush" in row) is named


def _history_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo / "records")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "restricted: import", date="2026-11-01T10:00:00")
    return repo


def test_a_message_is_withheld_by_what_each_commit_touched_in_git(tmp_path: Path) -> None:
    """Not by today's files: the hidden record is renamed, then deleted; the registry entry
    is one of many in its file; the record declassified later was hidden when edited."""
    repo = _history_repo(tmp_path)
    records = repo / "records"
    public = records / "documents/2026/doc-c.yaml"
    day = iter(range(2, 28))

    def commit(message: str) -> None:
        public.write_text(public.read_text(encoding="utf-8") + "# +\n", encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", message, date=f"2026-11-{next(day):02d}T10:00:00")

    hidden = records / "documents/2026/doc-h.yaml"
    text = (VALID / "documents/2026/doc-r.yaml").read_text(encoding="utf-8")
    hidden.write_text(text.replace("doc-r", "doc-h").replace("9号", "19号"), encoding="utf-8")
    commit("restricted: add")
    git(repo, "mv", str(hidden), str(hidden.with_name("doc-h2.yaml")))
    commit("restricted: rename")
    odd = hidden.with_name('doc "h"\t3.yaml')  # git quotes such a name unless told -z
    git(repo, "mv", str(hidden.with_name("doc-h2.yaml")), str(odd))
    commit("restricted: rename to an odd name")
    odd.unlink()
    commit("restricted: delete")
    _append(records / UNITS, [{"id": "hush", "name": "Hush", "kind": "agency",
                               "classification": "restricted"}])
    commit("restricted: registry entry")
    units = records / UNITS
    units.write_text(units.read_text(encoding="utf-8").replace(
        "name: State Council", "name: The State Council"), encoding="utf-8")
    commit("public: another registry entry")
    # the working calendar names its entries by year, not id: an ordinary internal change
    (records / "registry/calendar.yaml").write_text(
        "- year: 2026\n  holidays:\n  - {name: 元旦, from: 2026-01-01, to: 2026-01-03}\n",
        encoding="utf-8")
    commit("internal: the working calendar")
    _append(records / TOPICS, [{"id": "t-hush", "name": "Hush", "classification": "public",
                                "children": [{"id": "t-child", "name": "Child",
                                              "classification": "restricted"}]}])
    commit("restricted: a topic's child")
    later = records / "documents/2026/doc-l.yaml"
    later.write_text(text.replace("doc-r", "doc-l").replace("9号", "29号"), encoding="utf-8")
    commit("restricted: add another")
    later.write_text(later.read_text(encoding="utf-8") + "# reworded\n", encoding="utf-8")
    commit("restricted: edit before it is declassified")
    later.write_text(later.read_text(encoding="utf-8").replace(
        "classification: restricted", "classification: public"), encoding="utf-8")
    commit("restricted: declassify")
    commit("public: edit a public record")

    history = read_history(records)
    changes = history[str(public.resolve())]
    assert len(changes) == 13
    for c in changes:
        assert c.level == LEVELS[c.message.split(":")[0]], c.message
    recs, _ = validate(records, "records", AS_OF, use_cache=False)
    for audience in LEVELS:
        cat = build_catalog(recs, AS_OF, audience)
        attach_history(cat, history)
        shown = [c.message for c in cat.history["doc-c"] if c.message]
        assert shown == [c.message for c in changes if c.level <= LEVELS[audience]]
        assert len(cat.history["doc-c"]) == len(changes)  # the dates stay
    assert [c.message for c in history[str(later.resolve())]][-1] == "restricted: add another"


def test_history_levels_are_kept_in_the_cache(tmp_path: Path) -> None:
    """A cache altered on disk is discarded (its checksum), and `--full` reads none: a
    level lowered in it would show a withheld message to a lower audience."""
    import json

    from generators.cache import read_checked, write_checked
    from generators.history import RULES

    repo = _history_repo(tmp_path)
    cache = tmp_path / "levels.json"
    first = read_history(repo / "records", cache)
    assert cache.exists()
    assert {c.level for changes in first.values() for c in changes} == {LEVELS["restricted"]}
    payload = read_checked(cache)
    assert payload is not None
    # every version the import added, at level 0 (a registry file is keyed by its change)
    blobs = [line.split()[2] for line in git(repo, "ls-tree", "-r", "HEAD").splitlines()]
    lowered = json.dumps({"rules": RULES, "levels": {
        **dict.fromkeys(blobs, 0), **{f"{'0' * 40}:{b}": 0 for b in blobs}}}).encode()
    cache.write_bytes(cache.read_bytes().replace(payload, lowered))  # by hand: no checksum
    assert read_history(repo / "records", cache) == first
    write_checked(cache, lowered)  # whole, as if the portal had written it
    assert read_history(repo / "records", cache) != first  # read, it would be believed
    write_checked(cache, lowered)
    assert read_history(repo / "records", cache, read=False) == first


def test_what_changed_names_no_record_hidden_now(records: Path) -> None:
    recs, _ = validate(records, "records", AS_OF, use_cache=False)
    restricted = build_catalog(recs, AS_OF, "restricted")
    previous = manifest(restricted)  # as if doc-r had been public in the last edition
    previous["records"]["doc-r"]["title"] = "Zqformer title"
    previous["records"]["doc-gone"] = {"type": "document", "title": "Gone for good",
                                       "hash": "0" * 16}
    page = changes_page(build_catalog(recs, AS_OF, "public"), "en", previous, "2").markdown
    assert "Gone for good" in page and "doc-gone" in page
    assert "Zqformer" not in page and "doc-r" not in page
