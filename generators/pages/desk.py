"""The leaders' desk on the home page: what waits for a leader or a head of unit.

Each block is one small function over the Catalog that returns typed rows (`Waiting`,
`AgendaRow`, `HotlineRow`, `DutyRow`, `InstructionRow`), and the desk is the table
`BLOCKS`: a block's title, the columns it shows, its rows, how a row reads as cells and
which full list it links to.  Adding a block is one row function, one cells function and
one line of `BLOCKS`.

The whole office's desk is rendered into the home page.  Narrowed to one unit or to an
official's portfolio, it is a small JSON file per unit and per official
(`desk/<id>.json`, the same rows as cells: text, link, status), which the site's own
script (`assets/portal/desk.js`) fetches when the address says `?unit=<id>` or
`?official=<id>`, so a head of unit bookmarks "my unit" and a reload keeps it.  Files
rather than hidden blocks in the page: at about 100 units and 20 officials hidden blocks
would put every scope's rows (and every row's text) into the home page, which every
reader downloads; one file per scope keeps the home page the size of one desk and a
scope's file the size of its own rows (`DESK_ROWS` a block at most).

Audiences: every row comes from the Catalog, which holds only what the build's audience
may see, and only visible units and officials get a scope and a file, so a hidden record
is in no count and no list.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any
from urllib.parse import quote

from .. import deps, workflow
from ..catalog import Catalog
from ..escaping import bidi_closed, json_for_web
from ..models.briefing import Briefing
from ..models.duty import Incident
from ..models.hotline import Hotline
from ..models.liaison import Liaison
from ..models.meeting import Meeting
from ..models.received import Received
from ..models.registry import Official, Unit
from ..models.supervision import Supervision
from ..urls import relative
from .common import Ctx, Page, column_class, esc
from .indexes import Listing, paginate

DESK_ROWS = 10
"""Rows a block of the desk shows; its count and its link to the full list say the rest."""

HOTLINE_ENDS = 3
"""Districts shown at each end of the latest hotline month's ranking."""

NO_DESK_KINDS = frozenset({"state-council", "legislature", "cppcc"})
"""Units outside the municipal government get no desk of their own in the selector."""

WHOLE_DESK = frozenset({"mayor", "secretary-general"})
"""Positions whose desk is the whole office's whatever their portfolio says: the mayor
leads the whole government, the secretary-general runs its office (the sample gives both
the General Office as their portfolio, which narrowed their desks to almost nothing)."""

ASSET = "assets/portal/desk.js"
"""The desk's script (outputs.PAGE_ASSETS): the only script the desk needs, from the site."""


# -- typed rows ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Waiting:
    """A record that waits on someone: since when, for how long, by when, and how late."""

    id: str
    units: tuple[str, ...]
    """The units it waits on (the desk narrowed to a unit shows the rows naming it)."""
    since: dt.date
    days: int
    """Days waiting from `since` to the as-of date, in the block's day unit
    (Block.working)."""
    due: dt.date | None
    days_overdue: int
    """Days past `due` (0 while not overdue: the due day itself is not overdue), in the
    block's day unit."""
    officials: tuple[str, ...] = ()
    """The officials it waits on, if any (an instruction's author, a duty leader): the
    desk of such an official shows it whatever their portfolio."""

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One item on the agenda of the next executive meeting."""

    id: str
    """The meeting's id (every row of the block links to the same meeting)."""
    units: tuple[str, ...]
    date: dt.date
    item: int
    title: str
    presenter: str
    officials: tuple[str, ...] = ()
    """(chair,): the official chairing the meeting sees its whole agenda."""


@dataclass(frozen=True, slots=True)
class HotlineRow:
    """A district at the top or the bottom of the latest hotline month's ranking."""

    id: str
    """The hotline month record's id."""
    units: tuple[str, ...]
    month: str
    rank: int
    of: int
    composite: float
    end: str
    """"top" or "bottom"; "rank" for a district between them, which only its own desk
    shows (a district's head sees where it stands whatever its place)."""

    @property
    def on_whole(self) -> bool:
        return self.end != "rank"


@dataclass(frozen=True, slots=True)
class DutyRow:
    """Who is on duty on one day (today or tomorrow), from the month's roster."""

    id: str
    """The month's roster (duty-<YYYY-MM>): the block links to its page."""
    units: tuple[str, ...]
    """The unit providing the officers, where the roster names one."""
    officials: tuple[str, ...]
    """The leader on duty (带班领导): his desk shows the day."""
    day: dt.date
    which: str
    """"today" or "tomorrow"."""
    officers: tuple[str, ...]

    @property
    def for_all(self) -> bool:
        """Who is on duty is every desk's business: a unit's desk that said 无 under
        今明两日值班 read as "nobody on duty"."""
        return True


@dataclass(frozen=True, slots=True)
class InstructionRow:
    """A leader's instruction (批示) awaiting feedback, on the record it was written on."""

    id: str
    """The record instructed on (received document, briefing or incident)."""
    units: tuple[str, ...]
    officials: tuple[str, ...]
    """(by,): the instructing official's desk shows it."""
    by: str
    since: dt.date
    days: int
    supervision: str | None


Row = Waiting | AgendaRow | HotlineRow | DutyRow | InstructionRow


# -- figures ---------------------------------------------------------------------------------
def days_between(since: dt.date, as_of: dt.date) -> int:
    """Calendar days from since to as_of (0 on the day itself, never negative)."""
    return max((as_of - since).days, 0)


def _overdue_first(rows: list[Waiting]) -> list[Waiting]:
    """Overdue first (the most overdue first), then the longest waiting, then by id."""
    return sorted(rows, key=lambda w: (-w.days_overdue, -w.days, w.id))


# -- blocks: one function over the Catalog each ------------------------------------------------
def awaiting_decision(cat: Catalog) -> list[Waiting]:
    """Requests (请示 and 商洽) with no decision yet: 待决定的请示, as
    workflow.requests_awaiting_decision lists them and figures.request_status counts them
    (due: the request's own, else `request_days` after submission; working days where the
    office's calendar exists).  The officials who have signed it off in its approval chain
    (审批流程) see it on their desks until it is decided."""
    out = []
    for q in workflow.requests_awaiting_decision(cat):
        st = cat.requests[q.id]
        signed = tuple(dict.fromkeys(a.by for a in q.approvals))
        out.append(Waiting(q.id, (q.from_,), q.submitted, st.days_waiting, st.due,
                           st.days_overdue, signed))
    return out


def awaiting_action(cat: Catalog) -> list[Waiting]:
    """Received State Council documents with no `implemented` step, as
    workflow.received_awaiting_action lists them (figures.received_status)."""
    out = []
    for r in workflow.received_awaiting_action(cat):
        st = cat.received[r.id]
        out.append(Waiting(r.id, (r.handling.lead,), r.received, st.days_since_receipt,
                           st.due, st.days_overdue))
    return out


def supervision_overdue(cat: Catalog) -> list[Waiting]:
    """Supervision items whose status is overdue (figures.supervision_status: open, past
    the deadline), the most overdue first."""
    out = []
    for s in cat.of(Supervision):
        st = cat.supervision[s.id]
        if st.status == "overdue":
            out.append(Waiting(s.id, (s.lead,), s.assigned, days_between(s.assigned, cat.as_of),
                               s.deadline, st.days_overdue))
    return _overdue_first(out)


def liaison_overdue(cat: Catalog) -> list[Waiting]:
    """Suggestions and proposals with no reply past their due date (figures.liaison_status:
    逾期未答复), the most overdue first."""
    out = []
    for li in cat.of(Liaison):
        st = cat.liaison[li.id]
        if st.status == "overdue":
            out.append(Waiting(li.id, (li.lead,), li.received,
                               days_between(li.received, cat.as_of), st.due, st.days_overdue))
    return _overdue_first(out)


def next_executive(cat: Catalog) -> list[AgendaRow]:
    """The agenda of the next executive meeting: the first on or after the as-of date
    (today's meeting is the next one until the day is over)."""
    coming = [m for m in cat.of(Meeting) if m.kind == "executive" and m.date >= cat.as_of]
    if not coming:
        return []
    m = min(coming, key=lambda m: (m.date, m.id))
    return [AgendaRow(m.id, (a.presenter,), m.date, a.item, a.title, a.presenter,
                      (m.chair,)) for a in sorted(m.agenda, key=attrgetter("item"))]


def hotline_ends(cat: Catalog) -> list[HotlineRow]:
    """The latest hotline month on file up to the as-of date: its HOTLINE_ENDS best and
    HOTLINE_ENDS worst districts by the composite (figures.hotline_ranking); a month of
    fewer districts shows each once.  The districts between them are rows too, marked
    "rank", which the whole office's desk leaves out and a district's own desk shows."""
    months = [h for h in cat.of(Hotline) if h.month <= f"{cat.as_of:%Y-%m}"]
    if not months:
        return []
    h = max(months, key=attrgetter("month"))
    ranks = cat.hotline[h.month]
    n = len(ranks)
    top = ranks[:HOTLINE_ENDS]
    first_bottom = max(n - HOTLINE_ENDS, len(top))
    middle, bottom = ranks[len(top):first_bottom], ranks[first_bottom:]
    return [HotlineRow(h.id, (r.unit,), h.month, r.rank, n, r.composite, end)
            for end, rs in (("top", top), ("bottom", bottom), ("rank", middle)) for r in rs]


# issue 16 point 1: duty, incidents, report-late, instructions awaiting feedback
def duty_days(cat: Catalog) -> list[DutyRow]:
    """Today's and tomorrow's duty (the as-of date and the day after), each from its
    month's roster; a day no visible roster covers has no row."""
    out = []
    for which, day in (("today", cat.as_of), ("tomorrow", cat.as_of + dt.timedelta(days=1))):
        d = cat.roster_of(day)
        if d is not None:
            out.append(DutyRow(f"duty-{day:%Y-%m}", (d.unit,) if d.unit else (), (d.leader,),
                               day, which, tuple(d.officers)))
    return out


def incidents_open(cat: Catalog) -> list[Waiting]:
    """Incidents with no final report (终报, Catalog.open_incidents), days counted from the
    day they occurred; the longest open first.  The unit is the first of the incident's
    units (the one leading the handling): a unit's desk counts what its filtered list
    shows, and the list filters on one unit a row."""
    return _overdue_first([Waiting(i.id, (i.units[0],), i.main_date,
                                   days_between(i.main_date, cat.as_of), None, 0)
                           for i in cat.open_incidents()])


def report_late(cat: Catalog) -> list[Waiting]:
    """Supervision items whose progress report is late (未按期反馈,
    workflow.supervision_report_late), the longest late first: due is the day the report
    was due, days_overdue the days past it."""
    out = []
    for s in workflow.supervision_report_late(cat):
        st = cat.supervision[s.id]
        out.append(Waiting(s.id, (s.lead,), s.assigned, days_between(s.assigned, cat.as_of),
                           st.report_due, st.days_report_late))
    return out


_DONE = frozenset({"completed", "completed-late"})


def instructions_awaiting(cat: Catalog) -> list[InstructionRow]:
    """Leaders' instructions (批示) awaiting feedback, the longest waiting first.

    The rule: an instruction that started a supervision item awaits feedback while that
    item is not completed (completed or completed late ends it; an item this audience does
    not see is not known to be completed, so the instruction still awaits).  One that
    started none awaits while no later handling exists: on a received document, no
    handling step dated on or after the instruction; on an incident, no report received
    after it.  A briefing has no handling steps: its instruction is followed up only
    through the supervision item it starts, so one that started none awaits nothing.
    Days waiting are calendar days from the instruction to the as-of date.  The unit is
    the received document's lead unit, the briefing's source, the incident's first unit."""
    def done(sup: str | None, later: bool | None) -> bool:
        if sup is not None:
            st = cat.supervision.get(sup) if sup in cat.by_id else None
            return st is not None and st.status in _DONE
        return later is None or later

    out = []
    for r in cat.of(Received):
        for ins in r.instructions:
            if not done(ins.supervision, any(st.date >= ins.date for st in r.handling.steps)):
                out.append(InstructionRow(r.id, (r.handling.lead,), (ins.by,), ins.by,
                                          ins.date, days_between(ins.date, cat.as_of),
                                          ins.supervision))
    for b in cat.of(Briefing):
        for bi in b.instructions:
            if not done(bi.supervision, None):
                out.append(InstructionRow(b.id, (b.source,), (bi.by,), bi.by, bi.date,
                                          days_between(bi.date, cat.as_of), bi.supervision))
    for i in cat.of(Incident):
        for ii in i.instructions:
            at = ii.at
            if not done(ii.supervision, any(rep.at > at for rep in i.reports)):
                day = dt.date.fromisoformat(at[:10])
                out.append(InstructionRow(i.id, (i.units[0],), (ii.by,), ii.by, day,
                                          days_between(day, cat.as_of), ii.supervision))
    return sorted(out, key=lambda x: (-x.days, x.id, x.by))


# -- cells -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Cell:
    """What a cell shows, free of HTML: its text, the page it links to (relative to the
    page the desk is on), a status badge, or "not published"."""

    text: str
    href: str | None = None
    status: str | None = None
    hidden: bool = False

    def html(self) -> str:
        if self.hidden:
            return f'<span class="not-published">{esc(self.text)}</span>'
        if self.status:
            return (f'<span class="status status--{esc(self.status)}">{esc(self.text)}'
                    f'</span>')
        if self.href:
            return f'<a href="{esc(self.href)}">{esc(self.text)}</a>'
        return esc(self.text)

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": bidi_closed(self.text)}
        if self.href:
            out["h"] = self.href
        if self.status:
            out["s"] = self.status
        if self.hidden:
            out["n"] = 1
        return out


def ref(ctx: Ctx, id_: str) -> Cell:
    """A record, unit or official as a cell: its name and page, or "(not published)"."""
    if id_ in ctx.cat.hidden:
        return Cell(ctx.t("not_published"), hidden=True)
    rec = ctx.cat.by_id.get(id_)
    if rec is None:
        return Cell(id_)
    return Cell(ctx.name(rec), ctx.href(rec))


def _due(ctx: Ctx, w: Waiting) -> list[Cell]:
    """A request's or a received document's due date, and how far past it (in the unit
    its time limit is counted in: working days where the office's calendar exists,
    figures.request_status and received_status)."""
    unit = ctx.t("working_days" if ctx.cat.counts_working_days() else "calendar_days")
    return [Cell(str(w.due) if w.due else ""),
            Cell(ctx.t("desk_overdue_by", n=w.days_overdue, unit=unit), status="overdue")
            if w.overdue else Cell("")]


def request_cells(ctx: Ctx, w: Waiting) -> list[Cell]:
    return [ref(ctx, w.id), ref(ctx, w.units[0]), Cell(str(w.since)), Cell(str(w.days)),
            *_due(ctx, w)]


def received_cells(ctx: Ctx, w: Waiting) -> list[Cell]:
    return [ref(ctx, w.id), ref(ctx, w.units[0]), Cell(str(w.since)), Cell(str(w.days)),
            *_due(ctx, w)]


def supervision_cells(ctx: Ctx, w: Waiting) -> list[Cell]:
    return [ref(ctx, w.id), ref(ctx, w.units[0]), Cell(str(w.due)), Cell(str(w.days_overdue))]


def liaison_cells(ctx: Ctx, w: Waiting) -> list[Cell]:
    return [ref(ctx, w.id), ref(ctx, w.units[0]), Cell(str(w.due)), Cell(str(w.days_overdue))]


def agenda_cells(ctx: Ctx, a: AgendaRow) -> list[Cell]:
    return [Cell(ctx.t("nth_item", n=a.item)), Cell(a.title, ctx.href(ctx.cat.by_id[a.id])),
            ref(ctx, a.presenter)]


def hotline_cells(ctx: Ctx, h: HotlineRow) -> list[Cell]:
    return [Cell(ctx.t(f"desk_{h.end}")), ref(ctx, h.units[0]),
            Cell(ctx.t("rank_of", rank=h.rank, n=h.of)), Cell(f"{h.composite:.2f}")]


def duty_cells(ctx: Ctx, d: DutyRow) -> list[Cell]:
    return [Cell(f"{ctx.t(d.which)}{ctx.paren(ctx.day(d.day))}"), ref(ctx, d.officials[0]),
            Cell(ctx.sep().join(d.officers)), ref(ctx, d.units[0]) if d.units else Cell("")]


def incident_cells(ctx: Ctx, w: Waiting) -> list[Cell]:
    return [ref(ctx, w.id), ref(ctx, w.units[0]), Cell(str(w.since)), Cell(str(w.days))]


def report_late_cells(ctx: Ctx, w: Waiting) -> list[Cell]:
    return [ref(ctx, w.id), ref(ctx, w.units[0]), Cell(str(w.due)), Cell(str(w.days_overdue))]


def instruction_cells(ctx: Ctx, r: InstructionRow) -> list[Cell]:
    return [ref(ctx, r.id), ref(ctx, r.units[0]), ref(ctx, r.by), Cell(str(r.since)),
            Cell(str(r.days)), ref(ctx, r.supervision) if r.supervision else Cell("")]


# -- the table of blocks ---------------------------------------------------------------------
DAY_COLUMNS = frozenset({"days_waiting", "days_overdue_n", "days_open",
                         "desk_days_report_late"})
"""The desk's counts of days: their headers say the unit (Block.columns)."""


@dataclass(frozen=True, slots=True)
class Block:
    key: str
    title: str
    """Label key of the block's heading."""
    headers: tuple[str, ...]
    rows: Callable[[Catalog], Sequence[Any]]
    cells: Callable[[Ctx, Any], list[Cell]]
    list_src: str | None
    """The desk's own listing of every row (desk/<key>.md), or None when the block links
    to a record page instead (the meeting, the hotline month)."""
    unit_column: int = 1
    """The column naming the unit: the listing filters on it for a scoped desk's link."""
    more: str = "desk_see_all"
    """Label key of the link to the full list ({n}: how many) or to the record."""
    working: bool = False
    """Its days are counted as the record's own time limit is: in working days where the
    office's calendar exists (requests, received documents, the grace of a progress
    report; figures.py), else in calendar days.  Other blocks count calendar days: a
    deadline or a due date passed, days since an instruction or an incident."""

    def columns(self, cat: Catalog) -> tuple[str, ...]:
        """The block's headers, each count of days saying its unit (工作日 or 自然日):
        one desk shows both, and a leader comparing two blocks must see which is which."""
        unit = "wd" if self.working and cat.counts_working_days() else "cd"
        return tuple(f"{h}_{unit}" if h in DAY_COLUMNS else h for h in self.headers)


BLOCKS: tuple[Block, ...] = (
    Block("requests", "desk_requests",
          ("title", "from", "submitted", "days_waiting", "desk_due", "status"),
          awaiting_decision, request_cells, "desk/requests.md", working=True),
    Block("received", "desk_received",
          ("title", "lead", "received_date", "days_waiting", "desk_due", "status"),
          awaiting_action, received_cells, "desk/received.md", working=True),
    Block("supervision", "desk_supervision",
          ("what", "lead", "deadline", "days_overdue_n"),
          supervision_overdue, supervision_cells, "desk/supervision.md"),
    Block("liaison", "desk_liaison",
          ("title", "liaison_lead", "desk_due", "days_overdue_n"),
          liaison_overdue, liaison_cells, "desk/liaison.md"),
    Block("meeting", "desk_meeting", ("agenda_item", "title", "presenter"),
          next_executive, agenda_cells, None, 2, "desk_meeting_page"),
    Block("hotline", "desk_hotline", ("desk_end", "unit", "rank", "composite"),
          hotline_ends, hotline_cells, None, 1, "desk_hotline_page"),
    # issue 16 point 1: duty, incidents, report-late, instructions awaiting feedback
    Block("duty", "desk_duty", ("desk_day", "duty_leader", "duty_officers", "duty_unit"),
          duty_days, duty_cells, None, 3, "desk_duty_page"),
    Block("incidents", "open_incidents",
          ("title", "incident_units", "occurred", "days_open"),
          incidents_open, incident_cells, "desk/incidents.md"),
    Block("report_late", "report_late_items",
          ("what", "lead", "report_due", "desk_days_report_late"),
          report_late, report_late_cells, "desk/report-late.md", working=True),
    Block("instructions", "desk_instructions",
          ("title", "unit", "instructed_by", "date", "days_waiting", "supervision"),
          instructions_awaiting, instruction_cells, "desk/instructions.md"),
)
"""The desk, block by block, in the order it shows them (the four blocks issue 16
point 1 added last, so that the first six keep their places).  Requests, received
documents, report-late supervision items and open incidents are the lists of workflow.py
and Catalog.open_incidents (one rule each, the one their own pages use)."""


# -- scopes ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Scope:
    """What the desk is narrowed to: one unit, or an official's portfolio."""

    kind: str
    """"unit" or "official"."""
    id: str
    units: frozenset[str]
    whole: bool = False
    """The mayor, the secretary-general, or an official with no portfolio: his desk is the
    whole office's, as his work is (WHOLE_DESK)."""

    @property
    def ids(self) -> frozenset[str]:
        """What a row must name to be on this desk: its units, and the official himself."""
        return self.units | {self.id} if self.kind == "official" else self.units


def scopes(cat: Catalog) -> list[Scope]:
    """Every scope this audience may see: each official (their visible portfolio; the
    whole office for one without a portfolio), each unit of the municipal government
    (not NO_DESK_KINDS)."""
    out = [Scope("official", o.id, frozenset(cat.shown(o.portfolio)),
                 o.position in WHOLE_DESK or not o.portfolio)
           for o in cat.of(Official) if o.id not in cat.hidden]
    out += [Scope("unit", u.id, frozenset({u.id})) for u in cat.of(Unit)
            if u.id not in cat.hidden and u.kind not in NO_DESK_KINDS]
    return out


def narrowed(rows: Sequence[Any], scope: Scope | None) -> list[Any]:
    """The rows of a block that concern the scope (all of them without one, or for an
    official whose desk is the whole office's): a row naming one of the scope's units, on
    an official's desk a row naming the official, and on every desk who is on duty."""
    if scope is None or scope.whole:  # not the rows only a narrower desk shows
        return [r for r in rows if getattr(r, "on_whole", True)]
    return [r for r in rows if getattr(r, "for_all", False)
            or scope.ids.intersection(_concerns(r))]


def _block_link(ctx: Ctx, block: Block, rows: Sequence[Any], scope: Scope | None) -> str | None:
    """Where a block's count leads: its full list (filtered to the scope's unit when the
    scope is one unit), or the record its rows come from."""
    if block.list_src:
        if not narrowed(rows, scope):
            return None  # nothing to list
        href = relative(ctx.src, block.list_src)
        if scope is None or scope.whole:
            return href
        if scope.kind == "unit":
            unit = ref(ctx, scope.id)
            href += f"?desk-{block.key}.f{block.unit_column}={quote(unit.text, safe='')}"
        else:  # a portfolio: the rows naming its units or the official, and his name
            ids = ",".join(sorted(scope.ids))
            name = quote(ref(ctx, scope.id).text, safe="")
            href += f"?desk-{block.key}.in={quote(ids, safe=',')}&desk-{block.key}.by={name}"
        return href
    if rows:
        return ctx.href(ctx.cat.by_id[rows[0].id])
    return None


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block of one desk: how many, the first DESK_ROWS rows as cells, the link."""

    key: str
    title: str
    headers: tuple[str, ...]
    more_label: str
    """The link's text, {n} standing for the count."""
    count: int
    rows: tuple[tuple[Cell, ...], ...]
    more: str | None
    more_text: str = ""
    """The link's text, with the count of rows it leads to."""


def desk_views(ctx: Ctx, scope: Scope | None = None,
               rows: dict[str, Sequence[Any]] | None = None) -> list[BlockView]:
    """The desk's blocks for a scope (the whole office without one); rows: each block's
    rows if already made (one pass for every scope's file)."""
    out = []
    for block in BLOCKS:
        every = rows[block.key] if rows is not None else block.rows(ctx.cat)
        mine = narrowed(every, scope)
        more_text = ctx.t(block.more, n=len(mine))
        # the meeting and the hotline month are named and linked whatever the scope
        out.append(BlockView(block.key, _title(ctx, block, every, scope), block.columns(ctx.cat),
                             ctx.t(block.more, n="{n}"), len(mine),
                             tuple(tuple(block.cells(ctx, r)) for r in mine[:DESK_ROWS]),
                             _block_link(ctx, block, every, scope), more_text))
    return out


def _title(ctx: Ctx, block: Block, rows: Sequence[Any], scope: Scope | None = None) -> str:
    """The block's heading: the meeting's name and day, the hotline's month (on a
    narrowed desk its districts' places, not the top and bottom of the month)."""
    title = ctx.t(block.title)
    if block.key == "meeting" and rows:
        day = ctx.day(rows[0].date)
        note = f"（{day}）" if ctx.locale == "zh" else f" ({day})"
        return f"{title}{ctx.colon()}{ctx.name(ctx.cat.by_id[rows[0].id])}{note}"
    if block.key == "hotline" and rows:
        narrow = scope is not None and not scope.whole
        return ctx.t("desk_hotline_places" if narrow else "desk_hotline_of", month=rows[0].month)
    return title


# -- the home page ---------------------------------------------------------------------------
_NOWRAP = frozenset({"desk_due", "received_date", "instructed_by"})
"""The desk's date columns that the shared column classes do not name, and the
instructing leader's name (祁/晗/澜 stood one character a line)."""


def _column(header: str) -> str:
    """A column's class: a title leads a phone's card, a date never wraps (common.py)."""
    return column_class(header) or (' class="nw"' if header in _NOWRAP else "")


def _block_html(ctx: Ctx, view: BlockView) -> str:
    t = ctx.t
    kinds = [_column(h) for h in view.headers]
    head = "".join(f'<th scope="col"{k}>{esc(t(h))}</th>'
                   for h, k in zip(view.headers, kinds, strict=True))
    body = "".join("<tr>" + "".join(f'<td{k} data-label="{esc(t(h))}">{c.html()}</td>'
                                    for h, k, c in zip(view.headers, kinds, row, strict=True))
                   + "</tr>" for row in view.rows)
    empty = "" if not view.rows else " hidden"
    table_hidden = " hidden" if not view.rows else ""
    more = (f'<a class="desk-more" href="{esc(view.more)}">'
            f'{esc(view.more_text)}</a>') if view.more else \
        '<a class="desk-more" hidden></a>'
    return (f'<section class="desk-block" id="desk-{view.key}" data-block="{view.key}" '
            f'data-more="{esc(view.more_label)}">'
            f'<h2 class="desk-title"><span class="desk-name">{esc(view.title)}</span> '
            f'<span class="desk-count">{view.count}</span></h2>'
            f'<div class="table-wrap" data-pagefind-ignore{table_hidden}>'
            f'<table class="data desk-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>'
            f'<p class="empty"{empty}>{esc(t("none"))}</p>'
            f'<p class="more">{more}</p></section>\n')


def _selector(ctx: Ctx) -> str:
    """The scope selector: hidden until desk.js shows it (without the script the page is
    the whole office's desk)."""
    t = ctx.t
    cat = ctx.cat
    groups: dict[str, list[str]] = {}
    for s in scopes(cat):
        rec = cat.by_id[s.id]
        if isinstance(rec, Official):
            group = t("desk_officials")
            text = esc(ctx.name(rec)) + ctx.paren(ctx.v(rec.position))
        else:
            group = ctx.v(rec.kind) if isinstance(rec, Unit) else ""
            text = esc(ctx.name(rec))
        groups.setdefault(group, []).append(
            f'<option value="{s.kind}:{esc(s.id)}">{text}</option>')
    options = "".join(f'<optgroup label="{esc(group)}">{"".join(opts)}</optgroup>'
                      for group, opts in groups.items())
    return (f'<form class="desk-scope" hidden data-unit="{esc(t("desk_unit_page"))}" '
            f'data-official="{esc(t("desk_official_page"))}" '
            f'data-failed="{esc(t("desk_failed"))}">'
            f'<label for="desk-scope">{esc(t("desk_scope"))}</label> '
            f'<select id="desk-scope"><option value="">{esc(t("desk_all"))}</option>'
            f'{options}</select> <a class="desk-page" hidden></a>'
            f'<span class="desk-status" role="status"></span></form>\n')


def desk_html(ctx: Ctx) -> str:
    """The whole office's desk, with the selector and the script that narrows it."""
    blocks = "".join(_block_html(ctx, v) for v in desk_views(ctx))
    root = relative(ctx.src, "index.md")  # the scopes' files and links are the home page's
    note = f'<p class="desk-note">{esc(ctx.t("desk_request_rule", n=ctx.cat.request_days))}</p>\n'
    return (f'<div class="desk" data-root="{esc(root)}">\n{_selector(ctx)}{blocks}{note}'
            f'</div>\n<script src="{esc(root + ASSET)}"></script>\n')


# -- the scopes' files -----------------------------------------------------------------------
def desk_files(cat: Catalog, locale: str) -> dict[str, str]:
    """desk/<id>.json for every scope: its blocks as on the home page (links relative to
    the home page).  Each block's rows are made once and narrowed per scope."""
    ctx = Ctx(cat, locale, "index.md")
    with deps.paused():  # files made in every build: nothing to record
        rows = {b.key: b.rows(cat) for b in BLOCKS}
        out = {}
        for scope in scopes(cat):
            rec = cat.by_id[scope.id]
            views = desk_views(ctx, scope, rows)
            data = {"scope": {"kind": scope.kind, "id": scope.id,
                              "t": bidi_closed(ctx.name(rec)), "h": ctx.href(rec)},
                    "blocks": [{"key": v.key, "title": v.title, "count": v.count,
                                "more": v.more, "more_text": v.more_text,
                                "rows": [[c.data() for c in r] for r in v.rows]}
                               for v in views]}
            # record text stays text even if a browser took the file for HTML
            out[f"desk/{scope.id}.json"] = json_for_web(json.dumps(
                data, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    return out


# -- the full lists --------------------------------------------------------------------------
def desk_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    """The full list behind each block that has one (desk/<key>.md), paginated like the
    indexes; each records what it read (deps.py) through pages.indexes.paginate."""
    for block in BLOCKS:
        if block.list_src is None:
            continue
        ctx = Ctx(cat, locale, block.list_src)
        with deps.recording() as head:
            items = block.rows(cat)
            columns = block.columns(cat)  # the day unit: the calendar's records
        listing = Listing(list(columns), items, _listing_row(block),
                          f"desk-{block.key}", [block.unit_column], True,
                          scope=lambda row: [i for i in _concerns(row) if i not in cat.hidden])
        intro = f"<p>{esc(ctx.t('desk_request_rule', n=cat.request_days))}</p>\n" \
            if block.key == "requests" else \
            f"<p>{esc(ctx.t('desk_instruction_rule'))}</p>\n" \
            if block.key == "instructions" else ""
        yield from paginate(cat, locale, block.list_src, ctx.t(block.title),
                            (intro, listing, ""), in_nav=False, head=frozenset(head))


def _concerns(row: Any) -> tuple[str, ...]:
    """The units and officials a row concerns: what `narrowed` keeps a row by, so that a
    portfolio's link (`?desk-<key>.in=`) keeps the rows the official's desk counted.  The
    page writes only those the audience sees (a hidden official's id, who signed a
    request off, named him in a public build's attribute)."""
    return (*row.units, *getattr(row, "officials", ()))


def _listing_row(block: Block) -> Callable[[Ctx, Any], list[object]]:
    def row(c: Ctx, item: Any) -> list[object]:
        return [c_.html() for c_ in block.cells(c, item)]

    return row


__all__ = ["BLOCKS", "desk_files", "desk_html", "desk_pages"]
