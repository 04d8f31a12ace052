"""`portal build`, `portal serve` and `portal export-md`.

A build validates first and builds nothing when the records have errors.  MkDocs
writes into a work folder beside the target, and the target is replaced at once
(publish_site.py) only when everything succeeded, so a failed or killed build leaves
the published site as it was.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import faults, incremental
from .errors import Report
from .processes import remove_later

if TYPE_CHECKING:
    from .warm import Warm

log = logging.getLogger("mkdocs.plugins.portal")
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
               options: dict[str, Any] | None = None, full: bool = False,
               force: bool = False, inputs: str | None = None,
               warm: Warm | None = None) -> Path:
    """Build the portal into site_dir atomically; raise BuildError and keep the old site.

    When site_dir holds our last build with the same inputs (incremental.py), only the
    pages that changed are rebuilt, unless full (which reads no cache at all).  options:
    settings of the portal plugin (config.py) over those of mkdocs.yml.  force: replace
    a non-empty site_dir that the portal did not make.  publish_site.py says how the
    site is put in place and what a killed build leaves.  inputs: the records'
    incremental.inputs_digest, taken by a caller that hands preloaded records over before
    it read them; when the last build had the same key and inputs, nothing is done.
    warm: what `portal serve` keeps from its last build (warm.py)."""
    from mkdocs.config import load_config

    from . import cache, publish_site
    from .processes import ChildFailed, scratch_root

    site_dir = site_dir.resolve()
    with portal_env(records_dir=os.path.abspath(records) if records else None,
                    as_of=str(as_of) if as_of else None, audience=audience,
                    locale=locale):
        cfg = load_config(str(config_file))
        plugin = cfg.plugins["portal"]
        if strict:
            plugin.config.strict_records = True
        for key, value in (options or {}).items():
            setattr(plugin.config, key, value)
        # validated by the caller with the same folder and date; None too, for MkDocs keeps
        # one plugin instance for every build of a process
        plugin.preloaded = preloaded  # type: ignore[attr-defined]
        plugin.read_caches = not full  # type: ignore[attr-defined]
        plugin.warm = None if full else warm  # type: ignore[attr-defined]
        project = Path(cfg.config_file_path).parent.resolve()
        records_dir = (project / plugin.config.records_dir).resolve()
        if inputs is None:  # records handed over were read before anything we could take
            inputs = "" if preloaded is not None else incremental.inputs_digest(records_dir)
        try:
            publish_site.check_target(site_dir, records=records_dir,
                                      docs=Path(cfg.docs_dir).resolve(), project=project,
                                      force=force)
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            created = not site_dir.exists()
            with publish_site.locked(site_dir) as lock:
                publish_site.recover(site_dir, lock)
                cache.clean_temporaries(records_dir)
                key = plugin.build_key(cfg)  # type: ignore[attr-defined]
                previous = None
                if not full and warm is not None:
                    previous = warm.previous(site_dir, key, incremental.marker(site_dir))
                if not full and previous is None:
                    previous = incremental.load(records_dir, site_dir, key)
                if incremental.unchanged(previous, inputs):
                    log.info("portal: nothing changed since the last build")
                    return site_dir
                work = publish_site.Work.make(site_dir)
                try:
                    with scratch_root(work.path):
                        _build_into(cfg, plugin, work, site_dir, records_dir, previous,
                                    lock, inputs, warm)
                except BaseException:
                    shutil.rmtree(work.path, ignore_errors=True)
                    if created:
                        with suppress(OSError):
                            site_dir.rmdir()  # the empty folder locked() made
                    raise
                remove_later(work.path)  # with the old site in it
        except (OSError, ChildFailed) as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                where = getattr(exc, "filename", None) or site_dir.parent
                raise BuildError(f"the disk is full ({where}); free some space and build "
                                 "again") from None
            if isinstance(exc, ChildFailed):
                raise BuildError(str(exc)) from None
            raise
        except publish_site.SiteError as exc:
            raise BuildError(str(exc)) from None
    return site_dir


def _build_into(cfg: Any, plugin: Any, work: Any, site_dir: Path, records_dir: Path,
                previous: Any, lock: Any, inputs: str, warm: Warm | None) -> None:
    """MkDocs builds into the work folder; the result replaces the site at once."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    from . import publish_site

    cfg.site_dir = str(work.staging)
    plugin.previous = previous
    if previous is not None:
        linked = publish_site.start_next(site_dir, work)
    else:
        linked = None
        publish_site.drop_spare(site_dir, work)
    if faults.active():
        cfg.plugins.events["post_page"].append(_page_point)
    errors: list[str] = []
    try:
        with _quiet_dirty_warning(), _errors_of_mkdocs(errors):
            build(cfg, dirty=previous is not None)
        keep = plugin.files.keep if plugin.files else None
        if previous is not None and keep is not None and linked is not None:
            publish_site.apply(work, site_dir, keep, linked, lock)
        else:
            publish_site.switch(work.staging, site_dir, lock)
    except MkDocsException as exc:
        # MkDocs logs the error and raises "Aborted with a BuildError!": say what it was
        raise BuildError("\n".join(errors) or str(exc)) from None
    finally:
        if linked is not None:
            linked.stop()  # (reaped already when it was used)
    faults.point("switched")
    state = plugin.files.next_state if plugin.files else None
    if state is not None:
        state.inputs = inputs
        if warm is not None:  # written once the preview shows the build (Warm.settle)
            warm.saved(site_dir, state,
                       lambda: incremental.save(records_dir, site_dir, state))
            if previous is None:  # and the spare a full build leaves none of
                warm.later(lambda: publish_site.make_spare(site_dir))
        else:
            incremental.save(records_dir, site_dir, state)


def _page_point(output: str, **_kwargs: Any) -> str:
    faults.point("page")
    return output


@contextmanager
def _errors_of_mkdocs(errors: list[str]) -> Iterator[None]:
    """Collect the errors MkDocs logs while it builds."""
    import logging

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(record.getMessage())

    handler = Collect(logging.ERROR)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


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


def export_markdown(config_file: Path, out: Path, *, records: str | None = None,
                    as_of: dt.date | None = None, audience: str | None = None,
                    locale: str | None = None) -> int:
    """Write the generated Markdown, site_src/ and a plain mkdocs.yml into out."""
    from mkdocs.config import load_config

    from .outputs import attachment_copies, generated, open_catalog, resolve_as_of
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
        cat = open_catalog(recs, (base / pc.records_dir).resolve(), day, pc.audience,
                           pc.request_days)
        docs = out / "docs"
        shutil.copytree(cfg.docs_dir, docs)
        _choose_variants(docs, pc.locale)
        pages, others = generated(cat, pc.locale, cfg.site_url or "")
        written = {p.src: p.markdown for p in pages if not (docs / p.src).exists()}
        for rel, content in {**written, **others}.items():
            path = docs / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        for rel, source in attachment_copies(cat).items():  # issue 17
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, docs / rel)
        count = len(written) - 1  # the changes page is not a page of the archive
        frame = edition_frame(pc)
        _render_macros(docs, cat, pc.locale, frame["site_name"])
        (out / "mkdocs.yml").write_text(_plain_config(Path(cfg.config_file_path), frame),
                                        encoding="utf-8")
        # the template overrides that escape titles (plugin.THEME) travel with the pages
        shutil.copytree(Path(__file__).parent / "theme", out / "overrides")
    return count


def _choose_variants(docs: Path, locale: str) -> None:
    """Each hand-written page in the edition's language, as the plugin chooses them
    (plugin.choose_variants): about.en.md becomes about.md in English, else goes."""
    from .plugin import VARIANT

    for path in sorted(docs.rglob("*" + VARIANT)):
        if locale == "en":
            path.replace(path.with_name(path.name[:-len(VARIANT)] + ".md"))
        else:
            path.unlink()


def edition_frame(pc: Any) -> dict[str, Any]:
    """The site's name, footer and language in the edition's locale (plugin.on_config)."""
    from .labels import FRAME_LABELS, labels

    t = labels(pc.locale)
    return {"site_name": pc.site_name.get(pc.locale) or t("home_title"),
            "site_description": t("site_description"),
            "copyright": pc.copyright.get(pc.locale) or t("copyright"), "language": pc.locale,
            "labels": {k: t(k) for k in FRAME_LABELS}}


def _render_macros(docs: Path, cat: Any, locale: str, site_name: str) -> None:
    """Expand the macros of hand-written pages, so plain MkDocs needs no macros plugin."""
    import jinja2.sandbox

    from . import macros

    funcs: dict[str, Any] = {}

    class _Env:
        conf = {"site_name": site_name,
                "plugins": {"portal": type("P", (), {"catalog": cat, "config":
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


def _plain_config(config_file: Path, frame: dict[str, Any]) -> str:
    """mkdocs.yml without our plugin and macros: the export builds with MkDocs alone."""
    text = config_file.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_EnvLoader)
    plugins = []
    for p in data.get("plugins", []):
        name = p if isinstance(p, str) else next(iter(p))
        if name not in ("portal", "macros"):
            plugins.append(p)
    data["plugins"] = plugins
    for key in ("site_name", "site_description", "copyright"):
        data[key] = frame[key]
    data.setdefault("theme", {})["language"] = frame["language"]
    data.setdefault("extra", {})["portal"] = {"labels": frame["labels"]}  # theme/404.html
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
