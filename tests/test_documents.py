"""Documents as a policy-document page shows them, and the normative register (issue 17):
the new fields, government orders, attachments, provisional validity and repeal dates."""

from __future__ import annotations

import datetime as dt
import re
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
    # and an order takes an order's number (an editor's 京政令〔2026〕312号 passed)
    with pytest.raises(ValidationError, match="numbered as one"):
        doc(type="order", number="京政令〔2026〕312号")


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
    assert dated == {("written",): D(2026, 1, 1),
                     ("normative", "legality_review", "date"): D(2025, 12, 20),
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


# -- the document page ---------------------------------------------------------------------

def test_official_text_styles_the_four_levels_and_keeps_the_numbers() -> None:
    from generators.pages.documents import official_text

    html = official_text("一、总体要求\n\n（一）指导思想。\n\n1. 新建小区配建设施。\n\n"
                         "3. 跳号也照写。\n\n（1）送餐上门；\n\n正文段落。\n\n10.5 万元不是标题。")
    assert '<p class="l1"><span class="lead">一、总体要求</span></p>' in html
    assert '<p class="l2"><span class="lead">（一）指导思想。</span></p>' in html
    assert '<p class="l3"><span class="lead">1. 新建小区配建设施。</span></p>' in html
    # not renumbered by a list
    assert '<p class="l3"><span class="lead">3. 跳号也照写。</span></p>' in html
    assert '<p class="l4"><span class="lead">（1）</span>送餐上门；</p>' in html
    assert "<p>正文段落。</p>" in html and "<p>10.5 万元不是标题。</p>" in html
    assert "<ol" not in html


def test_a_heading_that_runs_into_its_text_is_styled_alone() -> None:
    """（一）业主协商。加装电梯应当经……: the heading in the level's face, its text as body
    (GB/T 9704); the whole paragraph was bold."""
    from generators.pages.documents import official_text

    html = official_text("（一）业主协商。加装电梯应当经本单元业主同意。\n\n"
                         "1. 资金。由区财政安排，见[细则](https://example.org/)。")
    assert ('<p class="l2"><span class="lead">（一）业主协商。</span>加装电梯应当经本单元业主'
            '同意。</p>') in html
    assert '<p class="l3"><span class="lead">1. 资金。</span>由区财政安排' in html
    # a step of one sentence: its number is the heading, its text is body
    step = official_text("2. 区住房城乡建设部门收到申请后，应当在5个工作日内答复。")
    assert '<p class="l3"><span class="lead">2.</span> 区住房城乡建设部门收到申请后' in step
    # and one with no comma but a step's length: siblings look alike
    step = official_text("1. 实施主体向所在区住房城乡建设部门提交申请材料。")
    assert '<p class="l3"><span class="lead">1.</span> 实施主体向' in step


def test_items_on_consecutive_lines_are_paragraphs_of_their_own() -> None:
    """As a document lists them, one a line with no blank line between: each its own
    paragraph at its level, not one paragraph run together."""
    from generators.pages.documents import official_text

    html = official_text("二、主要任务\n（一）完善设施。\n1. 新建小区配建。\n2. 老旧小区补建，"
                         "资金\n由区财政安排。\n（1）送餐上门；\n（2）助浴服务。")
    assert html.count("<p") == 6
    assert '<p class="l1"><span class="lead">二、主要任务</span></p>' in html
    assert '<p class="l2"><span class="lead">（一）完善设施。</span></p>' in html
    assert '<p class="l3"><span class="lead">1. 新建小区配建。</span></p>' in html
    # a line wrapped
    assert ('<p class="l3"><span class="lead">2.</span> 老旧小区补建，资金\n由区财政安排。'
            '</p>') in html
    assert '<p class="l4"><span class="lead">（2）助浴服务。</span></p>' in html


def test_official_text_is_cleaned_as_every_prose_field() -> None:
    from generators.pages.documents import official_text

    html = official_text('一、<script>alert(1)</script>\n\n<p class="l9" onclick="x()">二</p>')
    assert "<script" not in html and '<p class="l9"' not in html
    assert not [tag for tag in html.split("<")[1:] if "onclick" in tag.split(">")[0]]
    assert ('<p class="l1"><span class="lead">一、</span>&lt;script&gt;alert(1)&lt;/script&gt;'
            '</p>') in html


def _sample_catalog(audience: str = "internal"):  # type: ignore[no-untyped-def]
    from generators.outputs import open_catalog

    from .conftest import SAMPLE, SAMPLE_AS_OF

    recs, _ = validate(SAMPLE, "records", SAMPLE_AS_OF)
    return open_catalog(recs, SAMPLE.resolve(), SAMPLE_AS_OF, audience)


def test_document_page_shows_panel_text_attachments_and_interpretation() -> None:
    from generators.pages import render_record

    cat = _sample_catalog()
    wage = cat.by_id["doc-2026-116"]
    page = render_record(cat, "zh", "documents/2026/doc-2026-116.md", wage).markdown
    for label in ("索引号", "主题分类", "发文机关", "成文日期", "发文字号", "发布日期", "有效性",
                  "公开属性", "起草单位", "印发机关和印发日期", "附注", "统一登记号",
                  "合法性审核", "备案"):
        assert f"<dt>{label}</dt>" in page, label
    assert "000014349/2026-00017" in page and "主动公开" in page and "（此件公开发布）" in page
    found = cat.attachments["jzbf-2026-17/minimum-wage.xlsx"]
    assert ('href="../../../attachments/jzbf-2026-17/minimum-wage.xlsx" download>'
            in page)
    # the format and size are part of the link: one target to tap
    assert (f'<span class="attachment-facts">（Excel，{attachments.size_text(found.size)}）'
            "</span></span></a>") in page
    # the interpretation is a record of its own: linked from the page it interprets
    assert 'href="../doc-2026-302/"' in page.split("## 政策解读")[1]
    order = render_record(cat, "zh", "documents/2026/doc-2026-301.md",
                          cat.by_id["doc-2026-301"]).markdown
    assert "<dt>令号</dt>\n<dd><strong>北京市人民政府令第312号</strong></dd>" in order


def test_an_attachment_without_a_file_says_it_is_not_published() -> None:
    """The sample's 附件4 has a title and no file: the reader is told why there is nothing
    to open, in the page's language, and it is not a link."""
    import re

    from generators.pages import render_record

    cat = _sample_catalog()
    doc = cat.by_id["doc-2025-301"]
    for locale, no, why in (("zh", "附件4：", "（未随文公开）"),
                            ("en", "Attachment 4: ", " (not published with the document)")):
        page = render_record(cat, locale, "documents/2025/doc-2025-301.md", doc).markdown
        items = re.findall(r"<li>.*?</li>", page.split('<ul class="attachments">')[1]
                           .split("</ul>")[0])
        assert len(items) == 4
        fourth = items[3]
        assert "<a" not in fourth
        assert re.sub(r"<[^>]+>", "", fourth) == f"{no}加装电梯补贴资金申请流程图{why}"
        # the three with files say nothing of the kind
        assert all(why not in x and "<a " in x for x in items[:3])


def test_a_hidden_documents_attachments_never_reach_the_site() -> None:
    from generators.outputs import attachment_copies
    from generators.tables import attachments_frame

    secret = "attachments/jzbf-2026-20/rectification-list.pdf"
    for audience in ("public", "internal"):
        cat = _sample_catalog(audience)
        assert secret not in attachment_copies(cat)
        assert "jzbf-2026-20/rectification-list.pdf" not in dict.keys(cat.attachments)
        assert secret not in set(attachments_frame(cat)["file"])
    restricted = _sample_catalog("restricted")
    assert secret in attachment_copies(restricted)


def test_the_page_depends_on_its_attachments_bytes(tmp_path: Path) -> None:
    """A page showing a file's size is rendered again when the file changes (deps.py)."""
    from generators import deps
    from generators.incremental import Digests
    from generators.outputs import open_catalog
    from generators.pages import render_record

    records = overlay(tmp_path)
    (records / "attachments").mkdir()
    (records / "attachments" / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    path = records / "documents" / "2025" / "doc-a.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "attachments:\n  - {title: Plan, file: plan.pdf}\n", encoding="utf-8")

    def digest() -> tuple[set[str], str]:
        recs, _ = validate(records, "records", AS_OF, use_cache=False)
        cat = open_catalog(recs, records, AS_OF, "internal")
        with deps.recording() as keys:
            render_record(cat, "en", "documents/2025/doc-a.md", cat.by_id["doc-a"])
        return keys, Digests(cat)("att:plan.pdf")

    keys, before = digest()
    assert "att:plan.pdf" in keys
    (records / "attachments" / "plan.pdf").write_bytes(b"%PDF-1.4\n% a longer file\n")
    assert digest()[1] != before


def test_register_rows_give_repeal_date_status_and_the_finders_columns() -> None:
    from generators.pages import build_pages

    cat = _sample_catalog()
    pages = {p.src: p.markdown for p in build_pages(cat, "zh")}
    register = pages["documents/normative.md"]
    row = next(r for r in register.split("<tr>") if "京政发〔2019〕4号" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    # status, effective, no last day, the repeal date from 京政发〔2024〕3号 (in force from
    # 2024-02-29, its normative.effective), no day count (it was "-975")
    assert "已废止" in cells[2]
    assert cells[3:6] == ["2019-04-01", "", "2024-02-29"]
    provisional = next(r for r in register.split("<tr>") if "京政办发〔2025〕8号" in r)
    # provisional: in force from 2025-03-01, two years: last day 2027-02-28, 89 days after
    # the sample's as-of date 2026-12-01 (30 + 31 + 28 = 89)
    assert "即将到期" in provisional and "剩余89天" in provisional
    assert '<span class="tag">剩余89天</span> <span class="tag">暂行/试行' in provisional
    assert '<td class="nw">2027-02-28</td>' in provisional
    # 登记·审核·备案: each part on its line, a labelled date never broken inside
    assert ('<span class="nw">BJSZ-2025-0008</span><br><span class="nw">审核 2025-02-08</span>'
            '<br><span class="nw">备案 2025-03-20</span>') in provisional
    head = register.split("<thead>")[1].split("</thead>")[0]
    for label in ("有效性", "施行日期", "有效期至", "废止日期", "登记·审核·备案",
                  "起草单位（负责评估）", "政策解读"):
        assert f">{label}<" in head, label
    wage = next(r for r in register.split("<tr>") if "京政办发〔2026〕17号" in r)
    assert ">是<" in wage  # its interpretation is a record of its own
    assert "documents/topics/index.md" in pages
    topic = pages["documents/topics/employment.md"]
    assert "京政办发〔2026〕17号" in topic and "京政办函〔2026〕19号" in topic


def test_register_entry_parts_are_never_broken_inside() -> None:
    """The 登记·审核·备案 cell of 京政发〔2021〕12号 (registered BJSZ-2021-0212, reviewed
    2021-10-26, filed 2021-12-02), in the static table and in the finder's data: three
    parts, each kept on one line (the finder's cell once read "…审核 2021-10-" / "26")."""
    from generators.finders import _normative, encode
    from generators.labels import labels
    from generators.pages.indexes import register_entry
    from generators.tables import register_row

    cat = _sample_catalog()
    row = register_row(cat, cat.by_id["doc-2021-012"])
    parts = ["BJSZ-2021-0212", "审核 2021-10-26", "备案 2021-12-02"]
    assert register_entry(labels("zh"), row) == parts
    assert register_entry(labels("en"), row) == [
        "BJSZ-2021-0212", "Reviewed 2021-10-26", "Filed 2021-12-02"]
    # the parts a document lacks are left out, not left blank
    assert register_entry(labels("zh"), {**row, "registration": None, "filing_date": None}) \
        == ["审核 2021-10-26"]
    assert register_entry(labels("zh"), {**row, "registration": None,
                                         "legality_review_date": None, "filing_date": None}) == []
    data = encode(_normative(cat, labels("zh")), cat, "zh")
    column = next(c for c in data["columns"] if c["key"] == "register_entry")
    assert column["kind"] == "lines"  # finder.js: a span.nw a part, a <br> between
    at = data["data"]["number"].index("京政发〔2021〕12号")
    assert data["data"]["register_entry"][at] == parts


def test_register_rows_as_plain_values() -> None:
    from generators.tables import register_row

    cat = _sample_catalog()
    repealed = register_row(cat, cat.by_id["doc-2019-004"])
    assert (repealed["validity"], repealed["expires"], repealed["repealed_on"],
            repealed["repealed_by"], repealed["days"]) == (
        "repealed", None, D(2024, 2, 29), "doc-2024-003", None)
    provisional = register_row(cat, cat.by_id["doc-2025-301"])
    assert (provisional["validity"], provisional["expires"], provisional["days"],
            provisional["provisional"], provisional["legality_review_by"],
            provisional["filing_number"], provisional["drafter"], provisional["year"]) == (
        "expiring", D(2027, 2, 28), 89, True, "justice", "备〔2025〕21号", "housing", 2025)
    assert register_row(cat, cat.by_id["doc-2026-116"])["interpretation"] is True
    assert register_row(cat, cat.by_id["doc-2023-006"])["interpretation"] is False


def test_a_date_in_the_panel_never_breaks_inside() -> None:
    """印发 "2025年2 / 月17日印发" broke at 1,366 px and 备案号 "备 / 〔2025〕21号" at 390:
    each date and number is one unbreakable piece of its line."""
    from generators.pages.common import Ctx
    from generators.pages.documents import metadata_panel

    cat = _sample_catalog()
    doc = cat.by_id["doc-2025-301"]
    html = metadata_panel(Ctx(cat, "zh", "documents/2025/doc-2025-301.md"), doc)
    assert doc.printed is not None
    assert f'<span class="nw">{doc.printed.date.year}年{doc.printed.date.month}月' in html
    assert '<span class="nw">备〔2025〕21号</span>' in html
