"""The application around the window: Chinese font, start-up to idle, translations."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QRawFont

from desktop.fonts import FONT_PATH

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XINAN_DESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_the_bundled_font_draws_chinese_and_is_the_applications_fallback(desk_app):
    raw = QRawFont(str(FONT_PATH), 12)
    assert all(raw.supportsCharacter(ord(ch)) for ch in "心安接访台诉求登记查询码")
    assert "Droid Sans Fallback" in desk_app.font().families()
    assert desk_app.font().pointSize() >= 11


def test_chinese_has_a_font_on_a_machine_without_chinese_fonts(tmp_path):
    """Under a fontconfig that knows only DejaVu (Latin, no CJK), the bundled font draws Chinese."""
    latin_only = Path("/usr/share/fonts/truetype/dejavu")
    assert latin_only.is_dir(), "fonts-dejavu-core is needed (scripts/install-system-deps.sh)"
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{latin_only}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    probe = textwrap.dedent(
        """
        from PySide6.QtGui import QFontDatabase, QFontMetrics
        from PySide6.QtWidgets import QApplication
        from desktop import fonts
        app = QApplication([])
        chinese = QFontDatabase.WritingSystem.SimplifiedChinese
        print("latin", "DejaVu Sans" in QFontDatabase.families())
        print("before", QFontDatabase.families(chinese))
        font = fonts.install_app_font(app)
        print("after", QFontDatabase.families(chinese), font.families()[-1])
        print("glyphs", all(QFontMetrics(font).inFontUcs4(ord(c)) for c in "心安接访台诉求"))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=_env(FONTCONFIG_FILE=str(config)),
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert result.stdout.splitlines() == [
        "latin True",
        "before []",
        "after ['Droid Sans Fallback'] Droid Sans Fallback",
        "glyphs True",
    ], result.stdout


def test_with_exit_when_idle_the_desk_reports_its_start_up_time_and_quits(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data")],
        # The passphrase from the environment, as the command line takes it: no unlock dialog.
        cwd=ROOT, env=_env(XINAN_DESK_EXIT_WHEN_IDLE="1", XINAN_DESK_PASSPHRASE="夜话测试口令 2026"),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"idle \d+\n", result.stdout), result.stdout
    assert (tmp_path / "data" / "desk.db").exists()


def test_the_desk_loads_its_catalogue_for_another_language(desk_app):
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n

    installed = i18n.install_translators(desk_app, "en")
    try:
        assert len(installed) == 2, "Qt's own and the desk's catalogue"
        assert QCoreApplication.translate("SessionBar", "接待人次") == "Visitors received"
        assert QCoreApplication.translate("Light", "警报红") == "Red: overdue"
    finally:
        i18n.install_translators(desk_app, i18n.SOURCE_LANGUAGE)
    assert QCoreApplication.translate("SessionBar", "接待人次") == "接待人次"


def test_a_chinese_desk_needs_no_catalogue_of_its_own(desk_app):
    from desktop import i18n

    installed = i18n.install_translators(desk_app, "zh_CN")
    try:
        # Only Qt's own Chinese catalogue, for its standard buttons and the file dialog.
        assert len(installed) == 1
    finally:
        for translator in installed:
            desk_app.removeTranslator(translator)


def test_every_family_the_app_font_names_exists(desk_app):
    known = set(QFontDatabase.families())
    assert set(desk_app.font().families()) <= known | {desk_app.font().family()}


def test_the_cheaper_pyside_import_check_answers_as_pyside_s_own_for_every_module():
    """desktop.pyside_import_check replaces the check PySide6 makes at each newly named import
    (does the source say "PySide6"?): its answer must be PySide's for every module loaded here,
    built-in, compiled or plain source, with and without PySide in it."""
    import desktop.application  # noqa: F401 - installs the cheaper check, as the desk's start does
    from desktop import pyside_import_check

    feature = sys.modules["shibokensupport.feature"]
    installed = feature._mod_uses_pyside
    original = installed.pyside_check  # the desk's start replaced PySide's own check
    modules = [m for m in list(sys.modules.values()) if m is not None]
    answers = {m.__name__: pyside_import_check.mentions_pyside(m, original) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["desktop.application"] and answers["desktop.widgets.theme"]  # source naming PySide6
    assert not answers["os"] and not answers["reception.local_text"]  # source without it
    assert not answers["sys"] and not answers["PySide6.QtCore"]  # built in; compiled
    assert installed(desktop.application) and not installed(sys)  # and through PySide's name
    assert pyside_import_check.install()  # a second install keeps the one there is
    assert feature._mod_uses_pyside is installed


# Imported after the unlock dialog is on screen, never before: each costs the volunteer's first
# look at the desk from 5 ms to half a second (bench/startup.py measures it).
HEAVY_BEFORE_THE_DIALOG = (
    "sqlite_utils",                  # the database layer (60 ms)
    "sqlcipher3",                    # SQLCipher
    "cryptography",                  # the keyfile's AES-GCM (30 ms)
    "reception.storage.connection",  # opening the database
    "reception.privacy.keyfile",     # scrypt and the wrapped data key
    "reception.privacy.vault",
    "reception.privacy.audit",
    "composition.services",          # the composition root: everything the window uses
    "forms",                         # the form files (TOML)
    "desktop.privacy_ui",            # the idle lock, audit log and export (150 ms with the above)
    "desktop.main_window",
    "desktop.wiring",
    "desktop.setup_wizard",          # only on a new laptop
    "pypinyin",                      # search's dictionaries
    "reportlab",                     # slips and reports
    "cli.main",                      # the command line's parser and commands
    "logging.handlers",              # the log file: set up once the dialog is painted
    "composition.logs",              # its set-up and the bug report (1 ms)
)


def test_the_unlock_dialog_shows_before_the_window_s_heavy_modules_load(tmp_path):
    """Start-up: until the unlock dialog has painted, only what it needs is imported; the rest
    loads on a thread while the volunteer types, and the window opens after Enter."""
    from composition.services import open_services
    from reception import device_setup
    from reception_support import TEST_PASSPHRASE, prepare_data_dir

    data_dir = tmp_path / "data"
    prepare_data_dir(data_dir)  # a laptop set up on an earlier night (here, not in the child)
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        device_setup.record_done(services.desk.db)
    finally:
        services.close()
    probe = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        HEAVY = {HEAVY_BEFORE_THE_DIALOG!r}

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint and watched.objectName() == "unlockDialog":
                    app.removeEventFilter(self)
                    print("loaded before the dialog:", [m for m in HEAVY if m in sys.modules], flush=True)
                    QTimer.singleShot(0, lambda: type_passphrase(watched))
                return False

        def type_passphrase(dialog):
            from PySide6.QtCore import Qt
            from PySide6.QtTest import QTest
            dialog.passphrase_edit.insert({TEST_PASSPHRASE!r})  # Chinese comes through the input method
            QTest.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)

        watcher = FirstPaint()
        app.installEventFilter(watcher)
        from desktop.launcher import main
        code = main(["--data-dir", {str(data_dir)!r}])
        print("loaded after Enter:", sorted(m for m in ("desktop.main_window", "sqlite_utils", "logging.handlers") if m in sys.modules), flush=True)
        raise SystemExit(code)
    """)
    env = _env(XINAN_DESK_EXIT_WHEN_IDLE="1")
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert "loaded before the dialog: []" in result.stdout, output
    # The window opened after Enter (the desk reports idle when it is), with all it needs.
    assert re.search(r"^idle \d+$", result.stdout, re.MULTILINE), output
    assert "loaded after Enter: ['desktop.main_window', 'logging.handlers', 'sqlite_utils']" in result.stdout, output
    assert (data_dir / "logs" / "desk.log").exists()
    assert result.returncode == 0, result.stderr
