"""The Catalog: the linked, typed archive that every later stage reads.

Built once per build from the validated records: indexes by id, type, year,
unit and official, reverse links (what refers to this record), and the
figures of figures.py computed for one as-of date and one audience.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from .figures import (
    AppraisalResult,
    HotlineRank,
    LiaisonRates,
    LiaisonStatus,
    SupervisionStatus,
    Validity,
    appraisal_results,
    hotline_ranking,
    liaison_rates,
    liaison_status,
    normative_validity,
    supervision_status,
)
from .history import Change, file_key
from .models import LEVELS, Record
from .models.activity import Activity
from .models.appraisal import Appraisal
from .models.briefing import Briefing
from .models.document import Document
from .models.hotline import Hotline
from .models.liaison import Liaison
from .models.meeting import Meeting, MeetingDecision
from .models.received import Received
from .models.registry import Official, Topic, Unit
from .models.request import Request
from .models.supervision import Supervision

R = TypeVar("R", bound=Record)
Loc = tuple[str | int, ...]


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
    _rollups: dict[str, UnitRollup] | None = None
    _dumps: dict[str, bytes] = field(default_factory=dict)

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

    def liaison_rates(self, items: Iterable[Liaison] | None = None) -> LiaisonRates:
        return liaison_rates(self.of(Liaison) if items is None else items, self.as_of)

    def dump(self, rec: Record) -> bytes:
        """The record as JSON (field names as editors write them), made once per build:
        the edition manifest and the republish digests both hash it."""
        blob = self._dumps.get(rec.id)
        if blob is None:
            blob = self._dumps[rec.id] = rec.model_dump_json(by_alias=True).encode("utf-8")
        return blob

    # -- rollups ---------------------------------------------------------------------------
    def unit_rollup(self, unit_id: str) -> UnitRollup:
        """What the unit leads, issued, handles and owes (all units' rollups are made in
        one pass over the records, at the first one asked for: one pass per unit was
        0.2 s of a republish at 10,000 records)."""
        if self._rollups is None:
            self._rollups = UnitRollup.all(self)
        found = self._rollups.get(unit_id)
        return found if found is not None else UnitRollup.empty(unit_id)

    def official_rollup(self, official_id: str) -> OfficialRollup:
        return OfficialRollup.build(self, official_id)


@dataclass(slots=True)
class UnitRollup:
    """Everything a unit leads, issued, handles and owes."""

    unit: str
    issued: list[Document]
    addressed: list[Document]
    received_handled: list[Received]
    requests: list[Request]
    decisions: list[tuple[Meeting, MeetingDecision]]
    supervision_led: list[Supervision]
    supervision_support: list[Supervision]
    liaison_led: list[Liaison]
    briefings: list[Briefing]
    appraisal: list[tuple[int, AppraisalResult]]
    hotline: list[tuple[str, HotlineRank]]

    @classmethod
    def empty(cls, u: str) -> UnitRollup:
        return cls(u, [], [], [], [], [], [], [], [], [], [], [])

    @classmethod
    def all(cls, cat: Catalog) -> dict[str, UnitRollup]:
        """unit id -> its rollup, for every unit some record names; each list in archive
        order, each record once."""
        out: dict[str, UnitRollup] = {}

        def of(u: str) -> UnitRollup:
            roll = out.get(u)
            if roll is None:
                roll = out[u] = cls.empty(u)
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
        return out

    @property
    def owed(self) -> list[Supervision]:
        """Open items it leads (what the unit still owes)."""
        return [s for s in self.supervision_led if s.state == "open"]


@dataclass(slots=True)
class OfficialRollup:
    """Everything an official chaired, attended, signed, decided or instructed."""

    official: str
    chaired: list[Meeting]
    attended: list[Meeting]
    activities: list[Activity]
    signed: list[Document]
    decided: list[Request]
    instructions: list[Briefing]
    verified: list[Supervision]

    @classmethod
    def build(cls, cat: Catalog, o: str) -> OfficialRollup:
        return cls(
            official=o,
            chaired=[m for m in cat.of(Meeting) if m.chair == o],
            attended=[m for m in cat.of(Meeting) if o in m.attendees],
            activities=[a for a in cat.of(Activity) if o in a.officials],
            signed=[d for d in cat.of(Document) if d.signatory == o],
            decided=[r for r in cat.of(Request) if r.decision and r.decision.by == o],
            instructions=[b for b in cat.of(Briefing) if any(i.by == o for i in b.instructions)],
            verified=[s for s in cat.of(Supervision) if s.verified_by == o],
        )


def _sort_key(rec: Record) -> tuple[int, str]:
    day = rec.main_date
    return (-(day.toordinal() if day else 0), rec.id)


def build_catalog(records: list[Record], as_of: dt.date,
                  audience: str = "restricted") -> Catalog:
    """Link the records visible to audience and compute every figure for as_of."""
    level = LEVELS[audience]
    visible = [r for r in records if LEVELS[r.classification] <= level]
    cat = Catalog(as_of=as_of, audience=audience, records=visible)
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

    for rec in cat.records:
        if rec.src is None or rec._base:  # registry entries share one file: no history
            continue
        changes = history.get(file_key(rec.src.file), [])
        cat.history[rec.id] = [as_shown(c) for c in changes]


def _compute(cat: Catalog) -> None:
    repealed_by: dict[str, str] = {}
    amended_by: dict[str, list[str]] = defaultdict(list)
    for d in cat.of(Document):
        for r in d.relations:
            if r.type == "repeals":
                repealed_by[r.target] = d.id
            elif r.type == "amends":
                amended_by[r.target].append(d.id)
    for d in cat.of(Document):
        v = normative_validity(d, cat.as_of, repealed_by.get(d.id), amended_by.get(d.id, ()))
        if v:
            cat.validity[d.id] = v
    for s in cat.of(Supervision):
        cat.supervision[s.id] = supervision_status(s, cat.as_of)
    for li in cat.of(Liaison):
        cat.liaison[li.id] = liaison_status(li, cat.as_of)
    years = {a.year: a for a in cat.of(Appraisal)}
    # a hidden unit's row is left out; the others keep the ranks the record gives them
    for year, a in sorted(years.items()):
        cat.appraisal[year] = [r for r in appraisal_results(a, years.get(year - 1))
                               if r.unit not in cat.hidden]
    for h in cat.of(Hotline):
        cat.hotline[h.month] = [r for r in hotline_ranking(h) if r.unit not in cat.hidden]
