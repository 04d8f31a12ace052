"""Problems are data: a stable code, a location and a message.

Every stage collects problems instead of raising, so that one run of
``portal validate`` lists everything an editor has to fix.  The catalogue
below is the single source of the error reference page and of the hints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    group: str
    severity: Severity
    title: str
    trigger: str
    fix: str


_CATALOGUE: tuple[Code, ...] = (
    # -- the file and its YAML
    Code("FILE_UNREADABLE", "YAML", "error", "File cannot be read",
         "The file exists but cannot be opened (permissions, a broken link).",
         "Check the file's permissions, or remove the broken link."),
    Code("FILE_LINK", "YAML", "error", "Link leaving the records folder",
         "A symbolic link in the records folder points outside it, or points at a folder. "
         "The validator never follows such a link: it would publish what is not in the "
         "archive.",
         "Put the file itself in the archive and remove the link (git stores a link as a "
         "link, not as the file it points at)."),
    Code("FILE_SPECIAL", "YAML", "error", "Not a regular file",
         "A FIFO (named pipe), socket or device lies in the records folder. It is never "
         "opened: reading a FIFO would wait forever.",
         "Remove it; records are plain text files."),
    Code("FILE_SIZE", "YAML", "error", "Record file too large",
         "A .yaml file is larger than the limit for one record file (1 MiB by default; "
         "the environment variable PORTAL_MAX_RECORD_BYTES sets another). It is not read.",
         "Split the record, or move long texts and tables into attachments; raise the "
         "limit only if such a file is intended."),
    Code("FILE_PLACE", "YAML", "warning", "File outside the records contract",
         "A .yaml file lies in a folder the contract does not know, or a record file "
         "is not inside a year folder.",
         "Move it to the folder of its record type (documents/<year>/, ...), or delete it."),
    Code("YAML_ENCODING", "YAML", "error", "File is not UTF-8",
         "The file's bytes are not valid UTF-8 (editors on Chinese Windows often save GBK).",
         "Re-save the file as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8)."),
    Code("YAML_EMPTY", "YAML", "error", "Empty file",
         "The file holds nothing but white space or comments, or an empty document "
         "('---', 'null' or '~' alone).",
         "Write the record, or delete the file."),
    Code("YAML_SYNTAX", "YAML", "error", "YAML syntax error",
         "The YAML parser cannot read the file (a missing colon, bad indentation, "
         "an unclosed quote).",
         "Fix the YAML at the position given; quote values that contain ': ' or start with "
         "'[', '{', '*', '&', '!', '%', '@' or '`'."),
    Code("YAML_CONTROL", "YAML", "error", "Control character in the file",
         "The file holds a NUL byte or another control character that YAML does not allow "
         "(a binary file saved as .yaml, or a bad copy and paste).",
         "Delete the character at the position given, or re-save the file as plain UTF-8 "
         "text."),
    Code("YAML_ALIAS", "YAML", "error", "Aliases expand too far",
         "YAML aliases (*name) repeat a value marked with &name; here they expand to more "
         "than 10,000 values, or an alias contains itself (a 'billion laughs' file).",
         "Write the values out; records need no aliases."),
    Code("YAML_DEPTH", "YAML", "error", "Nesting too deep",
         "Lists and mappings are nested more than 50 levels deep; no record type nests "
         "deeper than five.",
         "Flatten the structure as the record reference shows it."),
    Code("YAML_TAB", "YAML", "error", "Tab in indentation",
         "A line is indented with a tab; YAML allows spaces only.",
         "Replace the tab with spaces (two per level)."),
    Code("YAML_COLON", "YAML", "error", "Full-width colon after a key",
         "A key is followed by the full-width colon ： (typed with a Chinese input method) "
         "instead of ':'; YAML then reads the line as text and fails a line later.",
         "Use the ASCII colon `:` followed by a space, as in `title: 关于…`."),
    Code("YAML_DUPLICATE_KEY", "YAML", "error", "Duplicate key",
         "The same key appears twice in one mapping; YAML would silently keep the last.",
         "Remove one of the two, or merge them."),
    Code("YAML_TOP_LEVEL", "YAML", "error", "Wrong kind of top level",
         "A record file holds a list, or a registry file holds a single mapping.",
         "Write a record file as one mapping (key: value lines) and a registry file as a "
         "list of entries, each starting with '- id: ...'."),
    Code("YAML_UNQUOTED", "YAML", "error", "Unquoted value read as something else",
         "A YAML 1.1 surprise: 0123 is read as the octal number 83, 12:30 as the number 750, "
         "no/yes/on/off as booleans, 1.10 as the number 1.1, where the field wants text.",
         "Put the value in quotes, e.g. number: \"0123\", start: \"12:30\"."),
    # -- the schema
    Code("SCHEMA_UNKNOWN_FIELD", "Schema", "error", "Unknown field",
         "A field the record type does not have (often a misspelling).",
         "Use the field name from the record reference; the hint suggests the closest one."),
    Code("SCHEMA_MISSING_FIELD", "Schema", "error", "Missing required field",
         "A required field is absent or empty.",
         "Add the field; the record reference lists what each type requires."),
    Code("SCHEMA_TYPE", "Schema", "error", "Wrong type",
         "A value of the wrong kind: text where a list belongs, a number where text belongs, "
         "a list where one value belongs.",
         "Write the value as the record reference shows it."),
    Code("SCHEMA_ENUM", "Schema", "error", "Value not allowed",
         "A value outside the field's fixed list (e.g. a document type that is not one of the "
         "15 official types).",
         "Use one of the listed values, spelt exactly."),
    Code("SCHEMA_RANGE", "Schema", "error", "Number out of range",
         "A percent outside 0-100, a negative count, a session number below 1.",
         "Correct the number."),
    Code("SCHEMA_FORMAT", "Schema", "error", "Text in the wrong format",
         "A time that is not HH:MM, a hotline month that is not YYYY-MM, and alike.",
         "Write the value in the format the message gives."),
    Code("SCHEMA_DATE", "Schema", "error", "Impossible or malformed date",
         "A date that is not YYYY-MM-DD or does not exist (2026-02-30, 2025-02-29).",
         "Write a real date as YYYY-MM-DD."),
    Code("SCHEMA_WEIGHTS", "Schema", "error", "Weights do not sum to 100",
         "An appraisal year's indicator weights do not add up to 100.",
         "Adjust the weights so that they sum to exactly 100."),
    Code("SCHEMA_RULE", "Schema", "error", "Record breaks a rule of its type",
         "A rule that ties fields together: a completed supervision item without its "
         "completion date, a supervision source without its ref, grade thresholds out of order, "
         "a unit scored but in no group.",
         "Follow the message: it names both fields."),
    Code("TEXT_TODO", "Schema", "error", "Placeholder left by portal new",
         "A value still starts with TODO: portal new writes TODO where the editor must "
         "fill in a title, a summary, a name or an official's or unit's id.",
         "Write the real value in place of the TODO placeholder."),
    # -- identity
    Code("ID_FORMAT", "Identity", "error", "Malformed id",
         "An id that is not lowercase ASCII letters, digits and hyphens (1-64, starting with a "
         "letter or digit).",
         "Rename the id (and the file) to e.g. doc-2026-014."),
    Code("ID_FILENAME", "Identity", "error", "File name does not match id",
         "A record's file name is not <id>.yaml (or <year>.yaml, <YYYY-MM>.yaml).",
         "Rename the file, or correct the id."),
    Code("ID_YEAR_FOLDER", "Identity", "warning", "Record in another year's folder",
         "A record's date falls in a year other than its folder's.",
         "Move the file to the folder of its year."),
    Code("ID_DUPLICATE", "Identity", "error", "Duplicate id",
         "Two records (or a record and a meeting decision) share an id; ids are unique "
         "across the whole archive.",
         "Give one of them a new id (portal new TYPE prints the next free one)."),
    Code("NUMBER_DUPLICATE", "Identity", "error", "Duplicate number",
         "Two documents share a document number, or two liaison items of one kind and session "
         "share a number.",
         "Correct one of the numbers; portal new document --prefix gives the next free one."),
    Code("NUMBER_YEAR", "Identity", "error", "Number's year differs from written date",
         "The year in 〔〕 of a document number is not the year of its written date.",
         "Correct the year in the number or the written date."),
    Code("NUMBER_FORMAT", "Identity", "error", "Malformed document number",
         "A document number not of the form 京政发〔2026〕3号: ASCII or other brackets, "
         "a sequence with leading zeros, a missing 号.",
         "Write the number as the hint shows: organ prefix, year in 〔〕, sequence, 号."),
    # issue 17: documents
    Code("INDEX_DUPLICATE", "Identity", "error", "Duplicate index number",
         "Two documents share an index number (索引号), which names one document in the "
         "disclosure catalogue.",
         "Correct one of the index numbers."),
    Code("REF_ATTACHMENT", "References", "error", "Attachment file missing",
         "A document's attachment names a file (attachments[].file) that is not a regular "
         "file inside the records' attachments/ folder: not there, misspelt, a folder, or a "
         "link leading out of the folder.",
         "Put the file in attachments/ at the path given (relative to that folder, e.g. "
         "jzf-2026-3/tasks.pdf), or correct the path."),
    # -- references
    Code("REF_MISSING", "References", "error", "Reference to nothing",
         "A unit, official, topic, document, decision, supervision item, liaison item or other "
         "record that a record names does not exist (or exists as another type).",
         "Correct the id; the hint suggests the closest existing one."),
    Code("REF_REPEALED", "References", "error", "Repealed without a repealing document",
         "A normative document has status repealed but no document repeals it.",
         "Add relations: [{type: repeals, target: <this id>}] to the repealing document."),
    Code("REF_CYCLE", "References", "error", "Cycle in a supersedes or parent chain",
         "Documents supersede each other in a circle, or units are each other's parents "
         "(a unit above itself).",
         "Remove the supersedes relation or the parent that closes the circle."),
    Code("REF_SELF", "References", "error", "Record refers to itself",
         "A unit is its own parent or its own successor, or a document amends, repeals, "
         "supersedes or implements itself.",
         "Name the other record meant, or remove the reference."),
    Code("REF_CLASSIFICATION", "References", "warning", "Link to a less visible record",
         "A record links to a record of a higher classification; lower audiences will see "
         "'(not published)' in its place.",
         "Align the two classifications, or leave it so if the lower audiences need not "
         "follow the link."),
    Code("REPLY_ADDRESSEE", "References", "error", "Reply not addressed to its requester",
         "A reply (批复, type reply) responds to a request, but the unit that submitted the "
         "request is not among the reply's recipients.",
         "Add the requesting unit to the reply's recipients, or correct the responds-to "
         "target."),
    # -- dates
    Code("DATE_ORDER", "Dates", "error", "Dates in the wrong order",
         "A deadline before the assignment, a reply before receipt, a completion before "
         "assignment, an end before a start.",
         "Correct one of the two dates."),
    Code("DATE_FUTURE", "Dates", "error", "Date after the as-of date",
         "Something that has happened dated after the build's as-of date: a document or "
         "liaison item received, a request submitted, a briefing reported, a progress "
         "update, review, decision, instruction, reply, completion or handling step.",
         "Correct the date, or build with a later --as-of."),
    Code("DATE_TERM", "Dates", "error", "Official acting outside the term",
         "An official signs a document, chairs or attends a meeting, reviews or decides a "
         "request, instructs on a briefing, verifies a supervision item or takes part in "
         "an activity on a date before the term's from or after its to "
         "(registry/officials.yaml).",
         "Correct the date, name the official in office on that day, or correct the term "
         "in registry/officials.yaml."),
    Code("DATE_IMPLEMENTS", "Dates", "error", "Implementing document older than its source",
         "A document implements a document written, or a received document received, after "
         "its own written date: a document cannot implement what did not yet exist.",
         "Correct the written date of one of the two, or the implements target."),
    Code("DATE_OUTCOME", "Dates", "error", "Outcome of a meeting not yet held",
         "An agenda item of a meeting dated after the as-of date has an outcome other than "
         "planned: what a meeting decides is known only once it has met.",
         "Write outcome: planned until the meeting has been held, or correct its date."),
    Code("DATE_PLANNED", "Dates", "warning", "Planned item of a past meeting",
         "An agenda item of a meeting dated before the as-of date is still planned.",
         "Record what the meeting did with the item (approved, deferred, noted, ...)."),
    Code("DATE_RANGE", "Dates", "error", "Date outside the years the portal handles",
         "A date before 1949 or after 2100 (often a typo such as 9999 or 2206); the "
         "portal computes expiry and due dates, ages and calendars within these years.",
         "Correct the year."),
    Code("UNIT_CLOSED", "Dates", "warning", "Closed unit used after closing",
         "A record dated after a unit's closing date names that unit.",
         "Use the unit that replaced it (see the unit's replaced_by)."),
    # -- safety
    Code("SAFETY_CLASSIFICATION", "Safety", "error", "Classification not allowed",
         "A classification other than public, internal, restricted.  State secrets "
         "(secret/confidential/top-secret, 秘密/机密/绝密) must never enter this repository.",
         "Use public, internal or restricted; remove classified material from git entirely "
         "(including its history) and report it to the security officer."),
    Code("SAFETY_PATH", "Safety", "error", "Path escapes its folder",
         "An attachment path that is absolute or home-relative (/, ~), contains '..' (also "
         "percent-encoded), names a URL scheme or a drive (file:, C:) or holds a control "
         "character; or a record id that would write outside its folder.",
         "Use a path relative to the attachments folder, without '..'."),
    Code("TEXT_CONTROL", "Safety", "warning", "Invisible control character in text",
         "A text holds a control character or a Unicode direction override (U+202A-U+202E, "
         "U+2066-U+2069 and alike), which can make a title read differently from what it "
         "is. Ids and numbers refuse them outright (ID_FORMAT, NUMBER_FORMAT).",
         "Delete the character (messages show it as <U+XXXX>); retype the text if in doubt."),
)

CATALOGUE: dict[str, Code] = {c.code: c for c in _CATALOGUE}

# issue 17: documents -- the codes' texts in Chinese (title, trigger, fix)
CATALOGUE_ZH: dict[str, tuple[str, str, str]] = {
    "INDEX_DUPLICATE": (
        "索引号重复",
        "两份公文使用同一索引号；索引号在政府信息公开目录中只对应一份公文。",
        "更正其中一份公文的索引号。"),
    "REF_ATTACHMENT": (
        "附件文件不存在",
        "公文附件的文件路径（`attachments[].file`）在记录目录的`attachments/`文件夹中找不到"
        "对应的普通文件：文件缺失、路径拼写有误、指向文件夹，或为指向该文件夹以外的链接。",
        "将文件放在`attachments/`下所写的路径（相对于该文件夹，如`jzf-2026-3/tasks.pdf`），"
        "或更正路径。"),
}


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the records, pointing at a file, line and column (1-based)."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = field(default="", compare=False)

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def format(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}{hint}"

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "severity": self.severity}


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                       "\u202a-\u202e\u2066-\u2069]")
"""Characters a text should not hold: C0 and C1 controls (tab and line ends aside) and the
Unicode direction marks and overrides, which make text read other than it is."""
# and in messages also line ends and tabs, and the lone surrogates by which Python keeps a
# file name's bytes that are not UTF-8
_UNSHOWN = re.compile(f"{INVISIBLE.pattern[:-1]}\\t\\n\\r\\u2028\\u2029\\ud800-\\udfff]")


def visible(text: str) -> str:
    """text with every invisible character written as <U+XXXX>: a message quotes what an
    editor wrote, and must not be reordered by an override or broken by a line end."""
    return _UNSHOWN.sub(lambda m: f"<U+{ord(m[0]):04X}>", text)


def problem(path: str, line: int, col: int, code: str, message: str, hint: str = "") -> Problem:
    if code not in CATALOGUE:  # a typo in our own code must not invent a new public code
        raise KeyError(f"unknown problem code {code}")
    return Problem(visible(path), line, col, code, visible(message),
                   visible(hint or CATALOGUE[code].fix))


@dataclass(slots=True)
class Report:
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def text(self) -> str:
        lines = [p.format() for p in self.sorted()]
        e, w = len(self.errors), len(self.warnings)
        lines.append(f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}")
        return "\n".join(lines)

    def json(self) -> str:
        return json.dumps(
            {"problems": [p.as_dict() for p in self.sorted()],
             "errors": len(self.errors), "warnings": len(self.warnings)},
            ensure_ascii=False, indent=2)


def flatten(problems: Iterable[Problem], *fields: str) -> list[list[object]]:
    """[[path, line, code], ...] for one-line assertions in tests (after frictionless)."""
    fields = fields or ("path", "line", "code")
    return [[getattr(p, f) for f in fields] for p in sorted(problems)]
