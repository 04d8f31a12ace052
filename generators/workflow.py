"""What waits for someone: the lists of issue 16's processes that the leaders' desk, the
dashboard and the indexes show (each a pure function of the Catalog, so that a count
shown on the desk is the length of the list it links to).

Every list reads the Catalog's noted tables, so a page that shows one depends on it.
"""

from __future__ import annotations

from .catalog import Catalog
from .models.received import Received
from .models.request import Request
from .models.supervision import Supervision


def supervision_overdue(cat: Catalog) -> list[Supervision]:
    """Open items past their deadline, the most days overdue first."""
    items = [s for s in cat.of(Supervision) if cat.supervision[s.id].status == "overdue"]
    return sorted(items, key=lambda s: (-cat.supervision[s.id].days_overdue, s.id))


def supervision_report_late(cat: Catalog) -> list[Supervision]:
    """Items with no progress report within their cycle plus grace (未按期反馈), the
    longest late first."""
    items = [s for s in cat.of(Supervision) if cat.supervision[s.id].status == "report-late"]
    return sorted(items, key=lambda s: (-cat.supervision[s.id].days_report_late,
                                        -cat.supervision[s.id].quiet_days, s.id))


def requests_awaiting_decision(cat: Catalog) -> list[Request]:
    """Requests with no decision yet: overdue first (the most days past due first), then
    the longest waiting.  cat.requests[id] gives days_waiting, due, days_overdue."""
    items = [q for q in cat.of(Request) if q.decision is None]
    return sorted(items, key=lambda q: (cat.requests[q.id].status != "overdue",
                                        -cat.requests[q.id].days_overdue,
                                        -cat.requests[q.id].days_waiting, q.id))


def requests_overdue(cat: Catalog) -> list[Request]:
    """Requests past their due date with no decision (a part of the list above)."""
    return [q for q in requests_awaiting_decision(cat) if cat.requests[q.id].status == "overdue"]


def received_awaiting_action(cat: Catalog) -> list[Received]:
    """Received documents with no implemented step (待落实): overdue first, then the
    longest since receipt.  cat.received[id] gives days_since_receipt, due, days_overdue."""
    items = [r for r in cat.of(Received)
             if cat.received[r.id].status in ("awaiting-action", "overdue")]
    return sorted(items, key=lambda r: (cat.received[r.id].status != "overdue",
                                        -cat.received[r.id].days_overdue,
                                        -cat.received[r.id].days_since_receipt, r.id))
