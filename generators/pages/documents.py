"""Documents as a policy-document page shows them (issue 17): the metadata panel, the
full text laid out with the numbering of an official document, attachments as files,
the policy interpretation, and topics as pages.

Government portals head a policy document with a panel of 索引号, 主题分类, 发文机关,
成文日期, 发文字号, 发布日期, 有效性, 公开属性 ...; the text follows with its headings
numbered 一、（一）1.（1） (GB/T 9704-2012, 7.3.3: the four levels of structure).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from urllib.parse import quote

from .. import deps
from ..attachments import kind_of, size_text
from ..catalog import Catalog
from ..models.document import Document
from ..models.registry import Topic
from ..urls import relative
from .common import Ctx, Page, date_cell, esc, heading, prose
from .indexes import Listing, paginate

# -- the full text --------------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十百"
LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("l1", re.compile(f"^[{_CN_NUM}]+、")),          # 一、 first level (黑体)
    ("l2", re.compile(f"^（[{_CN_NUM}]+）")),        # （一） second level (楷体)
    ("l3", re.compile(r"^\d+[.．](?!\d)")),          # 1. third level (仿宋, bold)
    ("l4", re.compile(r"^（\d+）")),                  # （1） fourth level (仿宋)
)
"""The four levels of an official document's structure and how each begins; a paragraph
that begins so is styled as its level (portal.css), the others as body text."""

_ARABIC_ITEM = re.compile(r"^([ \t]{0,3})(\d+)\.([ \t])", re.MULTILINE)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def official_text(text: str) -> str:
    """A document's body (Markdown, as every prose field) as HTML whose paragraphs carry
    their level: `<p class="l1">一、总体要求</p>`.

    "1. " at the start of a line stays the document's own numbering, as written (Markdown
    would make it a list numbered by the browser, and renumber "3." after a paragraph as
    1.).  The text is cleaned as every prose field is (common.prose); the classes are
    added to that clean HTML, and only the four fixed ones."""
    kept = _ARABIC_ITEM.sub(lambda m: f"{m[1]}{m[2]}\\.{m[3]}", _own_paragraphs(text))
    html = prose(kept)

    def level(m: re.Match[str]) -> str:
        inner = m[1]
        plain = re.sub(r"<[^>]+>", "", inner).lstrip()
        for cls, pattern in LEVELS:
            if pattern.match(plain):
                return f'<p class="{cls}">{_run_in(inner, pattern)}</p>'
        return m[0]

    return _PARAGRAPH.sub(level, html)


STEP_CHARS = 15
"""A numbered sentence longer than this is a step, not a heading: headings are short
(总体要求, 新建小区配建设施。); 实施主体向所在区住房城乡建设部门提交申请材料。 (22) is a step,
and sibling steps must look alike."""


def _run_in(inner: str, level: re.Pattern[str]) -> str:
    """A numbered paragraph's heading in a span of its own (portal.css styles the span):
    where the heading runs into its text, "（一）业主协商。加装电梯应当经……", only
    "（一）业主协商。" is in the level's face, as GB/T 9704 sets it, not the whole
    paragraph.  A paragraph of one sentence is all heading ("一、总体要求") unless it reads
    as a step ("1. 实施主体向……提交申请材料。": a comma or semicolon in it, or longer than
    STEP_CHARS), whose number alone is the heading; a heading holding markup (a link) is
    left whole rather than cut inside a tag."""
    text = inner.rstrip()
    stop = text.find("。")
    if 0 <= stop < len(text) - 1 and "<" not in inner[:stop]:
        return f'<span class="lead">{inner[:stop + 1]}</span>{inner[stop + 1:]}'
    number = level.match(inner)
    said = re.sub(r"<[^>]+>", "", text[number.end():] if number else text).strip()
    if (number and "<" not in inner[:number.end()]
            and (re.search("[，；]", said) or len(said) > STEP_CHARS)):
        return f'<span class="lead">{inner[:number.end()]}</span>{inner[number.end():]}'
    return f'<span class="lead">{inner}</span>'


def _own_paragraphs(text: str) -> str:
    """text with a blank line before each line that begins a numbered item (一、（一）1.
    （1）): written on consecutive lines, as a document lists its items, Markdown joined
    them into one paragraph, run together on one line."""
    out: list[str] = []
    for line in text.splitlines():
        if out and out[-1].strip() and any(p.match(line.lstrip()) for _c, p in LEVELS):
            out.append("")
        out.append(line)
    return "\n".join(out)


def body_block(text: str) -> str:
    return f'<div class="record-prose official-text">{official_text(text)}</div>\n'


# -- the metadata panel ---------------------------------------------------------------------

def number_html(d: Document) -> str:
    return f"<strong>{esc(d.number)}</strong>"


def _said(ctx: Ctx, key: str, **html: str) -> str:
    """A label with HTML in its slots (a link, a date that must not break: "2025年2 /
    月17日印发" at 1,366 px), the label's own text escaped."""
    marks = {name: chr(1 + i) for i, name in enumerate(html)}
    out = esc(ctx.t(key, **marks))
    for name, mark in marks.items():
        out = out.replace(mark, html[name])
    return out


def _day(ctx: Ctx, day: dt.date) -> str:
    return f'<span class="nw">{esc(ctx.day(day))}</span>'


def metadata_panel(ctx: Ctx, d: Document) -> str:
    """The panel of a policy-document page, in the order gov.cn and beijing.gov.cn show it,
    as a definition grid (two columns on a desk, label above value on a phone)."""
    t = ctx.t
    v = ctx.cat.validity.get(d.id)
    printed = ""
    if d.printed:
        printed = _said(ctx, "printed_on", by=ctx.link(d.printed.by), d=_day(ctx, d.printed.date))
    rows: list[tuple[str, str]] = [
        ("index_no", esc(d.index_no or "")),
        ("topics", ctx.links(d.topics)),
        ("issuers", ctx.links(d.issuers)),
        ("written", esc(ctx.day(d.written))),
        ("order_number" if d.is_order else "number", number_html(d)),
        ("published", esc(ctx.day(d.published)) if d.published else ""),
    ]
    if v:
        rows.append(("validity", ctx.badge(v.status)))
    rows += [
        ("disclosure_status", esc(t(f"disclosure-{d.disclosure}")) if d.disclosure else ""),
        ("drafter", ctx.link(d.drafter)),
        ("printed", printed),
        ("doc_note", esc(d.note or "")),
        ("type", ctx.v(d.type)), ("signatory", ctx.link(d.signatory)),
        ("recipients", ctx.links(d.recipients)), ("cc", ctx.links(d.cc)),
        ("urgency", ctx.v(d.urgency) if d.urgency != "normal" else ""),
    ]
    panel = ctx.meta(rows).replace('<dl class="meta">', '<dl class="meta doc-meta">', 1)
    return panel + (normative_panel(ctx, d) if v else "")


def normative_panel(ctx: Ctx, d: Document) -> str:
    """The register's entry of a normative document: dates, registration, review, filing."""
    t = ctx.t
    v = ctx.cat.validity[d.id]
    norm = d.normative
    assert norm is not None
    review = ""
    if norm.legality_review:
        review = _said(ctx, "reviewed_on", by=ctx.link(norm.legality_review.by),
                       d=_day(ctx, norm.legality_review.date))
    filing = ""
    if norm.filing:
        filing = _said(ctx, "filed_on", d=_day(ctx, norm.filing.date))
        if norm.filing.number:  # 备〔2025〕21号 whole, as a document number
            filing += ctx.paren(_said(ctx, "filing_number",
                                      n=f'<span class="nw">{esc(norm.filing.number)}</span>'))
    rows = [("effective", esc(ctx.day(v.effective)))]
    if v.status == "repealed":
        rows.append(("repealed_on", esc(ctx.day(v.repealed_on)) if v.repealed_on else ""))
    else:
        tag = f' <span class="tag">{esc(t("provisional"))}</span>' if v.provisional else ""
        rows.append(("expires", esc(ctx.day(v.expires)) + tag))
    rows += [("registration", esc(norm.registration or "")),
             ("legality_review", review), ("filing", filing),
             ("evaluation_unit", ctx.link(d.drafter))]
    return ctx.meta(rows).replace('<dl class="meta">', '<dl class="meta doc-meta">', 1)


# -- attachments ----------------------------------------------------------------------------

def attachments_block(ctx: Ctx, d: Document) -> str:
    """附件: each a link to its copy in the site, its format and size part of the link;
    an attachment without a file (or whose file this build does not publish) by its
    title, and the reader told there is nothing to open: "附件4：流程图（未随文公开）" (the
    contract gives an attachment only a title and a file, so no reason of the editor's
    own is shown)."""
    if not d.attachments:
        return ""
    t = ctx.t
    items = []
    for n, a in enumerate(d.attachments, 1):
        label = f'<span class="attachment-no">{esc(t("attachment_no", n=n))}{ctx.colon()}</span>'
        found = ctx.cat.attachments.get(a.file) if a.file else None
        if found is None:
            why = ctx.paren(esc(t("attachment_missing")))
            items.append(f'<li>{label}<span>{esc(a.title)}<span class="attachment-none">{why}'
                         "</span></span></li>")
            continue
        href = "/".join(quote(part) for part in _relative_file(ctx.src, found.site_src))
        comma = "，" if ctx.locale == "zh" else ", "
        facts = ctx.paren(esc(f"{kind_of(found.path)}{comma}{size_text(found.size)}"))
        # the format and size inside the link: one target to tap, and a link whose name
        # says what it opens (portal.css makes it a finger tall on a phone)
        items.append(f'<li>{label}<a class="attachment" href="{href}" download><span>'
                     f'{esc(a.title)}<span class="attachment-facts">{facts}</span></span></a>'
                     "</li>")
    return (heading(t("attachments"), 2) + '<ul class="attachments">' + "".join(items)
            + "</ul>\n")


def _relative_file(page_src: str, target: str) -> list[str]:
    """The parts of the URL from a page's directory URL to a file of the site."""
    return relative(page_src, target).split("/")


# -- the policy interpretation --------------------------------------------------------------

def interpretations(ctx: Ctx, d: Document) -> list[Document]:
    """Documents that interpret this one (relations: interprets), which the audience sees."""
    return [x for x in ctx.cat.referrers(d.id, Document)
            if any(r.type == "interprets" and r.target == d.id for r in x.relations)]


def interpretation_block(ctx: Ctx, d: Document) -> str:
    """政策解读: its own record, linked, when there is one; the document's own text
    (interpretation) inline otherwise (or as well)."""
    t = ctx.t
    records = interpretations(ctx, d)
    interprets = [r.target for r in d.relations if r.type == "interprets"]
    out = []
    if records or d.interpretation:
        out.append(heading(t("interpretation"), 2))
        if records:
            out.append('<ul class="interpretations">' + "".join(
                f"<li>{ctx.link(x.id)}{ctx.paren(esc(ctx.day(x.published or x.written)))}"
                "</li>" for x in records) + "</ul>\n")
        if d.interpretation:
            out.append(f'<div class="record-prose">{prose(d.interpretation)}</div>\n')
    if interprets:
        out.append(f'<p class="interprets">{esc(t("interpretation_of"))}{ctx.colon()}'
                   f"{ctx.links(interprets)}</p>\n")
    return "".join(out)


# -- topics ---------------------------------------------------------------------------------

TOPICS_SRC = "documents/topics/index.md"


def topic_src(topic_id: str) -> str:
    return f"documents/topics/{topic_id}.md"


def _topic_tree(cat: Catalog) -> list[tuple[Topic, list[Topic]]]:
    out = []
    for parent in cat.of(Topic):
        if parent.id in cat.hidden:
            continue
        out.append((parent, [c for c in parent.children if c.id not in cat.hidden]))
    return out


def topic_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    """The topic index (each topic with its documents' count) and a page per topic listing
    its documents (a first-level topic: its own and its children's)."""
    ctx = Ctx(cat, locale, TOPICS_SRC)
    t = ctx.t
    tree = _topic_tree(cat)
    docs = cat.of(Document)
    counts: dict[str, int] = {}
    for d in docs:
        for x in set(d.topics):
            counts[x] = counts.get(x, 0) + 1
    rows = []
    for parent, children in tree:
        own = {parent.id, *(c.id for c in children)}
        total = sum(1 for d in docs if own & set(d.topics))
        rows.append([f"<strong>{ctx.page_link(topic_src(parent.id), ctx.name(parent))}</strong>",
                     (str(total), total)])
        rows += [[f"　{ctx.page_link(topic_src(c.id), ctx.name(c))}",
                  (str(counts.get(c.id, 0)), counts.get(c.id, 0))] for c in children]
    yield Page(TOPICS_SRC, t("topic_index"), heading(t("topic_index"))
               + ctx.table(["name", "count"], rows, sortable=False), in_nav=True)
    for parent, children in tree:
        yield from _topic_page(cat, locale, parent, children)
        for c in children:
            yield from _topic_page(cat, locale, c, [], parent)


def _topic_page(cat: Catalog, locale: str, topic: Topic, children: list[Topic],
                parent: Topic | None = None) -> Iterator[Page]:
    src = topic_src(topic.id)
    ctx = Ctx(cat, locale, src)
    t = ctx.t
    with deps.recording() as keys:
        # the names the head and title show (a topic is read from the tree, not looked up)
        deps.note_all(f"r:{x.id}" for x in (topic, *children, *([parent] if parent else [])))
        own = {topic.id, *(c.id for c in children)}
        items = [d for d in cat.of(Document) if own & set(d.topics)]
        head = []
        if parent is not None:
            head.append(f"<p>{ctx.page_link(topic_src(parent.id), ctx.name(parent))}</p>\n")
        if children:
            head.append(f"<p>{esc(t('subtopics'))}{ctx.colon()}" + ctx.sep().join(
                ctx.page_link(topic_src(c.id), ctx.name(c)) for c in children) + "</p>\n")

    def row(c: Ctx, d: Document) -> list[object]:
        v = c.cat.validity.get(d.id)
        return [esc(d.number), c.link(d.id), c.v(d.type), c.link(d.issuers[0]),
                date_cell(d.written), c.badge(v.status) if v else ""]

    listing = Listing(["number", "title", "type", "issuer", "written", "validity"], items,
                      row, f"topic-{topic.id}", [2, 3])
    yield from paginate(cat, locale, src, t("topic_title", name=ctx.name(topic)),
                        ("".join(head), listing, ""), in_nav=False, head=frozenset(keys))


def first_level_topic(cat: Catalog, d: Document) -> str | None:
    """The first-level topic of the document's first visible topic (its own id if it is
    one): the one value per document a topic filter of a listing narrows by."""
    for x in d.topics:
        if x in cat.hidden:
            continue
        for parent in cat.of(Topic):
            if parent.id == x or any(c.id == x for c in parent.children):
                return parent.id
    return None


def topic_names(ctx: Ctx, d: Document) -> str:
    """The document's topics as links to their pages (hidden ones left out)."""
    return ctx.sep().join(ctx.link(x) for x in d.topics if x not in ctx.cat.hidden)
