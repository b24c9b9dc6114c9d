"""The desk's translations.

Source strings are Simplified Chinese, written in the code through ``self.tr()`` or
``QCoreApplication.translate()``. A Chinese desk therefore needs no catalogue of its own; it still
loads Qt's ``qtbase_zh_CN`` so that Qt's own buttons and file dialogs speak Chinese too.

Another language (``XINAN_DESK_LANG=en``) loads ``assets/translations/xinan_desk_<lang>.qm`` when
it is present; strings it does not translate stay Chinese. To refresh the catalogues after
changing UI strings::

    .venv/bin/python -m desktop.i18n update     # pyside6-lupdate → .ts, pyside6-lrelease → .qm

A translator edits the .ts file (with pyside6-linguist or any text editor) and runs it again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reception import bundle

# The source tree (where `update` finds the code) and the catalogues (in the bundle when frozen).
ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS_DIR = bundle.asset("translations")
CATALOGUE = "xinan_desk"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("en",)  # catalogues kept in assets/translations besides the Chinese source
LANG_ENV = "XINAN_DESK_LANG"


def chosen_language() -> str:
    """The UI language: $XINAN_DESK_LANG if set, else Chinese (the desk's users read Chinese)."""
    return os.environ.get(LANG_ENV, "").strip() or SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install Qt's and the desk's translators for ``language``; return them (keep them alive)."""
    language = language or chosen_language()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if not language.startswith("zh"):
        desk_translator = QTranslator(app)
        if desk_translator.load(f"{CATALOGUE}_{language}", str(TRANSLATIONS_DIR)):
            app.installTranslator(desk_translator)
            installed.append(desk_translator)
    return installed


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"error: {name} not found; it ships with PySide6 (pip install PySide6-Essentials)")
    return found


def update_catalogues() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    for language in LANGUAGES:
        ts = TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-source-language", SOURCE_LANGUAGE,
             "-target-language", language, *sources, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


if __name__ == "__main__":
    if sys.argv[1:] != ["update"]:
        raise SystemExit("usage: python -m desktop.i18n update")
    update_catalogues()
