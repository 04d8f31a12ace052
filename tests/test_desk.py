"""The leaders' desk (pages/desk.py): hand-worked figures, the counts equal to the lists
they link to, the desk narrowed to one unit and to an official's portfolio, audiences.

The valid fixture, as of 2026-11-27, with these records added (WAITING):

Requests and received documents are counted by figures.request_status /
received_status (workflow.py's lists): the fixture has a working calendar, so in working
days (Monday to Friday in November):

    request   from       submitted   days waiting  due (+15)   overdue by
    req-w1    health     2026-11-01  20            2026-11-20  5
    req-w3    transport  2026-11-11  12            2026-12-02  0
    req-w2    east       2026-11-12  11            2026-12-03  0
    req-s     secret     2026-11-20  5             2026-12-11  0  (a hidden unit's request)
    req-x     health     2026-10-01  restricted: in no internal count

    rcv-w1    lead health, received 2026-10-28, assigned, not implemented: 22 working days
              waiting (2 in October, 20 in November), no due date
    lia-w1    lead transport, received 2026-07-01, due 2026-10-01 (+3 months), no reply:
              overdue by 57 days (lia-c, received 2026-08-31, is due 2026-11-30: pending)
    sup-c     (fixture) lead health, deadline 2026-08-31: overdue by 88 days
    mtg-w1    executive, 2026-12-03: item 1 health, item 2 east (mtg-w2 on 2026-12-10 is
              later; mtg-a of March is past)
    hotline   2026-10 has three districts: all three at the top, none twice at the bottom

Issue 16 point 1's other blocks:

    duty      duty/2026-11: today 2026-11-27 vm-one (officers 张立新, 赵敏, unit go),
              tomorrow 2026-11-28 mayor (刘洋, no unit)
    inc-w1    occurred 2026-11-24, units transport (first), east, no final report: open
              3 days (inc-a has its final report; inc-r is restricted)
    sup-w1    lead east, assigned 2026-09-01, no report: monthly cycle to 2026-10-01 plus
              5 working days' grace (holiday 10-01..10-07, Saturday 10-10 worked) is due
              2026-10-13; 33 working days late by 2026-11-27 (13 in October, 20 in November)
    instructions awaiting feedback, the longest waiting first:
              brf-a   mayor 2026-07-01, started sup-c (overdue, not completed): 149 days
              rcv-w1  mayor 2026-11-02, no item, last step 2026-10-30: 25 days
              inc-w1  vm-one 2026-11-24T10:00, no item, no report after it: 3 days
              (rcv-a's vm-one 2026-01-11 has a step after it; inc-a's vm-one 00:50 a
              report at 09:00; inc-r's mayor is restricted)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generators import deps
from generators.catalog import Catalog, build_catalog
from generators.models.hotline import Hotline
from generators.models.request import Request
from generators.outputs import generated
from generators.pages.common import Ctx
from generators.pages.desk import (
    BLOCKS,
    DESK_ROWS,
    HOTLINE_ENDS,
    Scope,
    Waiting,
    awaiting_decision,
    desk_files,
    desk_html,
    desk_pages,
    desk_views,
    hotline_ends,
    instructions_awaiting,
    narrowed,
    scopes,
)
from generators.validate import validate

from .conftest import AS_OF

WAITING = {
    "requests/2026/req-w1.yaml": """id: req-w1
from: health
kind: request-for-instructions
title: Request on clinic hours
submitted: 2026-11-01
""",
    "requests/2026/req-w2.yaml": """id: req-w2
from: east
kind: for-discussion
title: Matter of a market's opening hours
submitted: 2026-11-12
""",
    "requests/2026/req-w3.yaml": """id: req-w3
from: transport
kind: request-for-instructions
title: Request on night bus routes
submitted: 2026-11-11
""",
    "requests/2026/req-s.yaml": """id: req-s
from: secret
kind: request-for-instructions
title: Request from a unit this audience does not see
submitted: 2026-11-20
""",
    "requests/2026/req-x.yaml": """id: req-x
from: health
kind: request-for-instructions
title: zqrestricted request
submitted: 2026-10-01
classification: restricted
""",
    "received/2026/rcv-w1.yaml": """id: rcv-w1
number: 国办发〔2026〕9号
issuer: sc
title: State Council notice on clinics
received: 2026-10-28
type: notice
handling:
  lead: health
  steps:
    - {date: 2026-10-28, action: registered}
    - {date: 2026-10-30, action: assigned}
instructions:
  - {by: mayor, date: 2026-11-02, text: 请市卫健委抓紧研究。}
""",
    # issue 16 point 1: an open incident with an instruction, a report-late item
    "incidents/2026/inc-w1.yaml": """id: inc-w1
title: Bus fire on a ring road
category: accident
level: IV
occurred: "2026-11-24T08:00"
units: [transport, east]
reports:
  - {kind: first, at: "2026-11-24T08:30", by: transport, channel: phone, summary: Put out.}
instructions:
  - {by: vm-one, at: "2026-11-24T10:00", text: 查明原因。}
""",
    "supervision/2026/sup-w1.yaml": """id: sup-w1
title: Market hours review
source: {kind: meeting-decision, ref: dec-a2}
lead: east
assigned: 2026-09-01
deadline: 2027-06-30
state: open
""",
    "liaison/2026/lia-w1.yaml": """id: lia-w1
kind: cppcc-proposal
number: "0077"
session: 2026
proposers: [Member Sun]
title: Proposal on bus shelters
received: 2026-07-01
lead: transport
""",
    "meetings/2026/mtg-w1.yaml": """id: mtg-w1
kind: executive
session: 4
date: 2026-12-03
chair: mayor
agenda:
  - {item: 2, title: Market hours, presenter: east, outcome: planned}
  - {item: 1, title: Clinic hours, presenter: health, outcome: planned}
""",
    "meetings/2026/mtg-w2.yaml": """id: mtg-w2
kind: executive
session: 5
date: 2026-12-10
chair: mayor
agenda:
  - {item: 1, title: Bus shelters, presenter: transport, outcome: planned}
""",
}
SECRET_UNIT = """- id: secret
  name: zqsecret Bureau
  kind: agency
  status: active
  classification: restricted
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    from .conftest import overlay

    root = overlay(tmp_path_factory.mktemp("desk"))
    for rel, text in WAITING.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    units = root / "registry/units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + SECRET_UNIT, encoding="utf-8")
    recs, report = validate(root, "records", AS_OF)
    assert not [p for p in report.problems if p.severity == "error"], report.problems
    return recs


@pytest.fixture(scope="module")
def cat(records: list[Any]) -> Catalog:
    return build_catalog(records, AS_OF, "internal")


def counts(views: Any) -> dict[str, int]:
    return {v.key: v.count for v in views}


# -- figures -----------------------------------------------------------------------------------
def _request(submitted: dt.date) -> Request:
    return Request.model_validate({"id": "req-t", "from": "east", "title": "t",
                                   "kind": "request-for-instructions",
                                   "submitted": submitted})


def test_blocks_hold_the_hand_worked_rows_overdue_first(cat: Catalog) -> None:
    rows = {b.key: b.rows(cat) for b in BLOCKS}
    assert [(w.id, w.days, w.days_overdue) for w in rows["requests"]] == [
        ("req-w1", 20, 5), ("req-w3", 12, 0), ("req-w2", 11, 0), ("req-s", 5, 0)]
    assert [(w.id, w.due) for w in rows["requests"]][:3] == [
        ("req-w1", dt.date(2026, 11, 20)), ("req-w3", dt.date(2026, 12, 2)),
        ("req-w2", dt.date(2026, 12, 3))]
    assert [(w.id, w.days, w.due) for w in rows["received"]] == [("rcv-w1", 22, None)]
    assert [(w.id, w.due, w.days_overdue) for w in rows["supervision"]] == [
        ("sup-c", dt.date(2026, 8, 31), 88)]
    assert [(w.id, w.due, w.days_overdue) for w in rows["liaison"]] == [
        ("lia-w1", dt.date(2026, 10, 1), 57)]
    assert [(a.id, a.item, a.presenter) for a in rows["meeting"]] == [
        ("mtg-w1", 1, "health"), ("mtg-w1", 2, "east")]
    assert [(h.units, h.rank, h.end) for h in rows["hotline"]] == [
        (("west",), 1, "top"), (("east",), 2, "top"), (("north",), 3, "top")]
    assert [(d.which, d.day, d.officials, d.units, d.officers) for d in rows["duty"]] == [
        ("today", AS_OF, ("vm-one",), ("go",), ("张立新", "赵敏")),
        ("tomorrow", dt.date(2026, 11, 28), ("mayor",), (), ("刘洋",))]
    assert [(w.id, w.units, w.since, w.days) for w in rows["incidents"]] == [
        ("inc-w1", ("transport",), dt.date(2026, 11, 24), 3)]
    assert [(w.id, w.units, w.due, w.days_overdue) for w in rows["report_late"]] == [
        ("sup-w1", ("east",), dt.date(2026, 10, 13), 33)]
    assert [(r.id, r.by, r.units, r.since, r.days, r.supervision)
            for r in rows["instructions"]] == [
        ("brf-a", "mayor", ("health",), dt.date(2026, 7, 1), 149, "sup-c"),
        ("rcv-w1", "mayor", ("health",), dt.date(2026, 11, 2), 25, None),
        ("inc-w1", "vm-one", ("transport",), dt.date(2026, 11, 24), 3, None)]
    assert all(r.officials == (r.by,) for r in rows["instructions"])


def test_an_instruction_awaits_feedback_until_its_item_or_a_later_step(
        records: list[Any]) -> None:
    from generators.models.received import Received

    rcv = next(r for r in records if r.id == "rcv-w1")
    # a handling step on the instruction's day ends the wait (the boundary)
    stepped = rcv.model_copy(update={"handling": rcv.handling.model_copy(update={
        "steps": [*rcv.handling.steps, rcv.handling.steps[0].model_copy(
            update={"date": dt.date(2026, 11, 2), "action": "implemented"})]})})
    assert isinstance(stepped, Received)
    cat = build_catalog([r for r in records if r.id != "rcv-w1"] + [stepped], AS_OF,
                        "internal")
    assert [r.id for r in instructions_awaiting(cat)] == ["brf-a", "inc-w1"]
    # the supervision item completed ends brf-a's wait, whatever the steps say
    sup_c = next(r for r in records if r.id == "sup-c")
    done = sup_c.model_copy(update={"state": "completed", "completed": dt.date(2026, 11, 1)})
    cat = build_catalog([r for r in records if r.id != "sup-c"] + [done], AS_OF, "internal")
    assert cat.supervision["sup-c"].status in ("completed", "completed-late")
    assert [r.id for r in instructions_awaiting(cat)] == ["rcv-w1", "inc-w1"]


def test_the_hotline_block_shows_each_end_once(cat: Catalog) -> None:
    month = Hotline.model_validate({"month": "2026-11", "districts": {
        f"d{i}": {"calls": 100, "response_rate": 90, "resolution_rate": 90 - i,
                  "satisfaction_rate": 90} for i in range(8)}})
    ranked = build_catalog([*cat.records, month], AS_OF.replace(day=30), "internal")
    every = hotline_ends(ranked)
    rows = narrowed(every, None)  # the whole office's desk
    assert [(h.units[0], h.rank, h.end) for h in rows] == [
        ("d0", 1, "top"), ("d1", 2, "top"), ("d2", 3, "top"),
        ("d5", 6, "bottom"), ("d6", 7, "bottom"), ("d7", 8, "bottom")]
    assert len(rows) == 2 * HOTLINE_ENDS
    # a district between the ends sees its own place on its desk, and only there
    d3 = Scope("unit", "d3", frozenset({"d3"}))
    assert [(h.units[0], h.rank, h.end) for h in narrowed(every, d3)] == [("d3", 4, "rank")]
    assert [h.end for h in narrowed(every, Scope("unit", "d6", frozenset({"d6"})))] == \
        ["bottom"]
    assert {h.month for h in rows} == {"2026-11"}
    # as of October the November month is not out yet: the block shows October's
    assert {h.month for h in hotline_ends(build_catalog(
        [*cat.records, month], dt.date(2026, 10, 31), "internal"))} == {"2026-10"}


def test_today_s_meeting_is_the_next_one(records: list[Any]) -> None:
    on_the_day = build_catalog(records, dt.date(2026, 12, 3), "internal")
    assert {a.id for a in BLOCKS[4].rows(on_the_day)} == {"mtg-w1"}
    after = build_catalog(records, dt.date(2026, 12, 4), "internal")
    assert {a.id for a in BLOCKS[4].rows(after)} == {"mtg-w2"}
    assert BLOCKS[4].rows(build_catalog(records, dt.date(2026, 12, 11), "internal")) == []


# -- counts and the lists they link to ---------------------------------------------------------
def _list_rows(pages: dict[str, str], src: str, table: str) -> list[list[str]]:
    soup = BeautifulSoup(pages[src], "html.parser")
    body = soup.find("table", id=table).find("tbody")
    return [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in body.find_all("tr")]


def test_the_desk_s_counts_equal_the_lists_they_link_to(cat: Catalog) -> None:
    pages = {p.src: p.markdown for p in desk_pages(cat, "en")}
    ctx = Ctx(cat, "en", "index.md")
    views = desk_views(ctx)
    assert counts(views) == {"requests": 4, "received": 1, "supervision": 1, "liaison": 1,
                             "meeting": 2, "hotline": 3, "duty": 2, "incidents": 1,
                             "report_late": 1, "instructions": 3}
    html = BeautifulSoup(desk_html(ctx), "html.parser")
    for block, view in zip(BLOCKS, views, strict=True):
        section = html.find("section", id=f"desk-{block.key}")
        assert int(section.find(class_="desk-count").get_text()) == view.count
        if block.list_src is None:
            continue
        link = section.find("a", class_="desk-more")["href"]
        assert link == block.list_src[:-3] + "/"  # desk/requests.md -> desk/requests/
        assert len(_list_rows(pages, block.list_src, f"desk-{block.key}")) == view.count
    # the meeting block links to the meeting, whose agenda has the two items it counts
    meeting = html.find("section", id="desk-meeting").find("a", class_="desk-more")["href"]
    assert meeting == "meetings/2026/mtg-w1/"
    duty = html.find("section", id="desk-duty").find("a", class_="desk-more")["href"]
    assert duty == "duty/2026-11/"


def test_a_block_shows_at_most_desk_rows_and_counts_them_all(records: list[Any]) -> None:
    many = [_request(dt.date(2026, 11, 1)).model_copy(update={"id": f"req-m{i}"})
            for i in range(DESK_ROWS + 3)]
    cat = build_catalog([*records, *many], AS_OF, "internal")
    view = desk_views(Ctx(cat, "en", "index.md"))[0]
    assert view.count == DESK_ROWS + 3 + 4
    assert len(view.rows) == DESK_ROWS
    assert "All 17" in desk_html(Ctx(cat, "en", "index.md"))


# -- narrowed ----------------------------------------------------------------------------------
def _file(cat: Catalog, id_: str, locale: str = "en") -> dict[str, Any]:
    return json.loads(desk_files(cat, locale)[f"desk/{id_}.json"])  # type: ignore[no-any-return]


def test_the_desk_narrowed_to_one_unit(cat: Catalog) -> None:
    data = _file(cat, "health")
    assert data["scope"] == {"kind": "unit", "id": "health", "t": "Health Commission",
                             "h": "units/health/"}
    blocks = {b["key"]: b for b in data["blocks"]}
    assert {k: b["count"] for k, b in blocks.items()} == {
        "requests": 1, "received": 1, "supervision": 1, "liaison": 0, "meeting": 1,
        "hotline": 0, "duty": 2, "incidents": 0, "report_late": 0, "instructions": 2}
    # transport: the open incident it leads and vm-one's instruction on it; east: the
    # report-late item (the incident's second unit does not count it: the list filters
    # on the first)
    transport = {b["key"]: b["count"] for b in _file(cat, "transport")["blocks"]}
    assert (transport["incidents"], transport["instructions"], transport["report_late"]) == \
        (1, 1, 0)
    east = {b["key"]: b["count"] for b in _file(cat, "east")["blocks"]}
    assert (east["incidents"], east["instructions"], east["report_late"]) == (0, 0, 1)
    # who is on duty today and tomorrow is on every desk ("无" read as nobody on duty)
    go = {b["key"]: b["count"] for b in _file(cat, "go")["blocks"]}
    assert go["duty"] == 2
    assert [c["t"] for c in blocks["requests"]["rows"][0]] == [
        "Request on clinic hours", "Health Commission", "2026-11-01", "20", "2026-11-20",
        "Overdue by 5 working days"]
    assert blocks["requests"]["rows"][0][5]["s"] == "overdue"
    # the meeting is named and linked even where the unit presents one item of two
    assert blocks["meeting"]["more"] == "meetings/2026/mtg-w1/"
    assert [c["t"] for c in blocks["meeting"]["rows"][0]][1:] == ["Clinic hours",
                                                                 "Health Commission"]
    # each count equals the full list's rows of that unit, which the link filters to
    pages = {p.src: p.markdown for p in desk_pages(cat, "en")}
    for block in BLOCKS:
        if block.list_src is None:
            continue
        rows = _list_rows(pages, block.list_src, f"desk-{block.key}")
        mine = [r for r in rows if r[block.unit_column] == "Health Commission"]
        assert len(mine) == blocks[block.key]["count"], block.key
        assert blocks[block.key]["more"] == (
            f"{block.list_src[:-3]}/?desk-{block.key}.f{block.unit_column}=Health%20Commission"
            if mine else None)  # an empty block links to no list
    assert blocks["liaison"]["more"] is None


def test_the_desk_narrowed_to_an_official_s_portfolio(cat: Catalog) -> None:
    data = _file(cat, "vm-one")  # portfolio: transport, health
    assert data["scope"]["kind"] == "official"
    assert {b["key"]: b["count"] for b in data["blocks"]} == {
        "requests": 2, "received": 1, "supervision": 1, "liaison": 1, "meeting": 1,
        "hotline": 0, "duty": 2, "incidents": 1, "report_late": 0, "instructions": 3}
    requests = next(b for b in data["blocks"] if b["key"] == "requests")
    assert [r[0]["t"] for r in requests["rows"]] == ["Request on clinic hours",
                                                      "Request on night bus routes"]
    # each block's link keeps the list's rows concerning the portfolio or the official
    # (portal.js reads ?<table>.in= against each row's data-scope), as many as it counts
    assert requests["more"] == ("desk/requests/?desk-requests.in=health,transport,vm-one"
                                "&desk-requests.by=Vice%20Mayor%20One")
    assert requests["more_text"] == "All 2"
    pages = {p.src: p.markdown for p in desk_pages(cat, "en")}
    for block in data["blocks"]:
        src = f"desk/{block['key'].replace('_', '-')}.md"
        if src not in pages:
            continue
        if not block["count"]:
            assert block["more"] is None
            continue
        ids = set(block["more"].split(".in=")[1].split("&")[0].split(","))
        soup = BeautifulSoup(pages[src], "html.parser")
        table = soup.find("table", id=f"desk-{block['key']}")
        assert table.has_attr("data-in-note")
        kept = [tr for tr in table.find("tbody").find_all("tr")
                if ids & set(tr["data-scope"].split())]
        assert len(kept) == block["count"], block["key"]
    # a row that names an official (an instruction's author) is on that official's desk
    named = Waiting("brf-x", ("north",), AS_OF, 0, None, 0, officials=("vm-one",))
    vm_one = next(s for s in scopes(cat) if s.id == "vm-one")
    north = next(s for s in scopes(cat) if s.id == "north")
    assert narrowed([named], vm_one) == [named] == narrowed([named], north)
    other = Scope("official", "vm-two", frozenset({"east"}))  # neither his unit nor him
    assert narrowed([named], other) == []
    # an official with no portfolio (the mayor) has the whole office's desk, its links
    # unfiltered, not an empty one
    mayor = _file(cat, "mayor")["blocks"]
    whole_desk = desk_views(Ctx(cat, "en", "index.md"))
    assert {b["key"]: b["count"] for b in mayor} == {v.key: v.count for v in whole_desk}
    assert {b["key"]: b["more"] for b in mayor} == {v.key: v.more for v in whole_desk}


def test_every_visible_unit_and_official_has_a_desk_and_an_option(cat: Catalog) -> None:
    files = desk_files(cat, "zh")
    ids = {s.id for s in scopes(cat)}
    assert {f"desk/{i}.json" for i in ids} == set(files)
    assert {"health", "east", "vm-one", "mayor"} <= ids
    assert "sc" not in ids  # the State Council has no desk in the municipal portal
    options = BeautifulSoup(desk_html(Ctx(cat, "zh", "index.md")), "html.parser").select(
        "#desk-scope option")
    assert {o["value"] for o in options} == {""} | {f"{s.kind}:{s.id}" for s in scopes(cat)}


# -- audiences ---------------------------------------------------------------------------------
@pytest.mark.parametrize("audience", ["public", "internal", "restricted"])
def test_a_hidden_record_or_unit_is_in_no_count_list_or_file(records: list[Any],
                                                             audience: str) -> None:
    cat = build_catalog(records, AS_OF, audience)
    files = desk_files(cat, "en")
    home = desk_html(Ctx(cat, "en", "index.md"))
    pages = "".join(p.markdown for p in desk_pages(cat, "en"))
    everything = home + pages + "".join(files.values())
    health = json.loads(files["desk/health.json"])["blocks"][0]["count"]
    total = desk_views(Ctx(cat, "en", "index.md"))[0].count
    if audience == "restricted":
        assert "zqrestricted" in everything and "zqsecret" in everything
        assert "desk/secret.json" in files
        assert (health, total) == (2, 5)
    else:
        assert "zqrestricted" not in everything and "zqsecret" not in everything
        assert "desk/secret.json" not in files
        assert Scope("unit", "secret", frozenset({"secret"})) not in scopes(cat)
        # the public edition has none of the (internal) requests at all
        assert (health, total) == ((0, 0) if audience == "public" else (1, 4))


# -- the build ---------------------------------------------------------------------------------
def test_the_lists_record_what_they_read_and_the_build_writes_the_desk(cat: Catalog) -> None:
    with deps.recording() as keys:
        list(desk_pages(cat, "en"))
    assert {"of:request", "of:received", "of:supervision", "of:liaison", "of:calendar"} <= keys
    assert {"r:req-w1", "r:health"} <= keys
    pages, files = generated(cat, "zh")
    assert {"desk/requests.md", "desk/received.md", "desk/supervision.md",
            "desk/liaison.md", "desk/incidents.md", "desk/report-late.md",
            "desk/instructions.md"} <= {p.src for p in pages}
    assert "desk/health.json" in files and "assets/portal/desk.js" in files
    lists = {p.src: p.markdown for p in pages}
    assert "待决定的请示" in lists["desk/requests.md"]
    assert re.search(r"逾期5个工作日", lists["desk/requests.md"])


def test_the_home_page_asks_for_the_desk_before_the_dashboard() -> None:
    text = (Path(__file__).parents[1] / "site_src/index.md").read_text(encoding="utf-8")
    assert text.index("portal_desk()") < text.index("portal_dashboard()")


def test_record_text_in_a_desk_file_is_text_wherever_it_lands(records: list[Any]) -> None:
    title = "</title><script>alert(1)</script> & \u202eevil"
    hostile = _request(dt.date(2026, 11, 20)).model_copy(update={
        "id": "req-h", "from_": "health", "title": title})
    cat = build_catalog([*records, hostile], AS_OF, "internal")
    text = desk_files(cat, "en")["desk/health.json"]
    assert "<" not in text and ">" not in text and "&" not in text
    shown = [r[0]["t"] for r in json.loads(text)["blocks"][0]["rows"]]
    assert title + "\u202c" in shown  # the same text, its override closed
    home = desk_html(Ctx(cat, "en", "index.md"))
    assert "<script>alert" not in home and "&lt;script&gt;alert(1)" in home


def test_each_count_of_days_says_its_unit(records: list[Any]) -> None:
    """Requests, received documents and late progress reports count working days where
    the office's calendar exists (the fixture has one), calendar days without it; the
    other blocks count calendar days.  Each header says which, in both languages."""
    from generators.models.calendar import CalendarYear

    def headers(cat: Catalog, locale: str) -> dict[str, list[str]]:
        soup = BeautifulSoup(desk_html(Ctx(cat, locale, "index.md")), "html.parser")
        return {sec["data-block"]: [th.get_text() for th in sec.find_all("th")]
                for sec in soup.find_all("section")}

    with_calendar = build_catalog(records, AS_OF, "internal")
    en, zh = headers(with_calendar, "en"), headers(with_calendar, "zh")
    assert en["requests"][3] == "Working days waiting" and zh["requests"][3] == "已等待（工作日）"
    assert zh["received"][3] == "已等待（工作日）"
    assert zh["report_late"][3] == "逾期未反馈（工作日）"
    assert zh["supervision"][3] == "逾期（自然日）" == zh["liaison"][3]
    assert zh["instructions"][4] == "已等待（自然日）" and zh["incidents"][3] == "已持续（自然日）"
    assert "逾期5个工作日" in desk_html(Ctx(with_calendar, "zh", "index.md"))
    no_calendar = build_catalog([r for r in records if not isinstance(r, CalendarYear)],
                                AS_OF, "internal")
    zh = headers(no_calendar, "zh")
    assert zh["requests"][3] == "已等待（自然日）" == zh["received"][3]
    assert zh["report_late"][3] == "逾期未反馈（自然日）"
    # the full list says it as its block does
    page = next(p for p in desk_pages(no_calendar, "zh") if p.src == "desk/requests.md")
    assert "已等待（自然日）" in page.markdown


def test_a_request_waits_on_the_desks_of_those_who_signed_it_off(records: list[Any]) -> None:
    """East is in no portfolio of vm-one's; once he has signed the request off in its
    approval chain it is on his desk until it is decided.  The received block says how
    far past its time limit a document is, as the request block does."""
    signed = Request.model_validate({
        "id": "req-t", "from": "east", "title": "Signed off", "kind": "request-for-instructions",
        "submitted": dt.date(2026, 11, 20),
        "approvals": [{"by": "vm-one", "date": dt.date(2026, 11, 24), "opinion": "Agreed."}]})
    cat = build_catalog([*records, signed], AS_OF, "internal")
    vm_one = next(s for s in scopes(cat) if s.id == "vm-one")
    rows = narrowed(awaiting_decision(cat), vm_one)
    assert "req-t" in [w.id for w in rows]
    assert [w.officials for w in rows if w.id == "req-t"] == [("vm-one",)]
    received = next(v for v in desk_views(Ctx(cat, "zh", "index.md")) if v.key == "received")
    assert received.headers[-2:] == ("desk_due", "status")


def test_the_mayor_s_desk_is_the_whole_office_s_whatever_his_portfolio(
        records: list[Any]) -> None:
    """The sample gives the mayor and the secretary-general the General Office as their
    portfolio, which narrowed their desks to almost nothing: by position, theirs is the
    whole office's desk; a vice mayor with the same portfolio has his own."""
    from generators.models.registry import Official

    given = [r.model_copy(update={"portfolio": ["health"]})
             if isinstance(r, Official) and r.id in ("mayor", "vm-one") else r for r in records]
    cat = build_catalog(given, AS_OF, "internal")
    whole = {v.key: v.count for v in desk_views(Ctx(cat, "en", "index.md"))}
    mayor = {b["key"]: b["count"] for b in _file(cat, "mayor")["blocks"]}
    vm_one = {b["key"]: b["count"] for b in _file(cat, "vm-one")["blocks"]}
    assert mayor == whole and vm_one != whole
