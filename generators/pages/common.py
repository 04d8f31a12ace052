"""What every page renderer shares: paths, links, escaping, tables, banners.

Record text is never trusted: plain fields are HTML-escaped, prose fields
(Markdown) are rendered by us and cleaned by nh3 (Ammonia), so that neither a
``<script>`` nor a ``{{ ... }}`` in a record does anything but show.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown as md_lib
import nh3

from ..catalog import Catalog
from ..escaping import bidi_closed
from ..figures import LiaisonRates
from ..labels import labels, long_date, long_month, value_label
from ..models import Record
from ..models.appraisal import Appraisal
from ..models.duty import Duty  # issue 16: duty office
from ..models.hotline import Hotline
from ..models.meeting import Meeting
from ..models.registry import Official, Topic, Unit
from ..urls import relative

# folders whose record URLs carry the year (DESIGN.md's portal map)
_YEARLY = {"document": "documents", "received": "received", "request": "requests",
           "meeting": "meetings", "activity": "activities", "briefing": "briefings",
           "liaison": "liaison",
           "incident": "incidents"}  # issue 16: duty office
_FLAT = {"supervision": "supervision", "unit": "units", "official": "officials"}


def record_src(rec: Record) -> str | None:
    """Source path of a record's page (its URL is this without .md)."""
    if rec.rtype in _YEARLY and rec.main_date:
        return f"{_YEARLY[rec.rtype]}/{rec.main_date.year}/{rec.id}.md"
    if rec.rtype in _FLAT:
        return f"{_FLAT[rec.rtype]}/{rec.id}.md"
    if isinstance(rec, Appraisal):
        return f"appraisal/{rec.year}.md"
    if isinstance(rec, Hotline):
        return f"information/hotline/{rec.month}.md"
    if isinstance(rec, Duty):  # issue 16: duty office
        return f"duty/{rec.month}.md"
    return None  # topics have no page of their own


def esc(text: object) -> str:
    """Plain text as HTML (its bidi controls closed: escaping.bidi_closed)."""
    s = str(text)
    return html.escape(s if s.isascii() else bidi_closed(s), quote=True)


_ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote", "br",
                 "h3", "h4", "h5", "table", "thead", "tbody", "tr", "th", "td", "hr", "del"}
_md = md_lib.Markdown(extensions=["tables", "sane_lists"])


def prose(text: str | None) -> str:
    """A record's Markdown field as clean HTML: no raw HTML, no scripts, no odd links."""
    if not text:
        return ""
    _md.reset()
    rendered = _md.convert(html.escape(bidi_closed(text), quote=False))
    return nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def prose_block(text: str | None) -> str:
    return f'<div class="record-prose">{prose(text)}</div>\n'


@dataclass(slots=True)
class Page:
    src: str
    title: str
    markdown: str
    in_nav: bool = False
    search_boost: float | None = None
    kept: bool = False
    """A republish keeps the last build's page (deps.reuse): its markdown is empty."""


_TITLE_COLUMNS = frozenset({"title", "what", "name", "unit"})
"""Columns that name the row: they keep room for a title at any width (portal.css), lead
the card a row becomes on a phone, and a Chinese title in them never stands one character
a line."""
_NOWRAP_COLUMNS = frozenset({"number", "written", "date", "deadline", "due", "effective",
                             "expires", "submitted", "assigned", "month",
                             "repealed_on",  # issue 17
                             "days"})
"""Dates and document numbers: never broken inside the value ("2026-01-" / "18"); and a
count of days, whose two-character header 天数 stood one character a line in a crowded
table."""


def column_class(header: str) -> str:
    """The class attribute a table's column carries on its header and cells, by its
    label key ("" for most: the class costs bytes on every row of a listing)."""
    if header in _TITLE_COLUMNS:
        return ' class="t"'
    if header in _NOWRAP_COLUMNS:
        return ' class="nw"'
    return ""


@dataclass(slots=True)
class Ctx:
    """Rendering context of one page: the catalog, the locale and where the page lives."""

    cat: Catalog
    locale: str
    src: str = "index.md"
    t: Callable[..., str] = field(init=False)

    def __post_init__(self) -> None:
        self.t = labels(self.locale)

    def at(self, src: str) -> Ctx:
        return Ctx(self.cat, self.locale, src)

    # -- names and links --------------------------------------------------------------------
    def v(self, value: str) -> str:
        return esc(value_label(value, self.locale))

    def name(self, rec: Record) -> str:
        if isinstance(rec, Unit | Official | Topic) and self.locale == "zh" and rec.name_zh:
            return rec.name_zh
        if isinstance(rec, Meeting):  # issue 16: numbered within the term where it says one
            return self.t("meeting_title_term" if rec.term else "meeting_title",
                          kind=value_label(rec.kind, self.locale), n=rec.session,
                          year=rec.date.year, term=rec.term)
        if isinstance(rec, Appraisal):
            return self.t("appraisal_title", year=rec.year)
        if isinstance(rec, Hotline):
            return self.t("hotline_title", month=rec.month)
        if isinstance(rec, Duty):  # issue 16: duty office
            return self.t("duty_title", month=long_month(rec.main_date, self.locale))
        return rec.title_text

    def decision_name(self, meeting: Meeting, id_: str) -> str:
        """A meeting's decision as staff cite it: 市政府第78次常务会议第3项议题决定 (之二 for
        an item's second), not its id, which is the editors' key."""
        for a in meeting.agenda:
            ids = [d.id for d in a.decisions]
            if id_ in ids:
                k = ids.index(id_) + 1
                return self.t("decision_of" if len(ids) == 1 else "decision_of_k",
                              meeting=self.name(meeting), n=a.item,
                              k="一二三四五六七八九十"[k - 1] if self.locale == "zh" and k <= 10
                              else k)
        return f"{self.name(meeting)} {id_}"

    def href(self, rec: Record, anchor: str = "") -> str | None:
        src = record_src(rec)
        return relative(self.src, src, anchor) if src else None

    def link(self, id_: str | None, text: str | None = None) -> str:
        """HTML link to the record with this id, "(not published)" if hidden to the audience."""
        if not id_:
            return ""
        if id_ in self.cat.hidden:
            return f'<span class="not-published">{esc(self.t("not_published"))}</span>'
        if id_ in self.cat.decisions:
            meeting, _d = self.cat.decisions[id_]
            shown = esc(text or self.decision_name(meeting, id_))
            return f'<a href="{self.href(meeting, id_)}">{shown}</a>'
        if id_ in self.cat.topics:  # issue 17: each topic has a page of its documents
            return (f'<a href="{relative(self.src, f"documents/topics/{id_}.md")}">'
                    f"{esc(text or self.name(self.cat.topics[id_]))}</a>")
        rec = self.cat.by_id.get(id_)
        if rec is None:
            return esc(text or id_)
        target = self.href(rec)
        label = esc(text if text is not None else self.name(rec))
        return f'<a href="{target}">{label}</a>' if target else label

    def links(self, ids: Iterable[str]) -> str:
        return self.sep().join(self.link(i) for i in ids)

    def page_link(self, src: str, text: str) -> str:
        return f'<a href="{relative(self.src, src)}">{esc(text)}</a>'

    # -- building blocks --------------------------------------------------------------------
    def badge(self, status: str, label: str | None = None) -> str:
        """A status as a badge; label names the value label when the status's own reads
        wrong in context (a liaison item's "overdue" is 逾期未答复)."""
        return f'<span class="status status--{esc(status)}">{self.v(label or status)}</span>'

    def day(self, day: dt.date) -> str:
        """A date in prose (Babel): 2026年12月1日 in Chinese."""
        return long_date(day, self.locale)

    def colon(self) -> str:
        """A label's colon: full-width in Chinese text."""
        return "：" if self.locale == "zh" else ": "

    def paren(self, html_text: str) -> str:
        """A note in parentheses after what it explains: full-width in Chinese text."""
        return f"（{html_text}）" if self.locale == "zh" else f" ({html_text})"

    def sep(self) -> str:
        """The list separator of the locale: 、 between Chinese items."""
        return "、" if self.locale == "zh" else ", "

    def banner(self, kind: str, html_text: str) -> str:
        return f'<div class="banner banner--{esc(kind)}" role="status">{html_text}</div>\n'

    def meta(self, rows: Sequence[tuple[str, str]]) -> str:
        # the newlines keep "Type" and "Letter" apart for the search indexer
        items = "".join(f"<dt>{esc(self.t(k))}</dt>\n<dd>{v}</dd>\n" for k, v in rows if v)
        return f'<dl class="meta">{items}</dl>\n'

    def progress(self, percent: float) -> str:
        p = max(0.0, min(100.0, percent))
        return (f'<span class="progress" role="progressbar" aria-valuenow="{p:g}" '
                f'aria-valuemin="0" aria-valuemax="100" '
                f'aria-label="{esc(self.t("progress"))} {p:g}%">'
                f'<span style="width:{p:g}%"></span></span> {p:g}%')

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]], *,
              table_id: str = "", sortable: bool = True, filters: Sequence[int] = (),
              search: bool = False, caption: str = "", sort_keys: bool = True,
              indexed: bool = False, scopes: Sequence[Iterable[str]] | None = None) -> str:
        """An HTML table; cells are HTML already (escape record text before passing it).

        A cell may be (html, sort_key) to sort on something other than its text.  Search does
        not index a table's words unless `indexed` (a record's own steps and updates): most
        tables list other records, and a query should land on those records, not on every
        page that lists them.

        scopes: per row, the ids it concerns (units, officials); the address can then keep
        only the rows of some of them (`?<table_id>.in=<id>,<id>`, portal.js), as the desk
        does for an official's portfolio, which no column's filter can express.
        """
        kinds = [column_class(h) for h in headers]
        head = "".join(f'<th scope="col"{k}>{esc(self.t(h))}</th>'
                       for h, k in zip(headers, kinds, strict=True))
        body = []
        for n, row in enumerate(rows):
            cells = []
            for i, cell in enumerate(row):
                k = kinds[i] if i < len(kinds) else ""
                if isinstance(cell, tuple):
                    shown, key = cell
                    # a key that is the cell's text is what the sorter reads without it
                    sort = "" if esc(key) == shown else f' data-sort="{esc(key)}"'
                    cells.append(f"<td{k}{sort}>{shown}</td>")
                else:
                    cells.append(f"<td{k}>{'' if cell is None else cell}</td>")
            tr = f'<tr data-scope="{esc(" ".join(scopes[n]))}">' if scopes is not None else "<tr>"
            body.append(tr + "".join(cells) + "</tr>")
        attrs = [f'class="data{" sortable" if sortable else ""}"']
        if table_id:
            attrs.append(f'id="{esc(table_id)}"')
        if filters:
            attrs.append(f'data-filters="{",".join(str(i) for i in filters)}"')
        if search:
            attrs.append('data-search="1"')
        if scopes is not None:
            attrs.append(f'data-in-note="{esc(self.t("list_in_scope"))}" '
                         f'data-in-by="{esc(self.t("list_in_scope_by", name="{name}"))}" '
                         f'data-in-all="{esc(self.t("list_in_all"))}"')
        cap = f"<caption>{esc(caption)}</caption>" if caption else ""
        if not body:
            return f"<p class=\"empty\">{esc(self.t('none'))}</p>\n"
        ignore = "" if indexed else " data-pagefind-ignore"
        return (f'<div class="table-wrap"{ignore}><table {" ".join(attrs)}>{cap}<thead><tr>{head}'
                f'</tr></thead><tbody>{"".join(body)}</tbody></table></div>\n')


SECTION_LIMIT = 20
"""Rows a section of a unit, official or record page shows: pages stay small at any scale."""


def capped(ctx: Ctx, items: Sequence[Any], limit: int = SECTION_LIMIT,
           more_src: str | None = None, query: str = "") -> tuple[list[Any], str]:
    """The first `limit` items, and a note saying how many there are in all (query: what
    the listing's finder is to show of it, such as status=overdue: finders.py)."""
    shown = list(items[:limit])
    if len(items) <= limit:
        return shown, ""
    note = esc(ctx.t("showing", n=limit, total=len(items)))
    if more_src:
        href = relative(ctx.src, more_src) + (f"?{esc(query)}" if query else "")
        note += f' <a href="{href}">{esc(ctx.t("see_all"))}</a>'
    return shown, f'<p class="more">{note}</p>\n'


def percent_cell(x: float | None) -> tuple[str, float]:
    """A rate as shown ("–" when there is nothing to divide) with its sort key."""
    return ("–", -1.0) if x is None or x != x else (f"{x:.1f}%", x)


def liaison_status(status: str) -> str:
    """The value label of a liaison item's status (its "overdue" is not a supervision item's)."""
    return {"overdue": "reply-overdue", "pending": "reply-pending"}.get(status, status)


def rates_meta(ctx: Ctx, rates: LiaisonRates) -> str:
    """The liaison figures staff quote: items, reply rate, on-time rate, satisfaction,
    contact rate."""
    return ctx.meta([("total_items", str(rates.total)),
                     ("reply_rate", percent_cell(rates.reply_rate)[0]),
                     ("on_time_rate", percent_cell(rates.on_time_rate)[0]),
                     ("satisfaction_rate", percent_cell(rates.satisfaction_rate)[0]),
                     ("contact_rate", percent_cell(rates.contact_rate)[0])])


_MD_SPECIAL = frozenset("\\`*_{}[]()#+!|")
"""What Python-Markdown acts on in a heading and unescapes after a backslash."""


def heading(text: str, level: int = 1) -> str:
    """A Markdown heading of escaped text (no Markdown or HTML inside takes effect).

    Quotes stay as they are: an entity such as &#x27; would have its '#' escaped, and MkDocs
    took the page title from the heading as "&amp;#x27;" (the <title> showed "&#x27;")."""
    safe = "".join("\\" + c if c in _MD_SPECIAL else c
                   for c in html.escape(bidi_closed(text), quote=False))
    return f"{'#' * level} {safe}\n\n"


def date_cell(day: object) -> tuple[str, str] | str:
    return (esc(day), str(day)) if day else ""
