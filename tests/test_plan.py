"""The plan of a republish, tried on tables: no MkDocs, no Catalog, no files."""

from __future__ import annotations

from dataclasses import dataclass, field

from generators.plan import Plan, plan, reindex, unchanged, unchanged_bundles


@dataclass
class State:
    deps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    charts: dict[str, list[str]] = field(default_factory=dict)


def last_build() -> State:
    return State(
        deps={"a.md": ("r:a", "r:u"), "b.md": ("r:b", "in:b"), "u.md": ("r:u", "unit:u"),
              "gone.md": ("r:gone",)},
        digests={"r:a": "1", "r:u": "1", "r:b": "1", "in:b": "1", "unit:u": "1",
                 "r:gone": "1"},
        pages={"a.md": "ha", "b.md": "hb", "u.md": "hu", "gone.md": "hg"},
        charts={"u.md": ["assets/charts/u.svg"]})


def digests(**changed: str) -> dict[str, str]:
    now = dict(last_build().digests)
    now.update({k.replace("_", ":", 1): v for k, v in changed.items()})
    return now


def test_a_first_build_renders_every_page_and_keeps_nothing() -> None:
    made = plan(None, lambda key: "x", ["a.md", "b.md"])
    assert made == Plan(frozenset({"a.md", "b.md"}), frozenset(), frozenset(), frozenset())


def test_the_empty_plan_keeps_what_nothing_changed() -> None:
    now = digests()
    made = plan(last_build(), now.__getitem__, ["a.md", "b.md", "u.md", "gone.md"])
    assert made.render == frozenset()
    assert made.keep == {"a.md", "b.md", "u.md", "gone.md"}
    assert made.keep_files == {"assets/charts/u.svg"}
    assert made.remove == frozenset()


def test_a_changed_key_renders_every_page_that_read_it_and_only_those() -> None:
    now = digests(r_u="2")  # a unit renamed: its page and a page that links to it
    made = plan(last_build(), now.__getitem__, ["a.md", "b.md", "u.md"])
    assert made.render == {"a.md", "u.md"}
    assert made.keep == {"b.md"}
    assert made.keep_files == frozenset()  # u.md is rendered: its charts are made again
    assert made.remove == {"gone.md"}


def test_a_new_page_or_one_without_recorded_keys_is_rendered() -> None:
    before = last_build()
    del before.deps["b.md"]  # made without recording (or its state lost it)
    now = digests()
    made = plan(before, now.__getitem__, ["a.md", "b.md", "new.md"])
    assert made.render == {"b.md", "new.md"} and made.keep == {"a.md"}


def test_a_key_the_last_build_did_not_digest_counts_as_changed() -> None:
    before = last_build()
    del before.digests["in:b"]
    assert not unchanged(("r:b", "in:b"), before.digests, digests().__getitem__)
    assert unchanged((), before.digests, digests().__getitem__)
    made = plan(before, digests().__getitem__, ["b.md"])
    assert made.render == {"b.md"}


def test_a_page_kept_needs_its_hash() -> None:
    before = last_build()
    del before.pages["a.md"]
    made = plan(before, digests().__getitem__, ["a.md"])
    assert made.render == {"a.md"}


def test_digests_are_asked_only_for_the_keys_of_the_pages_planned() -> None:
    asked: list[str] = []

    def digest(key: str) -> str:
        asked.append(key)
        return "1"

    plan(last_build(), digest, ["a.md"])
    assert set(asked) <= {"r:a", "r:u"}


def test_bundles_to_index_again() -> None:
    before = {"a/": "s0", "b/": "s0", "c/": "s1", "/": "site"}
    assert reindex(before, before, set()) == set()
    assert reindex(before, before, {"c/"}) == {"s1"}
    moved = {**before, "b/": "s1"}
    assert reindex(moved, before, set()) == {"s0", "s1"}
    gone = {k: v for k, v in before.items() if k != "c/"}
    assert reindex(gone, before, set()) == set()  # s1 is no more: nothing to index
    assert unchanged_bundles(before, before, {"a/", "b/", "/"}) == {"s0", "site"}
    assert unchanged_bundles({**before, "d/": "s0"}, before, set(before) | {"d/"}) == \
        {"s1", "site"}
