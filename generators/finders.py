"""Finders: the data a listing's finder (assets/portal/finder.js) filters and sorts.

A listing page shows 60 rows a page (pages/indexes.py); its finder applies every facet
and sort to every record of the collection, in the browser, from one compact file per
collection written beside the listing (`<folder>/finder/<name>.json`):

- only the columns the finder shows or filters on, column by column (one array per
  column, not one object per row: the names are not repeated 50,000 times);
- a value that repeats (a unit, a type, a status, a year, a topic) is an index into a
  dictionary of [code, label] pairs, the labels in the edition's language, as the tables
  show them; the URL keeps the code, so a bookmark holds across builds;
- made from the Catalog for the build's audience: a hidden record is not a row and counts
  nowhere, a hidden unit or topic is "(not published)" and its id is not written;
- deterministic: rows in the listing's own order, dictionaries in a stated order, keys
  sorted, so two builds of the same archive write the same bytes;
- escaped for the web (escaping.json_for_web): record text is data, never markup.

The files are made by every build (like the dashboards), from the same Catalog as the
pages, so a republish writes what a full build writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog
from .escaping import json_for_web
from .labels import source_key, value_label
from .models import Record
from .models.document import Document
from .models.liaison import Liaison
from .models.received import Received
from .models.request import Request
from .models.supervision import Supervision
from .pages.common import Ctx, column_class, liaison_status, record_src
from .pages.indexes import finder_path, register_entry
from .summaries import SUPERVISION_ORDER
from .urls import url_of

FORMAT = 1
"""The files' format (finder.js reads this one)."""

NOT_PUBLISHED = "~"
"""The code of every hidden unit or topic: the file names none of them."""

VALIDITY_ORDER = ["in-force", "expiring", "not-yet-effective", "amended", "expired",
                  "repealed"]
LIAISON_ORDER = ["overdue", "pending", "replied-late", "replied-on-time"]
REQUEST_ORDER = ["approved", "approved-in-principle", "returned", "rejected"]

Kind = str
"""How finder.js shows a column: link (the row's title, to its record), text, date,
num, value (a dictionary's label), badge (a status, as the tables show it), progress,
lines (a list of texts, each on its own line and never broken inside: the register's
登记·审核·备案)."""


@dataclass(frozen=True, slots=True)
class Col:
    key: str
    """The column's label key, and the name of its data array."""
    kind: Kind
    dict: str = ""
    """value and badge columns: the dictionary their indices point into."""


@dataclass(frozen=True, slots=True)
class Facet:
    key: str
    """The facet's label key and its name in the URL."""
    data: str
    """The data array it filters on (an index, or a list of indices, per row)."""
    dict: str


@dataclass(slots=True)
class Spec:
    """One finder: where it lives, what it shows, what it filters on, and its rows."""

    name: str
    page: str
    """The listing's first page (its source path); the file sits in its folder."""
    columns: list[Col]
    facets: list[Facet]
    rows: list[dict[str, Any]] = field(default_factory=list)
    """Per row: href, and a value per data array (codes for dictionary arrays)."""
    orders: dict[str, Sequence[str]] = field(default_factory=dict)
    """Dictionaries listed in a stated order (statuses); the others by label."""


# -- the collections ----------------------------------------------------------------------

def _documents(cat: Catalog) -> Spec:
    spec = Spec("documents", "documents/index.md",
                [Col("number", "text"), Col("title", "link"), Col("type", "value", "value"),
                 Col("issuer", "value", "unit"), Col("written", "date"),
                 Col("validity", "badge", "validity")],
                [Facet("type", "type", "value"), Facet("issuers", "issuers", "unit"),
                 Facet("year", "year", "year"), Facet("validity", "validity", "validity"),
                 Facet("topics", "topics", "topic")],
                orders={"validity": VALIDITY_ORDER})
    for d in cat.of(Document):
        v = cat.validity.get(d.id)
        spec.rows.append({"number": d.number, "title": d.title_text, "type": d.type,
                          "issuer": d.issuers[0], "issuers": d.issuers,
                          "written": str(d.written), "year": d.written.year,
                          "validity": v.status if v else None, "topics": d.topics,
                          "href": _href(d)})
    return spec


def _normative(cat: Catalog, t: Callable[..., str]) -> Spec:
    """The register's columns as its static table shows them (tables.register_row: a
    repealed document shows its repeal date, never a last day long past), but the day it
    took effect: with it the table is wider than a desk's page (the record page has it)."""
    from .tables import register_row

    spec = Spec("normative", "documents/normative.md",
                [Col("number", "text"), Col("title", "link"),
                 Col("validity", "badge", "validity"),
                 Col("expires", "date"), Col("repealed_on", "date"),
                 Col("register_entry", "lines"), Col("evaluation_unit", "value", "unit"),
                 Col("has_interpretation", "text")],
                [Facet("validity", "validity", "validity"), Facet("issuers", "issuers", "unit"),
                 Facet("type", "type", "value"), Facet("year", "year", "year"),
                 Facet("topics", "topics", "topic")],
                orders={"validity": VALIDITY_ORDER})
    docs = [d for d in cat.of(Document) if d.id in cat.validity]
    docs.sort(key=lambda d: (cat.validity[d.id].expires, d.id))  # as the register's table
    for d in docs:
        r = register_row(cat, d)
        entry = register_entry(t, r)
        spec.rows.append({"number": d.number, "title": d.title_text,
                          "validity": r["validity"],
                          "expires": _day(r["expires"]), "repealed_on": _day(r["repealed_on"]),
                          "register_entry": entry or None,
                          "evaluation_unit": r["drafter"],
                          "has_interpretation": t("yes") if r["interpretation"] else None,
                          "issuers": d.issuers, "type": d.type, "year": d.written.year,
                          "topics": d.topics, "href": _href(d)})
    return spec


def _received(cat: Catalog) -> Spec:
    spec = Spec("received", "received/index.md",
                [Col("number", "text"), Col("title", "link"), Col("issuer", "value", "unit"),
                 Col("received_date", "date"), Col("lead", "value", "unit"),
                 Col("status", "value", "value")],
                [Facet("issuer", "issuer", "unit"), Facet("lead", "lead", "unit"),
                 Facet("status", "status", "value"), Facet("type", "type", "value"),
                 Facet("year", "year", "year"), Facet("topics", "topics", "topic")])
    for r in cat.of(Received):
        last = r.handling.steps[-1].action if r.handling.steps else None
        spec.rows.append({"number": r.number, "title": r.title_text, "issuer": r.issuer,
                          "received_date": str(r.received), "lead": r.handling.lead,
                          "status": last, "type": r.type, "year": r.received.year,
                          "topics": r.topics, "href": _href(r)})
    return spec


def _requests(cat: Catalog) -> Spec:
    spec = Spec("requests", "requests/index.md",
                [Col("title", "link"), Col("from", "value", "unit"),
                 Col("kind", "value", "value"), Col("submitted", "date"),
                 Col("recommendation", "value", "value"), Col("outcome", "badge", "outcome")],
                [Facet("from", "from", "unit"), Facet("kind", "kind", "value"),
                 Facet("outcome", "outcome", "outcome"), Facet("year", "year", "year"),
                 Facet("topics", "topics", "topic")],
                orders={"outcome": REQUEST_ORDER})
    for r in cat.of(Request):
        spec.rows.append({"title": r.title_text, "from": r.from_, "kind": r.kind,
                          "submitted": str(r.submitted),
                          "recommendation": r.review.recommendation if r.review else None,
                          "outcome": r.decision.outcome if r.decision else None,
                          "year": r.submitted.year, "topics": r.topics, "href": _href(r)})
    return spec


def _supervision(cat: Catalog) -> Spec:
    spec = Spec("supervision", "supervision/index.md",
                [Col("what", "link"), Col("lead", "value", "unit"),
                 Col("source", "value", "value"), Col("deadline", "date"),
                 Col("status", "badge", "supervision"), Col("progress", "progress"),
                 Col("days_left_n", "num")],
                [Facet("status", "status", "supervision"), Facet("lead", "lead", "unit"),
                 Facet("source", "source", "value"), Facet("year", "year", "year"),
                 Facet("topics", "topics", "topic")],
                orders={"supervision": SUPERVISION_ORDER})
    for s in cat.of(Supervision):
        st = cat.supervision[s.id]
        # days left, negative once past the deadline: one meaning whatever the status (a
        # report-late item's days to its deadline stood beside an overdue one's days past)
        days = st.days_to_deadline if s.state == "open" else None
        # its label key as a source (市委交办), not as a kind of unit (党委)
        spec.rows.append({"what": s.title_text, "lead": s.lead,
                          "source": source_key(s.source.kind),
                          "deadline": str(s.deadline), "status": st.status,
                          "progress": st.percent, "days_left_n": days, "year": s.deadline.year,
                          "topics": s.topics, "href": _href(s)})
    return spec


def _liaison(cat: Catalog, ctx: Ctx) -> Spec:
    t = ctx.t
    spec = Spec("liaison", "liaison/index.md",
                [Col("liaison_number", "text"), Col("title", "link"),
                 Col("kind", "value", "value"), Col("liaison_lead", "value", "unit"),
                 Col("due", "date"), Col("status", "badge", "liaison"),
                 Col("reply_category", "value", "value"), Col("feedback", "value", "value")],
                [Facet("kind", "kind", "value"), Facet("liaison_lead", "liaison_lead", "unit"),
                 Facet("status", "status", "liaison"),
                 Facet("reply_category", "reply_category", "value"),
                 Facet("liaison_session", "session", "session"),
                 Facet("topics", "topics", "topic")],
                orders={"liaison": LIAISON_ORDER})
    for li in cat.of(Liaison):
        st = cat.liaison[li.id]
        spec.rows.append({"liaison_number": t("liaison_no", n=li.number), "title": li.title_text,
                          "kind": li.kind, "liaison_lead": li.lead, "due": str(st.due),
                          "status": st.status,
                          "reply_category": li.reply.category if li.reply else None,
                          "feedback": li.feedback, "session": li.session_key,
                          "topics": li.topics, "href": _href(li)})
    return spec


def specs(cat: Catalog, locale: str) -> list[Spec]:
    """Every finder, in the order of the portal's sections."""
    ctx = Ctx(cat, locale)
    return [_documents(cat), _normative(cat, ctx.t), _received(cat), _requests(cat),
            _supervision(cat), _liaison(cat, ctx)]


# -- encoding -------------------------------------------------------------------------------

def _href(rec: Record) -> str:
    src = record_src(rec)
    return url_of(src) if src else ""


def _day(day: object) -> str | None:
    return str(day) if day else None


def _labeller(cat: Catalog, locale: str, kind: str) -> Callable[[str], str]:
    """The label of a dictionary's code, as the tables show it."""
    ctx = Ctx(cat, locale)
    if kind == "unit":
        def unit(code: str) -> str:
            rec = cat.by_id.get(code)
            return ctx.name(rec) if rec is not None else code
        return unit
    if kind == "topic":
        return lambda code: ctx.name(cat.topics[code])
    if kind == "liaison":
        return lambda code: value_label(liaison_status(code), locale)
    if kind == "year":
        return str
    if kind == "session":  # issue 17: a session's key (npc-16-4) named as the pages name it
        from .pages.liaison import session_name

        names = {li.session_key: session_name(ctx, li) for li in cat.of(Liaison)}
        return lambda code: names.get(code, code)
    return lambda code: value_label(code, locale)


def _public(cat: Catalog, kind: str, code: str) -> str:
    """A code the audience may see: a hidden unit or topic becomes NOT_PUBLISHED."""
    if kind == "topic" and code not in cat.topics:
        return NOT_PUBLISHED
    if kind == "unit" and code in cat.hidden:
        return NOT_PUBLISHED
    return code


def encode(spec: Spec, cat: Catalog, locale: str) -> dict[str, Any]:
    """The finder's data as one JSON-ready object (see the module's docstring)."""
    t = Ctx(cat, locale).t
    kinds: dict[str, str] = {c.key: c.dict for c in spec.columns if c.dict}
    kinds.update({f.data: f.dict for f in spec.facets})
    columns = {name: [row.get(name) for row in spec.rows] for name in kinds}
    raw: dict[str, set[Any]] = {kind: set() for kind in kinds.values()}
    for name, kind in kinds.items():
        bucket = raw[kind]
        for value in columns[name]:
            if isinstance(value, list):
                bucket.update(value)
            elif value is not None:
                bucket.add(value)
    # each distinct code is looked up once, not a Catalog lookup per cell
    public = {kind: {code: _public(cat, kind, str(code)) for code in codes}
              for kind, codes in raw.items()}
    seen = {kind: set(codes.values()) for kind, codes in public.items()}
    dicts: dict[str, list[list[str]]] = {}
    for kind, codes in sorted(seen.items()):
        label = _labeller(cat, locale, kind)

        def shown(code: str, label: Callable[[str], str] = label) -> str:
            return t("not_published") if code == NOT_PUBLISHED else label(code)

        if kind in spec.orders:
            order = list(spec.orders[kind])
            ordered = sorted(codes, key=lambda c: (order.index(c) if c in order
                                                   else len(order), c))
        elif kind == "year":
            ordered = sorted(codes, key=lambda c: -int(c))  # the newest first
        else:
            ordered = sorted(codes, key=lambda c: (shown(c), c))
        dicts[kind] = [[c, shown(c)] for c in ordered]
    index: dict[str, dict[Any, int]] = {}
    for kind, entries in dicts.items():
        at = {c: i for i, (c, _label) in enumerate(entries)}
        index[kind] = {code: at[shown_as] for code, shown_as in public[kind].items()}

    data: dict[str, list[Any]] = {"href": [row["href"] for row in spec.rows]}
    for c in spec.columns:
        if c.key not in kinds:
            data[c.key] = [row[c.key] for row in spec.rows]
    for name, kind in kinds.items():
        of = index[kind]
        data[name] = [None if v is None else sorted({of[x] for x in v})
                      if isinstance(v, list) else of[v] for v in columns[name]]
    return {
        "format": FORMAT,
        "n": len(spec.rows),
        "columns": [{"key": c.key, "label": t(c.key), "kind": c.kind, "dict": c.dict,
                     "class": column_class(c.key).removeprefix(' class="').rstrip('"')}
                    for c in spec.columns],
        # a facet no row has a value for (no supervision item has a topic yet) would be a
        # select offering only 全部: it is left out until one does
        "facets": [{"key": f.key, "label": t(f.key), "data": f.data, "dict": f.dict}
                   for f in spec.facets
                   if any(v is not None and v != [] for v in columns[f.data])],
        "dicts": dicts,
        "data": data,
        "labels": {k: t(k) for k in FINDER_LABELS},
    }


FINDER_LABELS = ("all", "record_count", "finder_more", "finder_reset", "finder_note",
                 "sort", "none", "progress")
"""Interface strings finder.js shows ({n} filled in there)."""


def dumps(obj: Any) -> str:
    """Deterministic compact JSON, safe to serve (json_for_web)."""
    return json_for_web(json.dumps(obj, ensure_ascii=False, sort_keys=True,
                                   separators=(",", ":")) + "\n")


def finder_files(cat: Catalog, locale: str, only: Iterable[str] | None = None
                 ) -> dict[str, str]:
    """Every finder's file, by its path in the site."""
    wanted = set(only) if only is not None else None
    return {finder_path(spec.page, spec.name): dumps(encode(spec, cat, locale))
            for spec in specs(cat, locale) if wanted is None or spec.name in wanted}
