"""Property: after any sequence of edits, a republish leaves the site a full build makes.

Hypothesis draws sequences of edits - none, a title, a unit renamed, a lead unit moved,
a record added, deleted, moved to another year, its classification raised or lowered, an
official's term, --as-of, mkdocs.yml (an !ENV value too), a hand-written page, a template
in theme.custom_dir - on a copy of the sample archive and on a small demo archive.  Each
edit is followed by a republish into one site; the site is compared, file by file (the
search bundles and the state marker included), with a --full build of the same inputs at
the end of the sequence, or after every edit with PROPTEST_EVERY_STEP=1.  An edit that
makes the records invalid must fail the build and leave the site as it was; it is then
undone.  Half the sequences republish as `portal serve` does (serve.Preview, with what
its last build worked out kept in memory: warm.py), the others as `portal build`.

In `make test` a fixed seed and a few sequences run; `make proptest` runs hundreds
(PROPTEST_EXAMPLES).  Builds are the cost: every sequence starts from one copy of a
site built once, and full builds are kept by a hash of their inputs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generators.build import BuildError, build_site
from generators.processes import settle_removals
from generators.serve import Preview
from generators.warm import Warm

from .conftest import AS_OF, ROOT, SAMPLE, SAMPLE_AS_OF

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("PROPTEST_EXAMPLES", "2"))
EVERY_STEP = os.environ.get("PROPTEST_EVERY_STEP") == "1"
LOG = os.environ.get("PROPTEST_LOG")
"""A file to which each sequence that passed adds a line (`make proptest`): a long run
stopped part-way still says how many sequences, edits and comparisons passed."""
OPTIONS = {"search_shards": 2, "background_from": 10**9}
COPYRIGHT = "PORTAL_TEST_COPYRIGHT"
START_ENV = "General Office (test)"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Work:
    """A project: mkdocs.yml with a custom_dir and an !ENV value shown on every page,
    hand-written pages, records, the site and the build state beside them."""

    root: Path
    start: dt.date = AS_OF
    as_of: dt.date = AS_OF
    env: str = START_ENV
    fulls: dict[str, dict[str, bytes]] = field(default_factory=dict)
    warm: Warm = field(default_factory=Warm)
    """The preview's memory (warm.py), kept across the sequences that republish as
    `portal serve` does: what one sequence left in it must not leak into the next."""

    @property
    def records(self) -> Path:
        return self.root / "records"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def build(self, site: Path, full: bool = False, warm: Warm | None = None) -> None:
        """A build, or with warm a republish as `portal serve` makes it (serve.Preview:
        validated here, what the last build of the process worked out kept in warm)."""
        old = os.environ.get(COPYRIGHT)
        os.environ[COPYRIGHT] = self.env
        try:
            if warm is not None:
                preview = Preview(self.root / "mkdocs.yml", self.records, "records",
                                  self.as_of, warm=warm, site=site, options=dict(OPTIONS))
                if preview.build() is not None:  # the problems page
                    raise BuildError("the preview shows its problems page")
                warm.settle()  # as serve.Builder does once the build is shown
            else:
                build_site(self.root / "mkdocs.yml", site, records=str(self.records),
                           as_of=self.as_of, options=dict(OPTIONS), full=full)
        finally:
            if old is None:
                os.environ.pop(COPYRIGHT, None)
            else:
                os.environ[COPYRIGHT] = old

    def inputs(self) -> str:
        h = hashlib.sha256(f"{self.as_of} {self.env}".encode())
        for part in ("records", "site_src", "overrides"):
            for path in sorted((self.root / part).rglob("*")):
                if path.is_file():
                    h.update(path.relative_to(self.root).as_posix().encode())
                    h.update(path.read_bytes())
        h.update((self.root / "mkdocs.yml").read_bytes())
        return h.hexdigest()

    def full_build(self) -> dict[str, bytes]:
        key = self.inputs()
        if key not in self.fulls:
            target = self.root.parent / f"{self.root.name}-full"
            shutil.rmtree(target, ignore_errors=True)
            self.build(target, full=True)
            self.fulls[key] = snapshot(target)
            shutil.rmtree(target)
        return self.fulls[key]


_BESIDE = shutil.ignore_patterns(".site.*")
"""What a build leaves beside the site (a spare, folders a detached process removes)."""


def make_project(root: Path, records: Path, as_of: dt.date) -> Work:
    root.mkdir(parents=True)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    text = re.sub(r"(?m)^copyright: .*$",
                  f'copyright: !ENV [{COPYRIGHT}, "General Office"]', text)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "site_src", root / "site_src")
    (root / "overrides").mkdir()
    (root / "overrides/main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    shutil.copytree(records, root / "records")
    work = Work(root, as_of, as_of)
    work.build(work.site, full=True)
    # every sequence starts from a copy of this at the same path: the state names the site
    # by its path
    shutil.copytree(root, root.parent / "pristine", symlinks=True, ignore=_BESIDE)
    return work


# -- edits: each picks its target with k and says whether it changed anything ----------

def _yaml(work: Work, *folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (work.records / f).rglob("*.yaml"))


def _sub(path: Path, pattern: str, repl: Callable[[re.Match[str]], str], k: int) -> bool:
    """Replace the (k mod n)-th match of pattern (multiline) in path."""
    text = path.read_text(encoding="utf-8")
    found = list(re.finditer(pattern, text, re.M))
    if not found:
        return False
    m = found[k % len(found)]
    path.write_text(text[:m.start()] + repl(m) + text[m.end():], encoding="utf-8")
    return True


def _pick(files: list[Path], k: int) -> Path | None:
    return files[k % len(files)] if files else None


RECORDS = ("documents", "received", "requests", "meetings", "activities", "supervision",
           "briefings", "liaison")


def edit_nothing(work: Work, k: int) -> bool:
    return True


def edit_title(work: Work, k: int) -> bool:
    path = _pick([p for p in _yaml(work, *RECORDS)
                  if re.search(r"(?m)^title: \S", p.read_text("utf-8"))], k)
    return path is not None and _sub(path, r"^title: ", lambda m: f"title: Edited{k} ", 0)


def edit_unit_name(work: Work, k: int) -> bool:
    return _sub(work.records / "registry/units.yaml", r"^(  name: .*)$",
                lambda m: f"{m.group(1)} R{k}", k)


def edit_lead(work: Work, k: int) -> bool:
    files = _yaml(work, "supervision")
    leads = sorted({m for p in files for m in re.findall(r"(?m)^lead: (\S+)$",
                                                         p.read_text("utf-8"))})
    path = _pick(files, k)
    if path is None or len(leads) < 2:
        return False
    return _sub(path, r"^lead: (\S+)$", lambda m: "lead: " + next(
        u for u in leads[k % len(leads):] + leads if u != m.group(1)), 0)


def edit_add(work: Work, k: int) -> bool:
    path = _pick(_yaml(work, "activities", "briefings"), k)
    if path is None:
        return False
    new_id = f"{path.stem}-n{k}"
    text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}", f"id: {new_id}", 1)
    (path.parent / f"{new_id}.yaml").write_text(text.replace("title: ", "title: New ", 1),
                                                encoding="utf-8")
    return True


def edit_delete(work: Work, k: int) -> bool:
    path = _pick(_yaml(work, *RECORDS), k)
    if path is None:
        return False
    path.unlink()
    return True


def edit_year(work: Work, k: int) -> bool:
    path = _pick(_yaml(work, "activities", "briefings", "documents"), k)
    return path is not None and _sub(
        path, r"^(date|written): (\d{4})",
        lambda m: f"{m.group(1)}: {int(m.group(2)) - 1}", 0)


def edit_classification(work: Work, k: int) -> bool:
    path = _pick(_yaml(work, *RECORDS), k)
    levels = ["public", "internal", "restricted"]
    return path is not None and _sub(
        path, r"^classification: (\w+)$",
        lambda m: "classification: " + levels[(levels.index(m.group(1)) + 1 + k % 2) % 3], 0)


def edit_term(work: Work, k: int) -> bool:
    return _sub(work.records / "registry/officials.yaml", r"^(  from: )(\d{4})",
                lambda m: f"{m.group(1)}{int(m.group(2)) - 1 - k % 3}", k)


def edit_as_of(work: Work, k: int) -> bool:
    work.as_of += dt.timedelta(days=k % 41 - 20 or 1)
    return True


def edit_env(work: Work, k: int) -> bool:
    work.env = f"General Office ({k})"
    return True


def edit_config(work: Work, k: int) -> bool:
    return _sub(work.root / "mkdocs.yml", r"^(site_description: .*)$",
                lambda m: f"{m.group(1)} ({k})", 0)


def edit_page(work: Work, k: int) -> bool:
    path = _pick(sorted((work.root / "site_src").rglob("*.md")), k)
    if path is None:
        return False
    path.write_text(path.read_text(encoding="utf-8") + f"\n\nEdited ({k}).\n",
                    encoding="utf-8")
    return True


def edit_template(work: Work, k: int) -> bool:
    (work.root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n'
        f'{{% block extrahead %}}<meta name="probe" content="{k}">{{% endblock %}}\n',
        encoding="utf-8")
    return True


# issue 17: an attachment's bytes, and a document with attachments hidden or shown
def edit_attachment(work: Work, k: int) -> bool:
    files = sorted(p for p in (work.records / "attachments").rglob("*") if p.is_file())
    path = _pick(files, k)
    if path is None:
        return False
    path.write_bytes(path.read_bytes() + b"\n" * (1 + k % 3000))  # another size, in KB too
    return True


def edit_attachment_owner(work: Work, k: int) -> bool:
    owners = [p for p in _yaml(work, "documents")
              if "file: " in p.read_text(encoding="utf-8")]
    path = _pick(owners, k)
    levels = ["public", "internal", "restricted"]
    return path is not None and _sub(
        path, r"^classification: (\w+)$",
        lambda m: "classification: " + levels[(levels.index(m.group(1)) + 1 + k % 2) % 3], 0)


EDITS: dict[str, Callable[[Work, int], bool]] = {
    "nothing": edit_nothing, "title": edit_title, "unit": edit_unit_name,
    "lead": edit_lead, "add": edit_add, "delete": edit_delete, "year": edit_year,
    "classification": edit_classification, "term": edit_term, "as_of": edit_as_of,
    "env": edit_env, "config": edit_config, "page": edit_page, "template": edit_template,
    "attachment": edit_attachment, "attachment_owner": edit_attachment_owner,  # issue 17
}

steps = st.lists(st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 10_000)),
                 min_size=1, max_size=4)


@dataclass
class Checkpoint:
    files: Path
    as_of: dt.date
    env: str


def _save(work: Work, to: Path) -> Checkpoint:
    shutil.rmtree(to, ignore_errors=True)
    for part in ("records", "site_src", "overrides"):
        shutil.copytree(work.root / part, to / part)
    shutil.copy(work.root / "mkdocs.yml", to / "mkdocs.yml")
    return Checkpoint(to, work.as_of, work.env)


def _restore(work: Work, saved: Checkpoint) -> None:
    for part in ("records", "site_src", "overrides"):
        shutil.rmtree(work.root / part)
        shutil.copytree(saved.files / part, work.root / part)
    shutil.copy(saved.files / "mkdocs.yml", work.root / "mkdocs.yml")
    work.as_of, work.env = saved.as_of, saved.env


def run_sequence(work: Work, edits: list[tuple[str, int]], serve: bool = False) -> None:
    """From the built project: each edit, a republish (as `portal serve` makes it, with
    serve); the full build's bytes at the end (or after each edit)."""
    # the last build's old site folders may still be going, in a detached `rm -rf`
    # (processes.remove_later): removed twice at once, a file vanishes under rmtree
    settle_removals()
    shutil.rmtree(work.root)
    shutil.copytree(work.root.parent / "pristine", work.root, symlinks=True)
    work.as_of, work.env = work.start, START_ENV
    applied, refused, compared = 0, 0, 0
    for name, k in edits:
        saved = _save(work, work.root.parent / "saved")
        if not EDITS[name](work, k):
            continue
        before = snapshot(work.site)
        try:
            work.build(work.site, warm=work.warm if serve else None)
        except BuildError:  # the edit broke the records: nothing changed; undo it
            assert snapshot(work.site) == before, f"a failed build changed the site ({name})"
            _restore(work, saved)
            refused += 1
            continue
        applied += 1
        if EVERY_STEP:
            _compare(work, name)
            compared += 1
    _compare(work, " ".join(name for name, _ in edits))
    if LOG:
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{work.root.parent.name}{' serve' if serve else ''}\t"
                      f"{' '.join(f'{n}:{k}' for n, k in edits)}"
                      f"\tapplied {applied}\trefused {refused}\tidentical {compared + 1}\n")


def _compare(work: Work, what: str) -> None:
    got, want = snapshot(work.site), work.full_build()
    assert sorted(got) == sorted(want), (what, sorted(set(got) ^ set(want))[:10])
    differ = [k for k in want if got[k] != want[k]]
    assert differ == [], (what, differ[:10])


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Work]]:
    from generators.demo import generate

    base = tmp_path_factory.mktemp("props")
    demo = base / "demo-records"
    generate(50, 2, demo, AS_OF)
    yield {"sample": make_project(base / "sample" / "project", SAMPLE, SAMPLE_AS_OF),
           "demo": make_project(base / "demo" / "project", demo, AS_OF)}


_settings = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.function_scoped_fixture])


@_settings
@given(edits=steps, serve=st.booleans())
@example(edits=[("nothing", 0)], serve=False)
@example(edits=[("unit", 3), ("lead", 1), ("title", 2)], serve=True)
@example(edits=[("attachment", 2), ("attachment_owner", 1), ("attachment_owner", 0)],
         serve=False)
def test_a_republish_of_the_sample_equals_a_full_build(projects: dict[str, Work],
                                                       edits: list[tuple[str, int]],
                                                       serve: bool) -> None:
    run_sequence(projects["sample"], edits, serve)


@_settings
@given(edits=steps, serve=st.booleans())
@example(edits=[("classification", 1), ("term", 0), ("as_of", 7), ("template", 1)],
         serve=True)
@example(edits=[("add", 2), ("delete", 5), ("year", 1), ("env", 3), ("page", 0),
                ("config", 1)], serve=False)
def test_a_republish_of_a_demo_archive_equals_a_full_build(projects: dict[str, Work],
                                                           edits: list[tuple[str, int]],
                                                           serve: bool) -> None:
    run_sequence(projects["demo"], edits, serve)
