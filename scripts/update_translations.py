"""Extract the window's translatable strings into Qt Linguist files, and compile them.

    python scripts/update_translations.py de        create or update the German catalogue
    python scripts/update_translations.py --compile  compile every catalogue to .qm

A catalogue is resources/translations/provenance_reader_<lang>.ts. Updating keeps every
translation already made and marks new strings unfinished; translate them in Qt
Linguist (`pyside6-linguist FILE.ts`, shipped with PySide6) or any .ts editor, then
compile. The app loads the .qm of the system's language (reader/ui/translations.py).

The strings are found in reader/ the way the code passes them to Qt, which pyside6-lupdate
cannot follow: besides `self.tr(...)`, `QCoreApplication.translate(context, ...)` and
`QT_TRANSLATE_NOOP(context, ...)`, most modules call a helper of their own,
`def _tr(text): return QCoreApplication.translate("Context", text)`; its calls are read
with the helper's context. A Qt-free module whose functions take the caller's `tr`
declares the context that caller uses as TRANSLATION_CONTEXT.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = "provenance_reader"
FOLDER = ROOT / "resources" / "translations"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool  # passed with a count: "%n claim(s)"
    filename: str
    line: int


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helpers(tree: ast.Module) -> dict[str, tuple[str, int, int | None]]:
    """Module-level functions that only forward to QCoreApplication.translate with a fixed
    context: name -> (context, index of the text parameter, index of the count or None)."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        params = [a.arg for a in node.args.args]
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and _is_translate(call.func) and call.args and \
                    _literal(call.args[0]) is not None and len(call.args) >= 2 and \
                    isinstance(call.args[1], ast.Name) and call.args[1].id in params:
                count = None
                if len(call.args) >= 4 and isinstance(call.args[3], ast.Name) and \
                        call.args[3].id in params:
                    count = params.index(call.args[3].id)
                found[node.name] = (_literal(call.args[0]), params.index(call.args[1].id), count)
    return found


def _declared_context(tree: ast.Module) -> str | None:
    """TRANSLATION_CONTEXT = "..." at the top of a Qt-free module whose functions take the
    caller's `tr` (reader/plain_language.py)."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name) and node.targets[0].id == "TRANSLATION_CONTEXT":
            return _literal(node.value)
    return None


def _is_translate(func) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "translate" or \
        isinstance(func, ast.Name) and func.id == "translate"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def extract(paths: list[Path]) -> list[Message]:
    trees = {_module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"))) for p in paths}
    helpers = {name: _helpers(tree) for name, (_, tree) in trees.items()}
    messages: list[Message] = []
    for module, (path, tree) in trees.items():
        local = dict(helpers[module])
        for node in tree.body:  # helpers imported from another module ("tr as palette_tr")
            if isinstance(node, ast.ImportFrom) and node.module in helpers:
                for alias in node.names:
                    if alias.name in helpers[node.module]:
                        local[alias.asname or alias.name] = helpers[node.module][alias.name]
        context = _declared_context(tree)
        if context is not None:  # bare tr(...) calls with the module's declared context
            local["tr"] = (context, 0, None)
        filename = str(path.relative_to(ROOT))
        messages += _messages(tree, local, filename)
    return messages


def _messages(tree: ast.Module, local: dict, filename: str) -> list[Message]:
    out = []

    def visit(node, class_name: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                found = _message(child, class_name, local)
                if found is not None:
                    context, text, numerus = found
                    out.append(Message(context, text, numerus, filename, child.lineno))
            visit(child, class_name)

    visit(tree, None)
    return out


def _message(call: ast.Call, class_name: str | None, local: dict):
    func, args = call.func, call.args
    if _is_translate(func) and len(args) >= 2 and _literal(args[0]) and _literal(args[1]):
        return _literal(args[0]), _literal(args[1]), len(args) >= 4
    if isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP" and len(args) == 2 and \
            _literal(args[0]) and _literal(args[1]):
        return _literal(args[0]), _literal(args[1]), False
    if isinstance(func, ast.Attribute) and func.attr == "tr" and class_name and args and \
            _literal(args[0]) and isinstance(func.value, ast.Name) and func.value.id == "self":
        return class_name, _literal(args[0]), len(args) >= 3
    if isinstance(func, ast.Name) and func.id in local:
        context, text_at, count_at = local[func.id]
        if len(args) > text_at and _literal(args[text_at]):
            return context, _literal(args[text_at]), count_at is not None and len(args) > count_at
    return None


def write_catalogue(path: Path, language: str, messages: list[Message]) -> None:
    """Writes the .ts for `language`, keeping the translations `path` already holds."""
    kept: dict[tuple[str, str], ET.Element] = {}
    if path.exists():
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") != "unfinished":
                    kept[(name, message.findtext("source"))] = translation
    root = ET.Element("TS", version="2.1", language=language)
    by_context: dict[str, dict[str, list[Message]]] = {}
    for message in messages:
        by_context.setdefault(message.context, {}).setdefault(message.source, []).append(message)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, places in by_context[name].items():
            numerus = any(m.numerus for m in places)
            element = ET.SubElement(context, "message", numerus="yes") if numerus else \
                ET.SubElement(context, "message")
            for m in places:
                ET.SubElement(element, "location", filename="../../" + m.filename, line=str(m.line))
            ET.SubElement(element, "source").text = source
            translation = kept.get((name, source))
            if translation is None:
                translation = ET.Element("translation", type="unfinished")
                if numerus:
                    ET.SubElement(translation, "numerusform")
            element.append(translation)
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="unicode") + "\n")


def compile_catalogue(ts: Path, qm: Path | None = None) -> Path:
    """pyside6-lrelease FILE.ts -> FILE.qm (beside it unless `qm` is given)."""
    qm = qm or ts.with_suffix(".qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease) if lrelease.exists() else "pyside6-lrelease", "-silent",
                    str(ts), "-qm", str(qm)], check=True)
    return qm


def source_files() -> list[Path]:
    return sorted((ROOT / "reader").rglob("*.py"))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    if argv[1] == "--compile":
        for ts in sorted(FOLDER.glob(f"{CATALOGUE}_*.ts")):
            print(compile_catalogue(ts))
        return 0
    language = argv[1]
    path = FOLDER / f"{CATALOGUE}_{language}.ts"
    messages = extract(source_files())
    write_catalogue(path, language, messages)
    print(f"{path}: {len({(m.context, m.source) for m in messages})} strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
