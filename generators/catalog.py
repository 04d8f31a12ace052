"""The Catalog: the linked, typed archive that every later stage reads.

Built once per build from the validated records: indexes by id, type, year,
unit and official, reverse links (what refers to this record), and the
figures of figures.py computed for one as-of date and one audience.

Every lookup a renderer makes notes what it read (deps.py): the Catalog's tables are
dicts that note a key on each read, and the rollups are noted as one key each.  Nothing
a renderer gets may be changed by it: the rollups are frozen, their lists tuples (a
page that shortened a cached list made every later page show the short one).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import attachments as attachment_files
from . import deps
from .attachments import AttachmentFile
from .figures import (
    REQUEST_DAYS,
    AppraisalResult,
    HotlineRank,
    IncidentTiming,
    LiaisonRates,
    LiaisonStatus,
    ReceivedStatus,
    RequestStatus,
    SupervisionStatus,
    Validity,
    appraisal_results,
    hotline_ranking,
    incident_timing,
    liaison_rates,
    liaison_status,
    normative_validity,
    received_status,
    repeal_date,
    request_status,
    supervision_status,
)
from .history import Change, file_key
from .models import LEVELS, Record
from .models.activity import Activity
from .models.appraisal import Appraisal
from .models.briefing import Briefing
from .models.calendar import CalendarYear
from .models.document import Document
from .models.duty import Duty, DutyDay, Incident  # issue 16: duty office
from .models.hotline import Hotline
from .models.liaison import Liaison
from .models.meeting import Meeting, MeetingDecision
from .models.received import Received
from .models.registry import Official, Topic, Unit
from .models.request import Request
from .models.supervision import Supervision
from .workdays import NO_CALENDAR, WorkCalendar, work_calendar

if TYPE_CHECKING:
    from .warm import Warm

R = TypeVar("R", bound=Record)
K = TypeVar("K")
V = TypeVar("V")
Loc = tuple[str | int, ...]


class Tracked(dict[K, V]):
    """A table of the Catalog that notes `<prefix>:<key>` for each key read while a page
    is rendered (deps.py), and `<prefix>:*` when it is read whole (iterated, counted)."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str, items: Any = ()) -> None:
        super().__init__(items)
        self.prefix = prefix

    def __getitem__(self, key: K) -> V:
        keys = deps._keys.get()
        if keys is not None:
            keys.add(f"{self.prefix}:{key}")
        return dict.__getitem__(self, key)

    def get(self, key: K, default: Any = None) -> Any:
        keys = deps._keys.get()
        if keys is not None:
            keys.add(f"{self.prefix}:{key}")
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        keys = deps._keys.get()
        if keys is not None:
            keys.add(f"{self.prefix}:{key}")
        return dict.__contains__(self, key)

    def _whole(self) -> None:
        deps.note(f"{self.prefix}:*")

    def __iter__(self) -> Iterator[K]:
        self._whole()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._whole()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._whole()
        return dict.keys(self)

    def values(self) -> Any:
        self._whole()
        return dict.values(self)

    def items(self) -> Any:
        self._whole()
        return dict.items(self)


class TrackedSet(set[str]):
    """Cat.hidden: a membership test notes `r:<id>` (an id's digest says "hidden")."""

    def __contains__(self, key: object) -> bool:
        keys = deps._keys.get()
        if keys is not None:
            keys.add(f"r:{key}")
        return set.__contains__(self, key)


@dataclass(frozen=True, slots=True)
class Link:
    """One reference: `source` names `target` at `loc` (a field path of the source)."""

    source: Record
    loc: Loc
    kind: str
    target: str

    @property
    def field(self) -> str:
        return ".".join(str(p) for p in self.loc if isinstance(p, str))


@dataclass(slots=True)
class Catalog:
    as_of: dt.date
    audience: str
    records: list[Record]
    by_id: dict[str, Record] = field(default_factory=dict)
    by_type: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    decisions: dict[str, tuple[Meeting, MeetingDecision]] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    links_from: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    links_to: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    history: dict[str, list[Change]] = field(default_factory=dict)
    """Record id -> its file's changes in git, newest first (empty outside git)."""
    hidden: set[str] = field(default_factory=set)
    """Ids that exist in the archive but not in this audience: records, registry entries
    (units, officials, topics: a child topic is at least as restricted as its parent) and
    the decisions of hidden meetings.  Every output asks here: a reference to one of them
    is shown as (not published), never by its id or title."""
    supervision: dict[str, SupervisionStatus] = field(default_factory=dict)
    validity: dict[str, Validity] = field(default_factory=dict)
    liaison: dict[str, LiaisonStatus] = field(default_factory=dict)
    appraisal: dict[int, list[AppraisalResult]] = field(default_factory=dict)
    hotline: dict[str, list[HotlineRank]] = field(default_factory=dict)
    incidents: dict[str, IncidentTiming] = field(default_factory=dict)
    """issue 16: incident id -> its reporting minutes and open/closed (figures.py)."""
    calendar: WorkCalendar = NO_CALENDAR
    """issue 16: the office's working days (registry/calendar.yaml), or calendar days."""
    request_days: int = REQUEST_DAYS
    """issue 16: a request's time limit when it gives no due date (config request_days)."""
    requests: dict[str, RequestStatus] = field(default_factory=dict)
    received: dict[str, ReceivedStatus] = field(default_factory=dict)
    # issue 17: documents' attachments
    records_dir: Path | None = None
    """The records folder the attachments are read from (None: no attachment is read)."""
    attachments: dict[str, AttachmentFile] = field(default_factory=dict)
    """Path below records/attachments/ -> the file, for every attachment a visible
    document names and the folder holds (noted as `att:<path>`)."""
    _rollups: dict[str, UnitRollup] | None = None
    _official_rollups: dict[str, OfficialRollup] | None = None
    _dumps: dict[str, bytes] = field(default_factory=dict)
    warm: Warm | None = None
    """What `portal serve`'s last build worked out from the records it shares with this
    one (warm.py); None elsewhere."""

    # -- typed access ----------------------------------------------------------------------
    def of(self, model: type[R]) -> list[R]:
        return self.by_type.get(model.rtype, [])  # type: ignore[return-value]

    def get(self, id_: str, model: type[R]) -> R | None:
        rec = self.by_id.get(id_)
        return rec if isinstance(rec, model) else None

    @property
    def units(self) -> dict[str, Unit]:
        return {u.id: u for u in self.of(Unit)}

    @property
    def officials(self) -> dict[str, Official]:
        return {o.id: o for o in self.of(Official)}

    def referrers(self, id_: str, model: type[R] = Record) -> list[R]:  # type: ignore[assignment]
        """Records (of model) that name id_, each once, in archive order."""
        seen: dict[str, R] = {}
        for link in self.links_to.get(id_, []):
            if isinstance(link.source, model):
                seen.setdefault(link.source.id, link.source)
        return list(seen.values())

    def shown(self, ids: Iterable[str]) -> list[str]:
        """The ids this audience may see, in order (a list of references without the
        hidden ones)."""
        return [i for i in ids if i not in self.hidden]

    def shown_id(self, id_: str | None) -> str:
        """id_, or "" when this audience may not see it."""
        return "" if not id_ or id_ in self.hidden else id_

    def years(self, model: type[Record]) -> list[int]:
        return sorted({r.main_date.year for r in self.of(model) if r.main_date}, reverse=True)

    def counts_working_days(self) -> bool:
        """issue 16: whether time limits are counted in working days (a calendar exists),
        noted as the calendar's records (a page saying which depends on them)."""
        deps.note("of:calendar")
        return self.calendar.working

    def liaison_rates(self, items: Iterable[Liaison] | None = None) -> LiaisonRates:
        return liaison_rates(self.of(Liaison) if items is None else items, self.as_of)

    def dump(self, rec: Record) -> bytes:
        """The record as JSON (field names as editors write them), made once per build:
        the edition manifest and the republish digests both hash it."""
        blob = self._dumps.get(rec.id)
        if blob is None:
            seen = self.warm.seen(rec) if self.warm is not None else None
            blob = seen.dump if seen is not None else None
            if blob is None:
                blob = rec.model_dump_json(by_alias=True).encode("utf-8")
                if seen is not None:
                    seen.dump = blob
            self._dumps[rec.id] = blob
        return blob

    # -- issue 16: duty office ---------------------------------------------------------------
    def roster_of(self, day: dt.date) -> DutyDay | None:
        """Who is on duty on a day (带班领导 and 值班员), None when no roster of this
        audience covers it.  Noted as the month's roster (`r:duty-<YYYY-MM>`), so a page
        showing it is made again when the roster changes or appears."""
        roster = self.by_id.get(f"duty-{day:%Y-%m}")
        return roster.day(day) if isinstance(roster, Duty) else None

    def open_incidents(self) -> list[Incident]:
        """Incidents without a final report (终报), newest first, as this audience sees
        them (a restricted one is absent from a lower audience's catalog, and so from this
        count).  Noted as every incident and every incident's figures."""
        timing = self.incidents
        return [i for i in self.of(Incident) if timing[i.id].status == "open"]

    # -- rollups ---------------------------------------------------------------------------
    def unit_rollup(self, unit_id: str) -> UnitRollup:
        """What the unit leads, issued, handles and owes (all units' rollups are made in
        one pass over the records, at the first one asked for: a pass per unit would make a
        republish's cost grow with units × records).  Noted as `unit:<id>`."""
        deps.note(f"unit:{unit_id}")
        return self.unit_rollups().get(unit_id) or UnitRollup.empty(unit_id)

    def unit_rollups(self) -> dict[str, UnitRollup]:
        """Every unit's rollup (not noted: for the digests, incremental.py)."""
        if self._rollups is None:
            with deps.paused():
                self._rollups = UnitRollup.all(self)
        return self._rollups

    def official_rollup(self, official_id: str) -> OfficialRollup:
        """Noted as `official:<id>`."""
        deps.note(f"official:{official_id}")
        return self.official_rollups().get(official_id) or OfficialRollup.empty(official_id)

    def official_rollups(self) -> dict[str, OfficialRollup]:
        if self._official_rollups is None:
            with deps.paused():
                self._official_rollups = OfficialRollup.all(self)
        return self._official_rollups


@dataclass(frozen=True, slots=True)
class UnitRollup:
    """Everything a unit leads, issued, handles and owes (frozen: cached, shared by every
    page that shows it)."""

    unit: str
    issued: tuple[Document, ...]
    addressed: tuple[Document, ...]
    received_handled: tuple[Received, ...]
    requests: tuple[Request, ...]
    decisions: tuple[tuple[Meeting, MeetingDecision], ...]
    supervision_led: tuple[Supervision, ...]
    supervision_support: tuple[Supervision, ...]
    liaison_led: tuple[Liaison, ...]
    briefings: tuple[Briefing, ...]
    appraisal: tuple[tuple[int, AppraisalResult], ...]
    hotline: tuple[tuple[str, HotlineRank], ...]

    @classmethod
    def empty(cls, u: str) -> UnitRollup:
        return cls(u, (), (), (), (), (), (), (), (), (), (), ())

    @classmethod
    def all(cls, cat: Catalog) -> dict[str, UnitRollup]:
        """unit id -> its rollup, for every unit some record names; each list in archive
        order, each record once."""
        lists: dict[str, _Lists] = {}

        def of(u: str) -> _Lists:
            roll = lists.get(u)
            if roll is None:
                roll = lists[u] = _Lists()
            return roll

        for d in cat.of(Document):
            for u in dict.fromkeys(d.issuers):
                of(u).issued.append(d)
            for u in dict.fromkeys([*d.recipients, *d.cc]):
                of(u).addressed.append(d)
        for r in cat.of(Received):
            of(r.handling.lead).received_handled.append(r)
        for q in cat.of(Request):
            of(q.from_).requests.append(q)
        for m, dec in cat.decisions.values():
            of(dec.lead).decisions.append((m, dec))
        for s in cat.of(Supervision):
            of(s.lead).supervision_led.append(s)
            for u in dict.fromkeys(s.support):
                of(u).supervision_support.append(s)
        for li in cat.of(Liaison):
            of(li.lead).liaison_led.append(li)
        for b in cat.of(Briefing):
            of(b.source).briefings.append(b)
        for y, results in sorted(cat.appraisal.items()):
            for res in results:
                of(res.unit).appraisal.append((y, res))
        for month, ranks in sorted(cat.hotline.items()):
            for rank in ranks:
                of(rank.unit).hotline.append((month, rank))
        names = [f.name for f in fields(cls)][1:]
        return {u: cls(u, *(tuple(getattr(lst, n)) for n in names))
                for u, lst in lists.items()}

    @property
    def owed(self) -> tuple[Supervision, ...]:
        """Open items it leads (what the unit still owes)."""
        return tuple(s for s in self.supervision_led if s.state == "open")


class _Lists:
    """A UnitRollup while it is collected."""

    __slots__ = (
        "addressed",
        "appraisal",
        "briefings",
        "decisions",
        "hotline",
        "issued",
        "liaison_led",
        "received_handled",
        "requests",
        "supervision_led",
        "supervision_support",
    )

    def __init__(self) -> None:
        self.issued: list[Any] = []
        self.addressed: list[Any] = []
        self.received_handled: list[Any] = []
        self.requests: list[Any] = []
        self.decisions: list[Any] = []
        self.supervision_led: list[Any] = []
        self.supervision_support: list[Any] = []
        self.liaison_led: list[Any] = []
        self.briefings: list[Any] = []
        self.appraisal: list[Any] = []
        self.hotline: list[Any] = []


@dataclass(frozen=True, slots=True)
class OfficialRollup:
    """Everything an official chaired, attended, signed, decided or instructed (frozen)."""

    official: str
    chaired: tuple[Meeting, ...]
    attended: tuple[Meeting, ...]
    activities: tuple[Activity, ...]
    signed: tuple[Document, ...]
    decided: tuple[Request, ...]
    instructions: tuple[Briefing, ...]
    verified: tuple[Supervision, ...]

    @classmethod
    def empty(cls, o: str) -> OfficialRollup:
        return cls(o, (), (), (), (), (), (), ())

    @classmethod
    def all(cls, cat: Catalog) -> dict[str, OfficialRollup]:
        """official id -> its rollup, for every official: one pass over the records."""
        found: dict[str, dict[str, list[Record]]] = {}

        def add(o: str | None, what: str, rec: Record) -> None:
            if o:
                lists = found.setdefault(o, {})
                got = lists.setdefault(what, [])
                if not got or got[-1] is not rec:
                    got.append(rec)

        for m in cat.of(Meeting):
            add(m.chair, "chaired", m)
            for o in m.attendees:
                add(o, "attended", m)
        for a in cat.of(Activity):
            for o in a.officials:
                add(o, "activities", a)
        for d in cat.of(Document):
            add(d.signatory, "signed", d)
        for r in cat.of(Request):
            if r.decision:
                add(r.decision.by, "decided", r)
        for b in cat.of(Briefing):
            for i in b.instructions:
                add(i.by, "instructions", b)
        for s in cat.of(Supervision):
            add(s.verified_by, "verified", s)
        names = ("chaired", "attended", "activities", "signed", "decided", "instructions",
                 "verified")
        return {o: cls(o, *(tuple(lists.get(n, ())) for n in names))  # type: ignore[arg-type]
                for o, lists in found.items()}


def _sort_key(rec: Record) -> tuple[int, str]:
    day = rec.main_date
    return (-(day.toordinal() if day else 0), rec.id)


def build_catalog(records: list[Record], as_of: dt.date,
                  audience: str = "restricted", request_days: int = REQUEST_DAYS,
                  records_dir: Path | None = None) -> Catalog:
    """Link the records visible to audience and compute every figure for as_of; with
    records_dir, read the attachments the visible documents name."""
    level = LEVELS[audience]
    visible = [r for r in records if LEVELS[r.classification] <= level]
    cat = Catalog(as_of=as_of, audience=audience, records=visible, request_days=request_days,
                  records_dir=records_dir)
    cat.hidden = hidden_ids(records, level)
    for rec in visible:
        cat.by_id[rec.id] = rec
        cat.by_type[rec.rtype].append(rec)
        if isinstance(rec, Topic):
            cat.topics[rec.id] = rec
            for child in rec.children:
                if child.id not in cat.hidden:
                    cat.topics[child.id] = child
        if isinstance(rec, Meeting):
            for d in rec.decisions:
                cat.decisions[d.id] = (rec, d)
    for items in cat.by_type.values():
        if items and not isinstance(items[0], Unit | Official | Topic):
            items.sort(key=_sort_key)
    for rec in visible:
        for loc, kind, target in rec.refs():
            link = Link(rec, loc, kind, target)
            cat.links_from[rec.id].append(link)
            cat.links_to[target].append(link)
    _compute(cat)
    if records_dir is not None:  # only what a visible document names is ever read
        cat.attachments = attachment_files.read_all(records_dir, (
            a.file for d in cat.of(Document) for a in d.attachments if a.file))
    _track(cat)
    return cat


def topic_level(parent: Topic, child: Topic) -> int:
    """A child topic's level: its parent's, or its own where it says a higher one (a
    child without a classification of its own is its parent's)."""
    own = LEVELS[child.classification] if "classification" in child.model_fields_set else 0
    return max(LEVELS[parent.classification], own)


def hidden_ids(records: Iterable[Record], level: int) -> set[str]:
    """Every id of the archive that an audience of this level may not see."""
    hidden: set[str] = set()
    for r in records:
        above = LEVELS[r.classification] > level
        if above:
            hidden.add(r.id)
        if isinstance(r, Meeting) and above:
            hidden.update(d.id for d in r.decisions)
        if isinstance(r, Topic):
            hidden.update(c.id for c in r.children if above or topic_level(r, c) > level)
    return hidden


def _track(cat: Catalog) -> None:
    """The tables renderers read, as tables that note what is read (deps.py)."""
    cat.by_id = Tracked("r", cat.by_id)
    cat.decisions = Tracked("r", cat.decisions)
    cat.topics = Tracked("r", cat.topics)
    cat.history = Tracked("r", cat.history)
    cat.hidden = TrackedSet(cat.hidden)
    cat.by_type = Tracked("of", cat.by_type)
    cat.links_to = Tracked("in", cat.links_to)
    cat.supervision = Tracked("sup", cat.supervision)
    cat.validity = Tracked("val", cat.validity)
    cat.liaison = Tracked("lia", cat.liaison)
    cat.appraisal = Tracked("ap", cat.appraisal)
    cat.hotline = Tracked("hl", cat.hotline)
    cat.incidents = Tracked("inc", cat.incidents)  # issue 16: duty office
    cat.requests = Tracked("req", cat.requests)  # issue 16
    cat.received = Tracked("rcs", cat.received)
    cat.attachments = Tracked("att", cat.attachments)  # issue 17


def attach_history(cat: Catalog, history: dict[str, list[Change]]) -> None:
    """Give each visible record its file's changes; withhold the message of a commit that
    touched a record this audience may not see, in any version (history.py)."""
    if not history:
        return
    level = LEVELS[cat.audience]
    shown: dict[str, Change] = {}  # by commit: the import of the archive touched every file

    def as_shown(c: Change) -> Change:
        out = shown.get(c.sha)
        if out is None:
            out = shown[c.sha] = (c if c.level <= level else
                                  Change(c.sha, c.date, "", c.level))
        return out

    warm = cat.warm
    for rec in cat.records:
        seen = warm.seen(rec) if warm is not None else None
        if seen is not None and seen.shown is not None and seen.shown[0] is history \
                and seen.shown[1] == level:  # the same record object in the same history
            if seen.shown[2] is not None:
                cat.history[rec.id] = seen.shown[2]
            continue
        mine = None
        if rec.src is not None and not rec._base:  # registry entries share one file
            mine = [as_shown(c) for c in history.get(file_key(rec.src.file), [])]
            cat.history[rec.id] = mine
        if seen is not None:
            seen.shown = (history, level, mine)


def _compute(cat: Catalog) -> None:
    cat.calendar = work_calendar(cat.of(CalendarYear))  # issue 16 (read before the figures)
    repealed_by: dict[str, Document] = {}
    amended_by: dict[str, list[str]] = defaultdict(list)
    for d in cat.of(Document):
        for r in d.relations:
            if r.type == "repeals":
                repealed_by[r.target] = d
            elif r.type == "amends":
                amended_by[r.target].append(d.id)
    for d in cat.of(Document):
        by = repealed_by.get(d.id)
        v = normative_validity(d, cat.as_of, by.id if by else None, amended_by.get(d.id, ()),
                               repeal_date(by) if by else None)
        if v:
            cat.validity[d.id] = v
    for s in cat.of(Supervision):
        cat.supervision[s.id] = supervision_status(s, cat.as_of, cat.calendar)
    for li in cat.of(Liaison):
        cat.liaison[li.id] = liaison_status(li, cat.as_of)
    for q in cat.of(Request):  # issue 16
        cat.requests[q.id] = request_status(q, cat.as_of, cat.calendar, cat.request_days)
    for rv in cat.of(Received):
        cat.received[rv.id] = received_status(rv, cat.as_of, cat.calendar)
    years = {a.year: a for a in cat.of(Appraisal)}
    # a hidden unit's row is left out; the others keep the ranks the record gives them
    for year, a in sorted(years.items()):
        cat.appraisal[year] = [r for r in appraisal_results(a, years.get(year - 1))
                               if r.unit not in cat.hidden]
    for h in cat.of(Hotline):
        cat.hotline[h.month] = [r for r in hotline_ranking(h) if r.unit not in cat.hidden]
    for inc in cat.of(Incident):  # issue 16: duty office
        cat.incidents[inc.id] = incident_timing(inc, cat.as_of)
