"""`portal new`: record skeletons with the next free id (and document number)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from .load import Unreadable, read_record
from .models import FOLDERS
from .numbers import parse_number
from .walk import entries, kind_of


class ScaffoldError(Exception):
    pass


SCAFFOLDS: dict[str, str] = {
    "document": """\
id: {id}
number: {number}
type: notice  # resolution, decision, order, communique, announcement, public-notice, opinion,
              # notice, circular, report, request, reply, motion, letter, minutes
issuers: [{office}]
title: TODO title
recipients: [{district}]
written: {today}
urgency: normal
classification: internal  # public, internal, restricted
summary: TODO one paragraph
""",
    "received": """\
id: {id}
number: 国办发〔{year}〕1号  # as issued
issuer: {council}
title: TODO title
received: {today}
type: notice
handling:
  lead: {office}
  steps:
    - {{date: {today}, action: registered}}
classification: internal
""",
    "request": """\
id: {id}
from: {district}
kind: request-for-instructions  # or for-discussion
title: TODO title
submitted: {today}
classification: internal
""",
    "meeting": """\
id: {id}
kind: executive  # plenary, executive, special-topic
session: 1
date: {today}
chair: TODO-official-id
agenda:
  - item: 1
    title: TODO agenda item
    presenter: {office}
    outcome: approved  # approved, approved-in-principle, deferred, noted, rejected
    decisions: []
classification: internal
""",
    "activity": """\
id: {id}
date: {today}
start: "09:30"
officials: [TODO-official-id]
title: TODO title
kind: inspection  # inspection, research, conference, reception, ceremony, other
classification: internal
""",
    "supervision": """\
id: {id}
title: TODO what must be done
source: {{kind: key-task}}  # meeting-decision, leader-instruction, ... need ref: <id>
lead: {office}
assigned: {today}
deadline: {today}
state: open
classification: internal
""",
    "briefing": """\
id: {id}
date: {today}
title: TODO title
category: other  # emergency, economy, livelihood, public-sentiment, other
source: {office}
summary: TODO summary
classification: internal
""",
    "liaison": """\
id: {id}
kind: npc-suggestion  # or cppcc-proposal
number: "0001"  # quoted: as issued
session: {year}
proposers: [TODO name]
title: TODO title
received: {today}
lead: {office}
classification: internal
""",
}


def _next_seq(folder: Path, pattern: re.Pattern[str]) -> int:
    # every .yaml name the validator would judge (walk.py: no recursion, no link followed)
    seqs = [int(m.group(1)) for _reldir, name, _path, _kind in entries(str(folder))
            if (m := pattern.match(os.path.splitext(name)[0]))]
    return max(seqs, default=0) + 1


def next_number(records: Path, prefix: str, year: int) -> str:
    """Next free sequence of a document number prefix in a year (reads every document)."""
    best = 0
    # what the validator reads (walk.py, load.read_record): no link out of the folder, no
    # FIFO, no oversized file
    for _reldir, _name, path, kind in entries(str(records / "documents")):
        if kind != "file":
            continue
        try:
            data = yaml.load(read_record(path, path).decode("utf-8"), Loader=yaml.CSafeLoader)
        except (Unreadable, UnicodeDecodeError, yaml.YAMLError):
            continue  # portal validate reports those files
        num = parse_number(str(data.get("number", ""))) if isinstance(data, dict) else None
        if num and num.prefix == prefix and num.year == year:
            best = max(best, num.seq)
    return f"{prefix}〔{year}〕{best + 1}号"


def _registry_defaults(records: Path) -> dict[str, str]:
    """Unit ids of this archive's registry for the skeleton's placeholders."""
    found = {"office": "TODO-unit-id", "council": "TODO-unit-id", "district": "TODO-unit-id"}
    try:
        units_file = records / "registry/units.yaml"
        if kind_of(str(units_file), str(records)) != "file":
            return found
        units = yaml.load(read_record(units_file, str(units_file)).decode("utf-8"),
                          Loader=yaml.CSafeLoader)
    except (Unreadable, UnicodeDecodeError, yaml.YAMLError):
        return found
    wanted = {"general-office": "office", "state-council": "council", "district": "district"}
    for unit in units if isinstance(units, list) else []:
        if isinstance(unit, dict) and wanted.get(str(unit.get("kind"))) in found:
            key = wanted[str(unit.get("kind"))]
            if found[key] == "TODO-unit-id":
                found[key] = str(unit.get("id"))
    return found


def new_record(records: Path, rtype: str, year: int, prefix: str | None = None) -> Path:
    model = next(m for m in FOLDERS.values() if m.rtype == rtype)
    folder = records / model.folder
    pattern = re.compile(rf"^{model.id_prefix}-{year}-(\d+)$")
    rid = f"{model.id_prefix}-{year}-{_next_seq(folder, pattern):03d}"
    if rtype == "document":
        if not prefix:
            raise ScaffoldError("a document needs --prefix, e.g. --prefix 京政办发")
        if not re.fullmatch(r"[\u4e00-\u9fff]{1,12}", prefix):
            raise ScaffoldError(f"prefix '{prefix}' is not an organ prefix like 京政办发")
        number = next_number(records, prefix, year)
    else:
        number = ""
    today = dt.date.today()
    day = today if today.year == year else dt.date(year, 1, 1)
    path = folder / str(year) / f"{rid}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as fh:  # never overwrite an editor's file
        fh.write(SCAFFOLDS[rtype].format(id=rid, number=number, year=year, today=day,
                                         **_registry_defaults(records)))
    return path
