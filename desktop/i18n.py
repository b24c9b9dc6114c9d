"""The desk's languages: Simplified Chinese (the source), Traditional Chinese and English.

Source strings are Simplified Chinese, written in the code through ``self.tr()`` or
``QCoreApplication.translate()``. A Simplified Chinese desk needs no catalogue of its own; every
language still loads Qt's ``qtbase_<lang>`` so that Qt's own buttons and file dialogs speak it.

The language is chosen in 设置 → 语言 and kept with the display settings (reception/display.py);
``XINAN_DESK_LANG`` overrides it for a run. ``switch_language`` swaps the translators while the
desk is open: Qt then sends every widget a LanguageChange event, and each widget that shows text
sets it again in its ``retranslate_ui``. Texts the street wrote (the form's labels in
forms/*.toml, category names) carry their own translations as data (``label_en`` ...) and are
shown through ``local()``; so do the domain's validation messages (forms/messages.toml).

To refresh the catalogues after changing UI strings::

    .venv/bin/python -m desktop.i18n update

runs pyside6-lupdate (→ .ts) over desktop/, fills the Traditional Chinese catalogue's new
strings by converting the Simplified source with OpenCC (s2twp: Taiwan standard and phrases,
e.g. 打印 → 列印, 设置 → 設定), and runs pyside6-lrelease (→ .qm). English strings are written by
hand in the .ts (pyside6-linguist or a text editor); the update lists the ones still missing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QGuiApplication

from reception import bundle
from reception.local_text import in_language

if TYPE_CHECKING:  # the catalogue tools' modules load in those tools: the desk starts without them
    import xml.etree.ElementTree as ET

# The source tree (where `update` finds the code) and the catalogues (in the bundle when frozen).
ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS_DIR = bundle.asset("translations")
CATALOGUE = "xinan_desk"
SOURCE_LANGUAGE = "zh_CN"
# Each language by its own name, as the 语言 menu shows it to someone who cannot read the others.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
LANGUAGES = ("en", "zh_TW")  # catalogues kept in assets/translations besides the Chinese source
LANG_ENV = "XINAN_DESK_LANG"
_TRANSLATOR_NAME = "xinanDeskTranslator"
_LANGUAGE_PROPERTY = "xinanDeskLanguage"


def supported(language: str) -> str:
    """``language`` if the desk speaks it (zh-TW and zh_tw accepted), else the source language."""
    wanted = language.strip().replace("-", "_")
    for known in LANGUAGE_NAMES:
        if wanted.lower() == known.lower():
            return known
    return SOURCE_LANGUAGE


def chosen_language(saved: str | None = None) -> str:
    """$XINAN_DESK_LANG if set, else the saved choice, else Simplified Chinese."""
    return supported(os.environ.get(LANG_ENV, "").strip() or saved or SOURCE_LANGUAGE)


def current_language(app: QCoreApplication | None = None) -> str:
    app = app or QCoreApplication.instance()
    value = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return value or SOURCE_LANGUAGE


def local(text: str) -> str:
    """A text of the form files or the domain (``reception.local_text``) in the desk's language."""
    return in_language(text, current_language())


def error_text(error: BaseException) -> str:
    """An expected error's message in the desk's language: ``str(error)`` would keep only the
    Chinese of a message that carries its translations (a PrintError's, say)."""
    message = error.args[0] if len(error.args) == 1 else None
    return local(message) if isinstance(message, str) else str(error)


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Make ``language`` the desk's language (replacing any installed before); return the translators.

    The translators are children of the application object, which keeps them alive; they are
    found again by name when the language changes, so no list of them is kept anywhere else.
    """
    language = supported(language) if language else chosen_language()
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    qt_translator.setObjectName(_TRANSLATOR_NAME)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_dir):
        installed.append(qt_translator)
    if language != SOURCE_LANGUAGE:
        desk_translator = QTranslator(app)
        desk_translator.setObjectName(_TRANSLATOR_NAME)
        if desk_translator.load(f"{CATALOGUE}_{language}", str(TRANSLATIONS_DIR)):
            installed.append(desk_translator)
    for translator in installed:
        app.installTranslator(translator)
    app.setProperty(_LANGUAGE_PROPERTY, language)
    if isinstance(app, QGuiApplication):
        # Window managers show it after each window's title ("新安街道 — 心安接访台"): in the
        # desk's language too.
        app.setApplicationDisplayName(QCoreApplication.translate("Application", "心安接访台"))
    return installed


def switch_language(language: str) -> str:
    """Change the open desk's language; returns it.

    Installing and removing translators makes Qt send LanguageChange to every widget, and each
    one that shows text sets it again (``retranslate_ui``).
    """
    app = QCoreApplication.instance()
    install_translators(app, supported(language))
    return current_language(app)


class _LanguageWatcher(QObject):
    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event) -> bool:
        # Imported here: the desk imports this module before its unlock dialog, which needs no
        # QEvent, and PySide6 builds QEvent.Type's 180 members when it is first named.
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        return False


def on_language_change(widget: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever ``widget`` is told the language changed (for texts of objects
    that get no LanguageChange of their own: actions, helpers installed into the window)."""
    _LanguageWatcher(widget, callback)


# --- keeping the catalogues up to date (a developer's command, not used by the desk) -------------

def _tool(name: str) -> str:
    import shutil

    beside_python = Path(sys.executable).parent / name
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"error: {name} not found; it ships with PySide6 (pip install PySide6-Essentials)")
    return found


# After OpenCC, the words a Taiwan or Hong Kong reader expects in this desk: 社区 is a residents'
# neighbourhood (社區), not an online community (社群, OpenCC's phrase table); 台 as people
# write it; Taiwan's names for the toolbar and the Enter key; 志工 for volunteers; 「」 quotes.
TRADITIONAL_REVIEWED = {
    "社群": "社區", "臺": "台", "主工具欄": "主工具列", "回車": "Enter ", "小票": "憑條",
    "志願者": "志工", "選中": "選取", "“": "「", "”": "」",
}


def to_traditional(text: str, converter) -> str:
    converted = converter.convert(text)
    for simplified_usage, reviewed in TRADITIONAL_REVIEWED.items():
        converted = converted.replace(simplified_usage, reviewed)
    return converted


def fill_traditional(ts: Path) -> int:
    """Give every unfinished message of the zh_TW catalogue its OpenCC (s2twp) conversion."""
    try:
        import opencc
    except ImportError:
        raise SystemExit(
            "error: the Traditional Chinese catalogue is converted with OpenCC: "
            ".venv/bin/pip install -e '.[dist]' (opencc-python-reimplemented)"
        ) from None
    import xml.etree.ElementTree as ET

    converter = opencc.OpenCC("s2twp")
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            translation.text = to_traditional(message.findtext("source") or "", converter)
            del translation.attrib["type"]
            filled += 1
    if filled:
        _write_ts(tree, ts)
    return filled


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    import xml.etree.ElementTree as ET

    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` that have no translation yet."""
    import xml.etree.ElementTree as ET

    return [
        message.findtext("source") or ""
        for message in ET.parse(ts).iter("message")
        if (t := message.find("translation")) is not None and (t.get("type") == "unfinished" or not (t.text or "").strip())
    ]


def update_catalogues() -> None:
    import subprocess

    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    directory = ROOT / "assets" / "translations"
    for language in LANGUAGES:
        ts = directory / f"{CATALOGUE}_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-source-language",
             SOURCE_LANGUAGE, "-target-language", language, *sources, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )
        if language == "zh_TW":
            print(f"{ts.name}: {fill_traditional(ts)} new strings converted with OpenCC (s2twp); review them")
        missing = unfinished(ts)
        if missing:
            print(f"{ts.name}: {len(missing)} strings still untranslated:", *missing, sep="\n  ")
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    if sys.argv[1:] != ["update"]:
        raise SystemExit("usage: python -m desktop.i18n update")
    update_catalogues()
