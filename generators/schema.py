"""JSON Schema per record type, for editor autocompletion (VS Code's YAML extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .models import FOLDERS, KEYED, REGISTRY, Record
from .models.calendar import CalendarYear


def schema_for(model: type[Record], registry: bool = False) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    if model in KEYED.values() or model is CalendarYear:  # a derived id (from year or month)
        schema["properties"].pop("id", None)
    if registry:
        defs = schema.pop("$defs", {})
        schema = {"$defs": {**defs, model.__name__: schema}, "type": "array",
                  "items": {"$ref": f"#/$defs/{model.__name__}"}}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{model.label} ({model.rtype})"
    return schema


def globs() -> dict[str, tuple[type[Record], str, bool]]:
    """schema file name -> (model, records glob, is a registry list)."""
    out: dict[str, tuple[type[Record], str, bool]] = {}
    for name, model in REGISTRY.items():
        out[f"{model.rtype}.schema.json"] = (model, f"records/registry/{name}.yaml", True)
    for folder, model in FOLDERS.items():
        out[f"{model.rtype}.schema.json"] = (model, f"records/{folder}/*/*.yaml", False)
    for folder, model in KEYED.items():
        out[f"{model.rtype}.schema.json"] = (model, f"records/{folder}/*.yaml", False)
    return out


def render_schemas() -> dict[str, str]:
    return {name: json.dumps(schema_for(m, reg), ensure_ascii=False, indent=2,
                             sort_keys=True) + "\n"
            for name, (m, _glob, reg) in globs().items()}


def write_schemas(out: Path, vscode_settings: Path | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    if vscode_settings is not None:
        settings: dict[str, Any] = {}
        if vscode_settings.exists():
            settings = json.loads(vscode_settings.read_text(encoding="utf-8"))
        settings["yaml.schemas"] = {f"./{out.as_posix()}/{name}": glob
                                    for name, (_m, glob, _r) in globs().items()}
        settings.setdefault("files.encoding", "utf8")
        settings.setdefault("editor.insertSpaces", True)
        vscode_settings.parent.mkdir(parents=True, exist_ok=True)
        vscode_settings.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
        written.append(vscode_settings)
    return written
