"""What a record page tells the search index: its number as staff type it, its facets.

Pagefind segments Chinese text into words, so a document number such as 京政发〔2021〕12号
becomes 京/政/发/2021/12/号, which every listing and every record citing it also holds: the
number alone could not bring its own record first.  Each record page therefore carries its
number once more, with a token no other page holds (search.number_token: the search page
turns a typed number into the same token), in a hidden block of high weight together with
the title.  The facets (type, unit, year, status, topic) are Pagefind filters and the line a
result shows (type, number, date, status) its metadata; both sit in a block that is not
indexed as text.  Their names are the edition's labels, as the search page shows them.
"""

from __future__ import annotations

from ..labels import value_label
from ..models import Record
from ..models.activity import Activity
from ..models.document import Document
from ..models.liaison import Liaison
from ..models.received import Received
from ..models.request import Request
from ..models.supervision import Supervision
from ..search import RECORD_WORD, number_token
from .common import Ctx, esc, liaison_status

_AS_TEXT = str.maketrans({"<": "＜", ">": "＞", "&": "＆"})
"""Pagefind UI writes a filter's value into its label as HTML (innerHTML), and Pagefind
decodes entities in the value it reads (twice: an escaped "&amp;lt;" became "<"), so no
escaping survives to that label: the characters markup needs are given as their
full-width forms, which a unit or topic name never holds but hostile text would
(tests/browser/test_hostile_text.py)."""

WEIGHT = 10.0
"""Pagefind's highest weight: a record's own number and title outrank any mention."""


def record_number(rec: Record) -> str:
    """The number staff search a record by: a document's, a received document's, a
    liaison item's, a supervision item's 督办编号, a request's own (来文字号)."""
    return str(getattr(rec, "number", None) or "") if isinstance(
        rec, Document | Received | Liaison | Supervision | Request) else ""


def _units(rec: Record) -> list[str]:
    """The issuing or lead unit(s): the unit a member of staff would narrow by."""
    if isinstance(rec, Document):
        return list(rec.issuers)
    if isinstance(rec, Received):
        return [rec.handling.lead]
    if isinstance(rec, Request):
        return [rec.from_]
    if isinstance(rec, Liaison | Supervision):
        return [rec.lead]
    if isinstance(rec, Activity):
        return list(rec.units)
    return []


def _status(ctx: Ctx, rec: Record) -> str:
    cat = ctx.cat
    if isinstance(rec, Document) and rec.id in cat.validity:
        return cat.validity[rec.id].status
    if isinstance(rec, Supervision):
        return cat.supervision[rec.id].status
    if isinstance(rec, Liaison):  # its "overdue" is 逾期未答复, not a supervision item's
        return liaison_status(cat.liaison[rec.id].status)
    # issue 16: their "overdue" is not a supervision item's either: the facet's 已逾期 counts
    # what the dashboard's overdue figure counts
    if isinstance(rec, Request):  # undecided ones pending or overdue
        if rec.decision:
            return rec.decision.outcome
        pending = cat.requests[rec.id].status
        return "request-overdue" if pending == "overdue" else pending
    if isinstance(rec, Received):  # implemented, awaiting action or overdue
        action = cat.received[rec.id].status
        return {"implemented": "received-implemented",
                "overdue": "received-overdue"}.get(action, action)
    return ""


def search_block(ctx: Ctx, rec: Record) -> str:
    """The hidden HTML a record page adds for the search index."""
    t = ctx.t
    number = record_number(rec)
    keys = [number, number_token(number) or ""] if number else []
    words = [ctx.name(rec), *keys, RECORD_WORD]
    out = [f'<div class="search-keys" hidden data-pagefind-weight="{WEIGHT:g}">'
           f'{esc(" ".join(w for w in words if w))}</div>\n']
    status = value_label(_status(ctx, rec), ctx.locale)
    # a suggestion's or a proposal's number is not a 发文字号 (GLOSSARY.md)
    called = ("sup_number" if isinstance(rec, Supervision) else
              "req_number" if isinstance(rec, Request) else
              "number" if not isinstance(rec, Liaison) else "suggestion_number"
              if rec.kind == "npc-suggestion" else "proposal_number")
    meta = [(t("kind"), t(f"rt-{rec.rtype}")), (t(called), number),
            (t("date"), str(rec.main_date or "")), (t("status"), status)]
    spans = [f'<span data-pagefind-meta="{esc(key)}">{esc(value)}</span>'
             for key, value in meta if value]
    filters = [(t("kind"), t(f"rt-{rec.rtype}"))]
    filters += [(t("unit"), ctx.name(ctx.cat.by_id[u])) for u in _units(rec)
                if u in ctx.cat.by_id and u not in ctx.cat.hidden]
    if rec.main_date:
        filters.append((t("year"), str(rec.main_date.year)))
    if status:
        filters.append((t("status"), status))
    filters += [(t("topics"), ctx.name(ctx.cat.topics[x])) for x in rec.topics
                if x in ctx.cat.topics]
    spans += [f'<span data-pagefind-filter="{esc(key)}">{esc(value.translate(_AS_TEXT))}'
              "</span>" for key, value in filters]
    # not indexed as words (the meta line and facets would match every query for "2026")
    out.append(f'<div class="search-facets" hidden data-pagefind-ignore>{"".join(spans)}'
               "</div>\n")
    return "".join(out)
