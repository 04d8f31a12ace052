"""What record pages tell the search index: a number's one word, facets, metadata; and
listings' tables kept out of the index (the browser side: tests/browser/test_search.py)."""

from __future__ import annotations

import re

import pytest

from generators.catalog import Catalog, build_catalog
from generators.models import Document, Liaison, Received
from generators.pages import build_pages
from generators.pages.common import Ctx
from generators.pages.finding import search_block
from generators.search import number_token
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
        facets = re.search(r'<div class="search-facets" hidden data-pagefind-ignore>(.*?)</div>',
                           block)
        assert facets, block
        meta = dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<', facets[1]))
        filters = re.findall(r'data-pagefind-filter="([^"]+)">', facets[1])
        assert len(meta) >= 3 and rec.number in meta.values() and \
            str(rec.main_date) in meta.values(), meta
        assert len(set(filters)) >= 3, filters  # kind, unit, year; status, topics if any


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
