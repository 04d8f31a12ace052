"""The records contract as typed models: one module per record type."""

from .activity import Activity
from .appraisal import Appraisal
from .briefing import Briefing
from .calendar import CalendarYear
from .common import LEVELS, Record
from .document import Document
from .duty import Duty, Incident  # issue 16: duty office
from .hotline import Hotline
from .liaison import Liaison
from .meeting import Meeting, MeetingDecision
from .received import Received
from .registry import Official, Topic, Unit
from .request import Request
from .supervision import Supervision

REGISTRY: dict[str, type[Record]] = {"units": Unit, "officials": Official, "topics": Topic,
                                     "calendar": CalendarYear}  # issue 16: working days
"""registry/<name>.yaml: a list of entries."""

FOLDERS: dict[str, type[Record]] = {
    m.folder: m
    for m in (Document, Received, Request, Meeting, Activity, Supervision, Briefing, Liaison,
              Incident)  # issue 16: duty office (Incident)
}
"""<folder>/<year>/<id>.yaml: one record a file."""

KEYED: dict[str, type[Record]] = {"appraisal": Appraisal, "hotline": Hotline,
                                  "duty": Duty}  # issue 16: duty office
"""<folder>/<key>.yaml: one file per year or month."""

RECORD_TYPES: dict[str, type[Record]] = {
    m.rtype: m for m in (*REGISTRY.values(), *FOLDERS.values(), *KEYED.values())}

__all__ = [
    "FOLDERS", "KEYED", "LEVELS", "RECORD_TYPES", "REGISTRY", "Activity", "Appraisal",
    "Briefing", "CalendarYear", "Document", "Duty", "Hotline", "Incident", "Liaison", "Meeting",
    "MeetingDecision", "Official", "Received", "Record", "Request", "Supervision", "Topic",
    "Unit",
]
