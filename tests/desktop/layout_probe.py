"""Opens the desk on the X display it is given and reports where every key widget is on screen.

Run by tests/desktop/test_layout_1366.py in a child process on Xvfb + openbox (see x_display.py):

    python tests/desktop/layout_probe.py DATA_DIR OUT.json [SHOTS_DIR]

The desk opens as a volunteer's laptop opens it (the composition root, ``show_on_screen``), with
a night's session and six cases; then, through 设置 → 语言 and 设置 → 文字大小 as a volunteer
would change them, each language at 100, 150 and 200 % text. For each, every control of the
intake flow is given the keyboard (as Tab does, so the form scrolls it into view) and its
rectangle on screen and the part of it its parents let show are written down; so are the code
panel, the session bar, the status bar and the first rows of tonight's list; and the status bar
again while the look-up index builds (建立查找索引 N% beside the other permanent labels); and the
case's dialog (查找诉求 → a case) at its longest, each label and button scrolled into view.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

LANGUAGES = ("zh_CN", "zh_TW", "en")
SCALES = (100, 150, 200)
ROWS_WANTED = 5


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.03)


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def on_screen(widget: QWidget) -> dict:
    """Where the widget is on the screen, and how much of it its parents let show."""
    top_left = widget.mapToGlobal(QPoint(0, 0))
    full = QRect(top_left, widget.size())
    shown = QRect(full)
    parent = widget.parentWidget()
    while parent is not None:
        shown = shown.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return {"visible": widget.isVisible(), "rect": _rect(full), "shown": _rect(shown), "fits": text_fits(widget)}


def text_fits(widget: QWidget) -> bool:
    """Whether the widget's own text has the room it needs (a label squeezed narrower than its
    text shows it cut, even when the label itself is on screen)."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.height() >= widget.heightForWidth(widget.width()) - 1
    if isinstance(widget, QLabel | QAbstractButton):
        hint = widget.minimumSizeHint() if isinstance(widget, QLabel) else widget.sizeHint()
        return widget.width() >= hint.width() and widget.height() >= hint.height() - 1
    return True


def key_widgets(window) -> dict[str, QWidget]:
    """Everything a volunteer needs in view: besides the form's fields (measured one by one)."""
    panel, bar = window.saved_panel, window.session_bar
    widgets = {
        "visitors caption": bar.visitors.title, "households caption": bar.households.title,
        "petitions caption": bar.petitions_caption, "visitors": bar.visitors.number,
        "visitors -": bar.visitors.minus, "busy": window.busy_label,
        "saved caption": panel.caption, "saved code": panel.code, "saved detail": panel.detail,
        "session title": bar.title, "session details": bar.details,
        "visitors +": bar.visitors.plus, "households +": bar.households.plus, "petitions": bar.petitions,
        "close session": bar.close_button,
        "save button": window.form.save_button, "clear button": window.form.clear_button,
        "status bar": window.statusBar(), "pending": window.pending_label, "prefix": window.prefix_label,
    }
    return widgets


def measure(app: QApplication, window) -> dict:
    form = window.form
    key_extra: dict[str, QWidget] = {}
    toolbar = window.main_toolbar
    for act in toolbar.actions():
        button = toolbar.widgetForAction(act)
        if act.isSeparator() or button is None:
            continue
        key_extra[f"toolbar: {act.iconText()}"] = button
    result: dict = {
        "maximised": window.isMaximized(),
        "frame": _rect(window.frameGeometry()),
        "available": _rect(window.screen().availableGeometry()),
        "layout": window.layout_mode,
        "widgets": {name: on_screen(w) for name, w in {**key_widgets(window), **key_extra}.items()},
        "fields": {},
    }
    for name, field in form.fields.items():
        for index, widget in enumerate(field.focus_widgets):
            if not widget.isEnabled():
                continue  # the name and phone of an anonymous case: nothing to type there
            widget.setFocus()
            settle(app, 4)
            key = name if index == 0 else f"{name}[{index}]"
            result["fields"][key] = on_screen(widget)
            if index == 0:
                result["fields"][f"{key} label"] = on_screen(form._labels[name])
                text = getattr(field, "text_label", None) or getattr(field, "route", None)
                if text is not None:
                    result["fields"][f"{key} text"] = on_screen(text)
            result.setdefault("sideways", []).append(form_scrolls_sideways(window))
    result["sideways"] = any(result.get("sideways", []))
    window.focus_list()
    settle(app)
    view = window.cases_view
    viewport = QRect(view.viewport().mapToGlobal(QPoint(0, 0)), view.viewport().size())
    rows = []
    for row in range(min(view.model().rowCount(), ROWS_WANTED)):
        rect = view.visualRect(view.model().index(row, 0))
        top_left = view.viewport().mapToGlobal(rect.topLeft())
        global_row = QRect(top_left.x(), top_left.y(), viewport.width(), rect.height())
        rows.append({"rect": _rect(global_row), "inside": viewport.contains(global_row)})
    result["list"] = {
        "view": on_screen(view),
        "rows": rows,
        "sideways": view.horizontalScrollBar().isVisible(),
        "columns": [view.columnWidth(c) for c in range(view.model().columnCount())],
        "header": on_screen(view.horizontalHeader()),
    }
    window.new_case()  # back to the form, as Ctrl+N does
    settle(app)
    return result


def print_messages(app: QApplication, window, case) -> dict:
    """The status bar after each kind of print (a reprint: the longest words): printed; sent where
    the system cannot confirm it (the Windows spooler's 已发送到打印机), with 补打 beside it; and
    saved as a PDF. For each, its text, its width and the room QStatusBar gives it."""
    from reception.slips.printing import PrintOutcome

    actions = window.print_actions
    bar = window.statusBar()
    kinds = {
        "printed": PrintOutcome(True, "", case.tracking_code, 2, "80mm", "XINAN-80mm-thermal", confirmed=True,
                                case_id=case.id),
        "sent": PrintOutcome(True, "", case.tracking_code, 2, "80mm", "XINAN-80mm-thermal", confirmed=False,
                             case_id=case.id),
        "saved": PrintOutcome(True, "", case.tracking_code, 2, "80mm", "",
                              saved_pdf=Path.home() / "凭条" / f"{case.tracking_code}-80mm-补打1.pdf", case_id=case.id),
    }
    found = {}
    for kind, outcome in kinds.items():
        actions.finished.emit(outcome)
        settle(app)
        text = bar.currentMessage()
        # QStatusBar draws its message from x = 6 to 2 px before the first visible permanent widget.
        permanent = [w for w in (window.pending_label, window.prefix_label, window.search_index.label,
                                 actions.reprint_button) if w.isVisible()]
        right = min([w.geometry().x() for w in permanent] + [bar.width() - 12]) - 2
        found[kind] = {"text": text, "width": bar.fontMetrics().horizontalAdvance(text), "room": right - 6,
                       "reprint": on_screen(actions.reprint_button) if actions.reprint_button.isVisible() else None}
        bar.clearMessage()
        actions.reprint_button.hide()
        actions.last_outcome = None
    return found


def status_lines(app: QApplication, window) -> dict:
    """The status bar's other long lines: leader mode ended, and an export of a whole night's
    214 petitions, by a leader who stays and by one whose PIN was for that export."""
    from desktop.leader_gate import ended_words
    from desktop.privacy_ui import exported_words

    bar = window.statusBar()
    found = {}
    for kind, text in (("leader mode ended", ended_words()), ("exported, leader stays", exported_words(214, False)),
                       ("exported, leader mode ended", exported_words(214, True))):
        bar.showMessage(text)
        settle(app, 2)
        permanent = [w for w in (window.pending_label, window.prefix_label, window.search_index.label,
                                 window.leader_label) if w.isVisible()]
        right = min([w.geometry().x() for w in permanent] + [bar.width() - 12]) - 2
        found[kind] = {"text": bar.currentMessage(), "width": bar.fontMetrics().horizontalAdvance(text), "room": right - 6}
        bar.clearMessage()
    return found


def while_indexing(app: QApplication, window, case) -> dict:
    """The status bar while the look-up index builds after the unlock (a laptop that already held
    cases: 建立查找索引 N% among the permanent widgets): the label itself, the others beside it,
    and the print and status lines in the room that is left."""
    from reception.case_search import BuildProgress

    builder = window.search_index
    # The builder's own state as it is between two of its steps on a laptop of 100,000 cases.
    builder.progress = BuildProgress(done=47_000, total=100_000)
    builder._show()
    settle(app)
    window.print_actions.reprint_button.setText(window.print_actions.tr("补打 {code}").format(code=case.tracking_code))
    window.print_actions.reprint_button.show()
    settle(app)
    found = {"bar": {name: on_screen(widget) for name, widget in (
        ("search index", builder.label), ("pending", window.pending_label), ("prefix", window.prefix_label),
        ("reprint", window.print_actions.reprint_button))}}
    window.print_actions.reprint_button.hide()
    found["print messages"] = print_messages(app, window, case)
    found["status lines"] = status_lines(app, window)
    builder.progress = None
    builder._show()
    settle(app)
    return found


def seed_case_loop(desk, case) -> str:
    """The case's dialog at its longest: a forwarded case with the platform's progress (a
    department, a due date, notes, a return visit and a rating), voided, and its void refused by
    the platform and held for the team leader (the "void waiting" line). The night's case the
    session's list starts with (desktop.screenshots.seed_night voided it)."""
    from reception import clock, return_visits
    from reception.storage import repository as repo

    fetched = clock.to_text(desk.now())
    with desk.db.conn:
        return_visits.store_progress(desk.db, case.id, {
            "status": "in_progress", "department": "新安街道城市管理和综合执法办", "light": "yellow",
            "due_at": clock.to_text(desk.now() + timedelta(days=3)),
            "notes": "已派执法队员现场查看，协调共享单车企业于本周内清理并加装电子围栏",
            "visits": [{"at": fetched, "caller": "街道回访员", "reached": True, "rating": "基本满意",
                        "words": "希望以后每周巡查一次"}],
            "ratings": [{"at": fetched, "rating": "基本满意", "words": "处理得还算及时", "source": "page"}],
        }, fetched)
    if not case.is_voided:
        desk.void_case(case.id, "居民在现场撤回，已另行登记为新的诉求")
    outbox = desk.db.execute("SELECT id FROM outbox WHERE case_id = ? AND kind = 'void'", [case.id]).fetchone()[0]
    with desk.db.conn:
        repo.hold_outbox(desk.db, outbox, "没有编号为该诉求的记录")
    return case.id


def case_dialog(app: QApplication, window, case_id: str, shot: Path | None = None) -> dict:
    """Opens the case as 查找诉求 does and measures the dialog: its frame, and each of its labels
    and buttons, scrolled into view as the volunteer would (the wheel, or Tab to a button)."""
    from desktop.screenshots import wait_for

    actions = window.return_visits
    actions.open_case(case_id)
    wait_for(app, lambda: actions.case_dialog is not None and actions.case_dialog.isVisible()
             and actions.case_dialog.case.id == case_id)
    dialog = actions.case_dialog
    settle(app)
    if shot is not None:
        dialog.screen().grabWindow(0).save(str(shot))
    scroll = dialog.findChild(QScrollArea)
    found: dict = {"frame": _rect(dialog.frameGeometry()), "available": _rect(dialog.screen().availableGeometry()),
                   "needed": dialog.layout().totalSizeHint().height() if scroll is None else
                   scroll.widget().sizeHint().height(), "progress": dialog.progress.text(), "parts": {}}
    parts = [w for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
             if w.isVisibleTo(dialog) and (not isinstance(w, QLabel) or w.text() or w.pixmap() is not None)]
    for widget in parts:
        if scroll is not None and scroll.widget().isAncestorOf(widget):
            scroll.ensureWidgetVisible(widget, 0, 0)
            settle(app, 2)
        name = widget.objectName() or (widget.text()[:12] if hasattr(widget, "text") else type(widget).__name__)
        found["parts"][f"{type(widget).__name__} {name}"] = on_screen(widget)
    dialog.accept()
    settle(app)
    return found


def form_scrolls_sideways(window) -> bool:
    bar = window.form_scroll.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0


def main(data_dir: Path, out: Path, shots: Path | None) -> int:
    from composition.services import open_services
    from desktop.application import configure
    from desktop.screenshots import seed_night, wait_for
    from desktop.wiring import build_window
    from reception.case_search import BuildProgress
    from reception.slips.printing import PrintOutcome
    from reception_support import TEST_PASSPHRASE, prepare_data_dir

    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    configure(app)
    prepare_data_dir(data_dir)
    services = open_services(data_dir, TEST_PASSPHRASE)
    seed_night(services.desk)
    window = build_window(services)
    window.show_on_screen()
    wait_for(app, lambda: window.is_ready and window.isMaximized())
    # The code panel as after a save (its longest text: a forwarded case with its time limit).
    last = services.desk.session_cases(services.desk.current_session().id)[-1]
    window.saved_panel.show_case(last)
    settle(app)
    loop_case = seed_case_loop(services.desk, services.desk.session_cases(services.desk.current_session().id)[0])
    report: dict = {}
    menu = window.display_menu
    for language in LANGUAGES:
        menu.language_actions[language].trigger()
        for scale in SCALES:
            menu.scale_actions[scale].trigger()
            settle(app)
            report[f"{language}-{scale}"] = measure(app, window)
            report[f"{language}-{scale}"]["print messages"] = print_messages(app, window, last)
            report[f"{language}-{scale}"]["status lines"] = status_lines(app, window)
            report[f"{language}-{scale}"]["while indexing"] = while_indexing(app, window, last)
            report[f"{language}-{scale}"]["case dialog"] = case_dialog(
                app, window, loop_case, shots / f"case-{language}-{scale}.png" if shots is not None else None)
            if shots is not None:
                window.screen().grabWindow(0).save(str(shots / f"{language}-{scale}.png"))
                window.search_index.progress = BuildProgress(done=47_000, total=100_000)
                window.search_index._show()
                settle(app)
                window.screen().grabWindow(0).save(str(shots / f"{language}-{scale}-indexing-idle.png"))
                window.statusBar().showMessage(window.print_actions.status_words(
                    PrintOutcome(True, "", last.tracking_code, 2, "80mm", "", saved_pdf=Path("x.pdf"), case_id=last.id)))
                settle(app)
                window.screen().grabWindow(0).save(str(shots / f"{language}-{scale}-indexing.png"))
                window.statusBar().clearMessage()
                window.search_index.progress = None
                window.search_index._show()
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(main(Path(args[0]), Path(args[1]), Path(args[2]) if len(args) > 2 else None))
