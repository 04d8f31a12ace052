"""Index and dashboard pages: in the navigation, each a finder over one collection."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

from .. import charts, deps
from ..catalog import Catalog
from ..labels import source_key
from ..models.activity import Activity
from ..models.appraisal import Appraisal
from ..models.briefing import Briefing
from ..models.document import Document
from ..models.hotline import Hotline
from ..models.liaison import Liaison
from ..models.meeting import Meeting
from ..models.received import Received
from ..models.registry import Official, Unit
from ..models.request import Request
from ..models.supervision import Supervision
from ..summaries import (
    SUPERVISION_ORDER,
    hotline_monthly_means,
    liaison_rates_by,
    status_counts,
    supervision_by_unit,
)
from ..urls import relative
from ..workflow import (
    received_awaiting_action,
    requests_awaiting_decision,
    supervision_report_late,
)
from .common import (
    Ctx,
    Page,
    capped,
    date_cell,
    esc,
    heading,
    percent_cell,
    rates_meta,
)
from .process import days_note, received_badge

DUE_SOON_DAYS = 14


PER_PAGE = 60
"""Rows per page of a listing: keeps every page under 60 KB whatever the archive size."""

FINDERS = {"documents/index.md": "documents", "documents/normative.md": "normative",
           "received/index.md": "received", "requests/index.md": "requests",
           "supervision/index.md": "supervision", "liaison/index.md": "liaison"}
"""The listings that have a finder: their first page -> the finder's name."""


def finder_path(page: str, name: str) -> str:
    """The file of a finder: documents/index.md -> documents/finder/documents.json."""
    folder = page.rsplit("/", 1)[0] if "/" in page else ""
    return f"{folder}/finder/{name}.json" if folder else f"finder/{name}.json"


def mount(page: str, name: str) -> str:
    """The HTML a listing's first page carries for its finder: where the data, the
    script and the site's root are, from this page (nothing from the records)."""
    data = relative(page, finder_path(page, name))
    root = relative(page, "index.md")
    script = relative(page, "assets/portal/finder.js")
    css = relative(page, "assets/portal/finder.css")
    return (f'<div class="finder" id="finder-{name}" data-finder="{data}" data-root="{root}" '
            f'data-pagefind-ignore hidden></div>\n'
            f'<link rel="stylesheet" href="{css}">\n<script src="{script}" defer></script>\n')


@dataclass(slots=True)
class Listing:
    """A table that grows with the archive: paginated, its rows rendered per page."""

    headers: list[str]
    items: Sequence[Any]
    row: Callable[[Ctx, Any], list[object]]
    table_id: str
    filters: list[int] = field(default_factory=list)
    search: bool = False
    title: str = ""
    record_id: Callable[[Any], str] = attrgetter("id")
    """The record an item stands for (its row shows what the record's page shows)."""
    scope: Callable[[Any], Iterable[str]] | None = None
    """The ids (units, officials) an item concerns, for a filter by several of them in
    the address (Ctx.table scopes); None: no such filter."""


Rendered = str | tuple[str, Listing, str]


def page_src(src: str, n: int) -> str:
    """documents/index.md -> documents/page_2.md; documents/normative.md ->
    documents/normative/page_2.md (an underscore: no record id can take the name)."""
    if n == 1:
        return src
    base = src[:-3]
    base = base[:-6] if base.endswith("/index") else base
    return f"{base}/page_{n}.md"


def _pager(ctx: Ctx, src: str, n: int, total: int) -> str:
    if total <= 1:
        return ""
    links = []
    for k in range(1, total + 1):
        if k == n:
            links.append(f'<span aria-current="page">{k}</span>')
        elif abs(k - n) <= 3 or k in (1, total):
            links.append(ctx.page_link(page_src(src, k), str(k)))
        elif links[-1] != "…":
            links.append("…")
    return f'<nav class="pager" aria-label="{esc(ctx.t("pages"))}">{" ".join(links)}</nav>\n'


def paginate(cat: Catalog, locale: str, src: str, title: str, rendered: Rendered,
             in_nav: bool = True, head: frozenset[str] = frozenset()) -> Iterator[Page]:
    """The pages of a listing; head: the keys the listing's head and items were made
    from (deps.py), which its first page shows."""
    if isinstance(rendered, str):
        yield Page(src, title, heading(title) + rendered, in_nav=in_nav)
        return
    head_html, listing, tail = rendered
    chunks = [listing.items[i:i + PER_PAGE]
              for i in range(0, len(listing.items), PER_PAGE)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        here = page_src(src, n)
        page_title = title if n == 1 else f"{title} ({n})"
        ids = [listing.record_id(item) for item in chunk]
        # which rows, out of how many, on which of how many pages: what a row does not
        # look up in the Catalog (an item that is not a record is shown as it is)
        shape = repr(([item if isinstance(item, tuple) else i for item, i in zip(
            chunk, ids, strict=True)], len(listing.items), len(chunks))).encode()
        own = {f"shape:{here}": hashlib.sha1(shape, usedforsecurity=False).hexdigest()}
        if deps.reuse(here, own):  # a republish: nothing it shows changed
            yield Page(here, page_title, "", in_nav=in_nav and n == 1, kept=True)
            continue
        with deps.recording(set(head) if n == 1 else None) as keys:
            deps.note_all(own)
            deps.note_all(f"r:{i}" for i in ids)  # rows read their items' fields
            ctx = Ctx(cat, locale, here)
            pager = _pager(ctx, src, n, len(chunks))
            table = _table(ctx, listing, chunk)
            said = esc(ctx.t("record_count", n=len(listing.items)))
            # one page holds every row: its filters count what they leave (portal.js)
            follows = (f' data-table="{esc(listing.table_id)}" data-count="'
                       f'{esc(ctx.t("record_count", n="{n}"))}"' if len(chunks) == 1 else "")
            count = f'<p class="count"{follows}>{said}</p>\n'
        deps.rendered(here, frozenset(keys))
        if len(chunks) > 1:  # say so: the browser sorts and filters the rows it has
            count += f'<p class="more">{esc(ctx.t("page_only", n=PER_PAGE))}</p>\n'
        body = count + pager + table + pager
        if n == 1 and src in FINDERS:
            # the finder takes the table's place once its script runs (finders.py); the
            # static pages stay for readers without JavaScript
            body = f'{mount(src, FINDERS[src])}<div class="finder-static">\n{body}</div>\n'
        body = (heading(listing.title, 2) if listing.title else "") + body
        if n == 1:
            yield Page(here, title, heading(title) + head_html + body + tail, in_nav=in_nav)
        else:
            yield Page(here, page_title, heading(page_title) + body)


def _table(ctx: Ctx, listing: Listing, chunk: Sequence[Any]) -> str:
    scopes = [list(listing.scope(item)) for item in chunk] if listing.scope else None
    return ctx.table(listing.headers, [listing.row(ctx, item) for item in chunk],
                     table_id=listing.table_id, filters=listing.filters,
                     search=listing.search, scopes=scopes)


def index_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    for src, title_key, render in _INDEXES:
        ctx = Ctx(cat, locale, src)
        with deps.recording() as head:
            rendered = render(ctx)
        yield from paginate(cat, locale, src, ctx.t(title_key), rendered,
                            head=frozenset(head))


def documents_index(ctx: Ctx) -> Rendered:
    from .documents import TOPICS_SRC, first_level_topic  # issue 17: topics

    def row(c: Ctx, d: Document) -> list[object]:
        v = c.cat.validity.get(d.id)
        topic = first_level_topic(c.cat, d)
        return [esc(d.number), c.link(d.id), c.v(d.type), c.link(d.issuers[0]),
                date_cell(d.written), str(d.written.year), c.badge(v.status) if v else "",
                c.link(topic) if topic else ""]

    head = f"<p>{ctx.page_link(TOPICS_SRC, ctx.t('by_topic'))}</p>\n"
    return head, Listing(["number", "title", "type", "issuer", "written", "year", "validity",
                          "topics"], ctx.cat.of(Document), row, "documents", [2, 3, 5, 7],
                         True), ""


REGISTER_ORDER = ("in-force", "expiring", "expired", "amended", "repealed",
                  "not-yet-effective")
"""The register's statuses as the office lists them: 现行有效 · 即将到期 · 已失效 · 已修改 ·
已废止 (and those not yet in force)."""


def register_entry(t: Callable[..., str], r: dict[str, object]) -> list[str]:
    """The register's 登记·审核·备案 of one document (tables.register_row's values), each
    part as the cell shows it on its own line: the registration number, then each date
    with its label, ["BJSZ-2021-0212", "审核 2021-10-26", "备案 2021-12-02"] (the parts it
    lacks left out).  A cell may break between two parts, never inside one: the static
    table and the finder both keep each part on one line (a desk's screen showed
    "2021-10-" and "26" on two lines)."""
    parts = [str(r["registration"]) if r["registration"] else ""]
    for key, label in (("legality_review_date", "review_short"), ("filing_date", "filing_short")):
        if r[key]:
            parts.append(f"{t(label)} {r[key]}")
    return [x for x in parts if x]


def normative_register(ctx: Ctx) -> Rendered:
    """The register of normative documents (issue 17): each with its status (and the days
    left while it is expiring), its last day or its repeal date (废止日期, from the
    repealing document: never "in force until" a day long past), registration number,
    legality review and filing, the drafting unit that answers for its evaluation, and
    whether it has a policy interpretation.  The plain values are tables.register_row's,
    which a finder over the whole register reads too (with its facets: issuers, year,
    topics)."""
    from ..tables import register_row

    docs = [d for d in ctx.cat.of(Document) if d.id in ctx.cat.validity]
    counts: dict[str, int] = {}
    for d in docs:
        counts[ctx.cat.validity[d.id].status] = counts.get(ctx.cat.validity[d.id].status, 0) + 1
    head = ctx.meta([(s, str(counts[s])) for s in REGISTER_ORDER if s in counts])

    def row(c: Ctx, d: Document) -> list[object]:
        r = register_row(c.cat, d)
        status = c.badge(str(r["validity"]))  # alone: the status filter reads the cell
        # dates alone in their cells too (they never wrap); what qualifies the last day
        # (days left while expiring, provisional) stands under the title as tags
        tags = []
        if r["validity"] == "expiring":
            tags.append(esc(c.t("days_left", n=r["days"])))
        if r["provisional"]:
            tags.append(esc(c.t("provisional")))
        title = c.link(d.id) + "".join(f' <span class="tag">{x}</span>' for x in tags)
        # registration, legality review and filing in one cell, each on its line and
        # never broken inside
        entry = "<br>".join(f'<span class="nw">{esc(x)}</span>' for x in register_entry(c.t, r))
        return [esc(d.number), title, (status, REGISTER_ORDER.index(str(r["validity"]))),
                date_cell(r["effective"]), date_cell(r["expires"]), date_cell(r["repealed_on"]),
                entry, c.link(d.drafter),
                esc(c.t("yes")) if r["interpretation"] else ""]

    docs.sort(key=lambda d: (REGISTER_ORDER.index(ctx.cat.validity[d.id].status),
                             ctx.cat.validity[d.id].expires, d.id))
    return head, Listing(["number", "title", "validity", "effective", "expires", "repealed_on",
                          "register_entry", "evaluation_unit", "has_interpretation"], docs, row,
                         "normative", [2], True), ""


def received_index(ctx: Ctx) -> Rendered:
    # issue 16: what awaits action heads the page; every row says its state and days
    # the first of them; the desk's list has every one (a page must not grow with the archive)
    awaiting, more = capped(ctx, received_awaiting_action(ctx.cat), more_src="desk/received.md")
    head = [heading(ctx.t("awaiting_action"), 2) + more + ctx.table(
        ["number", "title", "lead", "received_date", "time_limit", "days", "status"],
        [[esc(r.number), ctx.link(r.id), ctx.link(r.handling.lead), date_cell(r.received),
          date_cell(ctx.cat.received[r.id].due),
          (str(ctx.cat.received[r.id].days_since_receipt),
           ctx.cat.received[r.id].days_since_receipt),
          received_badge(ctx, ctx.cat.received[r.id].status)] for r in awaiting],
        table_id="received-awaiting") if awaiting else "", days_note(ctx)]

    def row(c: Ctx, r: Received) -> list[object]:
        last = r.handling.steps[-1].action if r.handling.steps else ""
        st = c.cat.received[r.id]
        return [esc(r.number), c.link(r.id), c.link(r.issuer), date_cell(r.received),
                c.link(r.handling.lead), c.v(last) if last else "",
                c.links(r.handling.implemented_by), received_badge(c, st.status),
                (str(st.days_since_receipt), st.days_since_receipt)]

    return "".join(head), Listing(["number", "title", "issuer", "received_date", "lead",
                                   "step", "implemented_by", "status", "days"],
                                  ctx.cat.of(Received), row, "received", [4, 7]), ""


def requests_index(ctx: Ctx) -> Rendered:
    waiting, more = capped(ctx, requests_awaiting_decision(ctx.cat), more_src="desk/requests.md")
    head = [heading(ctx.t("awaiting_decision"), 2) + more + ctx.table(
        ["title", "from", "submitted", "time_limit", "days_waiting", "stage", "status"],
        [[ctx.link(q.id), ctx.link(q.from_), date_cell(q.submitted),
          date_cell(ctx.cat.requests[q.id].due),
          (str(ctx.cat.requests[q.id].days_waiting), ctx.cat.requests[q.id].days_waiting),
          ctx.v(ctx.cat.requests[q.id].stage), ctx.badge(ctx.cat.requests[q.id].status)]
         for q in waiting], table_id="requests-awaiting") if waiting else "", days_note(ctx)]

    def row(c: Ctx, r: Request) -> list[object]:
        st = c.cat.requests[r.id]
        return [c.link(r.id), c.link(r.from_), c.v(r.kind), date_cell(r.submitted),
                c.v(r.review.recommendation) if r.review else "",
                c.badge(r.decision.outcome) if r.decision else "",
                c.link(r.decision.reply_document) if r.decision else "",
                date_cell(st.due), (str(st.days_waiting), st.days_waiting), c.badge(st.status)]

    return "".join(head), Listing(["title", "from", "kind", "submitted", "recommendation",
                                   "outcome", "reply_document", "time_limit", "days_waiting",
                                   "status"], ctx.cat.of(Request), row, "requests",
                                  [1, 2, 5]), ""


def meetings_index(ctx: Ctx) -> Rendered:
    def row(c: Ctx, m: Meeting) -> list[object]:
        sts = [c.cat.supervision[s.id].status for d in m.decisions
               for s in c.cat.referrers(d.id, Supervision)]
        summary = c.sep().join(f"{c.v(s)} {sts.count(s)}" for s in SUPERVISION_ORDER if s in sts)
        return [date_cell(m.date), c.link(m.id), c.v(m.kind),
                (esc(c.t("nth", n=m.session)), m.session), c.link(m.chair),
                (str(len(m.decisions)), len(m.decisions)), summary]

    return "", Listing(["date", "title", "kind", "session", "chair", "decisions",
                        "supervision"], ctx.cat.of(Meeting), row, "meetings", [2]), ""


def calendar_page(ctx: Ctx) -> Rendered:
    """Meetings, activities and open deadlines, newest first."""
    events: list[tuple[dt.date, str, str]] = []
    events += [(m.date, "rt-meeting", m.id) for m in ctx.cat.of(Meeting)]
    events += [(a.date, "rt-activity", a.id) for a in ctx.cat.of(Activity)]
    events += [(s.deadline, "deadline", s.id) for s in ctx.cat.of(Supervision)
               if s.state == "open"]
    events.sort(reverse=True)

    def row(c: Ctx, e: tuple[dt.date, str, str]) -> list[object]:
        day, kind, id_ = e
        rec = c.cat.by_id[id_]
        if isinstance(rec, Activity):
            extra = esc(rec.start or "")
        elif kind == "deadline":
            extra = c.badge(c.cat.supervision[id_].status)
        else:
            extra = ""
        return [date_cell(day), esc(c.t(kind)), c.link(id_), extra]

    return "", Listing(["date", "kind", "title", "time"], events, row, "calendar", [1],
                       True, record_id=itemgetter(2)), ""


def supervision_index(ctx: Ctx) -> Rendered:
    t = ctx.t
    cat = ctx.cat
    by_unit = supervision_by_unit(cat)
    counts = status_counts(by_unit)
    out = [ctx.meta([(s, str(int(counts[s]))) for s in SUPERVISION_ORDER if counts[s]])]
    chart = charts.bar_chart([t(s) for s in SUPERVISION_ORDER],
                           [int(counts[s]) for s in SUPERVISION_ORDER],
                           t("supervision"),
                           colours=[charts.STATUS_COLOURS[s] for s in SUPERVISION_ORDER],
                           # eight statuses: their names side by side under the bars ran
                           # into each other in English; one a line they never meet
                           horizontal=True)
    out.append(charts.figure(chart, f"{t('supervision')}{ctx.colon()}{t('status')}", ctx.table(
        ["status", "count"], [[ctx.badge(s), str(int(counts[s]))] for s in SUPERVISION_ORDER],
        sortable=False), page_src=ctx.src))

    def row(c: Ctx, s: Supervision) -> list[object]:
        st = c.cat.supervision[s.id]
        return [c.link(s.id), c.link(s.lead), c.v(source_key(s.source.kind)), date_cell(s.deadline),
                (c.badge(st.status), SUPERVISION_ORDER.index(st.status)),
                (c.progress(st.percent), st.percent),
                # one meaning whatever the row's status: days left, negative once past
                (str(st.days_to_deadline) if s.state == "open" else "", st.days_to_deadline),
                date_cell(st.last_report), esc(s.number or "")]

    listing = Listing(["what", "lead", "source", "deadline", "status", "progress", "days_left_n",
                       "last_report", "sup_number"],
                      cat.of(Supervision), row, "supervision", [1, 4], True, t("items"))
    tail = [heading(t("by_unit"), 2)]
    tail.append(ctx.table(
        ["unit", *SUPERVISION_ORDER, "total", "progress"],
        [[ctx.link(r["lead"]), *[str(int(r[s])) for s in SUPERVISION_ORDER], str(int(r["total"])),
          "" if r["mean_percent"] is None else f"{r['mean_percent']:g}%"]
         for r in by_unit], table_id="supervision-by-unit"))
    return "".join(out), listing, "".join(tail)


def appraisal_index(ctx: Ctx) -> str:
    rows = []
    for a in sorted(ctx.cat.of(Appraisal), key=lambda a: a.year, reverse=True):
        res = ctx.cat.appraisal[a.year]
        best = {g: next((r for r in res if r.group == g and r.rank == 1), None)
                for g in ("district", "agency")}
        rows.append([ctx.link(a.id, str(a.year)), str(len(res)),
                     ctx.link(best["district"].unit) if best["district"] else "",
                     ctx.link(best["agency"].unit) if best["agency"] else ""])
    return ctx.table(["year", "units", "district", "agency"], rows, sortable=False)


def information_index(ctx: Ctx) -> Rendered:
    t = ctx.t

    def row(c: Ctx, b: Briefing) -> list[object]:
        return [date_cell(b.date), c.link(b.id), c.v(b.category), c.link(b.source),
                (str(len(b.instructions)), len(b.instructions)),
                c.links(i.supervision for i in b.instructions if i.supervision)]

    head = f"<p>{ctx.page_link('information/hotline.md', t('hotline'))}</p>\n"
    return head, Listing(["date", "title", "category", "source", "instructions",
                          "supervision"], ctx.cat.of(Briefing), row, "briefings", [2, 3], True,
                         t("briefings")), ""


def hotline_page(ctx: Ctx) -> str:
    t = ctx.t
    cat = ctx.cat
    months = sorted(cat.hotline)
    if not months:
        return f"<p>{esc(t('none'))}</p>\n"
    latest = months[-1]
    from .hotline import month_streets, weights_line

    out = [weights_line(ctx), heading(t("ranking_of", month=latest), 2)]
    out.append(ctx.table(["rank", "unit", "calls", "response_rate", "resolution_rate",
                          "satisfaction_rate", "composite"],
                         [[(str(r.rank), r.rank), ctx.link(r.unit),
                           (str(r.figures.calls), r.figures.calls),
                           f"{r.figures.response_rate:g}", f"{r.figures.resolution_rate:g}",
                           f"{r.figures.satisfaction_rate:g}", f"{r.composite:.2f}"]
                          for r in cat.hotline[latest]], table_id="hotline-ranking"))
    # issue 17: the newest month's streets (else the latest month's), focus, special treatment
    recs = sorted(cat.of(Hotline), key=lambda h: h.month)
    shown = next((h for h in reversed(recs) if h.streets), recs[-1] if recs else None)
    if shown is not None:
        streets = month_streets(ctx, shown, full=False)
        if streets:
            out.append(ctx.meta([("streets_month", ctx.page_link(
                f"information/hotline/{shown.month}.md", shown.month))]) + streets)
    means = hotline_monthly_means(cat)[-24:]  # two years of trend; older months have pages
    rates = ["response_rate", "resolution_rate", "satisfaction_rate"]
    chart = charts.line_chart([r["month"] for r in means],
                              {t(k): [r[k] for r in means] for k in rates},
                              t("trend"), ylabel="%", limit=(50, 100))
    out.append(heading(t("trend"), 2))
    out.append(charts.figure(chart, t("trend"), ctx.table(
        ["month", *rates, "calls"],
        [[ctx.page_link(f"information/hotline/{r['month']}.md", r["month"]),
          *[f"{r[k]:.2f}" for k in rates], str(int(r["calls"]))]
         for r in means], sortable=False), page_src=ctx.src))
    units = sorted({r.unit for rs in cat.hotline.values() for r in rs})
    recent = months[-12:]  # a year of columns; each month has its own page
    rank_rows = []
    for u in units:
        ranks = {m: next((r.rank for r in cat.hotline[m] if r.unit == u), None) for m in recent}
        rank_rows.append([ctx.link(u), *[str(ranks[m] or "") for m in recent]])
    out.append(heading(f"{t('rank')} · {t('month')}", 2))
    out.append(ctx.table(["unit", *recent], rank_rows, table_id="hotline-ranks"))
    return "".join(out)


def liaison_index(ctx: Ctx) -> Rendered:
    from .liaison import (
        ITEM_HEADERS,
        definitions,
        item_row,
        session_name,
        sessions,
        sessions_table,
        unit_rates_table,
    )

    t = ctx.t
    cat = ctx.cat
    out = [rates_meta(ctx, cat.liaison_rates())]
    by_session = liaison_rates_by(cat, "session")
    if by_session:
        firsts = {k: items[0] for k, items in sessions(cat).items()}
        out.append(heading(t("by_session"), 2))
        out.append(sessions_table(ctx, by_session, firsts))
        labels = [session_name(ctx, firsts[row["session"]]) for row in by_session]
        shares: dict[str, Sequence[float]] = {
            t(f"cat-{c}"): [0.0 if row[c] is None else row[c] for row in by_session]
            for c in ("A", "B", "C")}
        chart = charts.stacked_bar_chart(labels, shares, f"A/B/C {t('share')}", ylabel="%")
        out.append(charts.figure(chart, f"A/B/C {t('share')}", ctx.table(
            ["liaison_session", "cat-A", "cat-B", "cat-C"],
            [[esc(lab), percent_cell(row["A"]), percent_cell(row["B"]), percent_cell(row["C"])]
             for lab, row in zip(labels, by_session, strict=True)],
            sortable=False), page_src=ctx.src))
    by_unit = liaison_rates_by(cat, "lead")
    if by_unit:
        out.append(heading(t("by_unit"), 2))
        out.append(unit_rates_table(ctx, by_unit, "liaison-units"))
    out.append(definitions(ctx))
    return "".join(out), Listing(ITEM_HEADERS, cat.of(Liaison), item_row, "liaison",
                                 [2, 3, 5, 6], True, t("liaison")), ""


def units_index(ctx: Ctx) -> str:
    cat = ctx.cat
    rows = []
    for u in cat.of(Unit):
        roll = cat.unit_rollup(u.id)
        rows.append([ctx.link(u.id), ctx.v(u.kind), ctx.v(u.status),
                     (str(len(roll.owed)), len(roll.owed)),
                     (str(len(roll.issued)), len(roll.issued)),
                     (str(len(roll.liaison_led)), len(roll.liaison_led))])
    return ctx.table(["name", "kind", "status", "owes", "issued", "liaison"], rows,
                     table_id="units", filters=[1, 2], search=True)


def officials_index(ctx: Ctx) -> str:
    return ctx.table(["name", "position", "portfolio"],
                     [[ctx.link(o.id), ctx.v(o.position), ctx.links(o.portfolio)]
                      for o in ctx.cat.of(Official)], table_id="officials")


def dashboard(ctx: Ctx) -> str:
    """The home dashboard: what needs attention now."""
    t = ctx.t
    cat = ctx.cat
    today = cat.as_of
    sups = cat.of(Supervision)
    overdue = [s for s in sups if cat.supervision[s.id].status == "overdue"]
    soon = sorted((s for s in sups if s.state == "open"
                   and 0 <= cat.supervision[s.id].days_to_deadline <= DUE_SOON_DAYS),
                  key=lambda s: s.deadline)
    space = "" if ctx.locale == "zh" else " "  # no space between Chinese words
    out = [f'<p class="as-of">{esc(t("as_of"))}{space}<time datetime="{today}">'
           f'{esc(ctx.day(today))}</time></p>\n']
    late = supervision_report_late(cat)  # issue 16
    # the overdue and report-late items themselves are the desk's blocks above: the tiles
    # lead to every one of them in the supervision finder
    finder = relative(ctx.src, "supervision/index.md")
    out.append(f'<div class="tiles">'
               f'<a class="tile tile--overdue" href="{finder}?status=overdue"><strong>'
               f'{len(overdue)}</strong> {esc(t("overdue"))}</a>'
               f'<a class="tile" href="{finder}?status=report-late"><strong>{len(late)}'
               f'</strong> {esc(t("report-late"))}</a>'
               f'<a class="tile" href="#due-soon"><strong>{len(soon)}</strong> '
               f'{esc(t("due_soon"))}</a></div>\n')
    # as many as a desk block shows: the home page must not near a page's size limit
    soon, more_soon = capped(ctx, soon, limit=10, more_src="calendar/index.md")
    out.append(heading(t("due_soon"), 3).replace("\n\n", " { #due-soon }\n\n", 1))
    out.append(more_soon)
    out.append(ctx.table(["what", "lead", "deadline", "status", "progress"], [
        [ctx.link(s.id), ctx.link(s.lead), date_cell(s.deadline),
         ctx.badge(cat.supervision[s.id].status), ctx.progress(cat.supervision[s.id].percent)]
        for s in soon], table_id="dashboard-soon"))
    out.append(heading(t("upcoming"), 3))
    upcoming = sorted([(m.date, ctx.t("rt-meeting"), m.id) for m in cat.of(Meeting)
                       if m.date >= today] +
                      [(a.date, ctx.t("rt-activity"), a.id) for a in cat.of(Activity)
                       if a.date >= today])
    out.append(ctx.table(["date", "kind", "title"],
                         [[date_cell(d), esc(k), ctx.link(i)] for d, k, i in upcoming[:10]],
                         sortable=False))
    out.append(heading(t("latest_documents"), 3))
    out.append(ctx.table(["number", "title", "written"],
                         [[esc(d.number), ctx.link(d.id), date_cell(d.written)]
                          for d in cat.of(Document)[:8]], sortable=False))
    expiring = sorted((d for d in cat.of(Document)
                       if d.id in cat.validity and cat.validity[d.id].status == "expiring"),
                      key=lambda d: cat.validity[d.id].expires)
    expiring, more_expiring = capped(ctx, expiring, more_src="documents/normative.md",
                                     query="validity=expiring")
    out.append(heading(t("expiring_soon"), 3))
    out.append(ctx.table(["number", "title", "expires", "days"], [
        [esc(d.number), ctx.link(d.id), date_cell(cat.validity[d.id].expires),
         str(cat.validity[d.id].days_to_expiry)] for d in expiring], sortable=False))
    out.append(more_expiring)
    return "".join(out)


_INDEXES = [
    ("documents/index.md", "documents", documents_index),
    ("documents/normative.md", "normative", normative_register),
    ("received/index.md", "received", received_index),
    ("requests/index.md", "requests", requests_index),
    ("meetings/index.md", "meetings", meetings_index),
    ("calendar/index.md", "calendar", calendar_page),
    ("supervision/index.md", "supervision", supervision_index),
    ("appraisal/index.md", "appraisal", appraisal_index),
    ("information/index.md", "information", information_index),
    ("information/hotline.md", "hotline", hotline_page),
    ("liaison/index.md", "liaison", liaison_index),
    ("units/index.md", "units", units_index),
    ("officials/index.md", "officials", officials_index),
    # issue 16: duty office
    ("duty/index.md", "duty_office", lambda ctx: _duty().duty_index(ctx)),
    ("incidents/index.md", "incidents", lambda ctx: _duty().incidents_index(ctx)),
]


def _duty() -> Any:
    """pages.duty (it imports Listing from here: imported when first rendered)."""
    from . import duty

    return duty
