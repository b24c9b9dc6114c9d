"""设置 → 语言, 夜间模式, 文字大小: how this laptop shows the desk, changed while it is open.

Each choice applies at once (translators swapped, style re-applied) and is saved in the settings
table through the window's worker, so the desk opens the same way next time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from desktop import i18n
from desktop.widgets import theme
from reception import display
from reception.desk import ReceptionDesk
from reception.display import Display


def apply(settings: Display) -> Display:
    """Make the running application show ``settings`` ($XINAN_DESK_LANG still wins for the language)."""
    app = QApplication.instance()
    language = i18n.chosen_language(settings.language)
    i18n.install_translators(app, language)
    theme.apply(app, night=settings.night, scale=settings.text_scale)
    return replace(settings, language=language)


def apply_saved(desk: ReceptionDesk) -> Display:
    """Read and apply this laptop's display settings. Called before the window's worker starts,
    so reading the database from this thread cannot overlap another query."""
    return apply(display.load(desk.db))


class DisplayMenu(QObject):
    def __init__(self, window, submit: Callable[..., None], current: Display) -> None:
        super().__init__(window)
        self.window = window
        self._submit = submit
        self.current = current
        settings_menu: QMenu = window.menus["settings"]
        settings_menu.addSeparator()

        self.language_menu = settings_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        languages = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGE_NAMES.items():
            # Each language by its own name: whoever cannot read the current one finds theirs.
            act = QAction(name, self, checkable=True)
            act.setObjectName(f"language_{code}")
            act.setChecked(code == current.language)
            act.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            languages.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[code] = act

        self.night_action = QAction(self, checkable=True)
        self.night_action.setObjectName("nightModeAction")
        self.night_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.night_action.setChecked(current.night)
        self.night_action.toggled.connect(self.set_night)
        settings_menu.addAction(self.night_action)

        self.scale_menu = settings_menu.addMenu("")
        self.scale_menu.setObjectName("textScaleMenu")
        scales = QActionGroup(self)
        self.scale_actions: dict[int, QAction] = {}
        for percent in display.TEXT_SCALES:
            act = QAction(f"{percent} %", self, checkable=True)
            act.setObjectName(f"textScale{percent}")
            act.setChecked(percent == current.text_scale)
            act.triggered.connect(lambda _checked=False, percent=percent: self.set_text_scale(percent))
            scales.addAction(act)
            self.scale_menu.addAction(act)
            self.scale_actions[percent] = act
        self.retranslate_ui()
        i18n.on_language_change(window, self.retranslate_ui)

    def retranslate_ui(self) -> None:
        self.language_menu.setTitle(self.tr("语言 / Language(&L)"))
        self.night_action.setText(self.tr("夜间模式（高对比度）"))
        self.scale_menu.setTitle(self.tr("文字大小"))

    def choose_language(self, language: str) -> None:
        self._change(replace(self.current, language=language))

    def set_night(self, night: bool) -> None:
        self._change(replace(self.current, night=bool(night)))

    def set_text_scale(self, percent: int) -> None:
        self._change(replace(self.current, text_scale=percent))

    def _change(self, wanted: Display) -> None:
        if wanted == self.current:
            return
        if wanted.language != self.current.language:
            i18n.switch_language(wanted.language)
        if (wanted.night, wanted.text_scale) != (self.current.night, self.current.text_scale):
            theme.apply(QApplication.instance(), night=wanted.night, scale=wanted.text_scale)
            self.window.fit_text_scale(wanted.text_scale)
        self.current = wanted
        self.language_actions[wanted.language].setChecked(True)
        self.night_action.setChecked(wanted.night)
        self.scale_actions[wanted.text_scale].setChecked(True)
        self._submit(lambda desk: display.save(desk.db, wanted), what="save_display")


def install_display_menu(window, current: Display) -> DisplayMenu:
    """Add 语言, 夜间模式 and 文字大小 to the window's 设置 menu."""
    menu = DisplayMenu(window, window.operations.submit, current)
    if current.text_scale != 100:
        window.fit_text_scale(current.text_scale)
    window.display_menu = menu  # kept with the window; tests reach the actions here
    return menu
