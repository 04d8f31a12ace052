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
from ..numbers import corrected_number, parse_number, parse_order_number
from .common import (
    Act,
    Broken,
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
    if parse_number(value) is None and parse_order_number(value) is None:
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


def _check_index(value: str) -> str:
    # compared for uniqueness, so an invisible character would make two look different
    refuse_invisible(value, "NUMBER_FORMAT", "index number")
    return value


IndexNo = Annotated[str, Field(min_length=1), AfterValidator(_check_index)]


VALIDITY_YEARS = 5
"""Default validity of a normative document (规范性文件), in years from taking effect."""
PROVISIONAL_YEARS = 2
"""Default validity of a provisional one (暂行/试行), in years from taking effect."""


class LegalityReview(Strict):
    """合法性审核: the review of legality before the document is issued."""

    date: Date
    by: Id
    """The unit that reviewed it (usually the justice bureau, 司法局)."""


class Filing(Strict):
    """备案: the filing of the document with the body above (e.g. the State Council, the
    people's congress standing committee)."""

    date: Date
    number: Text | None = None
    """The filing number, as the receiving body gave it (备案号)."""


class Normative(Strict):
    """Validity of a normative document (规范性文件)."""

    effective: Date
    expires: Date | None = None
    """Last day in force; by default the day before the fifth anniversary of effective
    (the second for a provisional document)."""
    status: Literal["in-force", "amended", "repealed"]
    registration: Text | None = None
    """统一登记号: the number under which the register of normative documents lists it."""
    legality_review: LegalityReview | None = None
    """合法性审核: when and by which unit its legality was reviewed."""
    filing: Filing | None = None
    """备案: when (and under which number) it was filed."""
    provisional: bool = False
    """暂行/试行: a provisional document is valid two years unless expires says otherwise."""

    @property
    def expiry(self) -> dt.date:
        """Last day in force: expires, or the day before the fifth anniversary of taking
        effect (the second for a provisional document), as registers print it:
        effective 2024-04-01 -> 2029-03-31 (provisional: 2026-03-31),
        2023-03-01 -> 2028-02-29, 2024-02-29 -> 2029-02-28."""
        years = PROVISIONAL_YEARS if self.provisional else VALIDITY_YEARS
        return self.expires or add_years(self.effective, years) - dt.timedelta(days=1)

    @model_validator(mode="after")
    def _order(self) -> Normative:
        if self.expires and self.expires < self.effective:
            raise PydanticCustomError("DATE_ORDER", "expires before it takes effect",
                                      {"field": "expires"})
        return self


class Printed(Strict):
    """印发机关和印发日期: the organ that printed and sent the document, and the day."""

    by: Id
    """The printing organ (usually the General Office)."""
    date: Date


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
    # issue 17: documents as a policy-document page shows them
    index_no: IndexNo | None = None
    """索引号: the disclosure catalogue's index number, unique across the archive."""
    drafter: Id | None = None
    """起草单位 (承办单位): the unit that drafted the document and answers for it."""
    disclosure: Literal["active", "on-request", "not-disclosed"] | None = None
    """公开属性: 主动公开 / 依申请公开 / 不予公开 under the disclosure regulations; independent
    of classification, which is who may see the record in this intranet."""
    printed: Printed | None = None
    """印发机关和印发日期."""
    note: Text | None = None
    """附注, as printed below the text, e.g. （此件公开发布）."""
    normative: Normative | None = None
    relations: list[Relation] = []
    interpretation: Markdown | None = None
    """Policy interpretation (政策解读)."""
    attachments: list[Attachment] = []
    summary: Markdown
    body: Markdown | None = None

    @model_validator(mode="after")
    def _dates(self) -> Document:
        broken = Broken()
        if not self.issuers:
            broken("SCHEMA_MISSING_FIELD", "issuers: name at least one unit",
                   {"field": "issuers", "hint": "write the issuing unit's id in the brackets, "
                    "e.g. issuers: [general-office]"})
        if self.published and self.published < self.written:
            broken("DATE_ORDER", "published ({p}) before written ({w})",
                   {"p": str(self.published), "w": str(self.written), "field": "published"})
        if self.printed and self.printed.date < self.written:
            broken("DATE_ORDER", "printed ({p}) before written ({w})",
                   {"p": str(self.printed.date), "w": str(self.written), "field": "printed"})
        if self.type == "order" and parse_order_number(self.number) is None:
            # DESIGN.md: type order takes numbers of the form 北京市人民政府令第312号
            broken("NUMBER_FORMAT", "an order (type: order) is numbered as one, like "
                   "北京市人民政府令第312号, not '{v}'", {"v": self.number, "field": "number"})
        if parse_order_number(self.number) and self.type != "order":
            broken("NUMBER_FORMAT", "'{v}' is an order's number (令第N号): only type: order "
                   "takes one; other documents are numbered like 京政发〔2026〕3号",
                   {"v": self.number, "field": "number"})
        broken.raise_any(self)
        return self

    @property
    def is_order(self) -> bool:
        """A government order (政府令) numbered as one: 北京市人民政府令第312号."""
        return self.type == "order" and parse_order_number(self.number) is not None

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
        if self.drafter:
            yield ("drafter",), "unit", self.drafter
        if self.printed:
            yield ("printed", "by"), "unit", self.printed.by
        if self.normative and self.normative.legality_review:
            yield ("normative", "legality_review", "by"), "unit", \
                self.normative.legality_review.by
        for i, r in enumerate(self.relations):
            kind: RefKind = "record" if r.type in ("implements", "responds-to") else "document"
            yield ("relations", i, "target"), kind, r.target

    def date_checks(self) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
        # written and published are past events (施行 may lie ahead: not checked)
        yield ("written",), self.written, "written"
        if self.published:
            yield ("published",), self.published, "published"
        norm = self.normative
        if norm and norm.legality_review:
            yield ("normative", "legality_review", "date"), norm.legality_review.date, \
                "legality review"
        if norm and norm.filing:
            yield ("normative", "filing", "date"), norm.filing.date, "filing"

    def acts(self) -> Iterator[Act]:
        if self.signatory:
            yield ("signatory",), self.signatory, self.written, "signs"
