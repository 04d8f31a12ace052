"""The registry: units, officials and topics (lists of entries in registry/*.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, Record, Ref, Strict, Text

UnitKind = Literal["government", "general-office", "district", "agency", "state-council",
                   "legislature", "cppcc", "other"]
Position = Literal["mayor", "executive-vice-mayor", "vice-mayor", "secretary-general",
                   "deputy-secretary-general", "other"]


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

    @model_validator(mode="after")
    def _closed_matches_status(self) -> Unit:
        if (self.status == "closed") != (self.closed is not None):
            raise PydanticCustomError(
                "SCHEMA_RULE", "status: closed and a closed: {{date, reason}} block go together")
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
        if self.to and self.to < self.from_:
            raise PydanticCustomError("DATE_ORDER", "term ends ({to}) before it starts ({fr})",
                                      {"to": str(self.to), "fr": str(self.from_), "field": "to"})
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
