"""Atom feeds and iCalendar files, built from the Catalog of one audience.

Entry ids are tag URIs built from record ids, so they never change between
builds; every timestamp comes from the records, so two builds are identical.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event

from .catalog import Catalog
from .escaping import ical_text, xml_text
from .labels import labels, value_label
from .memo import remembered
from .models import Record
from .models.activity import Activity
from .models.briefing import Briefing
from .models.document import Document
from .models.duty import Duty, Incident, when  # issue 16: duty office
from .models.liaison import Liaison
from .models.meeting import Meeting
from .models.received import Received
from .models.request import Request
from .models.supervision import Supervision
from .pages.common import record_src
from .urls import url_of

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:general-office-portal,2026:"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    title: str
    updated: dt.date
    path: str
    """Site-relative URL of the record's page."""
    summary: str
    category: str = ""


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@remembered
def atom(feed_id: str, title: str, entries: Sequence[Entry], base_url: str,
         self_path: str) -> str:
    """An Atom 1.0 document; base_url ends with '/', or is '' for site-relative links.
    (A republish takes a feed whose entries did not change from the last build.)"""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = TAG + feed_id
    # ElementTree escapes markup; record text may still hold what XML cannot
    ET.SubElement(feed, f"{{{ATOM}}}title").text = xml_text(title)
    newest = max((e.updated for e in entries), default=dt.date(2000, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "General Office"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base_url + self_path)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base_url or "../")
    for e in entries:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}id").text = TAG + e.id
        ET.SubElement(item, f"{{{ATOM}}}title").text = xml_text(e.title)
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(e.updated)
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate",
                      href=(base_url or "../") + e.path)
        if e.category:
            ET.SubElement(item, f"{{{ATOM}}}category", term=xml_text(e.category))
        ET.SubElement(item, f"{{{ATOM}}}summary").text = xml_text(e.summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _page(rec: Record) -> str:
    src = record_src(rec)
    return url_of(src) if src else ""


def _doc_entry(d: Document) -> Entry:
    return Entry(f"document/{d.id}", f"{d.number} {d.title}", d.published or d.written,
                 _page(d), d.summary, d.type)


def _newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)


def atom_feeds(cat: Catalog, base_url: str = "", locale: str = "en") -> dict[str, str]:
    """feeds/<name>.xml -> Atom text: documents (all, per issuer, per type), briefings,
    liaison replies; the feeds' own titles in the edition's language."""
    t = labels(locale)
    docs = cat.of(Document)

    def name(id_: str) -> str:
        return _name(cat, id_, locale)
    out: dict[str, str] = {}

    def add(name: str, title: str, entries: Iterable[Entry]) -> None:
        path = f"feeds/{name}.xml"
        out[path] = atom(name, title, _newest_first(entries), base_url, path)

    add("documents", t("feed_documents"), (_doc_entry(d) for d in docs))
    for issuer in sorted({i for d in docs for i in cat.shown(d.issuers)}):
        add(f"documents-issuer-{issuer}", t("feed_issuer", name=name(issuer)),
            (_doc_entry(d) for d in docs if issuer in d.issuers))
    for kind in sorted({d.type for d in docs}):
        add(f"documents-type-{kind}", t("feed_type", kind=value_label(kind, locale)),
            (_doc_entry(d) for d in docs if d.type == kind))
    add("briefings", t("briefings"), (Entry(f"briefing/{b.id}", b.title, b.date, _page(b),
                                         b.summary, b.category) for b in cat.of(Briefing)))
    replies = []
    for li in cat.of(Liaison):
        if li.reply is None:
            continue
        withheld = li.reply.disclosure == "withheld" and cat.audience == "public"
        replies.append(Entry(f"liaison-reply/{li.id}", t("reply_to", title=li.title),
                             li.reply.date, _page(li), t("reply_withheld") if withheld
                             else li.reply.summary, li.reply.category))
    add("liaison-replies", t("feed_replies"), replies)
    # issue 16: duty office: each incident, updated by its latest report
    incidents = []
    for inc in cat.of(Incident):
        latest = max(inc.reports, key=lambda r: r.at)
        incidents.append(Entry(f"incident/{inc.id}", inc.title, when(latest.at).date(),
                               _page(inc), f"{value_label(latest.kind, locale)}"
                               f"{'：' if locale == 'zh' else ': '}{latest.summary}",
                               inc.level))
    add("incidents", t("feed_incidents"), incidents)
    add("overdue", t("feed_overdue"), overdue_entries(cat, locale))  # issue 16
    return out


def overdue_entries(cat: Catalog, locale: str) -> list[Entry]:
    """The desk's overdue items: supervision items overdue or with a report late, requests
    undecided past their due date, received documents not implemented past theirs.  An
    entry is dated the first day it was late and named by its status, so a reader sees an
    item again when it moves from report-late to overdue."""
    t = labels(locale)
    day = dt.timedelta(days=1)
    out: list[Entry] = []
    for s in cat.of(Supervision):
        st = cat.supervision[s.id]
        if st.status == "overdue":
            out.append(Entry(f"overdue/{s.id}/overdue", s.title, s.deadline + day, _page(s),
                             t("days_overdue", n=st.days_overdue), st.status))
        elif st.status == "report-late" and st.report_due:
            out.append(Entry(f"overdue/{s.id}/report-late", s.title, st.report_due + day,
                             _page(s), value_label(st.status, locale), st.status))
    for q in cat.of(Request):
        rs = cat.requests[q.id]
        if rs.status == "overdue":
            out.append(Entry(f"overdue/{q.id}/overdue", q.title, rs.due + day, _page(q),
                             value_label("awaiting-approval", locale), "request"))
    for r in cat.of(Received):
        vs = cat.received[r.id]
        if vs.status == "overdue" and vs.due:
            out.append(Entry(f"overdue/{r.id}/overdue", f"{r.number} {r.title}", vs.due + day,
                             _page(r), value_label("awaiting-action", locale), "received"))
    return out


# one calendar event: uid, title, day, url, stamp, start, end, location
Spec = tuple[str, str, dt.date, str, dt.date, str | None, str | None, str]


@remembered
def _event_text(uid: str, title: str, day: dt.date, url: str, stamp: dt.date,
                start: str | None, end: str | None, location: str) -> str:
    """The VEVENT as icalendar writes it (an event shows in several calendars: the text is
    made once, and a republish takes it from the last build)."""
    ev = Event()
    ev.add("uid", f"{uid}@general-office-portal")
    ev.add("summary", ical_text(title))
    ev.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), dt.UTC))
    if start:
        h, m = map(int, start.split(":"))
        ev.add("dtstart", dt.datetime.combine(day, dt.time(h, m)))
        if end:
            h2, m2 = map(int, end.split(":"))
            ev.add("dtend", dt.datetime.combine(day, dt.time(h2, m2)))
    else:
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
    if location:
        ev.add("location", ical_text(location))
    if url:
        ev.add("url", url)
    text: str = ev.to_ical().decode("utf-8")
    return text


def _order(spec: Spec) -> tuple[str, str]:
    """By start (what the calendar's dtstart shows), then uid."""
    uid, _, day, _, _, start, _, _ = spec
    when = f"{day} {start}:00" if start else str(day)
    return when, f"{uid}@general-office-portal"


def calendars(cat: Catalog, base_url: str = "", locale: str = "en") -> dict[str, str]:
    """feeds/calendar.ics (meetings, activities, open supervision deadlines) and one
    feeds/calendar-<unit>.ics per unit with what it owes and attends."""
    t = labels(locale)
    per_unit: dict[str, list[Spec]] = {}
    everything: list[Spec] = []
    stamp = cat.as_of

    def url(rec: Record) -> str:
        return (base_url + _page(rec)) if base_url else ""

    for m in cat.of(Meeting):
        everything.append((m.id, m.title_text, m.date, url(m), stamp, None, None,
                           m.location or ""))
    for a in cat.of(Activity):
        ev = (a.id, a.title, a.date, url(a), stamp, a.start, a.end, a.location or "")
        everything.append(ev)
        for u in a.units:
            per_unit.setdefault(u, []).append(ev)
    for s in cat.of(Supervision):
        if s.state != "open":
            continue
        ev = (f"deadline-{s.id}", t("deadline_of", title=s.title), s.deadline, url(s), stamp, None,
              None, "")
        everything.append(ev)
        for u in [s.lead, *s.support]:
            per_unit.setdefault(u, []).append(ev)
    texts: dict[Spec, str] = {}
    out = {"feeds/calendar.ics": _ics(t("calendar_name"), everything, texts)}
    out["feeds/duty.ics"] = _ics(t("duty_calendar"), duty_events(cat, base_url, locale),
                                 texts)  # issue 16: duty office
    for unit, events in sorted(per_unit.items()):
        if events and unit not in cat.hidden:  # a hidden unit has no calendar of its own
            out[f"feeds/calendar-{unit}.ics"] = _ics(
                t("calendar_of", name=_name(cat, unit, locale)), events, texts)
    return out


def duty_events(cat: Catalog, base_url: str = "", locale: str = "en") -> list[Spec]:
    """issue 16: one all-day event a roster day: its leader (带班领导) and officers (值班员),
    linked to the month's page; a leader this audience does not see is "(not published)"."""
    t = labels(locale)
    sep = "、" if locale == "zh" else ", "
    events: list[Spec] = []
    for roster in cat.of(Duty):
        url = (base_url + _page(roster)) if base_url else ""
        for key, day in sorted(roster.days.items()):
            official = cat.by_id.get(day.leader)
            leader = (t("not_published") if day.leader in cat.hidden or official is None
                      else (getattr(official, "name_zh", None) if locale == "zh" else None)
                      or str(getattr(official, "name", day.leader)))
            # each name closed on its own: a direction override in one officer's name
            # must not run on into the next one's
            events.append((f"duty-{key}", t("duty_event", leader=ical_text(leader),
                                              officers=sep.join(ical_text(o)
                                                                for o in day.officers)),
                           dt.date.fromisoformat(key), url, cat.as_of, None, None, ""))
    return events


def _name(cat: Catalog, id_: str, locale: str) -> str:
    """A unit's name in the edition's language (its id if the edition does not show it)."""
    rec = cat.by_id.get(id_)
    if rec is None or id_ in cat.hidden:
        return id_
    zh = getattr(rec, "name_zh", None)
    return zh if locale == "zh" and zh else rec.title_text


def _ics(name: str, events: list[Spec], texts: dict[Spec, str]) -> str:
    cal = Calendar()
    cal.add("prodid", "-//General Office Portal//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    # what Calendar.to_ical() writes around the events, each event's text made once
    head, end = cal.to_ical().decode("utf-8").rsplit("END:VCALENDAR", 1)
    body = []
    for spec in sorted(events, key=_order):
        text = texts.get(spec)
        if text is None:
            text = texts[spec] = _event_text(*spec)
        body.append(text)
    return head + "".join(body) + "END:VCALENDAR" + end
