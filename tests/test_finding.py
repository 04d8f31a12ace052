"""What record pages tell the search index: a number's one word, facets, metadata; and
listings' tables kept out of the index (the browser side: tests/browser/test_search.py)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generators import search_order
from generators.catalog import Catalog, build_catalog
from generators.models import Document, Liaison, Received, Record
from generators.pages import build_pages
from generators.pages.common import Ctx
from generators.pages.finding import search_block
from generators.search import RECORD_WORD, indexed, number_token
from generators.validate import validate

from .conftest import AS_OF, VALID


@pytest.fixture(scope="module")
def cat() -> Catalog:
    recs, _ = validate(VALID, "records", AS_OF)
    return build_catalog(recs, AS_OF, "internal")


@pytest.mark.parametrize("typed", ["京政发〔2021〕12号", "京政发[2021]12号", "京政发【2021】12号",
                                   "京政发(2021)12号", "京政发（2021）12号", "京政发〔2021〕12",
                                   "京政发［2021］012号"])
def test_every_form_staff_type_gives_the_one_word(typed: str) -> None:
    assert number_token(typed) == "wh4eac653f53d1y2021n12h"


def test_numbers_that_differ_give_different_words() -> None:
    numbers = ("京政发〔2021〕12号", "京政发〔2021〕1号", "京政发〔2012〕12号",
               "京政办发〔2021〕12号", "国发〔2021〕12号")
    words = {number_token(n) for n in numbers}
    assert len(words) == 5
    assert number_token("not a number") is None


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_a_numbered_record_carries_its_number_word_facets_and_meta(cat: Catalog,
                                                                 locale: str) -> None:
    numbered = [r for r in cat.records if isinstance(r, Document | Received | Liaison)]
    assert numbered
    for rec in numbered:
        block = search_block(Ctx(cat, locale), rec)
        keys = re.search(r'<div class="search-keys" hidden data-pagefind-weight="10">(.*?)</div>',
                         block)
        assert keys, block
        token = number_token(rec.number)
        assert (token is None) == isinstance(rec, Liaison)  # proposals are numbered 0359
        assert rec.number in keys[1] and (token is None or token in keys[1])
        assert keys[1].split()[-1] == RECORD_WORD  # what "*" searches for
        facets = re.search(r'<div class="search-facets" hidden data-pagefind-ignore>(.*?)</div>',
                           block)
        assert facets, block
        meta = dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<', facets[1]))
        filters = re.findall(r'data-pagefind-filter="([^"]+)">', facets[1])
        assert len(meta) >= 3 and rec.number in meta.values() and \
            str(rec.main_date) in meta.values(), meta
        assert len(set(filters)) >= 3, filters
        # what the number is called: 发文字号 only for a document's (GLOSSARY.md)
        called = {"npc-suggestion": "建议号", "cppcc-proposal": "提案号"}.get(
            getattr(rec, "kind", ""), "发文字号") if locale == "zh" else None
        assert called is None or meta.get(called) == rec.number, meta


def test_the_editors_documents_stay_out_of_the_index() -> None:
    """The record reference and the error catalogue name every field and record type: in
    the index they came first for 会议纪要 (in the navigation, editors find them there)."""
    assert indexed("documents/2026/doc-a/index.html")
    assert indexed("documents/index.html")
    assert not indexed("documents/page_2/index.html")
    assert not indexed("reference/records/meeting/index.html")
    assert not indexed("reference/errors/index.html")


def test_listings_keep_their_tables_out_of_the_index(cat: Catalog) -> None:
    pages = {p.src: p.markdown for p in build_pages(cat, "en", {})}
    index = pages["documents/index.md"]
    assert index.count('<div class="table-wrap" data-pagefind-ignore>') == \
        index.count('<div class="table-wrap"') >= 1
    # a record's own steps stay searchable
    received = next(v for k, v in pages.items() if k.startswith("received/2"))
    assert '<div class="table-wrap"><table' in received


def test_filter_values_carry_no_markup_characters(cat: Catalog,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind UI writes filter values into its labels as HTML (test_hostile_text.py)."""
    doc = next(r for r in cat.records if isinstance(r, Document))
    issuer = cat.by_id[doc.issuers[0]]
    monkeypatch.setitem(cat.by_id, issuer.id,
                        issuer.model_copy(update={"name": "A <b>&</b> B"}))
    block = search_block(Ctx(cat, "en"), doc)
    assert '<span data-pagefind-filter="Unit">A ＜b＞＆＜/b＞ B</span>' in block


def _bundle(folder: Path, filters: list[list[Any]], version: str = "1.5.2") -> Path:
    """A bundle as Pagefind writes it: filter files and metadata in the order given."""
    (folder / "filter").mkdir(parents=True)
    listed = []
    for i, (name, values) in enumerate(filters):
        search_order.write(folder / "filter" / f"zh_old{i}.pf_filter",
                           search_order.encode([name, values]))
        listed.append([name, f"zh_old{i}"])
    meta = [version, [["zh_page0", 12], ["zh_page1", 300]], [["a", "z", "zh_chunk"]], listed,
            [], ["title"]]
    search_order.write(folder / "pagefind.zh_oldmeta.pf_meta", search_order.encode(meta))
    (folder / "pagefind-entry.json").write_text(
        f'{{"version":"{version}","languages":{{"zh":{{"hash":"zh_oldmeta","wasm":null,'
        '"page_count":2}},"include_characters":["_"]}', encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_filter_files_in_any_order_become_the_same_bytes(tmp_path: Path) -> None:
    """Pagefind 1.5 writes filters and their values in a random order (search_order.py)."""
    year = ["Year", [["2026", [0, 1]], ["2019", [1]], ["2021", [0]]]]
    unit = ["Unit", [["Office", [1]], ["City", [0, 30000]]]]
    a = _bundle(tmp_path / "a", [year, unit])
    b = _bundle(tmp_path / "b", [[unit[0], unit[1][::-1]], [year[0], year[1][::-1]]])
    assert _files(a) != _files(b)
    assert search_order.order_bundle(a) and search_order.order_bundle(b)
    assert _files(a) == _files(b)
    entry = json.loads((a / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = search_order.read(a / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
    assert [f[0] for f in meta[3]] == ["Unit", "Year"]
    assert meta[:3] == [
        "1.5.2", [["zh_page0", 12], ["zh_page1", 300]], [["a", "z", "zh_chunk"]]]
    by_name = {f[0]: search_order.read(a / "filter" / f"{f[1]}.pf_filter") for f in meta[3]}
    assert by_name["Year"] == ["Year", [["2019", [1]], ["2021", [0]], ["2026", [0, 1]]]]
    assert by_name["Unit"] == ["Unit", [["City", [0, 30000]], ["Office", [1]]]]
    assert sorted(_files(a)) == sorted(
        ["pagefind-entry.json", f"pagefind.{entry['languages']['zh']['hash']}.pf_meta",
         *(f"filter/{f[1]}.pf_filter" for f in meta[3])])  # nothing old is left


def test_a_bundle_without_filters_is_left_as_it_is(tmp_path: Path) -> None:
    a = _bundle(tmp_path / "a", [])
    before = _files(a)
    assert not search_order.order_bundle(a)
    assert _files(a) == before


def test_cbor_is_written_as_pagefind_writes_it() -> None:
    # shortest heads: 23 in the head byte, 24 and 255 in one more byte, 256 in two
    assert search_order.encode([23, 24, 255, 256, "é"]) == \
        bytes([0x85, 0x17, 0x18, 0x18, 0x18, 0xFF, 0x19, 0x01, 0x00, 0x62, 0xC3, 0xA9])
    value = ["类型", [["公文", list(range(0, 70000, 997))]]]
    assert search_order.decode(search_order.encode(value)) == value


@pytest.mark.parametrize("damage", ["cut", "version", "map"])
def test_an_index_it_cannot_read_stops_the_build(tmp_path: Path, damage: str) -> None:
    a = _bundle(tmp_path / "a", [["Year", [["2026", [0]]]]],
                version="1.6.0" if damage == "version" else "1.5.2")
    target = a / "filter" / "zh_old0.pf_filter"
    if damage == "cut":
        search_order.write(target, search_order.encode(["Year", [["2026", [0]]]])[:-2])
    elif damage == "map":  # a CBOR map: a layout this does not know
        search_order.write(target, bytes([0xA1, 0x61, 0x61, 0x01]))
    with pytest.raises(search_order.SearchOrderError):
        search_order.order_bundle(a)


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_an_overdue_liaison_item_is_not_an_overdue_supervision_item(
        cat: Catalog, locale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The status facet "Overdue" counts supervision items, as the dashboard does; a
    proposal without its reply in time is 逾期未答复, its own value."""
    from generators.labels import labels, value_label
    from generators.models import Supervision

    t = labels(locale)
    lia = next(r for r in cat.records if isinstance(r, Liaison))
    sup = next(r for r in cat.records if isinstance(r, Supervision))
    monkeypatch.setitem(cat.liaison, lia.id, replace(cat.liaison[lia.id], status="overdue"))
    monkeypatch.setitem(cat.supervision, sup.id,
                        replace(cat.supervision[sup.id], status="overdue"))

    def status(rec: Record) -> str:
        found = re.findall(rf'data-pagefind-filter="{t("status")}">([^<]*)<',
                           search_block(Ctx(cat, locale), rec))
        assert len(found) == 1
        return found[0]

    assert status(sup) == value_label("overdue", locale)
    assert status(lia) == value_label("reply-overdue", locale) != status(sup)
