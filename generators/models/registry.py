"""The registry: units, officials and topics (lists of entries in registry/*.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Broken, Date, Id, Record, Ref, Strict, Text, refuse_invisible

UnitKind = Literal["government", "general-office", "district", "agency", "state-council",
                   "legislature", "cppcc", "other",
                   # issue 17: second edition of the contract
                   "development-zone", "party-committee"]
Position = Literal["mayor", "executive-vice-mayor", "vice-mayor", "secretary-general",
                   "deputy-secretary-general", "other"]


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of a unified social credit code (GB 32100-2015): digits and the
capital letters without I, O, S, V and Z."""
CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
"""Weight of each of the first 17 characters: 3 to the power (position - 1), modulo 31
(1, 3, 9, 27, 19, 26, ...)."""


def credit_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code (GB 32100-2015, 5.4).

    Each of the first 17 characters counts as its place in CREDIT_CHARS (0-9 as
    themselves, A = 10, ... Y = 30) times its weight (CREDIT_WEIGHTS); the check
    value is 31 minus the sum modulo 31 (31 becomes 0), written as the character of
    that place."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


CREDIT_PROBLEMS = {
    "length": "unified social credit code '{v}' has {n} characters, not 18",
    "chars": "unified social credit code '{v}' holds {bad}: only 0-9 and the capitals A-Y "
             "without I, O, S, V, Z",
    "division": "unified social credit code '{v}': characters 3-8 (the administrative "
                "division code) must be digits",
    "check": "unified social credit code '{v}': check character is {got}, but the first 17 "
             "characters give {want}",
}
"""What can be wrong with a unified social credit code: message templates (errors.py
holds them in Chinese too, under SCHEMA_FORMAT)."""


def credit_code_fault(code: str) -> tuple[str, dict[str, str]] | None:
    """What is wrong with a unified social credit code (a CREDIT_PROBLEMS template and its
    values), or None: 18 characters of CREDIT_CHARS, the 3rd to 8th an administrative
    division code (digits), the last the check character of the first 17."""
    if len(code) != 18:
        return CREDIT_PROBLEMS["length"], {"v": code, "n": str(len(code))}
    bad = sorted({c for c in code if c not in CREDIT_CHARS})
    if bad:
        return CREDIT_PROBLEMS["chars"], {"v": code, "bad": ", ".join(repr(c) for c in bad)}
    if not code[2:8].isdigit():
        return CREDIT_PROBLEMS["division"], {"v": code}
    want = credit_check_char(code[:17])
    if code[17] != want:
        return CREDIT_PROBLEMS["check"], {"v": code, "got": code[17], "want": want}
    return None


def credit_code_problem(code: str) -> str | None:
    """credit_code_fault as an English sentence."""
    fault = credit_code_fault(code)
    return fault[0].format(**fault[1]) if fault else None


def _credit_code(value: Any) -> Any:
    refuse_invisible(value, "SCHEMA_FORMAT", "code")
    fault = credit_code_fault(value)
    if fault:
        raise PydanticCustomError("SCHEMA_FORMAT", *fault)
    return value


CreditCode = Annotated[str, AfterValidator(_credit_code)]


class Closure(Strict):
    date: Date
    """Day the unit stopped existing."""
    reason: Literal["merged", "split", "renamed", "abolished"]
    replaced_by: Id | None = None
    """The unit that took over its work, if any."""


class Unit(Record):
    """An organisation: the government, the General Office, districts, agencies."""

    rtype: ClassVar[str] = "unit"
    folder: ClassVar[str] = "registry/units.yaml"
    label: ClassVar[str] = "Unit"

    name: Text
    name_zh: Text | None = None
    """Chinese name, shown by the Chinese interface."""
    kind: UnitKind
    parent: Id | None = None
    status: Literal["active", "closed"] = "active"
    closed: Closure | None = None
    code: CreditCode | None = None
    """Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the
    last a check character the validator verifies."""

    @model_validator(mode="after")
    def _closed_matches_status(self) -> Unit:
        broken = Broken()  # one rule, but said beside the entry's schema errors (rules_kept)
        if (self.status == "closed") != (self.closed is not None):
            broken("SCHEMA_RULE", "status: closed and a closed: {{date, reason}} block go "
                   "together", {"hint": "write both (a closed unit), or neither (a unit in "
                                "service)"})
        broken.raise_any(self)
        return self

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        if self.parent:
            yield ("parent",), "unit", self.parent
        if self.closed and self.closed.replaced_by:
            yield ("closed", "replaced_by"), "unit", self.closed.replaced_by


class Official(Record):
    """A leading official of the municipal government."""

    rtype: ClassVar[str] = "official"
    folder: ClassVar[str] = "registry/officials.yaml"
    label: ClassVar[str] = "Official"

    name: Text
    name_zh: Text | None = None
    position: Position
    title: Text | None = None
    """Full title as printed, e.g. 'Vice Mayor'."""
    portfolio: list[Id] = []
    """Units in the official's charge."""
    from_: Date = Field(alias="from")
    to: Date | None = None

    @model_validator(mode="after")
    def _term(self) -> Official:
        broken = Broken()  # one rule, but said beside the entry's schema errors (rules_kept)
        if self.to and self.to < self.from_:
            broken("DATE_ORDER", "term ends ({to}) before it starts ({fr})",
                   {"to": str(self.to), "fr": str(self.from_), "field": "to"})
        broken.raise_any(self)
        return self

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for i, u in enumerate(self.portfolio):
            yield ("portfolio", i), "unit", u

    @property
    def title_text(self) -> str:
        """The person's name: the title is the post ('Vice Mayor'), which several share."""
        return self.name


class Topic(Record):
    """A topic of the two-level topic tree."""

    rtype: ClassVar[str] = "topic"
    folder: ClassVar[str] = "registry/topics.yaml"
    label: ClassVar[str] = "Topic"

    name: Text
    name_zh: Text | None = None
    children: list[Topic] = []
    """Second-level topics (they have no children of their own)."""

    @model_validator(mode="after")
    def _two_levels(self) -> Topic:
        if any(c.children for c in self.children):
            raise PydanticCustomError("SCHEMA_RULE", "the topic tree has two levels only")
        return self
