"""The duty office's pages (issue 16): the roster (today, tomorrow, a month as a calendar),
incident pages with their reporting times, and the list of incidents open and closed.

Every page reads through the Catalog (deps.py notes what it reads): a month's page notes its
roster (given) and its neighbours (`r:duty-<month>`), the index notes the rosters of today
and tomorrow and every incident, an incident page its record and figures."""

from __future__ import annotations

import calendar
import datetime as dt

from ..figures import INCIDENT_LIMITS, IncidentTiming
from ..labels import long_month, weekday_names
from ..models.duty import Duty, DutyDay, Incident, IncidentReport, when
from ..urls import relative
from .common import Ctx, esc, heading, prose
from .indexes import Listing, Rendered

_LEVEL_ORDER = {"I": 0, "II": 1, "III": 2, "IV": 3}
_KIND_ORDER = {"first": 0, "follow-up": 1, "final": 2}


def _time(stamp: str) -> str:
    """"2026-11-21T00:15" as a reader writes it: 2026-11-21 00:15 (no wrap in tables)."""
    return f'<time datetime="{esc(stamp)}">{esc(stamp.replace("T", " "))}</time>'


def _time_cell(stamp: str) -> tuple[str, str]:
    return _time(stamp), stamp


def _officers(ctx: Ctx, day: DutyDay) -> str:
    return esc(ctx.sep().join(day.officers))


def roster_block(ctx: Ctx, day: DutyDay | None) -> str:
    """带班领导, 值班员 (and the unit) of one day, or "no roster"."""
    if day is None:
        return f'<p class="empty">{esc(ctx.t("no_roster"))}</p>\n'
    return ctx.meta([("duty_leader", ctx.link(day.leader)),
                     ("duty_officers", _officers(ctx, day)),
                     ("duty_unit", ctx.link(day.unit))])


def incident_status(ctx: Ctx, timing: IncidentTiming) -> str:
    """open/closed as a badge, with "late" beside it when a report was late."""
    badge = ctx.badge(f"incident-{timing.status}")
    return badge + (" " + ctx.badge("incident-late") if timing.late else "")


def _minutes(ctx: Ctx, minutes: int | None) -> str:
    return esc(ctx.t("not_reported")) if minutes is None else esc(ctx.t("minutes_n", n=minutes))


def incident_rows(ctx: Ctx, items: list[Incident]) -> list[list[object]]:
    """Rows of an incident table: occurred, title, category, level, status, minutes."""
    rows: list[list[object]] = []
    for inc in items:
        tm = ctx.cat.incidents[inc.id]
        rows.append([
            _time_cell(inc.occurred), ctx.link(inc.id), ctx.v(inc.category),
            (ctx.v(inc.level), _LEVEL_ORDER[inc.level]),
            # the status alone: a late report is marked in its own column, and a status
            # cell "closed late" made a value of its own in the status filter
            (ctx.badge(f"incident-{tm.status}"), tm.status),
            (_minutes(ctx, tm.phone_minutes) + _late_mark(ctx, tm.phone_late),
             -1 if tm.phone_minutes is None else tm.phone_minutes),
            (_minutes(ctx, tm.written_minutes) + _late_mark(ctx, tm.written_late),
             -1 if tm.written_minutes is None else tm.written_minutes)])
    return rows


_INCIDENT_HEADERS = ["occurred", "title", "category", "incident_level", "status",
                     "phone_report", "written_report"]


def _late_mark(ctx: Ctx, late: bool) -> str:
    return " " + ctx.badge("incident-late") if late else ""


def limits_note(ctx: Ctx) -> str:
    """The limits the figures are measured against, as staff quote them (INCIDENT_LIMITS)."""
    p1, w1 = INCIDENT_LIMITS["I"]
    p3, w3 = INCIDENT_LIMITS["III"]
    space = "" if ctx.locale == "zh" else " "  # no space between Chinese sentences
    return (f'<p class="limits">{esc(ctx.t("incident_limits", p1=p1, w1=w1, p3=p3, w3=w3))}'
            f'{space}{esc(ctx.t("beijing_time"))}</p>\n')


# -- duty/index.md ------------------------------------------------------------------------

def duty_index(ctx: Ctx) -> str:
    """Today's and tomorrow's roster (by the as-of date), the open incidents, the months."""
    t = ctx.t
    cat = ctx.cat
    today = cat.as_of
    tomorrow = today + dt.timedelta(days=1)
    out = [heading(t("duty_today", d=ctx.day(today)), 2), roster_block(ctx, cat.roster_of(today)),
           heading(t("duty_tomorrow", d=ctx.day(tomorrow)), 2),
           roster_block(ctx, cat.roster_of(tomorrow))]
    opened = cat.open_incidents()
    out.append(heading(t("open_incidents"), 2))
    out.append(ctx.table(_INCIDENT_HEADERS, incident_rows(ctx, opened), table_id="duty-open",
                         sortable=False))
    out.append(f"<p>{ctx.page_link('incidents/index.md', t('all_incidents'))}</p>\n")
    rosters = sorted(cat.of(Duty), key=lambda d: d.month, reverse=True)
    out.append(heading(t("duty_months"), 2))
    if rosters:
        out.append("<ul>" + "".join(
            f"<li>{ctx.link(d.id, long_month(d.main_date, ctx.locale))}</li>"
            for d in rosters) + "</ul>\n")
    else:
        out.append(f'<p class="empty">{esc(t("none"))}</p>\n')
    out.append(_subscribe(ctx))
    return "".join(out)


def _subscribe(ctx: Ctx) -> str:
    """The roster for a calendar program (feeds.py writes it; /feeds/ lists it too): on
    /duty/ and on each month, where a reader looking at the roster would look for it."""
    ics = relative(ctx.src, "feeds/duty.ics")
    return f'<p class="duty-ics"><a href="{esc(ics)}">{esc(ctx.t("duty_subscribe"))}</a></p>\n'


# -- incidents/index.md -------------------------------------------------------------------

def incidents_index(ctx: Ctx) -> Rendered:
    """Every incident, newest first, filtered by category, level and status."""
    def row(c: Ctx, inc: Incident) -> list[object]:
        return incident_rows(c, [inc])[0]

    items = sorted(ctx.cat.of(Incident), key=lambda i: (i.occurred, i.id), reverse=True)
    return limits_note(ctx), Listing(_INCIDENT_HEADERS, items, row, "incidents", [2, 3, 4],
                                     True), ""


# -- duty/<YYYY-MM>.md ---------------------------------------------------------------------

def _neighbour(month: str, step: int) -> str:
    y, m = map(int, month.split("-"))
    m += step
    if m == 0:
        y, m = y - 1, 12
    elif m == 13:
        y, m = y + 1, 1
    return f"{y:04d}-{m:02d}"


def duty_month(ctx: Ctx, d: Duty) -> str:
    """A month as a calendar: weeks from Monday, each day its leader and officers, the
    as-of day outlined (a phone shows one day a line)."""
    t = ctx.t
    cat = ctx.cat
    first = d.main_date
    length = calendar.monthrange(first.year, first.month)[1]
    names = weekday_names(ctx.locale)
    nav = []
    for step, key in ((-1, "month_prev"), (1, "month_next")):
        other = cat.by_id.get(f"duty-{_neighbour(d.month, step)}")
        nav.append(ctx.link(other.id, f"{'← ' if step < 0 else ''}{t(key)}"
                            f"{' →' if step > 0 else ''}") if isinstance(other, Duty)
                   else "<span></span>")
    out = [f'<nav class="duty-nav">{"".join(nav)}</nav>\n']
    out.append('<ul class="duty-week duty-week--head" aria-hidden="true">'
               + "".join(f"<li>{esc(n)}</li>" for n in names) + "</ul>\n")
    cells = ['<li class="duty-day duty-day--blank" aria-hidden="true"></li>'] * first.weekday()
    for n in range(1, length + 1):
        day = first.replace(day=n)
        on = d.day(day)
        today = day == cat.as_of
        cls = "duty-day duty-day--today" if today else "duty-day"
        current = ' aria-current="date"' if today else ""
        mark = f' data-today="{esc(t("today"))}"' if today else ""
        body = (f'<span class="duty-day__leader">{ctx.link(on.leader)}</span>'
                f"<span>{_officers(ctx, on)}</span>"
                + (f"<span> · {ctx.link(on.unit)}</span>" if on.unit else "")
                if on else f'<span class="empty">{esc(t("no_roster"))}</span>')
        cells.append(f'<li class="{cls}"{current}><time datetime="{day}" '
                     f'class="duty-day__date"{mark}>{n}</time>'
                     f'<span class="duty-day__wd">{esc(names[day.weekday()])}</span>'
                     f"{body}</li>")
    out.append(f'<ol class="duty-week" aria-label="{esc(ctx.name(d))}">' + "".join(cells)
               + "</ol>\n")
    out.append(f'<p class="limits">{esc(t("duty_legend"))}</p>\n')
    out.append(_subscribe(ctx))
    return "".join(out)


# -- incidents/<year>/<id>.md --------------------------------------------------------------

def _report_order(r: IncidentReport) -> tuple[str, int]:
    return r.at, _KIND_ORDER[r.kind]


def incident_page(ctx: Ctx, inc: Incident) -> str:
    """The incident: banners (late, open), its facts, the reporting minutes against the
    limits, the reports in time order, the leaders' instructions and what they started."""
    t = ctx.t
    tm = ctx.cat.incidents[inc.id]
    out = []
    late = [t(k) for k, flag in (("phone_report", tm.phone_late),
                                 ("written_report", tm.written_late)) if flag]
    if late:
        out.append(ctx.banner("late", esc(t("incident_late_banner",
                                              what=t("list_sep").join(late)))))
    if tm.status == "open":
        out.append(ctx.banner("open", esc(t("incident_open_banner"))))
    out.append(ctx.meta([
        ("category", ctx.v(inc.category)), ("incident_level", ctx.v(inc.level)),
        ("occurred", _time(inc.occurred)), ("location", esc(inc.location or "")),
        ("incident_units", ctx.links(inc.units)), ("status", incident_status(ctx, tm)),
        ("closed_at", _time(tm.closed_at) if tm.closed_at else "")]))
    out.append(heading(t("reporting_times"), 2))
    rows: list[list[object]] = []
    for key, minutes, limit, is_late in (
            ("phone_report", tm.phone_minutes, tm.phone_limit, tm.phone_late),
            ("written_report", tm.written_minutes, tm.written_limit, tm.written_late)):
        verdict = (ctx.badge("incident-late") if is_late
                   else ctx.badge("incident-closed", "incident-on-time") if minutes is not None
                   else "")
        rows.append([esc(t(key)), _minutes(ctx, minutes), str(limit), verdict])
    out.append(ctx.table(["report_kind", "report_minutes", "limit_minutes", "status"], rows,
                         table_id="incident-times", sortable=False))
    out.append(limits_note(ctx))
    out.append(heading(t("reports"), 2))
    out.append(ctx.table(
        ["report_at", "report_kind", "channel", "report_by", "summary"],
        [[_time_cell(r.at), ctx.v(r.kind), ctx.v(r.channel), ctx.link(r.by), prose(r.summary)]
         for r in sorted(inc.reports, key=_report_order)],
        table_id="incident-reports", sortable=False, indexed=True))
    if inc.instructions:
        out.append(heading(t("instructions"), 2))
        rows = []
        for i in sorted(inc.instructions, key=lambda i: i.at):
            sup = ""
            if i.supervision:
                sup = ctx.link(i.supervision)
                if i.supervision in ctx.cat.supervision:
                    sup += " " + ctx.badge(ctx.cat.supervision[i.supervision].status)
            rows.append([ctx.link(i.by), _time_cell(i.at), prose(i.text), sup])
        out.append(ctx.table(["instructed_by", "date", "instruction_text", "supervision"],
                             rows, table_id="incident-instructions", sortable=False,
                             indexed=True))
    return "".join(out)


def occurred_on(inc: Incident) -> dt.date:
    return when(inc.occurred).date()
