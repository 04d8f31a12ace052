"""Suggestions and proposals by session (issue 17): session names, the session pages, the
rates tables and their definitions.

A session page (liaison/npc-16-4.md, URL /liaison/npc-16-4/) shows one session of the
Municipal People's Congress (deputies' suggestions) or of the CPPCC committee (proposals):
its counts and rates with their definitions, the rates of each lead unit (主办单位), the
key items with their leading officials, and every item of the session.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .. import deps
from ..catalog import Catalog
from ..models.liaison import Liaison
from ..summaries import Table, liaison_rates_by
from .common import Ctx, Page, date_cell, esc, heading, liaison_status, percent_cell

_ZH_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1-99 in Chinese numerals as a session is named: 4 四, 10 十, 14 十四, 16 十六, 20 二十,
    21 二十一 (no 一 before a leading 十)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ZH_DIGITS[tens] + "十")
    return head + (_ZH_DIGITS[ones] if ones else "")


def ordinal_en(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def session_name(ctx: Ctx, li: Liaison) -> str:
    """市十六届人大四次会议 / 市政协十四届四次会议; in English, 4th session of the 16th
    Municipal People's Congress.  A session written as a year: 2026年市人大会议."""
    s = li.session
    body = "npc" if li.kind == "npc-suggestion" else "cppcc"
    if s.year is not None:
        return ctx.t(f"session_year_{body}", year=s.year)
    if ctx.locale == "zh":
        return ctx.t(f"session_{body}", t=zh_numeral(s.term or 0), m=zh_numeral(s.meeting or 0))
    return ctx.t(f"session_{body}", t=ordinal_en(s.term or 0), m=ordinal_en(s.meeting or 0))


def session_src(key: str) -> str:
    """The session page's source path: liaison/npc-16-4.md (URL /liaison/npc-16-4/; record
    pages sit in year folders, liaison/<year>/<id>/, and a session key starts with a
    letter, so the two never meet)."""
    return f"liaison/{key}.md"


def session_title(ctx: Ctx, li: Liaison) -> str:
    kind = "npc" if li.kind == "npc-suggestion" else "cppcc"
    return ctx.t(f"session_title_{kind}", s=session_name(ctx, li))


def session_sort(li: Liaison) -> str:
    """A session's sort key as text: kind, then term and meeting in digits that sort (the
    10th meeting after the 9th)."""
    form, a, b = li.session.order()
    return f"{li.kind}-{form}-{a:04d}-{b:02d}"


def session_link(ctx: Ctx, li: Liaison) -> str:
    return ctx.page_link(session_src(li.session_key), session_name(ctx, li))


RATE_COLUMNS = ("reply_rate", "on_time_rate", "satisfaction_rate", "contact_rate", "A", "B",
                "C")
"""The rates every liaison table shows, in this order (rows of summaries.liaison_rates_by)."""
RATE_HEADERS = ["reply_rate", "on_time_rate", "satisfaction_rate", "contact_rate", "cat-A",
                "cat-B", "cat-C"]


def rate_cells(row: dict[str, Any]) -> list[object]:
    return [percent_cell(row[k]) for k in RATE_COLUMNS]


def definitions(ctx: Ctx) -> str:
    """How each rate is counted, as staff quote it (figures.LiaisonRates' rules)."""
    items = "".join(f"<dt>{esc(ctx.t(k))}</dt>\n<dd>{esc(ctx.t('def-' + k))}</dd>\n"
                    for k in ("reply_rate", "on_time_rate", "satisfaction_rate",
                              "contact_rate", "abc_shares"))
    return heading(ctx.t("rate_definitions"), 2) + f'<dl class="meta definitions">{items}</dl>\n'


def unit_rates_table(ctx: Ctx, rows: Table, table_id: str) -> str:
    """Rates per lead unit; a unit this audience may not see has no row."""
    shown = [r for r in rows if r["lead"] not in ctx.cat.hidden]
    return ctx.table(["unit", "total_items", "replied", *RATE_HEADERS],
                     [[ctx.link(r["lead"]), (str(r["items"]), r["items"]),
                       (str(r["replied"]), r["replied"]), *rate_cells(r)] for r in shown],
                     table_id=table_id)


def sessions_table(ctx: Ctx, rows: Table, firsts: dict[str, Liaison]) -> str:
    """One row per session: its name (linked to its page), kind, counts and rates."""
    return ctx.table(
        ["liaison_session", "kind", "total_items", "key_items", *RATE_HEADERS],
        [[(session_link(ctx, firsts[r["session"]]), session_sort(firsts[r["session"]])),
          ctx.v(r["kind"]),
          (str(r["items"]), r["items"]), (str(r["key_items"]), r["key_items"]),
          *rate_cells(r)] for r in rows], table_id="liaison-sessions")


def sessions(cat: Catalog) -> dict[str, list[Liaison]]:
    """Session key -> its items (archive order), for the visible items."""
    out: dict[str, list[Liaison]] = {}
    for li in cat.of(Liaison):
        out.setdefault(li.session_key, []).append(li)
    return out


def item_row(c: Ctx, li: Liaison) -> list[object]:
    """A row of a liaison listing (the index and the session pages)."""
    st = c.cat.liaison[li.id]
    final = li.final_reply
    return [(esc(c.t("liaison_no", n=li.number)), li.number), c.link(li.id), c.v(li.kind),
            c.link(li.lead), date_cell(st.due),
            (c.badge(st.status, liaison_status(st.status)), st.status),
            c.v(final.category)[:1] if final and li.reply else "",
            c.v(li.final_feedback) if li.final_feedback else ""]


ITEM_HEADERS = ["liaison_number", "title", "kind", "liaison_lead", "due", "status",
                "reply_category", "feedback"]


def session_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    """One page (and its listing's further pages) per session."""
    from .indexes import paginate

    with deps.recording() as head:
        by_session = sessions(cat)
    for key, items in by_session.items():
        src = session_src(key)
        ctx = Ctx(cat, locale, src)
        with deps.recording(set(head)) as keys:
            first = items[0]
            rendered = _session_body(ctx, first, items)
            title = session_title(ctx, first)
        yield from paginate(cat, locale, src, title, rendered, in_nav=False,
                            head=frozenset(keys))


def _session_body(ctx: Ctx, first: Liaison, items: Sequence[Liaison]) -> Any:
    from .indexes import Listing

    t = ctx.t
    cat = ctx.cat
    # one kind a session: its items carry a 建议号 or a 提案号
    number = "proposal_number" if first.kind == "cppcc-proposal" else "suggestion_number"
    rates = cat.liaison_rates(items)
    out = [ctx.meta([
        ("liaison_session", esc(session_name(ctx, first))), ("kind", ctx.v(first.kind)),
        ("total_items", str(rates.total)), ("replied", str(rates.replied)),
        ("key_items", str(sum(li.key is not None for li in items))),
        ("rehandled", str(rates.rehandled)),
        ("reply_rate", percent_cell(rates.reply_rate)[0]),
        ("on_time_rate", percent_cell(rates.on_time_rate)[0]),
        ("satisfaction_rate", percent_cell(rates.satisfaction_rate)[0]),
        ("contact_rate", percent_cell(rates.contact_rate)[0]),
        ("abc_shares", ctx.sep().join(f"{t('cat-' + c)} {percent_cell(rates.share(c))[0]}"
                                      for c in "ABC"))]),
        f'<p>{ctx.page_link("liaison/index.md", t("all_sessions"))}</p>\n']
    out.append(heading(t("by_unit"), 2))
    out.append(unit_rates_table(ctx, liaison_rates_by(cat, "lead", list(items)),
                                "liaison-session-units"))
    keyed = [li for li in items if li.key is not None]
    if keyed:
        out.append(heading(t("key_items"), 2))
        out.append(ctx.table(
            [number, "title", "key_leader", "liaison_lead", "status"],
            [[(esc(t("liaison_no", n=li.number)), li.number), ctx.link(li.id),
              ctx.link(li.key.leader if li.key else None), ctx.link(li.lead),
              ctx.badge(cat.liaison[li.id].status, liaison_status(cat.liaison[li.id].status))]
             for li in keyed], table_id="liaison-key-items"))
    out.append(definitions(ctx))
    listing = Listing([number, *ITEM_HEADERS[1:]], list(items), item_row, "liaison",
                      [3, 5, 6], True, t("liaison"))
    return "".join(out), listing, ""
