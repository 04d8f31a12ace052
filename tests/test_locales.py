"""Both editions speak one language each: every interface string exists in Chinese and in
English (labels.py), and no page shows an interface word of the other language.

Record text is what editors wrote, in whatever language; the scan leaves it out: prose
blocks and commit messages (.record-prose, .record-text), codes and ids (<code>), what is
hidden (the search index's keys), text marked lang="en" (not translated yet, said so to the
reader's browser), and the strings of the records themselves.
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generators import labels
from generators.build import build_site
from generators.catalog import build_catalog
from generators.errors import CATALOGUE
from generators.models import RECORD_TYPES
from generators.outputs import static_outputs
from generators.pages import build_pages
from generators.validate import validate

from .conftest import AS_OF, ROOT, SAMPLE, SAMPLE_AS_OF, VALID

ASCII_WORD = re.compile(r"[A-Za-z]{3,}")
"""An English word as the scan sees it: three letters or more (ID, No. pass as codes)."""
HAN = re.compile(r"[\u3400-\u9fff]+")

ALLOWED_ASCII = frozenset({
    # formats, programs and standards a Chinese page names as they are written
    "CSV", "JSON", "PDF", "YAML", "Atom", "iCalendar", "JavaScript", "UTF", "git", "ISO",
    # ... and the error catalogue (GBK: an encoding; FIFO: a kind of file; MiB: a size)
    "Windows", "GBK", "Unicode", "URL", "FIFO", "MiB",
    # attachments' formats and sizes, as a Chinese policy page writes them (issue 17)
    "OFD", "Word", "Excel", "KB", "MB", "SHA",
    # a key as the keyboard prints it (portal serve: 按Ctrl+C停止)
    "Ctrl",
    # field formats: YYYY-MM-DD, HH:MM
    "YYYY", "HH",
    # incident levels as the office writes them: 较大（III级） (issue 16)
    "III",
    # codes editors type: error codes and record types (the reference pages' headings)
    *(w for code in CATALOGUE for w in code.split("_")), *RECORD_TYPES,
})
"""English words a Chinese page may show outside record text."""


def label_words(text: str) -> str:
    """A label without its placeholders ({n}) and code spans (`portal validate`)."""
    return re.sub(r"`[^`]*`|\{[a-z_]+\}", " ", text)


@pytest.mark.parametrize("key", sorted(labels.catalogue()))
def test_every_label_is_in_both_languages(key: str) -> None:
    en, zh = labels.catalogue()[key]
    assert en.strip(), f"{key}: no English"
    assert zh.strip() or key in labels.BLANK_ZH, f"{key}: no Chinese"
    assert not HAN.search(en), f"{key}: Chinese in the English label {en!r}"
    english = set(ASCII_WORD.findall(label_words(zh))) - ALLOWED_ASCII
    assert not english, f"{key}: English in the Chinese label {zh!r}: {english}"
    # the same figures in both; a Chinese executive meeting is numbered within the
    # government's term (市政府第N次常务会议, GLOSSARY.md), so its title has no year
    dropped = {"{year}"} if key == "meeting_title" else set()
    assert set(re.findall(r"\{[a-z_]+\}", en)) - dropped == \
        set(re.findall(r"\{[a-z_]+\}", zh)), key


def test_chinese_labels_use_chinese_punctuation() -> None:
    for key, (_en, zh) in labels.catalogue().items():
        text = label_words(zh)
        if HAN.search(text):  # a colon, comma or parenthesis next to Chinese text
            assert not re.search(r"[\u3400-\u9fff][:,;()]|[:,;()][\u3400-\u9fff]", text), \
                f"{key}: ASCII punctuation in {zh!r}"


@pytest.mark.parametrize("records, as_of", [(VALID, AS_OF), (SAMPLE, SAMPLE_AS_OF)])
def test_every_key_the_pages_ask_for_has_a_label(records: Path, as_of: object) -> None:
    """A key without a label shows as the key itself, an English word in both editions."""
    recs, _ = validate(records, "records", as_of)  # type: ignore[arg-type]
    cat = build_catalog(recs, as_of, "internal")  # type: ignore[arg-type]
    labels.UNKNOWN.clear()
    for locale in labels.LOCALES:
        build_pages(cat, locale, {})
        static_outputs(cat, "", locale)
    assert not labels.UNKNOWN, f"no label for {sorted(labels.UNKNOWN)}"


def test_dates_in_prose_are_written_as_each_language_writes_them() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 1)
    assert labels.long_date(day, "zh") == "2026年12月1日"
    assert labels.long_date(day, "en") == "1 December 2026"


# -- the built editions -------------------------------------------------------------------

def record_strings(records: Path) -> Iterator[str]:
    """Every string an editor wrote in the archive."""
    def walk(node: object) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for key, value in node.items():
                # a key written as text (a hotline street's name), not a field name
                if isinstance(key, str) and not key.isascii():
                    yield key
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for path in sorted(records.rglob("*.yaml")):
        yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")))


def visible_text(html: str) -> str:
    """What a reader sees of a page outside the record text the page marks as such:
    its text, its <title> and the text of alt, title, aria-label and placeholder."""
    doc = BeautifulSoup(html, "html.parser")
    for el in doc.select("script, style, svg, code, pre, .record-prose, .record-text, "
                         "[lang=en], [hidden]"):
        el.decompose()
    attrs = [str(el.get(a)) for a in ("alt", "title", "aria-label", "placeholder")
             for el in doc.find_all(attrs={a: True})]
    return doc.get_text(" ") + " " + " ".join(attrs)


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {locale: build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp(locale) / "site",
                               records=str(SAMPLE), as_of=SAMPLE_AS_OF, locale=locale)
            for locale in labels.LOCALES}


def pages(site: Path) -> Iterator[tuple[str, str]]:
    """Every page, and every chart as a page holding its texts (titles, axes, labels)."""
    for path in sorted(site.rglob("*.html")):
        if "pagefind" not in path.parts:  # Pagefind's own files
            yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((site / "assets" / "charts").glob("*.svg")):
        svg = ET.parse(path).getroot()
        texts = [svg.get("aria-label", "")] + ["".join(el.itertext()) for el in svg.iter()
                                               if el.tag.endswith(("}text", "}title"))]
        yield (path.relative_to(site).as_posix(),
               "<p>" + html_lib.escape(" · ".join(texts)) + "</p>")


@pytest.mark.slow
def test_the_chinese_edition_shows_no_english_interface_word(
        editions: dict[str, Path]) -> None:
    # record strings holding English words (a unit's English name, an official's title)
    # are cut out of the text, longest first, before the words are counted
    written = sorted({s for s in record_strings(SAMPLE) if ASCII_WORD.search(s)},
                     key=len, reverse=True)
    cut = re.compile("|".join(re.escape(s) for s in written)) if written else None
    found: dict[str, str] = {}
    for where, html in pages(editions["zh"]):
        text = visible_text(html)
        if cut is not None:
            text = cut.sub(" ", text)
        for word in set(ASCII_WORD.findall(text)) - ALLOWED_ASCII:
            found.setdefault(word, where)
    assert not found, f"English on Chinese pages (word: first page): {found}"


@pytest.mark.slow
def test_the_english_edition_shows_no_chinese_interface_text(
        editions: dict[str, Path]) -> None:
    # a run of Chinese characters that records hold as a whole is record text
    written = {run for s in record_strings(SAMPLE) for run in HAN.findall(s)}
    found: dict[str, str] = {}
    for where, html in pages(editions["en"]):
        for run in set(HAN.findall(visible_text(html))) - written:
            found.setdefault(run, where)
    assert not found, f"Chinese on English pages (text: first page): {found}"


@pytest.mark.slow
def test_each_edition_names_itself_in_its_language(editions: dict[str, Path]) -> None:
    for locale, site in editions.items():
        doc = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
        t = labels.labels(locale)
        assert doc.find("html")["lang"] == locale
        assert doc.find("title").get_text(strip=True) == t("home_title")
        assert t("copyright") in doc.find("footer").get_text(" ", strip=True)
        nav = doc.find("nav", class_="md-nav--primary").get_text(" ", strip=True)
        for key in ("about_title", "reading_title", "data_title", "feeds_title", "reference",
                    "errors"):
            assert t(key) in nav, f"{locale}: {t(key)} not in the navigation"
        missing = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"),
                                "html.parser")
        assert t("not_found_title") in missing.find("h1").get_text()


def test_every_record_type_is_described_in_chinese() -> None:
    from generators.pages.reference import _DOC_ZH

    assert set(_DOC_ZH) == set(RECORD_TYPES)
