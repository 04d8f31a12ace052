"""The two editions of the portal: Chinese and English, published together."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generators.catalog import build_catalog
from generators.models import Official
from generators.pages.common import Ctx
from generators.pages.indexes import officials_index
from generators.validate import validate

from .conftest import SAMPLE, SAMPLE_AS_OF


def test_the_officials_index_names_each_official_in_either_edition() -> None:
    """Not their post: the English edition listed "Vice Mayor" four times."""
    recs, _report = validate(SAMPLE, "records", SAMPLE_AS_OF)
    cat = build_catalog(recs, SAMPLE_AS_OF, "internal")
    officials = [o for o in cat.of(Official) if o.id not in cat.hidden]
    assert len({o.title for o in officials}) < len(officials)  # posts the sample shares
    for locale in ("en", "zh"):
        table = BeautifulSoup(officials_index(Ctx(cat, locale, "officials/index.md")),
                              "html.parser")
        names = [row.find("td").get_text() for row in table.select("tbody tr")]
        wanted = [o.name_zh or o.name if locale == "zh" else o.name for o in officials]
        assert sorted(names) == sorted(wanted)
        posts = [row.find_all("td")[1].get_text() for row in table.select("tbody tr")]
        assert all(posts), "each name comes with the post"
