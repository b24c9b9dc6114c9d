"""Night mode (every text at 7:1 or more) and large text (up to 200 % on a 1366×768 laptop)."""

from __future__ import annotations

import re

import pytest
from desktop_driving import close_window
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop.widgets import theme
from reception import display


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    colour = QColor(hex_colour)
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcags_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#595959", "#ffffff") == pytest.approx(7.0, abs=0.01)


@pytest.mark.parametrize(("where", "foreground", "background"), theme.text_pairs(theme.NIGHT))
def test_night_mode_draws_every_text_at_7_to_1_or_more(where, foreground, background):
    ratio = contrast_ratio(foreground, background)
    assert ratio >= 7.0, f"{where}: {foreground} on {background} is only {ratio:.2f}:1"


def test_every_text_colour_of_the_night_style_sheet_is_among_the_checked_pairs():
    sheet = theme.style_sheet(theme.NIGHT, 100)
    text_colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", sheet))
    text_colours |= set(re.findall(r"selection-color:\s*(#[0-9a-fA-F]{6})", sheet))
    checked = {fg for _where, fg, _bg in theme.text_pairs(theme.NIGHT)}
    assert text_colours and text_colours <= checked, text_colours - checked
    backgrounds = set(re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", sheet))
    # Besides the checked backgrounds only fills with no text on them: the ticked checkbox.
    assert backgrounds <= {bg for _where, _fg, bg in theme.text_pairs(theme.NIGHT)} | {theme.NIGHT.accent}


def test_night_mode_and_text_size_apply_at_once_and_are_remembered(make_window):
    window = make_window()
    app = QApplication.instance()
    base = app.font().pointSize()
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.STANDARD.background

    window.display_menu.night_action.trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.NIGHT.background
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == theme.NIGHT.text
    assert theme.NIGHT.background in app.styleSheet()
    window.display_menu.scale_actions[150].trigger()
    assert app.font().pointSize() == round(base * 1.5)
    assert window.form.save_button.font().pointSize() == round(base * 1.5)

    close_window(window, window.services)  # the worker stores the choices before it stops
    again = make_window()
    assert again.display_menu.night_action.isChecked()
    assert again.display_menu.scale_actions[150].isChecked()
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.NIGHT.background
    assert app.font().pointSize() == round(base * 1.5)
    again.display_menu.night_action.trigger()
    again.display_menu.scale_actions[100].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.STANDARD.background
    assert app.font().pointSize() == base


def visible_in(widget, viewport) -> bool:
    """The whole height of the widget and its start (where the text begins) are in view; a
    checkbox line longer than the screen may run on to the right."""
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    shown = viewport.rect().intersected(QRect(top_left, widget.size()))
    return (shown.height() == widget.height() and shown.left() == top_left.x()
            and shown.width() >= min(widget.width(), viewport.width() // 2))


def test_at_200_percent_every_field_is_reached_by_tab_and_visible_on_a_1366x768_screen(make_window, volunteer, qtbot):
    window = make_window()
    window.display_menu.scale_actions[max(display.TEXT_SCALES)].trigger()
    window.resize(1366, 768)
    QApplication.processEvents()
    assert window.width() <= 1366 and window.height() <= 768, window.size()
    assert window.form.save_button.font().pointSize() >= 24

    viewport = window.form_scroll.viewport()
    wanted = {id(w): name for name, field in window.form.fields.items() for w in field.focus_widgets}
    reached: set[str] = set()
    window.form.focus_first()
    for _ in range(len(wanted) * 3):
        focused = QApplication.focusWidget()
        if focused is not None and id(focused) in wanted:
            QApplication.processEvents()  # the window's second look, after Qt's own scrolling
            assert visible_in(focused, viewport), (
                f"{wanted[id(focused)]} is focused but outside the visible form: "
                f"{focused.mapTo(viewport, QPoint(0, 0))} {focused.size()} in {viewport.size()}"
            )
            reached.add(wanted[id(focused)])
        if reached == set(wanted.values()):
            break
        volunteer.press(Qt.Key.Key_Tab)
    assert reached == set(wanted.values()), f"never reached by Tab: {set(wanted.values()) - reached}"
    window.display_menu.scale_actions[100].trigger()
