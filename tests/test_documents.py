"""Documents as a policy-document page shows them, and the normative register (issue 17):
the new fields, government orders, attachments, provisional validity and repeal dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from generators import attachments
from generators.catalog import build_catalog
from generators.figures import normative_validity, repeal_date
from generators.models.document import Document
from generators.numbers import parse_order_number
from generators.validate import validate

from .conftest import AS_OF, overlay

D = dt.date


def doc(**kw: object) -> Document:
    base: dict[str, object] = {
        "id": "d", "number": "京政发〔2026〕1号", "type": "opinion", "issuers": ["u"],
        "title": "t", "recipients": [], "written": D(2026, 1, 1), "summary": "s"}
    return Document.model_validate({**base, **kw})


# -- provisional documents: two years instead of five -------------------------------------

@pytest.mark.parametrize(("effective", "provisional", "last_day"), [
    (D(2024, 4, 1), False, D(2029, 3, 31)),  # five years, the day before the anniversary
    (D(2024, 4, 1), True, D(2026, 3, 31)),   # provisional: two years
    (D(2024, 2, 29), True, D(2026, 2, 28)),  # 29 Feb + 2 years = 1 Mar 2026, the day before
    (D(2023, 3, 1), True, D(2025, 2, 28)),   # 2025 is a common year
    (D(2026, 3, 1), True, D(2028, 2, 29)),   # 2028 is a leap year
])
def test_default_last_day(effective: dt.date, provisional: bool, last_day: dt.date) -> None:
    d = doc(normative={"effective": effective, "status": "in-force",
                       "provisional": provisional})
    assert d.normative is not None
    assert d.normative.expiry == last_day


def test_an_explicit_expiry_wins_over_the_provisional_default() -> None:
    d = doc(normative={"effective": D(2024, 4, 1), "expires": D(2027, 6, 30),
                       "status": "in-force", "provisional": True})
    assert d.normative is not None and d.normative.expiry == D(2027, 6, 30)


@pytest.mark.parametrize(("effective", "status"), [
    # AS_OF is 2026-11-27; provisional last day = effective + 2 years - 1 day
    (D(2024, 11, 28), "expiring"),  # last day 2026-11-27: today, still in force
    (D(2024, 11, 27), "expired"),   # last day 2026-11-26: yesterday
    (D(2025, 5, 27), "expiring"),   # last day 2027-05-26: 180 days ahead
    (D(2025, 5, 28), "in-force"),   # last day 2027-05-27: 181 days ahead
])
def test_provisional_validity_boundaries(effective: dt.date, status: str) -> None:
    d = doc(normative={"effective": effective, "status": "in-force", "provisional": True})
    v = normative_validity(d, AS_OF)
    assert v is not None and v.status == status and v.provisional


# -- repeal dates ---------------------------------------------------------------------------

def test_repeal_date_is_the_repealing_documents_effective_else_published_else_written() -> None:
    full = doc(written=D(2024, 3, 20), published=D(2024, 3, 25),
               normative={"effective": D(2024, 4, 1), "status": "in-force"})
    assert repeal_date(full) == D(2024, 4, 1)
    published = doc(written=D(2024, 3, 20), published=D(2024, 3, 25))
    assert repeal_date(published) == D(2024, 3, 25)
    assert repeal_date(doc(written=D(2024, 3, 20))) == D(2024, 3, 20)


def test_the_catalog_gives_a_repealed_document_its_repeal_date() -> None:
    old = doc(id="old", number="京政发〔2020〕1号", written=D(2020, 1, 1),
              normative={"effective": D(2020, 2, 1), "status": "repealed"})
    new = doc(id="new", number="京政发〔2024〕9号", written=D(2024, 3, 20),
              published=D(2024, 3, 25), relations=[{"type": "repeals", "target": "old"}],
              normative={"effective": D(2024, 4, 1), "status": "in-force"})
    cat = build_catalog([old, new], AS_OF)
    v = cat.validity["old"]
    assert (v.status, v.repealed_by, v.repealed_on) == ("repealed", "new", D(2024, 4, 1))
    assert cat.validity["new"].repealed_on is None
    # a public build does not see the internal repealing document: no date from it
    public = build_catalog([old.model_copy(update={"classification": "public"}), new],
                           AS_OF, "public")
    pv = public.validity["old"]
    assert (pv.status, pv.repealed_by, pv.repealed_on) == ("repealed", None, None)


# -- government orders ----------------------------------------------------------------------

def test_an_order_is_numbered_as_an_order() -> None:
    num = parse_order_number("北京市人民政府令第312号")
    assert num is not None and (num.organ, num.seq) == ("北京市人民政府", 312)
    assert str(num) == "北京市人民政府令第312号"
    assert parse_order_number("北京市人民政府令第0312号") is None
    assert parse_order_number("京政发〔2026〕3号") is None
    order = doc(type="order", number="北京市人民政府令第312号")
    assert order.is_order
    with pytest.raises(ValidationError, match="NUMBER_FORMAT"):
        doc(type="notice", number="北京市人民政府令第312号")


# -- new fields ----------------------------------------------------------------------------

def test_new_fields_are_read_and_name_their_units() -> None:
    d = doc(drafter="u2", disclosure="active", printed={"by": "u3", "date": D(2026, 1, 2)},
            note="（此件公开发布）", index_no="11110000000000000X/2026-00001",
            normative={"effective": D(2026, 2, 1), "status": "in-force",
                       "registration": "BJ-2026-001",
                       "legality_review": {"date": D(2025, 12, 20), "by": "u4"},
                       "filing": {"date": D(2026, 2, 10), "number": "备2026-3"}})
    named = {(loc, kind, target) for loc, kind, target in d.refs()}
    assert (("drafter",), "unit", "u2") in named
    assert (("printed", "by"), "unit", "u3") in named
    assert (("normative", "legality_review", "by"), "unit", "u4") in named
    dated = {loc: day for loc, day, _what in d.date_checks()}
    assert dated == {("normative", "legality_review", "date"): D(2025, 12, 20),
                     ("normative", "filing", "date"): D(2026, 2, 10)}
    with pytest.raises(ValidationError, match="DATE_ORDER"):
        doc(printed={"by": "u3", "date": D(2025, 12, 31)})
    with pytest.raises(ValidationError):
        doc(disclosure="public")  # 公开属性 is not the intranet's classification


def test_an_attachment_must_be_a_file_inside_the_folder(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    folder = records / "attachments" / "doc-a"
    folder.mkdir(parents=True)
    (folder / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "outside.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "link.pdf").symlink_to(tmp_path / "outside.pdf")
    assert attachments.locate(records, "doc-a/plan.pdf") is not None
    assert attachments.locate(records, "doc-a/link.pdf") is None
    assert attachments.locate(records, "doc-a") is None
    assert attachments.locate(records, "doc-a/none.pdf") is None
    got = attachments.read(records, "doc-a/plan.pdf")
    assert got is not None and (got.size, got.kind) == (15, "PDF")
    path = records / "documents" / "2025" / "doc-a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "attachments:\n"
                    "  - {title: Plan, file: doc-a/plan.pdf}\n"
                    "  - {title: Link, file: doc-a/link.pdf}\n", encoding="utf-8")
    _recs, report = validate(records, "records", AS_OF)
    found = [(p.code, p.message) for p in report.problems if p.code == "REF_ATTACHMENT"]
    assert found == [("REF_ATTACHMENT", "no file 'doc-a/link.pdf' in attachments/")]


def test_a_removed_attachment_is_seen_by_the_cached_verdict(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    (records / "attachments").mkdir()
    (records / "attachments" / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    path = records / "documents" / "2025" / "doc-a.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "attachments:\n  - {title: Plan, file: plan.pdf}\n", encoding="utf-8")
    _recs, first = validate(records, "records", AS_OF)
    assert not [p for p in first.problems if p.code == "REF_ATTACHMENT"]
    from generators.cache import quick_report
    assert quick_report(records, str(AS_OF), "records") is not None
    (records / "attachments" / "plan.pdf").unlink()
    assert quick_report(records, str(AS_OF), "records") is None  # stamps changed
    _recs, second = validate(records, "records", AS_OF)
    assert [p.code for p in second.problems if p.code == "REF_ATTACHMENT"] == ["REF_ATTACHMENT"]


@pytest.mark.parametrize(("path", "kind"), [
    ("a/b.pdf", "PDF"), ("a/B.OFD", "OFD"), ("x.docx", "Word"), ("x.doc", "Word"),
    ("x.xlsx", "Excel"), ("x.zip", "ZIP"), ("x", "?")])
def test_kinds(path: str, kind: str) -> None:
    assert attachments.kind_of(path) == kind


@pytest.mark.parametrize(("size", "text"), [
    (0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1536, "1.5 KB"),
    (1024 * 1024, "1.0 MB")])
def test_sizes(size: int, text: str) -> None:
    assert attachments.size_text(size) == text


def test_href_encodes_each_part() -> None:
    assert attachments.href_path("jzf 1/任务#2.pdf") == \
        "attachments/jzf%201/%E4%BB%BB%E5%8A%A1%232.pdf"
