"""Issue 17: the registers as the office keeps them (units, suggestions and proposals by
session, hotline streets, appraisal per group), against figures worked out by hand."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generators.models.registry import Unit, credit_check_char, credit_code_problem

# -- units: unified social credit code (GB 32100-2015) ------------------------------------------


def test_credit_check_character_worked_by_hand() -> None:
    """91350100M000100Y4 -> 3.  Values (0-9 as themselves, M = 21, Y = 30) times weights
    1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13 + 1·8
    + 0·24 + 0·10 + 30·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640;
    1640 mod 31 = 28 (31·52 = 1612); 31 - 28 = 3."""
    assert credit_check_char("91350100M000100Y4") == "3"
    assert credit_code_problem("91350100M000100Y43") is None


def test_credit_check_character_zero_when_the_sum_divides() -> None:
    """A sum of 1 (a 1, then zeros) gives 31 - 1 = 30, written Y; a sum that is a multiple
    of 31 gives 31 - 0 = 31, written 0: 1·1 + 10·3 (A in place 2) = 31."""
    assert credit_check_char("1" + "0" * 16) == "Y"
    assert credit_check_char("1A" + "0" * 15) == "0"


@pytest.mark.parametrize(("code", "words"), [
    ("91350100M000100Y44", "check character is 4, but the first 17 characters give 3"),
    ("91350100M000100Y4", "has 17 characters"),
    ("91350100M000100I43", "'I'"),
    ("913501O0M000100Y43", "'O'"),
    ("91A50100M000100Y43", "characters 3-8"),
    ("91350100m000100y43", "'m'"),
])
def test_credit_code_problems(code: str, words: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None and words in problem


def test_unit_refuses_a_wrong_check_character_and_takes_the_new_kinds() -> None:
    base = {"id": "bda", "name": "Beijing Economic-Technological Development Area",
            "status": "active"}
    unit = Unit.model_validate({**base, "kind": "development-zone", "code": "91350100M000100Y43"})
    assert unit.code == "91350100M000100Y43"
    Unit.model_validate({**base, "kind": "party-committee"})
    with pytest.raises(ValidationError) as exc:
        Unit.model_validate({**base, "kind": "development-zone", "code": "91350100M000100Y44"})
    assert exc.value.errors()[0]["type"] == "SCHEMA_FORMAT"
