"""Rules that keep records believable (issue 14 points 5 and 6), at their boundaries, and
hints that say what to do. Each case is made by hand from the valid fixture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli import main
from generators.errors import CATALOGUE, flatten
from generators.validate import validate

from .conftest import AS_OF, overlay

FIXTURES = Path(__file__).parent / "fixtures/invalid"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes_at(records: Path) -> list[list[object]]:
    return flatten(validate(records, "records", AS_OF, use_cache=False)[1].problems)


# -- an official acts within the term --------------------------------------------------------

@pytest.mark.parametrize(("day", "ok"), [("2023-01-01", True), ("2022-12-31", False)])
def test_an_official_may_act_from_the_first_day_of_the_term(tmp_path: Path, day: str,
                                                            ok: bool) -> None:
    records = overlay(tmp_path)  # mayor's term begins 2023-01-01
    (records / f"activities/{day[:4]}").mkdir(exist_ok=True)
    act = records / "activities/2026/act-a.yaml"
    edit(act, "date: 2026-06-15", f"date: {day}")
    act.rename(records / f"activities/{day[:4]}/act-a.yaml")
    got = codes_at(records)
    # vm-one's term begins on the same day as the mayor's (line 5: officials: [mayor, vm-one])
    assert got == ([] if ok else [[f"records/activities/{day[:4]}/act-a.yaml", 5, "DATE_TERM"],
                                  [f"records/activities/{day[:4]}/act-a.yaml", 5, "DATE_TERM"]])


@pytest.mark.parametrize(("to", "ok"), [("2026-03-10", True), ("2026-03-09", False)])
def test_an_official_may_act_on_the_last_day_of_the_term(tmp_path: Path, to: str,
                                                         ok: bool) -> None:
    records = overlay(tmp_path)  # mtg-a on 2026-03-10: chaired by the mayor
    edit(records / "registry/officials.yaml", "  from: 2023-01-01\n",
         f"  from: 2023-01-01\n  to: {to}\n")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    if ok:
        # the mayor's later acts are outside the term: a signature, an activity, an instruction
        assert {p.path for p in problems} == {"records/activities/2026/act-a.yaml",
                                              "records/briefings/2026/brf-a.yaml",
                                              # issue 16: on duty, instructing on an incident
                                              "records/duty/2026-11.yaml",
                                              "records/incidents/2026/inc-r.yaml"}
    else:
        assert ["records/meetings/2026/mtg-a.yaml", 6, "DATE_TERM"] in flatten(problems)
        chair = next(p for p in problems if p.path.endswith("mtg-a.yaml"))
        assert "Mayor Example (mayor) chairs the meeting on 2026-03-10" in chair.message
        assert "to 2026-03-09" in chair.message
    assert {p.code for p in problems} <= {"DATE_TERM"}


def test_every_kind_of_act_is_held_to_the_term(tmp_path: Path) -> None:
    """Sign, chair, attend, review, decide, instruct, verify, take part, lead the duty: each
    outside."""
    records = overlay(tmp_path)
    edit(records / "registry/officials.yaml", "  from: 2023-01-01\n  classification",
         "  from: 2026-12-01\n  classification")  # mayor's (first) term begins after it all
    edit(records / "registry/officials.yaml", "position: vice-mayor\n",
         "position: vice-mayor\n  to: 2026-01-01\n")
    edit(records / "registry/officials.yaml", "from: 2022-01-01", "from: 2026-11-01")
    # "Mayor Example (mayor) signs on ...": the official's id and the act
    got = {(p.path.split("/")[-1],
            re.sub(r"^.*? \((\S+)\) ", r"\1 ",
                   p.message.split(", outside")[0].rsplit(" on ", 1)[0]))
           for p in validate(records, "records", AS_OF, use_cache=False)[1].problems
           if p.code == "DATE_TERM"}
    assert got == {
        ("doc-a.yaml", "mayor signs"),
        ("mtg-a.yaml", "mayor chairs the meeting"),
        ("mtg-a.yaml", "vm-one attends the meeting"),
        ("mtg-a.yaml", "sg attends the meeting"),
        ("req-a.yaml", "vm-one decides the request"),
        ("brf-a.yaml", "mayor instructs on the briefing"),
        ("sup-a.yaml", "sg verifies the completion"),
        ("act-a.yaml", "mayor takes part in the activity"),
        ("act-a.yaml", "vm-one takes part in the activity"),
        # issue 16: leading the duty, instructing on an incident
        ("2026-11.yaml", "mayor leads the duty"),
        ("2026-11.yaml", "vm-one leads the duty"),
        ("inc-a.yaml", "vm-one instructs on the incident"),
        ("inc-r.yaml", "mayor instructs on the incident"),
        # issue 16: the approval chain, the closure, a leader's instruction on a received
        ("req-a.yaml", "sg approves the request"),
        ("sup-a.yaml", "sg approves the closure"),
        ("rcv-a.yaml", "vm-one instructs on the document"),
        ("lia-c.yaml", "vm-one leads the key item"),  # issue 17
    }


# -- implements ------------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "ok"), [("2026-01-10", True), ("2026-01-09", False)])
def test_a_document_implements_what_was_received_up_to_its_written_day(
        tmp_path: Path, written: str, ok: bool) -> None:
    records = overlay(tmp_path)  # doc-b implements rcv-a, received 2026-01-10
    doc = records / "documents/2026/doc-b.yaml"
    edit(doc, "written: 2026-02-28\npublished: 2026-03-03", f"written: {written}")
    got = codes_at(records)
    if ok:
        assert got == []
    else:
        # said at the document and at the received document's implemented_by
        assert got == [["records/documents/2026/doc-b.yaml", 16, "DATE_IMPLEMENTS"],
                       ["records/received/2026/rcv-a.yaml", 13, "DATE_IMPLEMENTS"]]


@pytest.mark.parametrize(("written", "ok"), [("2026-02-28", True), ("2026-02-27", False)])
def test_a_document_implements_a_document_written_the_same_day(
        tmp_path: Path, written: str, ok: bool) -> None:
    records = overlay(tmp_path)  # doc-b is written 2026-02-28
    doc = records / "documents/2026/doc-c.yaml"
    edit(doc, "written: 2026-05-20", f"written: {written}\nrelations: "
         "[{type: implements, target: doc-b}]")
    want = [] if ok else [["records/documents/2026/doc-c.yaml", 8, "DATE_IMPLEMENTS"]]
    assert codes_at(records) == want


# -- a reply answers its requester -----------------------------------------------------------

def test_a_reply_is_addressed_to_its_requester(tmp_path: Path) -> None:
    records = overlay(tmp_path)  # req-a comes from east
    doc = records / "documents/2026/doc-c.yaml"
    edit(doc, "type: letter", "type: reply")
    edit(doc, "written: 2026-05-20", "written: 2026-05-20\nrelations: "
         "[{type: responds-to, target: req-a}]")
    errors = validate(records, "records", AS_OF, use_cache=False)[1].errors
    assert flatten(errors) == [["records/documents/2026/doc-c.yaml", 6, "REPLY_ADDRESSEE"]]
    assert errors[0].hint == "add east to recipients"
    edit(doc, "recipients: [transport]", "recipients: [east]\ncc: [transport]")
    assert validate(records, "records", AS_OF, use_cache=False)[1].errors == []


# -- what has happened is not after the as-of date -------------------------------------------

@pytest.mark.parametrize(("file", "old", "line"), [
    ("liaison/2026/lia-c.yaml", "received: 2026-", 7),
    ("received/2026/rcv-a.yaml", "received: 2026-01-10", 5),
    ("requests/2026/req-a.yaml", "submitted: 2026-04-01", 5),
    ("briefings/2026/brf-a.yaml", "date: 2026-07-01", 2),
])
def test_nothing_is_received_or_reported_after_the_as_of_date(
        tmp_path: Path, file: str, old: str, line: int) -> None:
    records = overlay(tmp_path)
    path = records / file
    text = path.read_text(encoding="utf-8")
    start = text.index(old)
    end = text.index("\n", start)
    key = old.split(":")[0]
    path.write_text(text[:start] + f"{key}: {AS_OF.replace(day=AS_OF.day + 1)}" + text[end:],
                    encoding="utf-8")
    got = [row for row in codes_at(records) if row[2] == "DATE_FUTURE"]
    assert [f"records/{file}", line, "DATE_FUTURE"] in got
    path.write_text(text[:start] + f"{key}: {AS_OF}" + text[end:], encoding="utf-8")
    assert [row for row in codes_at(records) if row[2] == "DATE_FUTURE"
            and row[0] == f"records/{file}" and row[1] == line] == []


# -- portal new's placeholders ---------------------------------------------------------------

@pytest.mark.parametrize("rtype", ["activity", "briefing", "liaison", "meeting", "received",
                                   "request", "supervision", "hotline"])
def test_an_unfilled_skeleton_says_todo_and_nothing_in_its_place(tmp_path: Path,
                                                                 rtype: str) -> None:
    records = overlay(tmp_path)
    out = CliRunner().invoke(main, ["new", rtype, "--records", str(records),
                                    "--year", "2026"]).output
    path = Path(out.splitlines()[0])  # then a line on what to do
    text = path.read_text(encoding="utf-8")
    todo_lines = {n for n, line in enumerate(text.splitlines(), 1)
                  if re.search(r":\s*\[?TODO", line)}
    assert todo_lines  # every skeleton leaves something to fill in
    problems = [p for p in validate(records, "records", AS_OF.replace(month=12, day=31),
                                    use_cache=False)[1].problems
                if p.path.endswith(path.name)]
    assert {p.line for p in problems if p.code == "TEXT_TODO"} == todo_lines
    # the placeholder is said once: no ID_FORMAT or REF_MISSING on the same line
    assert all(p.code == "TEXT_TODO" for p in problems if p.line in todo_lines)


def test_a_score_left_todo_is_said_once(tmp_path: Path) -> None:
    """A score is taken out of the record read in part: the unit's scores then lack it,
    and that is the placeholder's doing, not a second mistake of the editor's."""
    records = overlay(tmp_path)
    edit(records / "appraisal/2025.yaml", "east: {tasks: 90,", "east: {tasks: TODO,")
    got = flatten(validate(records, "records", AS_OF, use_cache=False)[1].problems,
                  "line", "code")
    assert got == [[10, "TEXT_TODO"]]
    # a score that is missing outright is still said
    edit(records / "appraisal/2025.yaml", "west: {tasks: 70, service: 95}",
         "west: {tasks: 70}")
    assert [c[2] for c in codes_at(records)] == ["TEXT_TODO", "SCHEMA_RULE"]


def test_todo_inside_a_text_is_not_a_placeholder(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "documents/2026/doc-c.yaml", "summary: Replies",
         "summary: The TODO list of the office; Replies")
    assert codes_at(records) == []


# -- the full-width colon --------------------------------------------------------------------

def test_a_full_width_colon_is_reported_on_its_own_line(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "lead: transport", "lead：transport")
    edit(records / "supervision/2026/sup-b.yaml", "    percent: 60", "    percent： 60")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert flatten(problems, "path", "line", "col", "code") == [
        ["records/supervision/2026/sup-b.yaml", 4, 5, "YAML_COLON"],
        ["records/supervision/2026/sup-b.yaml", 9, 12, "YAML_COLON"]]
    assert all("use the ASCII colon `:`" in p.hint for p in problems)


def test_a_full_width_colon_inside_a_text_is_text(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "briefings/2026/brf-a.yaml", "summary: 网民", "summary: 说明：网民")
    assert codes_at(records) == []


# -- every problem of a file in one run ------------------------------------------------------

def test_a_schema_error_does_not_hide_the_files_reference_and_date_errors(
        tmp_path: Path) -> None:
    records = overlay(tmp_path)
    sup = records / "supervision/2026/sup-b.yaml"
    edit(sup, "lead: transport", "lead: transprot\nowner: go")  # unknown field + bad ref
    edit(sup, "updates:\n", "updates:\n  - {date: 2026-05-01, percent: 150, note: Odd.}\n")
    edit(sup, "  - date: 2026-11-20", "  - date: 2026-12-20")  # after the as-of date
    got = flatten(validate(records, "records", AS_OF, use_cache=False)[1].problems,
                  "line", "code")
    # the update with a bad percent is left out: the later one is still found on its line
    assert got == [[4, "REF_MISSING"], [5, "SCHEMA_UNKNOWN_FIELD"], [9, "SCHEMA_RANGE"],
                   [10, "DATE_FUTURE"]]


def test_a_record_read_in_part_is_not_published(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "state: open", "state: opened")
    recs, report = validate(records, "records", AS_OF, use_cache=False)
    assert "sup-b" not in {r.id for r in recs}
    assert flatten(report.problems, "code") == [["SCHEMA_ENUM"]]


def test_a_yaml_error_in_the_registry_makes_no_reference_missing(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "registry/units.yaml", "- id: go\n", "- id: go\n  name: [unclosed\n")
    got = flatten(validate(records, "records", AS_OF, use_cache=False)[1].problems,
                  "path", "code")
    assert got == [["records/registry/units.yaml", "YAML_SYNTAX"]]


def test_a_yaml_error_in_a_meeting_keeps_its_decisions_known(tmp_path: Path) -> None:
    records = overlay(tmp_path)  # sup-a and sup-b come from dec-a1 and dec-a2 of mtg-a
    edit(records / "meetings/2026/mtg-a.yaml", "location: City Hall", "location: [City Hall")
    edit(records / "supervision/2026/sup-b.yaml", "ref: dec-a2", "ref: dec-a3")
    got = flatten(validate(records, "records", AS_OF, use_cache=False)[1].problems,
                  "path", "code")
    # a typo is still a typo: dec-a3 was never written anywhere
    assert got == [["records/meetings/2026/mtg-a.yaml", "YAML_SYNTAX"],
                   ["records/supervision/2026/sup-b.yaml", "REF_MISSING"]]


# -- hints that are right --------------------------------------------------------------------

def test_an_empty_required_field_is_not_advised_away(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "activities/2026/act-a.yaml", "title: Inspection of bus depots", "title:")
    edit(records / "activities/2026/act-a.yaml", "units: [transport, east]", "units:")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    hints = {p.message: p.hint for p in problems}
    assert "remove" not in hints["title is empty"]
    assert "required" in hints["title is empty"]
    assert "remove the line" in hints["units is empty"]  # optional: it may go


def test_a_copied_file_is_not_advised_a_name_that_exists(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    src = records / "activities/2026/act-a.yaml"
    (records / "activities/2026/act-b.yaml").write_bytes(src.read_bytes())
    (records / "activities/2027").mkdir()
    (records / "activities/2027/act-c.yaml").write_bytes(src.read_bytes())
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    hints = {p.path: p.hint for p in problems if p.code == "ID_FILENAME"}
    assert set(hints) == {"records/activities/2026/act-b.yaml",
                          "records/activities/2027/act-c.yaml"}
    for path, hint in hints.items():
        assert "rename the file to act-a.yaml" not in hint
        assert f"set id: {Path(path).stem}" in hint
    # the copies' id is theirs to change: the original is left be
    assert {p.path for p in problems if p.code == "ID_DUPLICATE"} == set(hints)


def test_a_copy_named_as_no_id_is_not_advised_its_name(tmp_path: Path) -> None:
    """A file copied beside its original as the file manager names copies."""
    records = overlay(tmp_path)
    src = records / "activities/2026/act-a.yaml"
    (records / "activities/2026/act-a - 副本.yaml").write_bytes(src.read_bytes())
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    (hint,) = [p.hint_in("zh") for p in problems if p.code == "ID_FILENAME"]
    assert "副本" not in hint and hint.startswith("act-a.yaml已经存在，这看来是复制的文件")


def test_a_file_named_wrongly_is_advised_its_ids_name(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    src = records / "activities/2026/act-a.yaml"
    src.rename(src.with_name("act-x.yaml"))
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert [p.hint for p in problems] == ["rename the file to act-a.yaml, or set id: act-x"]


def test_an_unknown_topic_is_advised_where_topics_are_listed(tmp_path: Path) -> None:
    """As an unknown unit is (test_validate): the editor may be naming a new topic."""
    records = overlay(tmp_path)
    edit(records / "documents/2025/doc-a.yaml", "topics: [traffic]", "topics: [zzzq]")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert [(p.code, p.hint) for p in problems] == [
        ("REF_MISSING", "correct the id, or add the topic to registry/topics.yaml: none there "
                        "is like it")]


def test_a_malformed_id_is_given_one_to_write(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    src = records / "activities/2026/act-a.yaml"
    edit(src, "id: act-a", "id: Act_A")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert [(p.code, p.hint) for p in problems] == [
        ("ID_FORMAT", "set id: act-a, as the file is named")]
    src.rename(src.with_name("Act_A.yaml"))  # the file named as the id: both to change
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert [p.hint_in("zh") for p in problems] == ["写作act-a，并把文件名改为act-a.yaml"]


def test_an_official_and_a_month_are_said_as_the_editor_knows_them(tmp_path: Path) -> None:
    """An official by name beside the id; a month as 2026年12月 in Chinese prose."""
    records = overlay(tmp_path, FIXTURES / "DATE_TERM", FIXTURES / "DUTY_DAY")
    said = {p.code: p.message_in("zh") for p in
            validate(records, "records", AS_OF, use_cache=False)[1].problems}
    assert said["DATE_TERM"].startswith("市长（mayor）于2022年12月31日")
    assert "所属的月份（2026年12月）" in said["DUTY_DAY"]


def test_a_rule_says_its_own_fix(tmp_path: Path) -> None:
    """A completed date that differs from the approved closure: the hint gives the day to
    write as the file writes it (not the catalogue's general "follow the message")."""
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "state: open",
         "state: open\ncompleted: 2026-03-20")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert [(p.code, p.hint_in("zh")) for p in problems] == [
        ("SCHEMA_RULE", "写state: completed，或删去completed:一行")]


# Imperative verbs the catalogue's fixes start with: a fix says what to do, in the words
# of an instruction (not "Nothing to do", not a description such as "Record files are").
IMPERATIVE = {"add", "adjust", "align", "check", "correct", "delete", "fix", "flatten",
              "follow", "give", "move", "name", "put", "re-save", "record", "remove", "rename",
              "replace", "split", "use", "write"}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_fix_says_what_to_do(code: str) -> None:
    fix = CATALOGUE[code].fix
    assert fix.strip() and fix.endswith((".", ")"))
    assert fix.split()[0].lower() in IMPERATIVE, f"{code}: '{fix}' does not start with a verb"


# -- a meeting to come has only planned items ------------------------------------------------

@pytest.mark.parametrize(("days", "outcome", "code"), [
    (1, "approved", "DATE_OUTCOME"), (1, "planned", None),
    (0, "approved", None), (0, "planned", None),  # the as-of day: held or not yet
    (-1, "approved", None), (-1, "planned", "DATE_PLANNED"),
])
def test_the_outcome_of_a_meeting_follows_the_as_of_date(tmp_path: Path, days: int,
                                                         outcome: str, code: str | None) -> None:
    import datetime as dt

    records = overlay(tmp_path)
    mtg = records / "meetings/2026/mtg-a.yaml"
    edit(mtg, "date: 2026-03-10", f"date: {AS_OF + dt.timedelta(days=days)}")
    edit(mtg, "outcome: deferred", f"outcome: {outcome}")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    # item 1 stays approved: a future meeting reports it too
    got = [row for row in flatten(problems, "line", "code") if row[0] == 26]
    assert got == ([[26, code]] if code else [])


def test_a_file_of_full_width_colons_alone_is_not_a_wrong_top_level(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    (records / "activities/2026/act-b.yaml").write_text(
        "id： act-b\ndate： 2026-06-16\n", encoding="utf-8")  # YAML reads one text
    assert codes_at(records) == [["records/activities/2026/act-b.yaml", 1, "YAML_COLON"],
                                 ["records/activities/2026/act-b.yaml", 2, "YAML_COLON"]]


def test_a_schema_error_does_not_hide_a_wrong_file_name(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    act = records / "activities/2026/act-a.yaml"
    edit(act, "kind: inspection", "kind: inspection\nplace: depot")
    act.rename(act.with_name("act-z.yaml"))
    got = flatten(validate(records, "records", AS_OF, use_cache=False)[1].problems,
                  "line", "code")
    assert got == [[1, "ID_FILENAME"], [8, "SCHEMA_UNKNOWN_FIELD"]]


# -- from an editor's trial of the Chinese edition ----------------------------------------

def test_a_name_written_for_a_reference_is_told_where_ids_are(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "lead: transport", "lead: 某某工作组")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert p.code == "ID_FORMAT" and "registry/units.yaml" in p.hint
    assert "file" not in p.hint.split(":")[0]  # not "rename the id (and the file)"


def test_an_empty_choice_is_an_empty_field_not_none(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "state: open", "state:")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert (p.code, p.message) == ("SCHEMA_MISSING_FIELD", "state is empty")


def test_an_impossible_roster_day_points_at_the_day(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "duty/2026-11.yaml", '"2026-11-27":', '"2026-11-31":')
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert (p.code, p.line, p.col) == ("SCHEMA_DATE", 4, 3)  # the key, not leader: below


def test_an_approved_closure_on_an_open_item_is_one_error(tmp_path: Path) -> None:
    """completed: beside an approved closure on an item left open: the closure's rule says
    what to write; "remove the completed: line" would not have mended it."""
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-a.yaml", "state: completed", "state: open")
    problems = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert [(p.code, p.message_in("zh")) for p in problems] == [
        ("SCHEMA_RULE", "销号已批准：该事项已办结，应写state: completed")]


def test_an_empty_issuers_list_points_at_it_and_says_what_to_write(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "documents/2025/doc-a.yaml", "issuers: [city-gov]", "issuers: []")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert (p.code, p.line) == ("SCHEMA_MISSING_FIELD", 4)
    assert p.hint_in("zh").startswith("在方括号中填写发文机关的系统编号")


@pytest.mark.parametrize("written", ["2026-3-12", "2026/03/12", "2026年3月12日"])
def test_a_date_written_otherwise_is_given_its_form(tmp_path: Path, written: str) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "assigned: 2026-03-12",
         f'assigned: "{written}"')
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert (p.code, p.hint_in("zh")) == ("SCHEMA_DATE", "即2026-03-12")


@pytest.mark.parametrize(("written", "hint"), [
    ("内部", "应写作internal"), ("Internal", "应写作internal"),
    ("限定范围", "应写作restricted"),
    ("hidden", "写public（公开）、internal（内部）或restricted（限定范围）")])
def test_a_level_written_otherwise_is_not_a_secret_to_report(tmp_path: Path, written: str,
                                                            hint: str) -> None:
    """A level's own label (内部) is a slip: told what to write, not to report it to the
    security officer (that is for 秘密, 机密, 绝密)."""
    records = overlay(tmp_path)
    edit(records / "activities/2026/act-a.yaml", "classification: public",
         f"classification: {written}")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert (p.code, p.hint_in("zh")) == ("SAFETY_CLASSIFICATION", hint)


def test_an_id_of_another_type_is_said_as_what_it_is(tmp_path: Path) -> None:
    """A decision's id where a briefing or incident belongs: no look-alike incident is
    offered, and the decision is called one (not its meeting)."""
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "source: {kind: meeting-decision, ref: dec-a2}",
         "source: {kind: leader-instruction, ref: dec-a1}")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert p.code == "REF_MISSING" and p.message_in("zh").endswith("：“dec-a1”是会议决定")
    assert "是否应为" not in p.hint_in("zh") and "source.kind" in p.hint_in("zh")


def test_an_empty_choice_says_the_choices(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "state: open", "state:")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert p.hint_in("zh") == "写以下之一：open、completed、suspended"


def test_a_units_name_written_for_its_id_is_given_the_id(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    units = (records / "registry/units.yaml").read_text(encoding="utf-8")
    name = re.search(r"(?m)^- id: transport\n(?:  .*\n)*?  name_zh: (.+)$", units)
    assert name is not None
    edit(records / "supervision/2026/sup-b.yaml", "lead: transport", f"lead: {name[1]}")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert p.code == "ID_FORMAT" and p.hint_in("zh").startswith("应写作transport，即")


def test_a_percentage_with_its_sign_is_told_to_drop_it(tmp_path: Path) -> None:
    records = overlay(tmp_path)
    edit(records / "supervision/2026/sup-b.yaml", "    percent: 60", "    percent: 60%")
    (p,) = validate(records, "records", AS_OF, use_cache=False)[1].problems
    assert (p.code, p.hint_in("zh")) == ("SCHEMA_TYPE", "写作60，不带%")
