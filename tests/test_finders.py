"""The finders' data files (generators/finders.py): what finder.js filters and sorts.

Each file holds exactly the records of its collection the audience may see, in the
listing's order; its statuses tally to the figures the dashboards show; two builds of the
same archive write the same bytes; record text is data, never markup."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from generators.catalog import Catalog, build_catalog
from generators.demo import generate
from generators.finders import FORMAT, NOT_PUBLISHED, finder_files
from generators.models.document import Document
from generators.models.liaison import Liaison
from generators.models.received import Received
from generators.models.request import Request
from generators.models.supervision import Supervision
from generators.outputs import generated_others, static_files
from generators.pages.common import Ctx, record_src
from generators.pages.indexes import _INDEXES, FINDERS, dashboard, finder_path
from generators.summaries import SUPERVISION_ORDER, status_counts, supervision_by_unit
from generators.urls import relative, url_of
from generators.validate import validate

from .conftest import AS_OF, VALID

MODELS = {"documents": Document, "received": Received, "requests": Request,
          "supervision": Supervision, "liaison": Liaison}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """A demo archive of about 1,500 records: every status, and records of each level."""
    out = tmp_path_factory.mktemp("demo") / "records"
    generate(1500, 7, out, AS_OF)
    recs, report = validate(out, "records", AS_OF, use_cache=False)
    assert not report.errors
    return recs


def _files(cat: Catalog, locale: str = "en") -> dict[str, dict[str, Any]]:
    return {name: json.loads(text) for name, text in
            ((p.rsplit("/", 1)[1][:-5], text) for p, text in finder_files(cat, locale).items())}


def _tally(f: dict[str, Any], data: str, kind: str) -> dict[str, int]:
    """How many rows hold each code of a dictionary column (what a facet's options say)."""
    codes = [code for code, _label in f["dicts"][kind]]
    counts: Counter[str] = Counter()
    for value in f["data"][data]:
        for i in (value if isinstance(value, list) else [value]):
            if i is not None:
                counts[codes[i]] += 1
    return dict(counts)


@pytest.mark.parametrize("audience", ["public", "internal", "restricted"])
def test_each_file_holds_exactly_the_records_the_audience_sees(demo: list[Any],
                                                               audience: str) -> None:
    cat = build_catalog(demo, AS_OF, audience)
    raw = finder_files(cat, "en")
    assert set(raw) == {finder_path(src, name) for src, name in FINDERS.items()}
    hidden = [r for r in demo if r.id in cat.hidden]
    if audience != "restricted":
        assert hidden, "the demo archive has records this audience may not see"
    for path, text in raw.items():
        name = path.rsplit("/", 1)[1].removesuffix(".json")
        f = json.loads(text)
        assert f["format"] == FORMAT
        if name == "normative":
            shown = [d for d in cat.of(Document) if d.id in cat.validity]
        else:
            shown = list(cat.of(MODELS[name]))
        assert f["n"] == len(shown) == len(f["data"]["href"])
        assert set(f["data"]["href"]) == {url_of(record_src(r) or "") for r in shown}
        for rec in hidden:
            assert f"/{rec.id}/" not in text, f"{rec.id} is hidden from {audience}"


def test_a_hidden_unit_or_topic_is_named_nowhere(tmp_path: Path) -> None:
    dst = tmp_path / "records"
    shutil.copytree(VALID, dst)
    units = dst / "registry/units.yaml"
    data = yaml.safe_load(units.read_text(encoding="utf-8"))
    data.append({"id": "hush", "name": "Hush bureau", "kind": "agency",
                 "classification": "restricted"})
    units.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    doc = dst / "documents/2026/doc-c.yaml"
    rec = yaml.safe_load(doc.read_text(encoding="utf-8"))
    rec["issuers"] = ["hush", *rec["issuers"]]
    doc.write_text(yaml.safe_dump(rec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    recs, report = validate(dst, "records", AS_OF, use_cache=False)
    assert not report.errors
    public = finder_files(build_catalog(recs, AS_OF, "public"), "en")[
        "documents/finder/documents.json"]
    assert "hush" not in public.lower()
    units_shown = dict(json.loads(public)["dicts"]["unit"])
    assert units_shown[NOT_PUBLISHED] == "(not published)"
    restricted = finder_files(build_catalog(recs, AS_OF, "restricted"), "en")
    assert "Hush bureau" in restricted["documents/finder/documents.json"]


def test_statuses_tally_to_the_dashboards_figures(demo: list[Any]) -> None:
    cat = build_catalog(demo, AS_OF, "internal")
    files = _files(cat)
    sup = _tally(files["supervision"], "status", "supervision")
    counts = status_counts(supervision_by_unit(cat))
    assert sup == {s: int(counts[s]) for s in SUPERVISION_ORDER if counts[s]}
    # the home dashboard's Overdue tile
    tile = re.search(r'tile--overdue" href="supervision/\?status=overdue"><strong>(\d+)<',
                     dashboard(Ctx(cat, "en")))
    assert tile is not None and sup["overdue"] == int(tile.group(1)) > 60  # > one page
    # the normative register's head: a count per status
    register = dict(_INDEXES_BY_SRC)["documents/normative.md"](Ctx(cat, "en",
                                                                   "documents/normative.md"))
    head = register[0] if isinstance(register, tuple) else register
    shown = dict(re.findall(r"<dt>([^<]+)</dt>\n<dd>(\d+)</dd>", head))
    labels = dict(files["normative"]["dicts"]["validity"])
    assert {labels[s]: str(n) for s, n in
            _tally(files["normative"], "validity", "validity").items()} == shown
    # every listing's count ("N records") is its finder's
    for src, name in FINDERS.items():
        listing = dict(_INDEXES_BY_SRC)[src](Ctx(cat, "en", src))
        assert isinstance(listing, tuple)
        assert len(listing[1].items) == files[name]["n"]


_INDEXES_BY_SRC = [(src, render) for src, _key, render in _INDEXES]


def test_rows_follow_the_listing_and_the_bytes_do_not_change(demo: list[Any]) -> None:
    one = finder_files(build_catalog(demo, AS_OF, "internal"), "zh")
    two = finder_files(build_catalog(list(reversed(demo)), AS_OF, "internal"), "zh")
    assert one == two
    cat = build_catalog(demo, AS_OF, "internal")
    for src, name in FINDERS.items():
        listing = dict(_INDEXES_BY_SRC)[src](Ctx(cat, "zh", src))
        assert isinstance(listing, tuple)
        hrefs = [url_of(record_src(r) or "") for r in listing[1].items]
        assert json.loads(one[finder_path(src, name)])["data"]["href"] == hrefs


def test_both_editions_label_in_their_language(demo: list[Any]) -> None:
    cat = build_catalog(demo, AS_OF, "internal")
    zh = _files(cat, "zh")["supervision"]
    en = _files(cat, "en")["supervision"]
    assert dict(zh["dicts"]["supervision"])["overdue"] == "已逾期"
    assert dict(en["dicts"]["supervision"])["overdue"] == "Overdue"
    assert zh["labels"]["record_count"] == "共{n}条"
    assert zh["columns"][0]["label"] == "事项"


def test_record_text_is_data_never_markup(tmp_path: Path) -> None:
    dst = tmp_path / "records"
    shutil.copytree(VALID, dst)
    hostile = '</script><img src=x onerror=alert(1)> & "q" \u2028'
    doc = dst / "documents/2026/doc-c.yaml"
    rec = yaml.safe_load(doc.read_text(encoding="utf-8"))
    rec["title"] = hostile
    doc.write_text(yaml.safe_dump(rec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    recs, report = validate(dst, "records", AS_OF, use_cache=False)
    assert not report.errors
    text = finder_files(build_catalog(recs, AS_OF, "internal"), "en")[
        "documents/finder/documents.json"]
    assert not {"<", ">", "&", "\u2028"} & set(text)
    assert hostile in json.loads(text)["data"]["title"]


def test_the_build_writes_them_with_the_script(demo: list[Any]) -> None:
    cat = build_catalog(demo, AS_OF, "internal")
    pages, files, _charts = generated_others(cat, "zh", static=False)
    # the finders' data is made with the feeds (by the background worker at scale)
    assert {finder_path(src, name) for src, name in FINDERS.items()} <= set(
        static_files(cat, "", "zh"))
    assert {"assets/portal/finder.js", "assets/portal/finder.css"} <= set(files)
    first = {p.src: p.markdown for p in pages}
    for src, name in FINDERS.items():
        md = first[src]
        assert f'data-finder="{relative(src, finder_path(src, name))}"' in md
        assert '<div class="finder-static">' in md


def test_the_dashboards_see_all_opens_the_finder_on_its_figure(demo: list[Any]) -> None:
    cat = build_catalog(demo, AS_OF, "internal")
    home = dashboard(Ctx(cat, "en", "index.md"))
    assert 'href="supervision/?status=overdue"' in home
    if sum(cat.validity[d].status == "expiring" for d in cat.validity) > 20:
        assert 'href="documents/normative/?validity=expiring"' in home


def test_a_facet_is_offered_once_a_row_has_a_value_for_it(demo: list[Any]) -> None:
    """A 主题分类 select offering only 全部 (no supervision item of the sample had a topic)
    is left out; the supervision source facet reads 市委交办, as the table does, not the
    unit kind 党委."""
    cat = build_catalog(demo, AS_OF, "internal")
    files = _files(cat, "zh")
    for name, data in files.items():
        for facet in data["facets"]:
            assert any(v is not None and v != [] for v in data["data"][facet["data"]]), \
                (name, facet["key"])
    assert not any(s.topics for s in demo if isinstance(s, Supervision))
    assert "topics" not in [f["key"] for f in files["supervision"]["facets"]]
    first = next(s for s in demo if isinstance(s, Supervision))
    party = first.source.model_copy(update={"kind": "party-committee", "ref": None})
    tagged = [s.model_copy(update={"topics": [next(iter(cat.topics))], "source": party})
              if s is first else s for s in demo]
    sup = _files(build_catalog(tagged, AS_OF, "internal"), "zh")["supervision"]
    assert "topics" in [f["key"] for f in sup["facets"]]
    sources = dict(sup["dicts"]["value"])
    assert sources.get("source-party-committee") == "市委交办"
    assert "party-committee" not in sources
