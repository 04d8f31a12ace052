"""No word or id of anything hidden may reach an audience below its level, in any file.

A git repository holds a copy of the fixture archive in which every internal and
restricted thing carries unique sentinels: the fixture's own records (a word in a text
field), new hidden records of every type, units, officials and topics (their ids and
names), each referred to by public records (reference columns, feeds and calendars of a
unit, topic lines, portfolios, hotline and appraisal rows), and commit messages of
commits that added, renamed, deleted or declassified a hidden record or changed a hidden
registry entry beside a public record.  Each audience's build (both editions, and the
Markdown export) is then searched byte by byte, Pagefind's compressed files decompressed
and iCalendar's folded lines unfolded.
"""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from generators.build import build_site, export_markdown
from generators.demo import RecordDumper

from .conftest import AS_OF, ROOT, VALID, git

pytestmark = pytest.mark.slow
LEVELS = {"public": 0, "internal": 1, "restricted": 2}
HIDDEN = ("internal", "restricted")


@dataclass(slots=True)
class Sentinels:
    level: dict[str, str] = field(default_factory=dict)
    """sentinel -> the level of what carries it"""
    shown: set[str] = field(default_factory=set)
    """sentinels an audience that may see them must find (the search sees what it seeks)"""

    def add(self, word: str, level: str, shown: bool = True) -> str:
        assert word not in self.level and re.fullmatch(r"[a-z0-9-]+", word)
        self.level[word] = level
        if shown:
            self.shown.add(word)
        return word


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # a liaison number such as 0099 quoted, as an editor must write it (YAML_UNQUOTED)
    path.write_text(yaml.dump(data, Dumper=RecordDumper, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    data = _load(path)
    change(data)
    _dump(path, data)


def plant_in_fixture(records: Path, s: Sentinels) -> None:
    """A sentinel in a text field of every non-public record of the fixture archive."""
    for path in sorted(records.rglob("*.yaml")):
        if "registry" in path.parts:
            continue
        data = _load(path)
        level = data.get("classification", "internal")
        if level == "public":
            continue
        word = s.add(f"zq{level[:4]}{re.sub(r'[^a-z0-9]', '', path.stem)}sentinel", level)
        if "title" in data:
            data["title"] = f"{data['title']} {word}"
        elif "days" in data:  # issue 16: a duty roster has no title: its officers' names
            for day in data["days"].values():
                day["officers"] = [*day["officers"], word]
        else:
            data["summary"] = f"{data.get('summary', '')} {word}".strip()
        if "updates" in data:  # words deep inside a record must not leak either
            for u in data["updates"]:
                u["note"] = f"{u['note']} {word}"
        if "reports" in data:  # issue 16: an incident's reports, deep inside it
            for r in data["reports"]:
                r["summary"] = f"{r['summary']} {word}"
        _dump(path, data)


def plant_registry(records: Path, s: Sentinels) -> None:
    """A unit, an official and a topic (with a child) of each hidden level, and a hidden
    child under a public topic; public entries that name them."""
    reg = records / "registry"
    units, officials, topics = (_load(reg / f"{n}.yaml") for n in
                                ("units", "officials", "topics"))
    pub_children = []
    for level in HIDDEN:
        tag = level[:4]
        units.append({"id": s.add(f"zq-unit-{tag}", level), "name": s.add(f"zqunitname{tag}",
                      level), "name_zh": s.add(f"zqunitzh{tag}", level), "kind": "district",
                      "classification": level})
        officials.append({"id": s.add(f"zq-off-{tag}", level),
                          "name": s.add(f"zqoffname{tag}", level), "position": "other",
                          "title": s.add(f"zqofftitle{tag}", level),
                          "portfolio": [f"zq-unit-{tag}"], "from": "2023-01-01",
                          "classification": level})
        # a child of a hidden topic says no level of its own: it is its parent's
        topics.append({"id": s.add(f"zq-topic-{tag}", level, shown=False),
                       "name": s.add(f"zqtopicname{tag}", level), "classification": level,
                       "children": [{"id": s.add(f"zq-topicchild-{tag}", level, shown=False),
                                     "name": s.add(f"zqtopicchildname{tag}", level)}]})
        pub_children.append({"id": s.add(f"zq-child-{tag}", level, shown=False),
                             "name": s.add(f"zqchildname{tag}", level),
                             "classification": level})
    topics.append({"id": "pubtopic", "name": "Public topic", "classification": "public",
                   "children": pub_children})
    units.append({"id": "pubunit", "name": "Public unit", "kind": "agency",
                  "parent": "zq-unit-rest", "classification": "public"})
    for o in officials:
        if o["id"] == "vm-one":
            o["portfolio"] = [*o["portfolio"], "zq-unit-inte", "zq-unit-rest"]
    for name, data in (("units", units), ("officials", officials), ("topics", topics)):
        _dump(reg / f"{name}.yaml", data)


HIDDEN_UNITS = ["zq-unit-inte", "zq-unit-rest"]
HIDDEN_OFFICIALS = ["zq-off-inte", "zq-off-rest"]
HIDDEN_TOPICS = [f"zq-{kind}-{level[:4]}" for kind in ("topic", "topicchild", "child")
                 for level in HIDDEN]


def plant_public_references(records: Path) -> None:
    """Public records that name every hidden unit, official, topic and some hidden records
    (the fields open data, feeds, calendars and the pages show)."""
    d = records / "documents/2026"
    _dump(d / "doc-pub-refs.yaml", {
        "id": "doc-pub-refs", "number": "京政办发〔2026〕31号", "type": "circular",
        "issuers": ["zq-unit-rest", "go", "zq-unit-inte"], "signatory": "zq-off-rest",
        "title": "Public circular naming hidden things", "recipients": ["east", *HIDDEN_UNITS],
        "cc": HIDDEN_UNITS, "written": "2026-05-01", "published": "2026-05-02",
        "relations": [{"type": "implements", "target": "rcv-zq-rest"},
                      {"type": "amends", "target": "doc-zq-inte"}],
        "topics": ["traffic", *HIDDEN_TOPICS], "classification": "public",
        "summary": "A public circular."})
    _dump(records / "received/2026/rcv-pub-refs.yaml", {
        "id": "rcv-pub-refs", "number": "国发〔2026〕31号", "issuer": "zq-unit-rest",
        "title": "Public notice handled by a hidden unit", "received": "2026-02-01",
        "type": "notice", "handling": {"lead": "zq-unit-rest", "implemented_by": [
            "doc-r", "doc-zq-inte", "doc-pub-refs"]}, "classification": "public"})
    _dump(records / "activities/2026/act-pub-refs.yaml", {
        "id": "act-pub-refs", "date": "2026-12-15", "title": "Public visit",
        "kind": "inspection", "officials": ["mayor", *HIDDEN_OFFICIALS],
        "units": ["east", *HIDDEN_UNITS], "topics": HIDDEN_TOPICS, "classification": "public"})
    _dump(records / "supervision/2026/sup-pub-refs.yaml", {
        "id": "sup-pub-refs", "title": "Public item led by a hidden unit",
        "source": {"kind": "leader-instruction", "ref": "brf-zq-rest"},
        "lead": "zq-unit-rest", "support": ["east", "zq-unit-inte"],
        "assigned": "2026-03-01", "deadline": "2026-12-31", "state": "open",
        "classification": "public"})
    _dump(records / "supervision/2026/sup-pub-dec.yaml", {
        "id": "sup-pub-dec", "title": "Public item from a hidden meeting's decision",
        "source": {"kind": "meeting-decision", "ref": "dec-zq-inte-0"}, "lead": "east",
        "assigned": "2026-03-01", "deadline": "2026-12-31", "state": "open",
        "classification": "public"})
    _dump(records / "liaison/2026/lia-pub-refs.yaml", {
        "id": "lia-pub-refs", "kind": "npc-suggestion", "number": "0099", "session": 2026,
        "proposers": ["Deputy Li"], "title": "Public suggestion led by a hidden unit",
        "received": "2026-03-01", "lead": "zq-unit-inte", "classification": "public",
        "reply": {"date": "2026-05-01", "category": "B", "summary": "Replied.",
                  "disclosure": "full", "document": "doc-zq-rest"}})
    _dump(records / "briefings/2026/brf-pub-refs.yaml", {
        "id": "brf-pub-refs", "date": "2026-07-02", "title": "Public briefing",
        "category": "public-sentiment", "source": "zq-unit-rest", "summary": "Public.",
        "instructions": [{"by": "zq-off-inte", "date": "2026-07-02", "text": "Look into it.",
                          "supervision": "sup-zq-rest"}], "classification": "public"})
    _dump(records / "requests/2026/req-pub-refs.yaml", {
        "id": "req-pub-refs", "from": "zq-unit-rest", "kind": "request-for-instructions",
        "title": "Public request from a hidden unit", "submitted": "2026-04-01",
        "decision": {"date": "2026-05-20", "by": "zq-off-rest", "outcome": "approved",
                     "reply_document": "doc-zq-rest"}, "classification": "public"})
    _dump(records / "meetings/2026/mtg-pub-refs.yaml", {
        "id": "mtg-pub-refs", "kind": "executive", "session": 7, "date": "2026-04-10",
        "chair": "zq-off-rest", "attendees": ["vm-one", *HIDDEN_OFFICIALS],
        "agenda": [{"item": 1, "title": "Public item", "presenter": "zq-unit-rest",
                    "outcome": "approved", "decisions": [{
                        "id": "dec-pub-1", "text": "Do it.", "lead": "zq-unit-rest",
                        "support": HIDDEN_UNITS, "deadline": "2026-09-30"}]}],
        "classification": "public"})
    _edit(records / "hotline/2026-10.yaml", lambda h: h["districts"].update({
        u: {"calls": 10, "response_rate": 50, "resolution_rate": 50, "satisfaction_rate": 50}
        for u in HIDDEN_UNITS}))

    def appraise(a: Any) -> None:
        a["groups"]["district"] += HIDDEN_UNITS
        a["scores"].update({u: {"tasks": 99, "service": 99} for u in HIDDEN_UNITS})
        a["adjustments"] = [{"unit": "zq-unit-rest", "points": 1, "reason": "Public."}]

    _edit(records / "appraisal/2025.yaml", appraise)


def plant_hidden_records(records: Path, s: Sentinels) -> None:
    """A record of every type at each hidden level, made from a fixture record: its id and
    words in its text fields are sentinels."""
    for n, level in enumerate(HIDDEN):
        _hidden_records(records, s, n, level)


def _hidden_records(records: Path, s: Sentinels, n: int, level: str) -> None:
    tag = level[:4]

    def word(what: str, shown: bool = True) -> str:
        return s.add(f"zq{what}{tag}", level, shown)

    def clone(src: str, dst: str, change: Callable[[Any], None]) -> None:
        data = _load(VALID / src)
        data["classification"] = level
        change(data)
        _dump(records / dst, data)

    def doc(d: Any) -> None:
        d.update(id=s.add(f"doc-zq-{tag}", level), number=f"京政办发〔2026〕{40 + n}号",
                 title=f"Hidden {word('doctitle')}", summary=word("docsummary"),
                 body=word("docbody"), attachments=[{"title": word("docattachment")}],
                 topics=[f"zq-topic-{tag}"], issuers=[f"zq-unit-{tag}"])

    clone("documents/2026/doc-r.yaml", f"documents/2026/doc-zq-{tag}.yaml", doc)

    def rcv(d: Any) -> None:
        d.update(id=s.add(f"rcv-zq-{tag}", level), number=f"国发〔2026〕{40 + n}号",
                 title=word("rcvtitle"), summary=word("rcvsummary"))
        d["handling"]["steps"][1]["note"] = word("rcvnote")

    clone("received/2026/rcv-a.yaml", f"received/2026/rcv-zq-{tag}.yaml", rcv)

    def req(d: Any) -> None:
        d.update(id=s.add(f"req-zq-{tag}", level), title=word("reqtitle"))
        d["review"]["opinion"] = word("reqopinion")

    clone("requests/2026/req-a.yaml", f"requests/2026/req-zq-{tag}.yaml", req)

    def mtg(d: Any) -> None:
        d.update(id=s.add(f"mtg-zq-{tag}", level), session=20 + n,
                 location=word("mtglocation"))
        d["agenda"][0]["title"] = word("mtgagenda")
        for k, dec in enumerate(d["agenda"][0]["decisions"]):
            dec.update(id=s.add(f"dec-zq-{tag}-{k}", level), text=word(f"mtgdecision{k}"))

    clone("meetings/2026/mtg-a.yaml", f"meetings/2026/mtg-zq-{tag}.yaml", mtg)

    def act(d: Any) -> None:
        d.update(id=s.add(f"act-zq-{tag}", level), title=word("acttitle"),
                 summary=word("actsummary"), units=[f"zq-unit-{tag}"])

    clone("activities/2026/act-a.yaml", f"activities/2026/act-zq-{tag}.yaml", act)

    def sup(d: Any) -> None:
        d.update(id=s.add(f"sup-zq-{tag}", level), title=word("suptitle"),
                 lead=f"zq-unit-{tag}", state="open", deadline="2026-12-20",
                 number=f"督〔2026〕{40 + n}号")  # a 督办编号 of its own
        d.pop("completed")
        d.pop("verified_by")
        d["updates"] = [{"date": "2026-06-01", "percent": 50, "note": word("supnote")}]
        # issue 16: reopened, its closure is only requested; its texts must not leak either
        d["closure"] = {"requested": "2026-06-02", "opinion": word("supclosure")}
        d["reminders"] = [{"date": "2026-06-10", "note": word("supreminder")}]

    clone("supervision/2026/sup-a.yaml", f"supervision/2026/sup-zq-{tag}.yaml", sup)

    def brf(d: Any) -> None:
        d.update(id=s.add(f"brf-zq-{tag}", level), title=word("brftitle"),
                 summary=word("brfsummary"))
        d["instructions"][0]["text"] = word("brfinstruction")

    clone("briefings/2026/brf-a.yaml", f"briefings/2026/brf-zq-{tag}.yaml", brf)

    def lia(d: Any) -> None:
        d.update(id=s.add(f"lia-zq-{tag}", level), number=f"08{n}",
                 title=word("liatitle"), proposers=[word("liaproposer")],
                 reply={"date": "2026-10-01", "category": "A",
                        "summary": word("liareply"), "disclosure": "full"})

    clone("liaison/2026/lia-c.yaml", f"liaison/2026/lia-zq-{tag}.yaml", lia)

    def apr(d: Any) -> None:
        d.update(year=2023 + n, summary=word("aprsummary"))
        d["indicators"][0]["name"] = word("aprindicator")
        d["adjustments"][0]["reason"] = word("apradjustment", shown=False)  # pages show no reason

    clone("appraisal/2026.yaml", f"appraisal/{2023 + n}.yaml", apr)

    def hot(d: Any) -> None:
        d.update(month=f"2026-0{6 + n}", top_topics=[word("hottopic")])

    clone("hotline/2026-09.yaml", f"hotline/2026-0{6 + n}.yaml", hot)

    # issue 16: duty office: an incident (its reports and instructions) and a month's roster
    def inc(d: Any) -> None:
        d.update(id=s.add(f"inc-zq-{tag}", level), title=word("inctitle"),
                 location=word("inclocation"), units=[f"zq-unit-{tag}"])
        d["reports"][0]["summary"] = word("increport")
        d["instructions"][0]["text"] = word("incinstruction")

    clone("incidents/2026/inc-a.yaml", f"incidents/2026/inc-zq-{tag}.yaml", inc)

    def duty(d: Any) -> None:
        month = f"2026-0{6 + n}"
        d.update(month=month, days={f"{month}-15": {"leader": f"zq-off-{tag}",
                                                     "officers": [word("dutyofficer")]}})

    clone("duty/2026-11.yaml", f"duty/2026-0{6 + n}.yaml", duty)


def make_history(repo: Path, s: Sentinels) -> None:
    """Commits whose messages must be withheld below a level: they touched a public record
    and a hidden one that was added, renamed, deleted, declassified, or a hidden registry
    entry."""
    records = repo / "records"
    public = records / "documents/2026/doc-c.yaml"
    day = iter(range(2, 28))

    def commit(message: str) -> None:
        _edit(public, lambda d: d.update(summary=f"{d['summary']} +"))
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", message, date=f"2026-11-{next(day):02d}T10:00:00")

    for n, level in enumerate(HIDDEN):
        tag = level[:4]
        gone = records / f"documents/2026/doc-gone-{tag}.yaml"
        _dump(gone, {**_load(records / f"documents/2026/doc-zq-{tag}.yaml"),
                     "id": f"doc-gone-{tag}", "number": f"京政办发〔2026〕{60 + n}号",
                     "title": s.add(f"zqgonetitle{tag}", level, shown=False)})
        commit(f"Add {s.add(f'zqmsgadd{tag}', level)}")
        moved = gone.with_name(f"doc-moved-{tag}.yaml")
        git(repo, "mv", str(gone), str(moved))
        commit(f"Rename {s.add(f'zqmsgrename{tag}', level)}")
        moved.unlink()
        commit(f"Delete {s.add(f'zqmsgdelete{tag}', level)}")
        units = records / "registry/units.yaml"
        _edit(units, lambda us, tag=tag: next(
            u for u in us if u["id"] == f"zq-unit-{tag}").update(status="active"))
        commit(f"Registry {s.add(f'zqmsgregistry{tag}', level)}")
        # declassified later: the message of a change made while it was hidden stays hidden
        later = records / f"documents/2026/doc-later-{tag}.yaml"
        _dump(later, {**_load(records / f"documents/2026/doc-zq-{tag}.yaml"),
                      "id": f"doc-later-{tag}", "number": f"京政办发〔2026〕{70 + n}号",
                      "title": "Declassified later", "summary": "Now public.", "body": "Body.",
                      "attachments": [], "topics": [], "issuers": ["go"]})
        commit("Add a record")
        _edit(later, lambda d: d.update(summary="Now public, reworded."))
        commit(f"Reword {s.add(f'zqmsgdeclass{tag}', level)}")
        _edit(later, lambda d: d.update(classification="public"))
        commit("Publish a record")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sentinels]:
    repo = tmp_path_factory.mktemp("leak") / "repo"
    records = repo / "records"
    shutil.copytree(VALID, records)
    s = Sentinels()
    plant_in_fixture(records, s)
    plant_registry(records, s)
    plant_public_references(records)
    plant_hidden_records(records, s)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Import the archive", date="2026-11-01T10:00:00")
    make_history(repo, s)
    return records, s


def test_every_kind_of_hidden_thing_carries_a_sentinel(archive: tuple[Path, Sentinels]
                                                       ) -> None:
    _records, s = archive
    assert {"internal", "restricted"} == set(s.level.values())
    for prefix in ("zq-unit-", "zq-off-", "zq-topic-", "zq-child-", "zqmsgadd", "zqmsgrename",
                   "zqmsgdelete", "zqmsgregistry", "zqmsgdeclass", "doc-zq-", "rcv-zq-",
                   "req-zq-", "mtg-zq-", "act-zq-", "sup-zq-", "brf-zq-", "lia-zq-",
                   "zqaprsummary", "zqhottopic",
                   "inc-zq-", "zqdutyofficer"):  # issue 16: duty office
        assert {lvl for w, lvl in s.level.items() if w.startswith(prefix)} == set(HIDDEN)


def _unfold(data: bytes) -> bytes:
    """iCalendar folds lines longer than 75 octets: a word may be cut by CRLF + space."""
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")


def all_bytes(folder: Path, inflated: list[bytes] | None = None) -> bytes:
    """Every file's bytes, and gzip'd ones (Pagefind's index and fragments) inflated."""
    parts = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        data = p.read_bytes()
        parts.append(_unfold(data))
        if data[:2] == b"\x1f\x8b":
            plain = gzip.decompress(data)
            parts.append(plain)
            if inflated is not None:
                inflated.append(plain)
    return b"\n".join(parts).lower()


@pytest.mark.parametrize("audience", ["public", "internal", "restricted"])
def test_no_sentinel_above_the_audience_in_any_file(audience: str, tmp_path: Path,
                                                    archive: tuple[Path, Sentinels]) -> None:
    records, s = archive
    blobs = []
    inflated: list[bytes] = []
    for locale in ("en", "zh"):
        site = build_site(ROOT / "mkdocs.yml", tmp_path / f"site-{locale}",
                          records=str(records), as_of=AS_OF, audience=audience, locale=locale)
        blobs.append(all_bytes(site, inflated))
    export = tmp_path / "export"
    export_markdown(ROOT / "mkdocs.yml", export, records=str(records), as_of=AS_OF,
                    audience=audience)
    blobs.append(all_bytes(export))
    blob = b"\n".join(blobs)
    leaked = sorted(w for w, lvl in s.level.items()
                    if LEVELS[lvl] > LEVELS[audience] and w.encode() in blob)
    assert leaked == []
    # the search sees what it seeks: what this audience may see is found, search files too
    missing = sorted(w for w in s.shown
                     if LEVELS[s.level[w]] <= LEVELS[audience] and w.encode() not in blob)
    assert missing == []
    assert inflated and b"public circular naming hidden things" in b"".join(inflated).lower()
    if audience == "restricted":
        assert b"zqdoctitlerest" in b"".join(inflated).lower()


def test_withheld_reply_shows_no_text_to_the_public(tmp_path: Path,
                                                    archive: tuple[Path, Sentinels]) -> None:
    records, _ = archive
    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", records=str(records),
                      as_of=AS_OF, audience="public", locale="en")  # the English notice
    page = (site / "liaison/2026/lia-b/index.html").read_text(encoding="utf-8")
    assert "Kept for reference." not in page and "The reply is not disclosed." in page


def test_a_republish_after_hiding_names_nothing_hidden(tmp_path: Path,
                                                       archive: tuple[Path, Sentinels]) -> None:
    """A unit, a document and a topic become internal, and the public site is built again
    over the last build: no page, feed, data file or search file kept from it names them."""
    records, _ = archive
    repo = tmp_path / "repo"
    shutil.copytree(records.parent, repo, ignore=shutil.ignore_patterns(".cache"))
    topics = repo / "records/registry/topics.yaml"

    def traffic(change: Callable[[Any], None]) -> None:  # a public topic's child
        _edit(topics, lambda ts: change(next(c for t in ts for c in t.get("children", [])
                                             if c["id"] == "traffic")))

    traffic(lambda c: c.update(name="zqtopicshown", name_zh="zqtopicshownzh"))
    git(repo, "commit", "-qam", "Rename a topic")
    site = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", site, records=str(repo / "records"), as_of=AS_OF,
               audience="public")
    before = all_bytes(site)
    title = _load(repo / "records/documents/2026/doc-c.yaml")["title"].lower().encode()
    gone = [b"east district", "东区".encode(), b"/east/", b"calendar-east.", title, b"/doc-c/",
            b"zqtopicshown"]
    assert [w for w in gone if w not in before] == []
    _edit(repo / "records/registry/units.yaml",
          lambda us: next(u for u in us if u["id"] == "east").update(classification="internal"))
    _edit(repo / "records/documents/2026/doc-c.yaml",
          lambda d: d.update(classification="internal"))
    traffic(lambda c: c.update(classification="internal"))
    git(repo, "commit", "-qam", "Hide east, doc-c and a topic zqlatemessage")
    build_site(ROOT / "mkdocs.yml", site, records=str(repo / "records"), as_of=AS_OF,
               audience="public")
    after = all_bytes(site)
    assert [w for w in [*gone, b"zqlatemessage"] if w in after] == []
