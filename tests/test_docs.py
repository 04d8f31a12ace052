"""Tests that fail when something is undocumented (after Datasette's test_docs.py)."""

from __future__ import annotations

import re

import pytest

from generators.errors import CATALOGUE
from generators.labels import _L, _V
from generators.models import RECORD_TYPES
from generators.pages.reference import _field_rows, error_catalogue, record_reference

REFERENCE = record_reference()
ERRORS = error_catalogue()


@pytest.mark.parametrize("rtype", sorted(RECORD_TYPES))
def test_every_field_is_in_the_record_reference(rtype: str) -> None:
    model = RECORD_TYPES[rtype]
    section = REFERENCE.split(f"(`{rtype}`)")[1].split("\n## ")[0]
    for key, _f, _kind in _field_rows(model):
        assert f"| `{key}` |" in section, f"{rtype}.{key} is not documented"


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
