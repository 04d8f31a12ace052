"""Recorded dependencies: what a page reads of the Catalog is noted, and nothing a
renderer gets can be changed by it."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from pathlib import Path

import pytest

from generators import deps
from generators.catalog import Catalog, build_catalog
from generators.incremental import Digests
from generators.models import Document, Supervision
from generators.pages import build_pages, record_src, render_record
from generators.pages.common import SECTION_LIMIT
from generators.plan import plan
from generators.validate import validate

from .conftest import AS_OF, SAMPLE, SAMPLE_AS_OF, VALID


@pytest.fixture(scope="module")
def cat() -> Catalog:
    recs, _ = validate(VALID, "records", AS_OF)
    return build_catalog(recs, AS_OF, "internal")


def test_lookups_note_what_they_read_only_while_recording(cat: Catalog) -> None:
    with deps.recording() as keys:
        cat.by_id.get("doc-b")
        assert "sup-d" not in cat.by_id and "sup-d" in cat.hidden
        cat.supervision["sup-a"]
        cat.referrers("doc-b")
        cat.unit_rollup("transport")
        cat.official_rollup("mayor")
        with deps.paused():
            cat.by_id.get("doc-c")
        list(cat.hotline)
    assert keys == {"r:doc-b", "r:sup-d", "sup:sup-a", "in:doc-b", "unit:transport",
                    "official:mayor", "hl:*"}
    cat.by_id.get("doc-a")  # nothing records: nothing noted, nothing fails
    with deps.recording() as outer, deps.recording() as inner:
        cat.of(type(cat.by_id["doc-a"]))
    assert inner == {"of:document", "r:doc-a"} and inner <= outer


def test_rollups_are_frozen_tuples(cat: Catalog) -> None:
    roll = cat.unit_rollup("transport")
    assert all(isinstance(getattr(roll, f.name), tuple)
               for f in dataclasses.fields(roll) if f.name != "unit")
    with pytest.raises(dataclasses.FrozenInstanceError):
        roll.issued = ()  # type: ignore[misc]
    official = cat.official_rollup("mayor")
    with pytest.raises(dataclasses.FrozenInstanceError):
        official.signed = ()  # type: ignore[misc]


def _rollups(cat: Catalog) -> bytes:
    return pickle.dumps(({u: [[getattr(x, "id", repr(x)) for x in getattr(r, f.name)]
                              for f in dataclasses.fields(r) if f.name != "unit"]
                          for u, r in cat.unit_rollups().items()},
                         {o: [[x.id for x in getattr(r, f.name)]
                              for f in dataclasses.fields(r) if f.name != "official"]
                          for o, r in cat.official_rollups().items()}))


def test_rendering_every_page_changes_nothing_in_the_catalog() -> None:
    """Pages are rendered in any order (shards, a republish's few): none may see what
    another changed.  A unit's rollup lists more than a page shows (the sample's
    largest do), and the figures rendered before and after every page are the same."""
    recs, _ = validate(SAMPLE, "records", SAMPLE_AS_OF)
    cat = build_catalog(recs, SAMPLE_AS_OF, "internal")
    assert max(len(r.issued) for r in cat.unit_rollups().values()) > SECTION_LIMIT
    before = _rollups(cat)
    figures = pickle.dumps((dict(cat.supervision), dict(cat.validity), dict(cat.liaison)))
    first = {p.src: p.markdown for p in build_pages(cat, "en", {})}
    assert _rollups(cat) == before
    assert pickle.dumps((dict(cat.supervision), dict(cat.validity),
                         dict(cat.liaison))) == figures
    again = {p.src: p.markdown for p in build_pages(cat, "en", {})}
    assert again == first


def _catalog(records: Path) -> Catalog:
    recs, report = validate(records, "records", SAMPLE_AS_OF)
    assert not report.errors
    return build_catalog(recs, SAMPLE_AS_OF, "internal")


def test_a_unit_renamed_renders_the_documents_that_list_its_items(tmp_path: Path) -> None:
    """Two hops: a document's page lists the supervision items that cite it, each with
    its lead unit's name; the link-distance rule did not see the unit."""
    records = tmp_path / "records"
    shutil.copytree(SAMPLE, records)
    old = _catalog(records)
    sup = next(s for s in old.of(Supervision)
               if s.source.ref in old.by_id and isinstance(old.by_id[s.source.ref], Document)
               and s.lead in old.by_id)
    doc = old.by_id[str(sup.source.ref)]
    lead = sup.lead
    src = record_src(doc)
    assert src is not None
    with deps.recording() as keys:
        render_record(old, "en", src, doc)
    assert {f"r:{lead}", f"in:{doc.id}", f"r:{doc.id}"} <= keys
    state_digests = Digests(old).table(keys)

    units = records / "registry/units.yaml"
    name = old.by_id[lead].name  # type: ignore[attr-defined]
    text = units.read_text(encoding="utf-8")
    assert f"name: {name}\n" in text
    units.write_text(text.replace(f"name: {name}\n", f"name: {name} (renamed)\n", 1),
                     encoding="utf-8")
    new = _catalog(records)

    @dataclasses.dataclass
    class Last:
        deps: dict[str, frozenset[str]]
        digests: dict[str, str]
        pages: dict[str, str]
        charts: dict[str, list[str]]

    last = Last({src: frozenset(keys)}, state_digests, {src: "hash"}, {})
    assert plan(last, Digests(new), [src]).render == {src}
    assert plan(last, Digests(old), [src]).keep == {src}
    page = render_record(new, "en", src, new.by_id[doc.id])
    assert f"{name} (renamed)" in page.markdown


def test_a_digest_follows_what_the_key_names(cat: Catalog) -> None:
    digest = Digests(cat)
    assert digest("r:sup-d") == "hidden" and digest("r:nothing") == "absent"
    assert digest("r:dec-a1").startswith("decision ")
    assert digest("in:doc-b") != digest("in:doc-a")
    assert digest("unit:transport") != digest("unit:east")
    assert digest("ap:2026") != digest("ap:2025")
    assert digest("shape:x.md") == "absent"
    digest.own["shape:x.md"] = "1"
    assert digest("shape:x.md") == "1"
    with pytest.raises(ValueError, match="no digest"):
        digest("nonsense:x")
