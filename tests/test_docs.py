"""Tests that fail when something is undocumented (after Datasette's test_docs.py)."""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

from generators.errors import CATALOGUE
from generators.labels import _L, _V
from generators.models import RECORD_TYPES
from generators.pages.reference import (
    _field_rows,
    error_catalogue,
    record_reference,
    reference_pages,
    type_reference,
)

ERRORS = error_catalogue()
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("rtype", sorted(RECORD_TYPES))
def test_every_field_is_in_the_record_reference(rtype: str) -> None:
    model = RECORD_TYPES[rtype]
    section = type_reference(rtype)
    assert f"(records/{rtype}.md)" in record_reference()  # the index leads to the page
    for key, _f, _kind in _field_rows(model):
        assert f'<td class="t"><code>{key}</code></td>' in section, \
            f"{rtype}.{key} is not documented"


def test_every_enum_value_is_listed_and_labelled() -> None:
    for rtype, model in RECORD_TYPES.items():
        for key, _f, kind in _field_rows(model):
            for value in re.findall(r"`([^`]+)`", kind):
                assert value in _V or value in _L, f"{rtype}.{key}: no label for '{value}'"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_error_code_is_in_the_catalogue_page(code: str) -> None:
    entry = ERRORS.split(f"**`{code}`**")[1].split("**`")[0]
    assert "**When:**" in entry and "**Fix:**" in entry


def test_readme_names_every_command() -> None:
    from pathlib import Path

    from generators.cli import main

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.strip().splitlines()] == \
        [["make", "portal"], ["make", "test"]]
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"portal {name}" in readme, f"portal {name} is not in the README"


# -- the Chinese edition of the two reference pages (issue 14 points 1 and 3) ---------------

def test_every_field_has_a_chinese_description() -> None:
    """generators/field_docs_zh.py describes every field of every record type in Chinese;
    a field added to a model needs its entry there (the message names the keys)."""
    from generators.field_docs_zh import FIELD_DOCS_ZH
    from generators.pages.reference import field_keys

    keys = {key for model in RECORD_TYPES.values() for _row, key in field_keys(model)}
    missing = sorted(keys - set(FIELD_DOCS_ZH))
    assert not missing, ("fields without a Chinese description; add to FIELD_DOCS_ZH in "
                         "generators/field_docs_zh.py:\n" + "\n".join(
                             f'    "{k}": "…。",' for k in missing))
    stale = sorted(set(FIELD_DOCS_ZH) - keys)
    assert not stale, f"FIELD_DOCS_ZH describes fields no model has: {stale}"
    assert all(re.search("[\u4e00-\u9fff]", text) for text in FIELD_DOCS_ZH.values())


def test_the_chinese_reference_pages_are_chinese() -> None:
    """No text left in English (marked <span lang="en">) on either page of the Chinese
    edition; each code's Chinese title, trigger and fix are there."""
    records = "".join(p.markdown for p in reference_pages("zh") if p.src != "reference/errors.md")
    errors = error_catalogue("zh")
    assert 'lang="en"' not in records and 'lang="en"' not in errors
    for code, c in CATALOGUE.items():
        assert c.zh is not None
        entry = errors.split(f"**`{code}`**")[1].split("**`")[0]
        assert c.zh.title in entry and "**触发条件：**" in entry and "**处理方法：**" in entry
    # escaped as it lands, in the HTML table of fields
    assert "知悉范围：<code>public</code>（公开）&lt; <code>internal</code>（内部）" in records
    english = "".join(p.markdown for p in reference_pages("en"))
    assert "Who may see it" in english and "知悉范围：" not in english


def test_the_readme_gives_editors_the_record_reference() -> None:
    """A clone has no ../shared/DESIGN.md: the editors' document is the Record reference."""
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    editors = readme.split("## For editors", 1)[1].split("\n## ", 1)[0]
    assert "The editors' document is the portal's *Record reference*" in editors
    assert "shared/" not in readme and "DESIGN.md" not in readme


# a duration as a comment would cite it: 0.8 s, 50 ms, 2.66 s (not "72 minutes" of a record)
_TIMING = re.compile(r"(?<![\w.])\d+(?:\.\d+)? ?(?:s|ms|µs)\b")


def _comments(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every comment and docstring of a Python file."""
    text = path.read_text(encoding="utf-8")
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        docstring = tok.type == tokenize.STRING and tok.string.lstrip("rbuRBU").startswith('"""')
        if tok.type == tokenize.COMMENT or docstring:
            yield tok.start[0], tok.string


def test_comments_say_why_not_how_many_seconds() -> None:
    """Timings belong in bench/RESULTS.md, measured in one run and dated; a figure in a
    comment goes stale without anyone noticing (issue 12 point 12)."""
    cited = [f"{path.relative_to(ROOT)}:{line}: {m[0]}"
             for path in sorted((ROOT / "generators").rglob("*.py"))
             for line, text in _comments(path) for m in _TIMING.finditer(text)]
    assert cited == []


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_the_reference_shows_its_examples_as_written(locale: str) -> None:
    """The catalogue's and the fields' examples sit in code spans, which Markdown shows
    literally: escaped before, `"0123"` showed as &quot;0123&quot; and `<年份>` as
    &lt;年份&gt;, in exactly the text an editor copies."""
    import markdown

    pages = [*reference_pages(locale)]
    html = "".join(markdown.markdown(p.markdown, extensions=["tables"]) for p in pages)
    assert not re.findall(r"&amp;(?:quot|lt|gt|amp);", html)
    if locale == "zh":  # the English catalogue writes its examples without code spans
        assert "<code>number: \"0123\"</code>" in html
    assert "<code>records/documents/&lt;year&gt;/&lt;id&gt;.yaml</code>" in html
