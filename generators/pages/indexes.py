"""Index and dashboard pages: in the navigation, each a finder over one collection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import charts
from ..catalog import Catalog
from ..models.activity import Activity
from ..models.appraisal import Appraisal
from ..models.briefing import Briefing
from ..models.document import Document
from ..models.liaison import Liaison
from ..models.meeting import Meeting
from ..models.received import Received
from ..models.registry import Official, Unit
from ..models.request import Request
from ..models.supervision import Supervision
from ..tables import (
    SUPERVISION_ORDER,
    hotline_monthly_means,
    liaison_rates_by,
    status_counts,
    supervision_by_unit,
)
from .common import Ctx, Page, date_cell, esc, heading

DUE_SOON_DAYS = 14


def _pct(x: float | None) -> tuple[str, float] | str:
    return ("–", -1.0) if x is None or x != x else (f"{x:.1f}%", x)


def index_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    for src, title_key, render in _INDEXES:
        ctx = Ctx(cat, locale, src)
        yield Page(src, ctx.t(title_key), heading(ctx.t(title_key)) + render(ctx), in_nav=True)


def documents_index(ctx: Ctx) -> str:
    docs = ctx.cat.of(Document)
    out = [f"<p>{esc(ctx.t('record_count', n=len(docs)))}</p>\n"]
    out.append(ctx.table(
        ["number", "title", "type", "issuer", "written", "year", "validity"],
        [[esc(d.number), ctx.link(d.id), ctx.v(d.type), ctx.link(d.issuers[0]),
          date_cell(d.written), str(d.written.year),
          ctx.badge(ctx.cat.validity[d.id].status) if d.id in ctx.cat.validity else ""]
         for d in docs], table_id="documents", filters=[2, 3, 5], search=True))
    return "".join(out)


def normative_register(ctx: Ctx) -> str:
    docs = [d for d in ctx.cat.of(Document) if d.id in ctx.cat.validity]
    counts: dict[str, int] = {}
    for d in docs:
        counts[ctx.cat.validity[d.id].status] = counts.get(ctx.cat.validity[d.id].status, 0) + 1
    out = [ctx.meta([(s, str(n)) for s, n in sorted(counts.items())])]
    rows = []
    for d in sorted(docs, key=lambda d: (ctx.cat.validity[d.id].expires, d.id)):
        v = ctx.cat.validity[d.id]
        note = ctx.link(v.repealed_by) if v.repealed_by else ctx.links(v.amended_by)
        rows.append([esc(d.number), ctx.link(d.id), (ctx.badge(v.status), v.status),
                     date_cell(v.effective), date_cell(v.expires),
                     (str(v.days_to_expiry), v.days_to_expiry), note])
    out.append(ctx.table(["number", "title", "validity", "effective", "expires", "days",
                          "relations"], rows, table_id="normative", filters=[2]))
    return "".join(out)


def received_index(ctx: Ctx) -> str:
    rows = []
    for r in ctx.cat.of(Received):
        last = r.handling.steps[-1].action if r.handling.steps else ""
        rows.append([esc(r.number), ctx.link(r.id), ctx.link(r.issuer), date_cell(r.received),
                     ctx.link(r.handling.lead), ctx.v(last) if last else "",
                     ctx.links(r.handling.implemented_by)])
    return ctx.table(["number", "title", "issuer", "date", "lead", "status", "implemented_by"],
                     rows, table_id="received", filters=[4, 5])


def requests_index(ctx: Ctx) -> str:
    rows = []
    for r in ctx.cat.of(Request):
        rows.append([ctx.link(r.id), ctx.link(r.from_), ctx.v(r.kind), date_cell(r.submitted),
                     ctx.v(r.review.recommendation) if r.review else "",
                     ctx.badge(r.decision.outcome) if r.decision else "",
                     ctx.link(r.decision.reply_document) if r.decision else ""])
    return ctx.table(["title", "from", "kind", "submitted", "recommendation", "outcome",
                      "reply_document"], rows, table_id="requests", filters=[1, 2, 5])


def meetings_index(ctx: Ctx) -> str:
    rows = []
    for m in ctx.cat.of(Meeting):
        sts = [ctx.cat.supervision[s.id].status for d in m.decisions
               for s in ctx.cat.referrers(d.id, Supervision)]
        summary = ", ".join(f"{ctx.v(s)} {sts.count(s)}" for s in SUPERVISION_ORDER
                            if s in sts)
        rows.append([date_cell(m.date), ctx.link(m.id), ctx.v(m.kind), esc(m.session),
                     ctx.link(m.chair), (str(len(m.decisions)), len(m.decisions)), summary])
    return ctx.table(["date", "title", "kind", "session", "chair", "decisions", "supervision"],
                     rows, table_id="meetings", filters=[2])


def calendar_page(ctx: Ctx) -> str:
    """Meetings, activities and deadlines by month, newest month first."""
    events: list[tuple[dt.date, str, str, str]] = []
    for m in ctx.cat.of(Meeting):
        events.append((m.date, ctx.t("rt-meeting"), ctx.link(m.id), ""))
    for a in ctx.cat.of(Activity):
        events.append((a.date, ctx.t("rt-activity"), ctx.link(a.id), esc(a.start or "")))
    for s in ctx.cat.of(Supervision):
        if s.state == "open":
            events.append((s.deadline, ctx.t("deadline"), ctx.link(s.id),
                           ctx.badge(ctx.cat.supervision[s.id].status)))
    events.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
    return ctx.table(["date", "kind", "title", "time"],
                     [[date_cell(d), esc(k), link, extra] for d, k, link, extra in events],
                     table_id="calendar", filters=[1], search=True)


def supervision_index(ctx: Ctx) -> str:
    t = ctx.t
    cat = ctx.cat
    counts = status_counts(cat)
    out = [ctx.meta([(s, str(int(counts[s]))) for s in SUPERVISION_ORDER if counts[s]])]
    svg = charts.bar_chart([t(s) for s in SUPERVISION_ORDER],
                           [int(counts[s]) for s in SUPERVISION_ORDER],
                           t("supervision"),
                           colours=[charts.STATUS_COLOURS[s] for s in SUPERVISION_ORDER])
    out.append(charts.figure(svg, f"{t('supervision')}: {t('status')}", ctx.table(
        ["status", "count"], [[ctx.badge(s), str(int(counts[s]))] for s in SUPERVISION_ORDER],
        sortable=False)))
    rows = []
    for s in cat.of(Supervision):
        st = cat.supervision[s.id]
        rows.append([ctx.link(s.id), ctx.link(s.lead), ctx.v(s.source.kind),
                     date_cell(s.deadline),
                     (ctx.badge(st.status), SUPERVISION_ORDER.index(st.status)),
                     (ctx.progress(st.percent), st.percent),
                     (str(st.days_overdue) if st.status == "overdue" else
                      (str(st.days_to_deadline) if s.state == "open" else ""),
                      -st.days_overdue if st.status == "overdue" else st.days_to_deadline)])
    out.append(heading(t("progress"), 2))
    out.append(ctx.table(["what", "lead", "source", "deadline", "status", "progress", "days"],
                         rows, table_id="supervision", filters=[1, 4], search=True))
    out.append(heading(t("by_unit"), 2))
    by_unit = supervision_by_unit(cat)
    out.append(ctx.table(
        ["unit", *SUPERVISION_ORDER, "total", "progress"],
        [[ctx.link(r["lead"]), *[str(int(r[s])) for s in SUPERVISION_ORDER], str(int(r["total"])),
          "" if r["mean_percent"] != r["mean_percent"] else f"{r['mean_percent']:g}%"]
         for _i, r in by_unit.iterrows()], table_id="supervision-by-unit"))
    return "".join(out)


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


def information_index(ctx: Ctx) -> str:
    t = ctx.t
    out = [f"<p>{ctx.page_link('information/hotline.md', t('hotline'))}</p>\n"]
    rows = []
    for b in ctx.cat.of(Briefing):
        rows.append([date_cell(b.date), ctx.link(b.id), ctx.v(b.category), ctx.link(b.source),
                     (str(len(b.instructions)), len(b.instructions)),
                     ctx.links(i.supervision for i in b.instructions if i.supervision)])
    out.append(heading(t("briefings"), 2))
    out.append(ctx.table(["date", "title", "category", "source", "instructions",
                          "supervision"], rows, table_id="briefings", filters=[2, 3],
                         search=True))
    return "".join(out)


def hotline_page(ctx: Ctx) -> str:
    t = ctx.t
    cat = ctx.cat
    months = sorted(cat.hotline)
    if not months:
        return f"<p>{esc(t('none'))}</p>\n"
    latest = months[-1]
    out = [heading(f"{t('ranking')} {latest}", 2)]
    out.append(ctx.table(["rank", "unit", "calls", "response_rate", "resolution_rate",
                          "satisfaction_rate", "composite"],
                         [[(str(r.rank), r.rank), ctx.link(r.unit),
                           (str(r.figures.calls), r.figures.calls),
                           f"{r.figures.response_rate:g}", f"{r.figures.resolution_rate:g}",
                           f"{r.figures.satisfaction_rate:g}", f"{r.composite:.2f}"]
                          for r in cat.hotline[latest]], table_id="hotline-ranking"))
    means = hotline_monthly_means(cat)
    rates = ["response_rate", "resolution_rate", "satisfaction_rate"]
    svg = charts.line_chart(list(means["month"]), {t(k): list(means[k]) for k in rates},
                            t("trend"), ylabel="%", limit=(50, 100))
    out.append(heading(t("trend"), 2))
    out.append(charts.figure(svg, t("trend"), ctx.table(
        ["month", *rates, "calls"],
        [[ctx.page_link(f"information/hotline/{r['month']}.md", r["month"]),
          *[f"{r[k]:.2f}" for k in rates], str(int(r["calls"]))]
         for _i, r in means.iterrows()], sortable=False)))
    units = sorted({r.unit for rs in cat.hotline.values() for r in rs})
    rank_rows = []
    for u in units:
        ranks = {m: next((r.rank for r in cat.hotline[m] if r.unit == u), None) for m in months}
        rank_rows.append([ctx.link(u), *[str(ranks[m] or "") for m in months]])
    out.append(heading(f"{t('rank')} · {t('month')}", 2))
    out.append(ctx.table(["unit", *months], rank_rows, table_id="hotline-ranks"))
    return "".join(out)


def liaison_index(ctx: Ctx) -> str:
    t = ctx.t
    cat = ctx.cat
    r = cat.liaison_rates()
    out = [ctx.meta([("total_items", str(r.total)), ("reply_rate", _pct(r.reply_rate)[0]),
                     ("on_time_rate", _pct(r.on_time_rate)[0]),
                     ("satisfaction_rate", _pct(r.satisfaction_rate)[0])])]
    by_session = liaison_rates_by(cat, "session")
    if not by_session.empty:
        out.append(heading(t("by_session"), 2))
        out.append(ctx.table(
            ["session", "kind", "total_items", "reply_rate", "on_time_rate", "A", "B", "C",
             "satisfaction_rate"],
            [[str(row["session"]), ctx.v(row["kind"]), str(row["items"]),
              _pct(row["reply_rate"]), _pct(row["on_time_rate"]), _pct(row["A"]),
              _pct(row["B"]), _pct(row["C"]), _pct(row["satisfaction_rate"])]
             for _i, row in by_session.iterrows()], table_id="liaison-sessions"))
        labels = [f"{row['session']} {t(row['kind'])}" for _i, row in by_session.iterrows()]
        svg = charts.stacked_bar_chart(labels, {t(c): [0.0 if x != x or x is None else x
                                                       for x in by_session[c]]
                                                for c in ("A", "B", "C")},
                                       f"A/B/C {t('share')}", ylabel="%")
        out.append(charts.figure(svg, f"A/B/C {t('share')}", ctx.table(
            ["session", "A", "B", "C"],
            [[esc(lab), _pct(row["A"]), _pct(row["B"]), _pct(row["C"])]
             for lab, (_i, row) in zip(labels, by_session.iterrows(), strict=True)],
            sortable=False)))
    by_unit = liaison_rates_by(cat, "lead")
    if not by_unit.empty:
        out.append(heading(t("by_unit"), 2))
        out.append(ctx.table(
            ["unit", "total_items", "replied", "reply_rate", "on_time_rate",
             "satisfaction_rate"],
            [[ctx.link(row["lead"]), str(row["items"]), str(row["replied"]),
              _pct(row["reply_rate"]), _pct(row["on_time_rate"]),
              _pct(row["satisfaction_rate"])] for _i, row in by_unit.iterrows()],
            table_id="liaison-units"))
    rows = []
    for li in cat.of(Liaison):
        st = cat.liaison[li.id]
        rows.append([esc(li.number), ctx.link(li.id), ctx.v(li.kind), ctx.link(li.lead),
                     date_cell(st.due), (ctx.badge(st.status), st.status),
                     ctx.v(li.reply.category)[:1] if li.reply else "",
                     ctx.v(li.feedback) if li.feedback else ""])
    out.append(heading(t("liaison"), 2))
    out.append(ctx.table(["number", "title", "kind", "lead", "due", "status", "category",
                          "feedback"], rows, table_id="liaison", filters=[2, 3, 5, 6],
                         search=True))
    return "".join(out)


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
    overdue = sorted((s for s in sups if cat.supervision[s.id].status == "overdue"),
                     key=lambda s: -cat.supervision[s.id].days_overdue)
    soon = sorted((s for s in sups if s.state == "open"
                   and 0 <= cat.supervision[s.id].days_to_deadline <= DUE_SOON_DAYS),
                  key=lambda s: s.deadline)
    out = [f'<p class="as-of">{esc(t("as_of"))} <time>{esc(today)}</time></p>\n']
    out.append(f'<div class="tiles">'
               f'<a class="tile tile--overdue" href="#overdue-items"><strong>{len(overdue)}'
               f'</strong> {esc(t("overdue"))}</a>'
               f'<a class="tile" href="#due-soon"><strong>{len(soon)}</strong> '
               f'{esc(t("due_soon"))}</a></div>\n')
    out.append(heading(t("overdue_items"), 2).replace("\n\n", ' { #overdue-items }\n\n', 1))
    out.append(ctx.table(["what", "lead", "deadline", "days", "progress"], [
        [ctx.link(s.id), ctx.link(s.lead), date_cell(s.deadline),
         (str(cat.supervision[s.id].days_overdue), cat.supervision[s.id].days_overdue),
         ctx.progress(cat.supervision[s.id].percent)] for s in overdue],
        table_id="dashboard-overdue"))
    out.append(heading(t("due_soon"), 2).replace("\n\n", " { #due-soon }\n\n", 1))
    out.append(ctx.table(["what", "lead", "deadline", "status", "progress"], [
        [ctx.link(s.id), ctx.link(s.lead), date_cell(s.deadline),
         ctx.badge(cat.supervision[s.id].status), ctx.progress(cat.supervision[s.id].percent)]
        for s in soon], table_id="dashboard-soon"))
    out.append(heading(t("upcoming"), 2))
    upcoming = sorted([(m.date, ctx.t("rt-meeting"), m.id) for m in cat.of(Meeting)
                       if m.date >= today] +
                      [(a.date, ctx.t("rt-activity"), a.id) for a in cat.of(Activity)
                       if a.date >= today])
    out.append(ctx.table(["date", "kind", "title"],
                         [[date_cell(d), esc(k), ctx.link(i)] for d, k, i in upcoming[:10]],
                         sortable=False))
    out.append(heading(t("latest_documents"), 2))
    out.append(ctx.table(["number", "title", "written"],
                         [[esc(d.number), ctx.link(d.id), date_cell(d.written)]
                          for d in cat.of(Document)[:8]], sortable=False))
    expiring = sorted((d for d in cat.of(Document)
                       if d.id in cat.validity and cat.validity[d.id].status == "expiring"),
                      key=lambda d: cat.validity[d.id].expires)
    out.append(heading(t("expiring_soon"), 2))
    out.append(ctx.table(["number", "title", "expires", "days"], [
        [esc(d.number), ctx.link(d.id), date_cell(cat.validity[d.id].expires),
         str(cat.validity[d.id].days_to_expiry)] for d in expiring], sortable=False))
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
]
