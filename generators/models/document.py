"""Documents issued in the name of the municipal government or its General Office (duty 1)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, ClassVar, Literal
from urllib.parse import unquote

from pydantic import AfterValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..errors import INVISIBLE
from ..numbers import corrected_number, parse_number
from .common import (
    Act,
    Date,
    Id,
    Markdown,
    Record,
    Ref,
    RefKind,
    Strict,
    Text,
    refuse_invisible,
)

DocType = Literal["resolution", "decision", "order", "communique", "announcement",
                  "public-notice", "opinion", "notice", "circular", "report", "request",
                  "reply", "motion", "letter", "minutes"]
RelationType = Literal["amends", "repeals", "implements", "supersedes", "interprets",
                       "responds-to"]


def check_number(value: str) -> str:
    refuse_invisible(value, "NUMBER_FORMAT", "number")
    if parse_number(value) is None:
        fixed = corrected_number(value)
        if fixed:
            raise PydanticCustomError("NUMBER_FORMAT", "'{v}' is malformed: write '{fixed}'",
                                      {"v": value, "fixed": fixed})
        raise PydanticCustomError(
            "NUMBER_FORMAT", "'{v}' is not a document number like 京政发〔2026〕3号", {"v": value})
    return value


def add_years(day: dt.date, years: int) -> dt.date:
    """The anniversary N years on; 29 February's in a common year is 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


DocNumberText = Annotated[str, Field(min_length=1), AfterValidator(check_number)]


class Normative(Strict):
    """Validity of a normative document (规范性文件)."""

    effective: Date
    expires: Date | None = None
    """Last day in force; by default the day before the fifth anniversary of effective."""
    status: Literal["in-force", "amended", "repealed"]

    @property
    def expiry(self) -> dt.date:
        """Last day in force: expires, or the day before the fifth anniversary of taking
        effect, as registers print it: effective 2024-04-01 -> 2029-03-31,
        2023-03-01 -> 2028-02-29, 2024-02-29 -> 2029-02-28."""
        return self.expires or add_years(self.effective, 5) - dt.timedelta(days=1)

    @model_validator(mode="after")
    def _order(self) -> Normative:
        if self.expires and self.expires < self.effective:
            raise PydanticCustomError("DATE_ORDER", "expires before it takes effect",
                                      {"field": "expires"})
        return self


class Relation(Strict):
    type: RelationType
    target: Id
    """Id of the document (or received document) this one amends, repeals, implements..."""


class Attachment(Strict):
    title: Text
    file: str | None = None
    """Path of the file, relative to the attachments folder."""

    @field_validator("file")
    @classmethod
    def _inside(cls, v: str | None) -> str | None:
        if v is not None and escapes(v):
            raise PydanticCustomError("SAFETY_PATH", "attachment path '{v}' leaves its folder",
                                      {"v": v})
        return v


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # file:, http:, and a drive such as C:


def escapes(path: str) -> bool:
    """Whether a path, taken as relative to the attachments folder, could name something
    outside it: absolute, home-relative, a URL or a drive, '..' (also percent-encoded, as
    a link would decode it), or a control character that a file system might drop."""
    text = unquote(path).replace("\\", "/")
    return (text.startswith(("/", "~")) or ".." in text.split("/")
            or bool(_SCHEME.match(text)) or bool(INVISIBLE.search(text)))


class Document(Record):
    """A document issued by the municipal government or its General Office (公文)."""

    rtype: ClassVar[str] = "document"
    folder: ClassVar[str] = "documents"
    label: ClassVar[str] = "Document"
    id_prefix: ClassVar[str] = "doc"

    number: DocNumberText
    """Document number (发文字号): prefix, year in 〔〕, sequence, 号: 京政发〔2026〕3号."""
    type: DocType
    """One of the 15 official types (2012 regulations, art. 8)."""
    issuers: list[Id]
    """Issuing units; the first leads a joint issuance."""
    signatory: Id | None = None
    """Official who signed (upward documents)."""
    title: Text
    recipients: list[Id]
    """Main recipients (主送机关)."""
    cc: list[Id] = []
    """Copied-to units (抄送机关)."""
    written: Date
    """Written date (成文日期)."""
    published: Date | None = None
    """Publication date (发布日期)."""
    urgency: Literal["normal", "urgent", "extra-urgent"] = "normal"
    normative: Normative | None = None
    relations: list[Relation] = []
    interpretation: Markdown | None = None
    """Policy interpretation (政策解读)."""
    attachments: list[Attachment] = []
    summary: Markdown
    body: Markdown | None = None

    @model_validator(mode="after")
    def _dates(self) -> Document:
        if not self.issuers:
            raise PydanticCustomError("SCHEMA_MISSING_FIELD", "issuers: name at least one unit")
        if self.published and self.published < self.written:
            raise PydanticCustomError("DATE_ORDER", "published ({p}) before written ({w})",
                                      {"p": str(self.published), "w": str(self.written),
                                       "field": "published"})
        return self

    @property
    def main_date(self) -> dt.date:
        return self.written

    def refs(self) -> Iterator[Ref]:
        yield from super().refs()
        for field in ("issuers", "recipients", "cc"):
            for i, u in enumerate(getattr(self, field)):
                yield (field, i), "unit", u
        if self.signatory:
            yield ("signatory",), "official", self.signatory
        for i, r in enumerate(self.relations):
            kind: RefKind = "record" if r.type in ("implements", "responds-to") else "document"
            yield ("relations", i, "target"), kind, r.target

    def acts(self) -> Iterator[Act]:
        if self.signatory:
            yield ("signatory",), self.signatory, self.written, "signs"
