"""A page for every record: metadata panel, status banners, cross-links both ways."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .. import deps
from ..catalog import Catalog
from ..labels import source_key
from ..models import Record
from ..models.activity import Activity
from ..models.appraisal import Appraisal
from ..models.briefing import Briefing
from ..models.document import Document
from ..models.duty import Duty, Incident  # issue 16: duty office
from ..models.hotline import Hotline
from ..models.liaison import Liaison
from ..models.meeting import Meeting
from ..models.received import Received
from ..models.registry import Official, Unit
from ..models.request import Request
from ..models.supervision import Supervision
from .common import (
    SECTION_LIMIT,
    Ctx,
    Page,
    capped,
    date_cell,
    esc,
    heading,
    liaison_status,
    prose,
    prose_block,
    rates_meta,
    record_src,
)
from .documents import attachments_block, body_block, interpretation_block, metadata_panel
from .duty import duty_month, incident_page  # issue 16: duty office
from .finding import search_block
from .process import (
    circulating,
    days_note,
    days_unit,
    received_badge,
    supervision_days_note,
    term_text,
)


def record_jobs(cat: Catalog) -> list[tuple[str, Record]]:
    """(page path, record) of every record that has a page: cheap, renders nothing."""
    out = []
    for rec in cat.records:
        src = record_src(rec)
        if src is not None and type(rec) in _RENDERERS:
            out.append((src, rec))
    return out


def render_record(cat: Catalog, locale: str, src: str, rec: Record) -> Page:
    deps.note(f"r:{rec.id}")  # the page shows its record, given, not looked up
    ctx = Ctx(cat, locale, src)
    body = _RENDERERS[type(rec)](ctx, rec)
    return Page(src, ctx.name(rec), heading(ctx.name(rec)) + search_block(ctx, rec) + body
                + _referrers(ctx, rec) + _history(ctx, rec) + _footer(ctx, rec))


def record_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    for src, rec in record_jobs(cat):
        yield render_record(cat, locale, src, rec)


def _history(ctx: Ctx, rec: Record) -> str:
    changes = ctx.cat.history.get(rec.id)
    if not changes:
        return ""
    t = ctx.t
    # a commit message is what an editor wrote (record-text marks it so: _note)
    rows = [[date_cell(c.date), _note(ctx, c.message), f"<code>{esc(c.sha[:10])}</code>"]
            for c in changes]
    return (f'<p class="last-changed">{esc(t("last_changed"))}{ctx.colon()}'
            f"<time>{esc(changes[0].date)}</time></p>\n"
            + heading(t("change_history"), 2) + ctx.table(["date", "note", "commit"], rows,
                                                          sortable=False))


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _in_chinese(message: str) -> bool:
    """Written in Chinese: at least one Chinese character for every three Latin letters
    (a Chinese note naming sup-2026-001 is; "Two supervision items of one 督办编号 are an
    error" is not)."""
    cjk = len(_CJK.findall(message))
    return cjk > 0 and 3 * cjk >= len(_LATIN.findall(message))


def _note(ctx: Ctx, message: str | None) -> str:
    """A change's note (the commit message): withheld from an audience that may not see
    every record it touched; in the Chinese edition, a note with no Chinese in it (the
    developers' commits to the sample, in English) is said to be so, not shown on a
    Chinese page: the commit id stays, to look it up."""
    if not message:
        return f'<span class="not-published">{esc(ctx.t("not_published"))}</span>'
    if ctx.locale == "zh" and not _in_chinese(message):
        return f'<span class="not-published">{esc(ctx.t("note_not_chinese"))}</span>'
    return f'<span class="record-text">{esc(message)}</span>'


def _footer(ctx: Ctx, rec: Record) -> str:
    return (f'<p class="record-footer">{esc(ctx.t("classification"))}{ctx.colon()}'
            f'{ctx.v(rec.classification)} · {esc(ctx.t("id"))}{ctx.colon()}'
            f'<code>{esc(rec.id)}</code>'
            f'{_topics(ctx, rec)}</p>\n')


def _topics(ctx: Ctx, rec: Record) -> str:
    if not rec.topics:
        return ""
    return f' · {esc(ctx.t("topics"))}{ctx.colon()}' + ctx.links(rec.topics)


def _referrers(ctx: Ctx, rec: Record) -> str:
    """Every record that names this one: the other direction of every link."""
    links = [ln for ln in ctx.cat.links_to.get(rec.id, []) if ln.source.id != rec.id]
    if isinstance(rec, Unit | Official) or not links:
        return ""  # unit and official pages list what refers to them by role instead
    rows: list[list[object]] = []
    seen = set()
    total = len({(ln.source.id, ln.field) for ln in links})
    for ln in links:
        if len(rows) >= SECTION_LIMIT:
            break
        if (ln.source.id, ln.field) in seen:
            continue
        seen.add((ln.source.id, ln.field))
        rows.append([esc(ctx.t(f"rt-{ln.source.rtype}")), ctx.link(ln.source.id),
                     _how(ctx, ln.source, ln.loc)])
    more = f'<p class="more">{esc(ctx.t("showing", n=len(rows), total=total))}</p>\n' \
        if total > len(rows) else ""
    return heading(ctx.t("referenced_by"), 2) + ctx.table(
        ["record_type", "title", "relations"], rows, sortable=False) + more


def _how(ctx: Ctx, source: Record, loc: tuple[str | int, ...]) -> str:
    """How the source names this record: the relation type, else the field's label."""
    if isinstance(source, Document) and loc[:1] == ("relations",) and isinstance(loc[1], int):
        return ctx.v(source.relations[loc[1]].type)
    names = [p for p in loc if isinstance(p, str)]
    field = names[-1] if names[-1] not in ("ref", "target") else names[0]
    return esc(ctx.t(_FIELD_LABELS.get(field, field)))


_FIELD_LABELS = {"document": "reply_document", "assigned": "assigned_on",
                 "completed": "completed_on",
                 "meeting": "agenda_ref"}  # issue 16: a request's agenda.meeting
"""Fields whose name is not their label's key (a liaison reply's `document` is its 答复函)."""


def _document(ctx: Ctx, d: Document) -> str:
    t = ctx.t
    out = []
    v = ctx.cat.validity.get(d.id)
    if v:
        if v.status == "repealed":
            by = ctx.link(v.repealed_by) if v.repealed_by else ""
            said = (esc(t("repealed_on_banner", d=ctx.day(v.repealed_on))) if v.repealed_on
                    else esc(t("repealed_by")))
            space = "" if ctx.locale == "zh" else " "
            out.append(ctx.banner("repealed", f"{said}{space}{by}" if by
                                  else esc(t("repealed_banner"))))
        elif v.status == "expired":
            out.append(ctx.banner("expired", esc(t("expired_on", d=ctx.day(v.expires)))))
        elif v.status == "expiring":
            out.append(ctx.banner("expiring", esc(t("expires_in", n=v.days_to_expiry,
                                                    d=ctx.day(v.expires)))))
        elif v.status == "not-yet-effective":
            out.append(ctx.banner("pending", esc(t("not_yet_banner", d=ctx.day(v.effective)))))
        if v.amended_by:
            out.append(ctx.banner("amended", f"{esc(t('amended_banner'))} — "
                                  f"{esc(t('amended_by'))} {ctx.links(v.amended_by)}"))
    # issue 17: the panel, text, attachments and interpretation of a policy-document page
    out.append(metadata_panel(ctx, d))
    out.append(prose_block(d.summary))
    if d.body:
        out.append(heading(t("body"), 2) + body_block(d.body))
    out.append(attachments_block(ctx, d))
    out.append(interpretation_block(ctx, d))
    if d.relations:
        out.append(heading(t("relations"), 2) + ctx.table(
            ["type", "title"], [[ctx.v(r.type), ctx.link(r.target)] for r in d.relations],
            sortable=False))
    circulated = circulating(ctx, d.id)
    sups = [s for s in ctx.cat.referrers(d.id, Supervision) if s not in circulated]
    if sups:
        out.append(heading(t("supervision"), 2) + _supervision_rows(ctx, sups))
    if circulated:
        out.append(heading(t("circulated_items"), 2) + _supervision_rows(ctx, circulated))
    return "".join(out)


def _supervision_rows(ctx: Ctx, items: list[Supervision]) -> str:
    rows = []
    for s in items:
        st = ctx.cat.supervision[s.id]
        rows.append([ctx.link(s.id), ctx.link(s.lead), date_cell(s.deadline),
                     (ctx.badge(st.status), st.status), (ctx.progress(st.percent), st.percent)])
    return ctx.table(["what", "lead", "deadline", "status", "progress"], rows)


def _received(ctx: Ctx, r: Received) -> str:
    t = ctx.t
    st = ctx.cat.received[r.id]
    out = []
    if st.status == "overdue":
        out.append(ctx.banner("overdue", esc(t("received_overdue_banner", n=st.days_overdue,
                                                unit=days_unit(ctx)))))
    elif st.status == "awaiting-action":
        out.append(ctx.banner("at-risk", esc(t("received_awaiting_banner",
                                                n=st.days_since_receipt, unit=days_unit(ctx)))))
    out.append(ctx.meta([("number", f"<strong>{esc(r.number)}</strong>"),
                         ("issuer", ctx.link(r.issuer)), ("type", ctx.v(r.type)),
                         ("received_date", esc(r.received)), ("lead", ctx.link(r.handling.lead)),
                         ("time_limit", esc(r.due or "")),
                         ("status", received_badge(ctx, st.status))]))
    if st.status in ("overdue", "awaiting-action"):
        out.append(days_note(ctx))
    if r.summary:
        out.append(prose_block(r.summary))
    if r.instructions:
        out.append(heading(t("instructions"), 2) + ctx.table(
            ["instructed_by", "date", "instruction_text", "supervision"],
            [[ctx.link(i.by), date_cell(i.date), prose(i.text), ctx.link(i.supervision)]
             for i in r.instructions], sortable=False, indexed=True))
    out.append(heading(t("handling"), 2) + ctx.table(
        ["date", "action", "note"],
        [[date_cell(s.date), ctx.v(s.action), prose(s.note)] for s in r.handling.steps],
        sortable=False, indexed=True))
    implementing = list(dict.fromkeys(
        [*r.handling.implemented_by, *(d.id for d in ctx.cat.referrers(r.id, Document))]))
    if implementing:
        out.append(heading(t("implemented_by"), 2) + "<ul>" + "".join(
            f"<li>{ctx.link(i)}</li>" for i in implementing) + "</ul>\n")
    return "".join(out)


def _request(ctx: Ctx, r: Request) -> str:
    t = ctx.t
    st = ctx.cat.requests[r.id]
    out = []
    if st.status == "overdue":
        out.append(ctx.banner("overdue", esc(t("request_overdue_banner", n=st.days_overdue,
                                                unit=days_unit(ctx)))))
    elif st.status == "pending":
        out.append(ctx.banner("at-risk", esc(t("request_waiting_banner", n=st.days_waiting,
                                                unit=days_unit(ctx)))))
    agenda = ""
    if r.agenda:
        agenda = ctx.link(r.agenda.meeting) + (
            "" if r.agenda.meeting in ctx.cat.hidden
            else " " + esc(t("agenda_item_n", n=r.agenda.item)))
    out.append(ctx.meta([("from", ctx.link(r.from_)), ("req_number", esc(r.number or "")),
                         ("kind", ctx.v(r.kind)), ("submitted", esc(r.submitted)),
                         ("time_limit", esc(st.due)), ("days_waiting", esc(st.days_waiting)),
                         ("status", ctx.badge(st.status)), ("stage", ctx.v(st.stage)),
                         ("agenda_ref", agenda)]))
    out.append(days_note(ctx))
    if r.summary:
        out.append(prose_block(r.summary))
    if r.co_sign:
        out.append(heading(t("co_sign"), 2) + ctx.table(
            ["unit", "date", "opinion"],
            [[ctx.link(c.unit), date_cell(c.date), prose(c.opinion)] for c in r.co_sign],
            sortable=False, indexed=True))
    if r.review:
        out.append(heading(t("review"), 2) + ctx.meta([
            ("date", esc(r.review.date)), ("reviewed_by", ctx.link(r.review.by)),
            ("recommendation", ctx.v(r.review.recommendation))])
            + prose_block(r.review.opinion))
    if r.approvals:
        out.append(heading(t("approvals"), 2) + ctx.table(
            ["approved_by", "date", "opinion"],
            [[ctx.link(a.by), date_cell(a.date), prose(a.opinion)] for a in r.approvals],
            sortable=False, indexed=True))
    if r.decision:
        out.append(heading(t("decision_h"), 2) + ctx.meta([
            ("date", esc(r.decision.date)), ("decided_by", ctx.link(r.decision.by)),
            ("outcome", ctx.badge(r.decision.outcome)),
            ("reply_document", ctx.link(r.decision.reply_document))]))
    return "".join(out)


def _meeting(ctx: Ctx, m: Meeting) -> str:
    t = ctx.t
    out = [ctx.meta([("kind", ctx.v(m.kind)),
                     ("term", esc(term_text(ctx, m.term)) if m.term else ""),
                     ("session", esc(t("nth", n=m.session))),
                     ("date", esc(m.date)), ("location", esc(m.location or "")),
                     ("chair", ctx.link(m.chair)), ("attendees", ctx.links(m.attendees)),
                     ("observers", ctx.links(ctx.cat.shown(m.observers))),
                     ("minutes", ctx.link(m.minutes))])]
    if m.summary:
        out.append(prose_block(m.summary))
    out.append(heading(t("agenda"), 2))
    on_agenda = ctx.cat.referrers(m.id, Request)  # issue 16: requests submitted to it
    for a in m.agenda:
        out.append(heading(f"{a.item}. {a.title}", 3))
        out.append(ctx.meta([("presenter", ctx.link(a.presenter)),
                             ("outcome", ctx.badge(a.outcome)),
                             ("requests_on_item", ctx.links(
                                 q.id for q in on_agenda if q.agenda and
                                 q.agenda.item == a.item))]))
        for d in a.decisions:
            sups = [s for s in ctx.cat.referrers(d.id, Supervision)]
            status = "".join(
                f"<li>{ctx.link(s.id)} {ctx.badge(ctx.cat.supervision[s.id].status)} "
                f"{ctx.progress(ctx.cat.supervision[s.id].percent)}</li>" for s in sups)
            hidden = [ln.source.id for ln in ctx.cat.links_to.get(d.id, [])
                      if ln.source.id in ctx.cat.hidden]
            out.append(
                f'<div class="decision" id="{esc(d.id)}"><div class="record-prose">'
                f"{prose(d.text)}</div>"
                + ctx.meta([("lead", ctx.link(d.lead)), ("support", ctx.links(d.support)),
                            ("deadline", esc(d.deadline))])
                + (f"<ul>{status}</ul>" if status else "")
                + (f"<p>{ctx.link(hidden[0])}</p>" if hidden and not status else "")
                + "</div>\n")
    return "".join(out)


def _activity(ctx: Ctx, a: Activity) -> str:
    when = esc(a.date) + (f" {esc(a.start)}" if a.start else "") + \
        (f"–{esc(a.end)}" if a.end else "")
    out = [ctx.meta([("date", when), ("kind", ctx.v(a.kind)),
                     ("officials", ctx.links(a.officials)),
                     ("location", esc(a.location or "")), ("units", ctx.links(a.units))])]
    if a.summary:
        out.append(prose_block(a.summary))
    return "".join(out)


def _supervision(ctx: Ctx, s: Supervision) -> str:
    t = ctx.t
    st = ctx.cat.supervision[s.id]
    out = []
    if st.status == "overdue":
        out.append(ctx.banner("overdue", esc(t("days_overdue", n=st.days_overdue))))
    elif st.status == "completed-late":
        out.append(ctx.banner("late", esc(t("days_late", n=st.days_overdue))))
    elif st.status == "report-late":
        out.append(ctx.banner("report-late", esc(t(
            "report_late_banner", d=st.last_report or s.assigned, n=st.days_report_late,
            unit=days_unit(ctx)))))
    elif st.status == "at-risk":
        out.append(ctx.banner("at-risk", esc(t("at_risk_banner") + ctx.colon() + t(
            "risk_deadline", n=st.days_to_deadline, p=f"{st.percent:g}"))))
    if st.closed_without_approval:
        out.append(ctx.banner("late", esc(t("closed_unapproved"))))
    source = ctx.v(source_key(s.source.kind)) + (
        f" — {ctx.link(s.source.ref)}" if s.source.ref else "")
    out.append(ctx.meta([
        ("sup_number", esc(s.number or "")),
        ("status", ctx.badge(st.status)), ("progress", ctx.progress(st.percent)),
        ("source", source), ("lead", ctx.link(s.lead)), ("support", ctx.links(s.support)),
        ("assigned_on", esc(s.assigned)), ("deadline", esc(s.deadline)
                                        + (ctx.paren(esc(t("days_left", n=st.days_to_deadline)))
                                           if s.state == "open" and st.days_to_deadline >= 0
                                           else "")),
        ("cycle", ctx.v(s.report_cycle)),
        ("report_due", esc(st.report_due) if st.report_due and s.state == "open" else ""),
        ("completed_on", esc(s.completion or "")), ("verified_by", ctx.link(s.verified_by))]))
    if st.report_due and s.state == "open":
        out.append(supervision_days_note(ctx))
    if s.summary:
        out.append(prose_block(s.summary))
    if s.milestones:
        out.append(heading(t("milestones"), 2) + ctx.table(
            ["milestone", "planned_on", "done"],
            [[esc(m.title), date_cell(m.due), date_cell(m.done)] for m in s.milestones],
            sortable=False, indexed=True))
    if s.updates:
        out.append(heading(t("updates"), 2) + ctx.table(
            ["date", "progress", "note", "difficulties", "next_steps"],
            [[date_cell(u.date), ctx.progress(u.percent), prose(u.note), prose(u.difficulties),
              prose(u.next_steps)] for u in sorted(s.updates, key=lambda u: u.date,
                                                     reverse=True)], sortable=False, indexed=True))
    if s.reminders:
        out.append(heading(t("reminders"), 2) + ctx.table(
            ["date", "reminder_note"], [[date_cell(r.date), prose(r.note)] for r in s.reminders],
            sortable=False, indexed=True))
    if s.closure:
        c = s.closure
        out.append(heading(t("closure"), 2) + ctx.meta([
            ("closure_requested", esc(c.requested)),
            ("closure_approved", esc(c.approved) if c.approved else esc(t("closure_pending"))),
            ("closure_by", ctx.link(c.by))]) + (prose_block(c.opinion) if c.opinion else ""))
    if s.circulars:
        out.append(heading(t("circulars"), 2) + "<ul>" + "".join(
            f"<li>{ctx.link(d)}</li>" for d in s.circulars) + "</ul>\n")
    return "".join(out)


def _briefing(ctx: Ctx, b: Briefing) -> str:
    t = ctx.t
    out = [ctx.meta([("date", esc(b.date)), ("category", ctx.v(b.category)),
                     ("source", ctx.link(b.source))]),
           prose_block(b.summary)]
    if b.instructions:
        out.append(heading(t("instructions"), 2) + ctx.table(
            ["instructed_by", "date", "instruction_text", "supervision"],
            [[ctx.link(i.by), date_cell(i.date), prose(i.text), ctx.link(i.supervision)]
             for i in b.instructions], sortable=False, indexed=True))
    return "".join(out)


def _liaison(ctx: Ctx, li: Liaison) -> str:
    from .liaison import session_link

    t = ctx.t
    st = ctx.cat.liaison[li.id]
    out = []
    if st.status == "replied-late":
        out.append(ctx.banner("late", esc(t("reply_late_banner", n=st.days_overdue))))
    elif st.status == "overdue":
        out.append(ctx.banner("overdue", esc(t("reply_overdue_banner", n=st.days_overdue))))
    if li.rehandling and not li.rehandling.reply:
        out.append(ctx.banner("pending", esc(t("rehandling_banner"))))
    out.append(ctx.meta([("kind", ctx.v(li.kind)),
                         (_number_key(li), esc(t("liaison_no", n=li.number))),
                         ("liaison_session", session_link(ctx, li)),
                         (_proposers(li), esc("、".join(
                             li.proposers) if ctx.locale == "zh" else ", ".join(li.proposers))),
                         ("date", esc(li.received)), ("liaison_lead", ctx.link(li.lead)),
                         ("liaison_support", ctx.links(li.support)),
                         ("key_leader", ctx.link(li.key.leader) if li.key else ""),
                         ("due", esc(st.due)),
                         ("status", ctx.badge(st.status, liaison_status(st.status)))]))
    if li.summary:
        out.append(prose_block(li.summary))
    if li.contacts:
        out.append(heading(t("contacts"), 2) + ctx.table(
            ["date", "kind"], [[date_cell(c.date), esc(t("contact-" + c.kind))]
                               for c in sorted(li.contacts, key=lambda c: c.date)],
            sortable=False))
    if li.reply:
        out.append(heading(t("reply"), 2) + _reply(ctx, li.reply, li.feedback))
    if li.rehandling:
        re_ = li.rehandling
        out.append(heading(t("rehandling"), 2)
                   + ctx.meta([("rehandling_requested", esc(re_.requested))]))
        if re_.reply:
            out.append(heading(t("second_reply"), 3) + _reply(ctx, re_.reply, re_.feedback))
    return "".join(out)


def _reply(ctx: Ctx, r: Any, feedback: str | None) -> str:
    """A reply's panel and text (its text withheld from the public where it says so)."""
    out = [ctx.meta([
        ("date", esc(r.date)), ("reply_category", ctx.v(r.category)),
        ("disclosure", ctx.v(r.disclosure)), ("reply_letter", esc(r.letter or "")),
        ("reply_document", ctx.link(r.document)),
        ("feedback", ctx.v(feedback) if feedback else "")])]
    if r.disclosure == "withheld" and ctx.cat.audience == "public":
        out.append(ctx.banner("withheld", esc(ctx.t("reply_withheld"))))
    else:
        out.append(prose_block(r.summary))
    return "".join(out)


def _other_name(ctx: Ctx, rec: Unit | Official) -> str:
    """The name in the other language, when there is one besides the name shown."""
    other = rec.name if ctx.locale == "zh" else (rec.name_zh or "")
    return "" if other == ctx.name(rec) else other


def _number_key(li: Liaison) -> str:
    return "proposal_number" if li.kind == "cppcc-proposal" else "suggestion_number"


def _proposers(li: Liaison) -> str:
    return "proposers_cppcc" if li.kind == "cppcc-proposal" else "proposers_npc"


def _unit(ctx: Ctx, u: Unit) -> str:
    from .appraisal import grade_badge

    t = ctx.t
    cat = ctx.cat
    roll = cat.unit_rollup(u.id)
    out = []
    if u.closed:
        out.append(ctx.banner("closed", esc(t("closed_banner", d=ctx.day(u.closed.date),
                                                r=ctx.v(u.closed.reason)))
                              + (f" — {esc(t('replaced_by'))} {ctx.link(u.closed.replaced_by)}"
                                 if u.closed.replaced_by else "")))
    other = _other_name(ctx, u)
    out.append(ctx.meta([("other_name", esc(other)), ("kind", ctx.v(u.kind)),
                         ("parent", ctx.link(u.parent)),
                         ("credit_code", f"<code>{esc(u.code)}</code>" if u.code else "")]))
    officials = [o for o in cat.officials.values() if u.id in o.portfolio]
    if officials:
        out.append(ctx.meta([("unit_officials", ctx.links(o.id for o in officials))]))
    notes: dict[str, str] = {}

    def cap(key: str, items: Sequence[Any], newest_last: bool = False) -> list[Any]:
        # a unit's lists grow with the archive; its page must not
        if newest_last:
            items = items[::-1]
        shown, notes[key] = capped(ctx, items)
        return shown[::-1] if newest_last else shown

    owed = cap("owes", roll.owed)
    decisions = cap("led_decisions", roll.decisions)
    issued = cap("issued", roll.issued)
    addressed = cap("addressed", roll.addressed)
    received = cap("received", roll.received_handled)
    requests = cap("requests", roll.requests)
    liaison = cap("liaison", roll.liaison_led)
    briefings = cap("briefings", roll.briefings)
    hotline = cap("hotline", roll.hotline, newest_last=True)
    sections: list[tuple[str, str]] = [
        ("owes", _supervision_rows(ctx, owed) if owed else ""),
        ("led_decisions", ctx.table(["decisions", "deadline", "title"], [
            [f'<a href="{ctx.href(m, d.id)}"><code>{esc(d.id)}</code></a>',
             date_cell(d.deadline), ctx.link(m.id)]
            for m, d in decisions]) if decisions else ""),
        ("issued", _doc_table(ctx, issued) if issued else ""),
        ("addressed", _doc_table(ctx, addressed) if addressed else ""),
        ("received", ctx.table(["number", "title", "received_date", "time_limit", "status"], [
            [esc(r.number), ctx.link(r.id), date_cell(r.received),
             date_cell(ctx.cat.received[r.id].due),  # issue 16: time limits
             received_badge(ctx, ctx.cat.received[r.id].status)]
            for r in received]) if received else ""),
        ("requests", ctx.table(["title", "submitted", "outcome", "time_limit", "days_waiting",
                                "status"], [
            [ctx.link(r.id), date_cell(r.submitted),
             ctx.badge(r.decision.outcome) if r.decision else "",
             date_cell(ctx.cat.requests[r.id].due),
             (str(ctx.cat.requests[r.id].days_waiting), ctx.cat.requests[r.id].days_waiting),
             ctx.badge(ctx.cat.requests[r.id].status)]
            for r in requests]) if requests else ""),
        ("liaison", _liaison_summary(ctx, roll.liaison_led, liaison) if liaison else ""),
        ("briefings", ctx.table(["date", "title"], [
            [date_cell(b.date), ctx.link(b.id)] for b in briefings])
         if briefings else ""),
        ("history", ctx.table(["year", "total_score", "rank", "grade", "change"], [
            [ctx.page_link(f"appraisal/{y}.md", str(y)), f"{r.total:.2f}", str(r.rank),
             grade_badge(ctx, cat.get(f"appraisal-{y}", Appraisal), r.grade),
             "" if r.change is None else f"{r.change:+.2f}"]
            for y, r in roll.appraisal]) if roll.appraisal else ""),
        ("hotline", ctx.table(["month", "calls", "response_rate", "resolution_rate",
                               "satisfaction_rate", "composite", "rank"], [
            [ctx.page_link(f"information/hotline/{m}.md", m), str(r.figures.calls),
             f"{r.figures.response_rate:g}", f"{r.figures.resolution_rate:g}",
             f"{r.figures.satisfaction_rate:g}", f"{r.composite:.2f}", str(r.rank)]
            for m, r in hotline]) if hotline else ""),
    ]
    for key, body in sections:
        if body:
            out.append(heading(t(key), 2) + body + notes.get(key, ""))
    return "".join(out)


def _liaison_summary(ctx: Ctx, items: Sequence[Liaison], shown: list[Liaison]) -> str:
    """Rates over all the unit's items; the table of the latest only."""
    table = ctx.table(["title", "kind", "due", "status"], [
        [ctx.link(li.id), ctx.v(li.kind), date_cell(ctx.cat.liaison[li.id].due),
         ctx.badge(ctx.cat.liaison[li.id].status, liaison_status(ctx.cat.liaison[li.id].status))]
        for li in shown])
    return rates_meta(ctx, ctx.cat.liaison_rates(items)) + table


def _doc_table(ctx: Ctx, docs: Sequence[Document]) -> str:
    return ctx.table(["number", "title", "type", "written"], [
        [esc(d.number), ctx.link(d.id), ctx.v(d.type), date_cell(d.written)] for d in docs])


def _official(ctx: Ctx, o: Official) -> str:
    t = ctx.t
    roll = ctx.cat.official_rollup(o.id)
    notes: dict[str, str] = {}
    shown: dict[str, list[Any]] = {}
    for key in ("chaired", "activities", "instructions", "signed", "decided", "verified"):
        shown[key], notes[key] = capped(ctx, getattr(roll, key))
    other = _other_name(ctx, o)
    out = [ctx.meta([("other_name", esc(other)), ("position", ctx.v(o.position)),
                     ("official_title", esc(o.title or "")),
                     ("portfolio", ctx.links(o.portfolio)),
                     ("term_from", esc(o.from_)), ("term_to", esc(o.to or ""))])]
    sections = [
        ("chaired", ctx.table(["date", "title"], [[date_cell(m.date), ctx.link(m.id)]
                                                  for m in shown["chaired"]])),
        ("activities", ctx.table(["date", "title", "kind"], [
            [date_cell(a.date), ctx.link(a.id), ctx.v(a.kind)] for a in shown["activities"]])),
        ("instructions", ctx.table(["date", "title"], [[date_cell(b.date), ctx.link(b.id)]
                                                       for b in shown["instructions"]])),
        ("signed", _doc_table(ctx, shown["signed"])),
        ("decided", ctx.table(["title", "outcome"], [
            [ctx.link(r.id), ctx.badge(r.decision.outcome) if r.decision else ""]
            for r in shown["decided"]])),
        ("verified", ctx.table(["title", "completed_on"], [
            [ctx.link(s.id), date_cell(s.completed)] for s in shown["verified"]])),
    ]
    for key, body in sections:
        if "<table" in body:
            out.append(heading(t(key), 2) + body + notes.get(key, ""))
    return "".join(out)


def _appraisal(ctx: Ctx, a: Appraisal) -> str:
    from .appraisal import appraisal_body

    return appraisal_body(ctx, a)


def _hotline(ctx: Ctx, h: Hotline) -> str:
    from .hotline import month_streets, weights_line

    ranks = ctx.cat.hotline[h.month]
    out = [weights_line(ctx), ctx.table(["rank", "unit", "calls", "response_rate",
                                         "resolution_rate", "satisfaction_rate", "composite"],
                     [[str(r.rank), ctx.link(r.unit), (str(r.figures.calls), r.figures.calls),
                       f"{r.figures.response_rate:g}", f"{r.figures.resolution_rate:g}",
                       f"{r.figures.satisfaction_rate:g}", f"{r.composite:.2f}"]
                      for r in ranks])]
    if h.top_topics:  # labelled, in the edition's list separator (、 in Chinese)
        out.append(f"<p><strong>{esc(ctx.t('top_topics'))}</strong>{ctx.colon()}"
                   + ctx.sep().join(esc(x) for x in h.top_topics) + "</p>\n")
    out.append(month_streets(ctx, h, full=True))
    return "".join(out)


_RENDERERS: dict[type, Callable[[Ctx, Record], str]] = {
    Document: _document, Received: _received, Request: _request,  # type: ignore[dict-item]
    Meeting: _meeting, Activity: _activity, Supervision: _supervision,  # type: ignore[dict-item]
    Briefing: _briefing, Liaison: _liaison, Unit: _unit,  # type: ignore[dict-item]
    Official: _official, Appraisal: _appraisal, Hotline: _hotline,  # type: ignore[dict-item]
    # issue 16: duty office
    Duty: duty_month, Incident: incident_page,  # type: ignore[dict-item]
}
