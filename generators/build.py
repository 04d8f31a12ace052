"""`portal build`, `portal serve` and `portal export-md`.

A build validates first and builds nothing when the records have errors.  MkDocs
writes into a fresh folder beside the target, and the target is replaced only
when everything succeeded, so a failed build leaves the published site as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import yaml

from .errors import Report

ENV = {"records_dir": "PORTAL_RECORDS", "audience": "PORTAL_AUDIENCE", "as_of": "PORTAL_AS_OF",
       "locale": "PORTAL_LOCALE"}


class BuildError(Exception):
    """The build failed; the message says why. The previous site is untouched."""

    def __init__(self, message: str, report: Report | None = None) -> None:
        super().__init__(message)
        self.report = report


@contextmanager
def portal_env(**values: str | None) -> Iterator[None]:
    """Set the PORTAL_* variables that mkdocs.yml reads with !ENV, restoring them after."""
    old = {k: os.environ.get(k) for k in ENV.values()}
    try:
        for key, value in values.items():
            if value is not None:
                os.environ[ENV[key]] = value
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def build_site(config_file: Path, site_dir: Path, *, records: str | None = None,
               as_of: dt.date | None = None, audience: str | None = None,
               locale: str | None = None, strict: bool = False,
               preloaded: list[Any] | None = None,
               options: dict[str, Any] | None = None, full: bool = False) -> Path:
    """Build the portal into site_dir atomically; raise BuildError and keep the old site.

    When site_dir holds our last build with the same inputs (incremental.py), only the
    pages that changed are rebuilt, unless full.  options: settings of the portal plugin
    (config.py) over those of mkdocs.yml."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import incremental

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    listed: Callable[[], set[str]] | None = None
    try:
        with portal_env(records_dir=os.path.abspath(records) if records else None,
                        as_of=str(as_of) if as_of else None, audience=audience,
                        locale=locale):
            cfg = load_config(str(config_file), site_dir=str(staging))
            plugin = cfg.plugins["portal"]
            if strict:
                plugin.config.strict_records = True
            for key, value in (options or {}).items():
                setattr(plugin.config, key, value)
            if preloaded is not None:  # validated by the caller with the same folder and date
                plugin.preloaded = preloaded  # type: ignore[attr-defined]
            records_dir = (Path(cfg.config_file_path).parent
                           / plugin.config.records_dir).resolve()
            previous = None if full else incremental.load(
                records_dir, site_dir, plugin.build_key(cfg))  # type: ignore[attr-defined]
            plugin.previous = previous  # type: ignore[attr-defined]
            listed = incremental.list_site(site_dir) if previous is not None else None
            try:
                with _quiet_dirty_warning():
                    build(cfg, dirty=previous is not None)
            except MkDocsException as exc:
                raise BuildError(str(exc)) from None
        keep = plugin.files.keep if plugin.files else None  # type: ignore[attr-defined]
        if previous is not None and keep is not None:
            incremental.apply(staging, site_dir, keep, listed)  # what changed, in place
        else:
            _swap_in(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if listed is not None:
            with suppress(Exception):
                listed()  # reap the helper
        raise
    state = plugin.files.next_state if plugin.files else None  # type: ignore[attr-defined]
    if state is not None:
        incremental.save(records_dir, site_dir, state)
    return site_dir


@contextmanager
def _quiet_dirty_warning() -> Iterator[None]:
    """MkDocs warns that a --dirty build may leave stale navigation; ours rebuilds every
    page whose Markdown changed, into a new folder, and the navigation cannot change
    within one build key (mkdocs.yml and the hand-written pages are in it; kept pages of
    the navigation get their titles from the last build), so the warning does not apply
    (and strict mode would count it as a failure)."""
    import logging

    def drop(record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build")

    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


def _swap_in(staging: Path, target: Path) -> None:
    """Replace target by staging with two renames on one filesystem; undo on failure.

    The old site is deleted by a detached process: deleting 20,000 files took 1.4 s of
    a 12 s republish at 10,000 records, and nothing needs to wait for it."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(old / target.name)
    try:
        staging.rename(target)
    except BaseException:
        if old is not None:
            (old / target.name).rename(target)
            old.rmdir()
        raise
    if old is not None:
        from .processes import remove_later

        remove_later(old)


def export_markdown(config_file: Path, out: Path, *, records: str | None = None,
                    as_of: dt.date | None = None, audience: str | None = None,
                    locale: str | None = None) -> int:
    """Write the generated Markdown, site_src/ and a plain mkdocs.yml into out."""
    from mkdocs.config import load_config

    from .outputs import generated, open_catalog, resolve_as_of
    from .validate import validate

    if out.exists() and any(out.iterdir()):
        raise BuildError(f"'{out}' is not empty; give a new folder")
    with portal_env(records_dir=os.path.abspath(records) if records else None,
                    as_of=str(as_of) if as_of else None, audience=audience, locale=locale):
        cfg = load_config(str(config_file))
        pc = cfg.plugins["portal"].config
        base = Path(cfg.config_file_path).parent
        day = resolve_as_of(pc.as_of)
        recs, report = validate((base / pc.records_dir).resolve(), pc.records_dir, day)
        if report.errors:
            raise BuildError("the records have problems; nothing was exported", report)
        cat = open_catalog(recs, (base / pc.records_dir).resolve(), day, pc.audience)
        docs = out / "docs"
        shutil.copytree(cfg.docs_dir, docs)
        pages, others = generated(cat, pc.locale, cfg.site_url or "")
        written = {p.src: p.markdown for p in pages if not (docs / p.src).exists()}
        for rel, content in {**written, **others}.items():
            path = docs / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        count = len(written) - 1  # the changes page is not a page of the archive
        _render_macros(docs, cat, pc.locale)
        (out / "mkdocs.yml").write_text(_plain_config(Path(cfg.config_file_path)),
                                        encoding="utf-8")
        # the template overrides that escape titles (plugin.THEME) travel with the pages
        shutil.copytree(Path(__file__).parent / "theme", out / "overrides")
    return count


def _render_macros(docs: Path, cat: Any, locale: str) -> None:
    """Expand the macros of hand-written pages, so plain MkDocs needs no macros plugin."""
    import jinja2.sandbox

    from . import macros

    funcs: dict[str, Any] = {}

    class _Env:
        conf = {"plugins": {"portal": type("P", (), {"catalog": cat, "config":
                                                     type("C", (), {"locale": locale})()})()}}
        page: Any = None

        def macro(self, f: Any) -> Any:
            funcs[f.__name__] = f
            return f

    env = _Env()
    macros.define_env(env)
    jenv = jinja2.sandbox.SandboxedEnvironment()
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---") or "render_macros: true" not in text.split("---")[1]:
            continue
        env.page = type("Pg", (), {"file": type("F", (), {
            "src_uri": path.relative_to(docs).as_posix()})()})()
        path.write_text(jenv.from_string(text).render(**funcs), encoding="utf-8")


def _plain_config(config_file: Path) -> str:
    """mkdocs.yml without our plugin and macros: the export builds with MkDocs alone."""
    text = config_file.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_EnvLoader)
    plugins = []
    for p in data.get("plugins", []):
        name = p if isinstance(p, str) else next(iter(p))
        if name not in ("portal", "macros"):
            plugins.append(p)
    data["plugins"] = plugins
    data["docs_dir"] = "docs"
    data["theme"] = {**data.get("theme", {}), "custom_dir": "overrides"}
    data["site_dir"] = "site"
    data["extra_css"] = [*data.get("extra_css", []), "assets/portal/portal.css"]
    data["extra_javascript"] = [*data.get("extra_javascript", []), "assets/portal/portal.js"]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


class _EnvLoader(yaml.CSafeLoader):
    """Reads mkdocs.yml's !ENV tags as their defaults (the export is self-contained)."""


def _env_tag(loader: yaml.CSafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        for name in items[:-1]:
            if isinstance(name, str) and name in os.environ:
                return os.environ[name]
        return items[-1]
    return os.environ.get(loader.construct_scalar(node))  # type: ignore[arg-type]


_EnvLoader.add_constructor("!ENV", _env_tag)
