"""The sample archive reads as the office would write it (issue 14, point 4): fictional
persons, acts within the officials' terms, plausible dates, seasons, addressees and volumes,
and YAML written as the record reference says."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from generators.catalog import build_catalog
from generators.models import (
    Activity,
    Appraisal,
    Briefing,
    Document,
    Hotline,
    Liaison,
    Meeting,
    Official,
    Received,
    Record,
    Request,
    Supervision,
)
from generators.validate import validate

from .conftest import ROOT, SAMPLE, SAMPLE_AS_OF

CJK = re.compile(r"[\u4e00-\u9fff]")
SEASONS = {  # words a title may carry only in these months
    "供暖": {9, 10, 11, 12, 1, 2, 3}, "供热": {9, 10, 11, 12, 1, 2, 3},
    "采暖": {9, 10, 11, 12, 1, 2, 3},
    "寒潮": {10, 11, 12, 1, 2, 3}, "强降雨": {5, 6, 7, 8, 9}, "暴雨": {5, 6, 7, 8, 9},
    "汛": {4, 5, 6, 7, 8, 9}, "沙尘": {3, 4, 5}, "植树": {3, 4, 10, 11},
}


def real_officials() -> list[tuple[str, str]]:
    rows = []
    for line in (ROOT / "tests/real_officials.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            zh, en = line.split(" ", 1)
            rows.append((zh, en.strip()))
    return rows


@pytest.fixture(scope="module")
def records() -> list[Record]:
    recs, report = validate(SAMPLE, "records", SAMPLE_AS_OF)
    assert report.problems == []
    return recs


def of(records: list[Record], model: type[Record]) -> list[Record]:
    return [r for r in records if isinstance(r, model)]


def test_no_real_officials_name_in_the_sample_or_its_generator() -> None:
    names = real_officials()
    assert len(names) >= 50  # the list is real, not a placeholder the test passes against
    files = [*sorted(SAMPLE.rglob("*.yaml")), ROOT / "scripts/make_sample.py",
             ROOT / "scripts/sample_rest.py"]
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for zh, en in names:
            if zh in text or re.search(rf"\b{re.escape(en)}\b", text):
                found.append(f"{path.relative_to(ROOT)}: {zh} {en}")
    assert found == []


def acts(records: list[Record]) -> Iterator[tuple[str, dt.date, str]]:
    """(official, date, what) for every act the archive records an official doing."""
    for d in of(records, Document):
        assert isinstance(d, Document)
        if d.signatory:
            yield d.signatory, d.written, f"signs {d.id}"
    for m in of(records, Meeting):
        assert isinstance(m, Meeting)
        for o in [m.chair, *m.attendees]:
            yield o, m.date, f"sits in {m.id}"
    for r in of(records, Request):
        assert isinstance(r, Request)
        if r.decision:
            yield r.decision.by, r.decision.date, f"decides {r.id}"
        if r.review:
            yield r.review.by, r.review.date, f"reviews {r.id}"
    for b in of(records, Briefing):
        assert isinstance(b, Briefing)
        for ins in b.instructions:
            yield ins.by, ins.date, f"instructs on {b.id}"
    for s in of(records, Supervision):
        assert isinstance(s, Supervision)
        if s.verified_by and s.completed:
            yield s.verified_by, s.completed, f"verifies {s.id}"
    for a in of(records, Activity):
        assert isinstance(a, Activity)
        for o in a.officials:
            yield o, a.date, f"leads {a.id}"


def test_every_official_acts_within_the_term(records: list[Record]) -> None:
    terms = {o.id: (o.from_, o.to or dt.date.max) for o in of(records, Official)
             if isinstance(o, Official)}
    seen = [(o, day, what) for o, day, what in acts(records) if o in terms]
    assert len(seen) > 100
    outside = [f"{o} {what} on {day}" for o, day, what in seen
               if not terms[o][0] <= day <= terms[o][1]]
    assert outside == []


def test_nothing_is_received_reported_or_answered_after_the_reference_date(
        records: list[Record]) -> None:
    late = []
    for r in records:
        if isinstance(r, Liaison | Received | Request | Briefing) and r.main_date > SAMPLE_AS_OF:
            late.append(r.id)
        if isinstance(r, Liaison) and r.reply and r.reply.date > SAMPLE_AS_OF:
            late.append(r.id)
    assert late == []


def dated_titles(records: list[Record]) -> Iterator[tuple[str, dt.date, str]]:
    """Titles of what happens on a day (a deputy may propose flood warnings in winter)."""
    for r in records:
        title = getattr(r, "title", None)
        if isinstance(r, Liaison):
            title = None
        if isinstance(title, str) and r.main_date:
            yield r.id, r.main_date, title
        if isinstance(r, Meeting):
            for item in r.agenda:
                yield r.id, r.date, item.title
        if isinstance(r, Hotline):
            for topic in r.top_topics:
                yield r.id, r.main_date, topic


def test_titles_are_chinese_and_in_season(records: list[Record]) -> None:
    titles = list(dated_titles(records))
    assert len(titles) > 200
    assert [t for _id, _day, t in titles if not CJK.search(t)] == []
    assert [t for _id, _day, t in titles if re.search(r"\(\d+\)|（\d+）", t)] == []
    wrong = [f"{rid} {day}: {t}" for rid, day, t in titles for word, months in SEASONS.items()
             if word in t and day.month not in months]
    assert wrong == []


def test_a_reply_answers_its_requester(records: list[Record]) -> None:
    requests = {r.id: r for r in of(records, Request) if isinstance(r, Request)}
    docs = {d.id: d for d in of(records, Document) if isinstance(d, Document)}
    replies = [d for d in docs.values() if d.type == "reply"]
    assert replies
    for d in replies:
        answered = [r.target for r in d.relations if r.type == "responds-to"]
        assert len(answered) == 1, d.id
        assert d.recipients == [requests[answered[0]].from_], d.id
    for r in requests.values():
        if r.decision and r.decision.reply_document:
            reply = docs[r.decision.reply_document]
            assert {"type": "responds-to", "target": r.id} in \
                [rel.model_dump() for rel in reply.relations]
            assert reply.recipients == [r.from_], r.id


def test_types_and_lead_units_are_the_offices(records: list[Record]) -> None:
    docs = [d for d in of(records, Document) if isinstance(d, Document)]
    # a government order is numbered as one (北京市人民政府令第N号), never 京政发〔…〕
    orders = [d for d in docs if d.type == "order"]
    assert orders and all(d.is_order for d in orders)
    appraisals = [a for a in of(records, Appraisal) if isinstance(a, Appraisal)]
    last = max(a.year for a in appraisals)
    circulars = [d for d in docs if f"{last}年度绩效考评" in d.title]
    assert circulars and all(d.type == "circular" for d in circulars)
    leads = []  # who leads the minimum wage: the human resources bureau, never finance
    for m in of(records, Meeting):
        assert isinstance(m, Meeting)
        leads += [(a.presenter, a.title) for a in m.agenda if "最低工资" in a.title]
        leads += [(d.lead, d.text) for d in m.decisions if "最低工资" in d.text]
    leads += [(s.lead, s.title) for s in of(records, Supervision)
              if isinstance(s, Supervision) and "最低工资" in s.title]
    assert leads and {lead for lead, _ in leads} == {"hrss"}


def test_volumes_and_progress_are_believable(records: list[Record]) -> None:
    for h in of(records, Hotline):
        assert isinstance(h, Hotline)
        for unit, f in h.districts.items():
            assert 10_000 <= f.calls <= 400_000, (h.month, unit)
            assert f.response_rate >= 95 and 85 <= f.resolution_rate <= 99.5, (h.month, unit)
            assert 85 <= f.satisfaction_rate <= 99.5, (h.month, unit)
    cat = build_catalog(records, SAMPLE_AS_OF, "internal")
    figures = [cat.supervision[s.id] for s in cat.of(Supervision)]
    statuses = {f.status for f in figures}
    assert {"completed", "completed-late", "suspended", "overdue", "at-risk", "on-track",
            "not-started"} <= statuses
    overdue = [s.latest.percent for s in cat.of(Supervision)
               if cat.supervision[s.id].status == "overdue" and s.latest]
    at_risk = [s.deadline for s in cat.of(Supervision)
               if cat.supervision[s.id].status == "at-risk"]
    # the home page's figures are not all one number
    assert len(set(overdue)) >= 3 and len(set(at_risk)) >= 3


YAML_ALIAS = re.compile(r"(:|^\s*-)\s+[&*][A-Za-z0-9_]+", re.MULTILINE)
UNQUOTED = re.compile(r"^\s*(number|month|start|end): [0-9]", re.MULTILINE)


def test_yaml_is_written_as_the_reference_says() -> None:
    """No anchors or aliases; numbers, months and times that look like numbers quoted."""
    files = sorted(SAMPLE.rglob("*.yaml"))
    assert len(files) > 200
    wrong = [path.name for path in files
             if YAML_ALIAS.search(text := path.read_text(encoding="utf-8"))
             or UNQUOTED.search(text)]
    assert wrong == []


def test_composed_names_skip_the_real_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generator never composes a listed name, in Chinese or in pinyin."""
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import make_sample

    first = make_sample.compose_names(4, "test")
    monkeypatch.setattr(make_sample, "real_names", lambda: {first[0][0], first[1][1]})
    again = make_sample.compose_names(2, "test")
    assert again == first[2:4]
