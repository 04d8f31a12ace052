"""Shared fixtures: the small valid archive, overlays of invalid fixtures, the as-of date."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid" / "records"
INVALID = FIXTURES / "invalid"
AS_OF = dt.date(2026, 11, 27)


def overlay(tmp: Path, *layers: Path) -> Path:
    """A copy of the valid fixture with each layer's records/ laid over it."""
    dst = tmp / "records"
    shutil.copytree(VALID, dst, symlinks=True)
    for layer in layers:
        shutil.copytree(layer / "records", dst, dirs_exist_ok=True, symlinks=True)
    return dst


@pytest.fixture
def valid_copy(tmp_path: Path) -> Path:
    return overlay(tmp_path)


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    return AS_OF
