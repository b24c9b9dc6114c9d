"""Dialogs that fit the stall's laptop: at 200 % text a 1366×768 screen (about 1366×728 left by a
title bar and a taskbar) is lower than what some dialogs show. Their informational part scrolls,
what is below it (an outcome line, the buttons) stays in view, and the dialog opens as large as
its content needs within the screen's room.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_part(outer: QVBoxLayout, name: str) -> tuple[QScrollArea, QVBoxLayout]:
    """A scroll area filling what `outer` leaves to it, and the layout to put its widgets in;
    what is added to `outer` afterwards stays below it, always in view."""
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    outer.addWidget(scroll, 1)
    return scroll, layout


def fit_to_screen(dialog: QDialog, scroll: QScrollArea, least: QSize) -> None:
    """At least `least`, or what the scrolling part and the rest of the dialog need at the current
    text size, within the screen's available geometry less the window manager's frame (beyond it
    the scrolling part scrolls). Only grows: a dialog the volunteer made larger stays so."""
    outer = dialog.layout()
    outer.activate()
    margins = outer.contentsMargins()
    content = scroll.widget()
    others = [outer.itemAt(i) for i in range(outer.count())]
    others = [item for item in others if item.widget() is not scroll and not item.isEmpty()]
    width = max([content.sizeHint().width(), *(item.sizeHint().width() for item in others)])
    width += margins.left() + margins.right() + scroll.verticalScrollBar().sizeHint().width()
    room = dialog.screen().availableGeometry()
    frame = _frame_extra(dialog)
    width = min(max(least.width(), width, dialog.width() if dialog.isVisible() else 0), room.width() - frame.width())
    inner = width - margins.left() - margins.right()
    body = content.heightForWidth(inner) if content.hasHeightForWidth() else -1
    body = body if body > 0 else content.sizeHint().height()
    rest = sum(item.heightForWidth(inner) if item.hasHeightForWidth() else item.sizeHint().height()
               for item in others)
    height = body + rest + outer.spacing() * len(others) + margins.top() + margins.bottom()
    height = min(max(least.height(), height, dialog.height() if dialog.isVisible() else 0),
                 room.height() - frame.height())
    dialog.resize(width, height)


# A maximised window has no lower border and no resize grip; a dialog has them (openbox: 6 px,
# Windows: 8 px), so the main window's frame alone is short by about this much.
LOWER_BORDER = 8


def _frame_extra(dialog: QDialog) -> QSize:
    """The title bar and borders the window manager adds: the dialog's own once it has been shown,
    before that the main window's (Qt places a dialog with the same estimate) and a lower border."""
    if dialog.isVisible():
        return dialog.frameGeometry().size() - dialog.geometry().size()
    top = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
    if top is None or not top.isVisible():
        return QSize(0, 0)
    frame, inside = top.frameGeometry(), top.geometry()
    lower = LOWER_BORDER if frame.bottom() == inside.bottom() else 0
    return QSize(frame.width() - inside.width(), frame.height() - inside.height() + lower)
