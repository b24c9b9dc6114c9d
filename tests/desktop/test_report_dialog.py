"""At 结束夜话 the team leader opens the night's report, prints it and saves it; 阶段报表 too."""

from __future__ import annotations

from datetime import date

from desktop_driving import fresh_desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from reception_support import valid_case
from slip_tools import pdf_text, run

from desktop.report_dialog import RangeDialog, ReportDialog
from desktop.widgets.dialogs import ChoiceMessage


def _night(data_dir) -> None:
    with fresh_desk(data_dir) as desk:
        desk.open_session(date="2026-11-25", venue="新安广场", community="安乐社区",
                          team=[{"name": "陈书记", "role": "社区党委书记"}])
        desk.count_visitor(9)
        desk.record_case(valid_case())


def test_the_closing_summary_offers_the_report_which_prints_and_saves(window, qtbot, data_dir, tmp_path):
    _night(data_dir)
    window.refresh({"session", "cases"})
    qtbot.waitUntil(lambda: window.session is not None)
    qtbot.mouseClick(window.session_bar.close_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(ChoiceMessage, "confirmCloseSession").findChild(QPushButton, "closeButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ChoiceMessage, "sessionSummary") is not None)
    summary = window.findChild(ChoiceMessage, "sessionSummary")
    report_button = summary.findChild(QPushButton, "reportButton")
    assert report_button.isDefault(), "Enter at the summary opens the report"
    qtbot.mouseClick(report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ReportDialog) is not None)
    dialog = window.findChild(ReportDialog)
    assert dialog.findChildren(QLabel, "reportPage")[0].pixmap().width() > 500

    dialog.save_as(".pdf", str(tmp_path / "night"))  # what the file dialog returns, without the suffix
    qtbot.waitUntil(lambda: "报表已保存" in dialog.status.text())
    text = pdf_text(tmp_path / "night.pdf")
    assert "新安广场（安乐社区）" in text and "王阿姨" not in text
    dialog.save_as(".xlsx", str(tmp_path / "night.xlsx"))
    qtbot.waitUntil(lambda: (tmp_path / "night.xlsx").exists())

    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert "报表已送到打印机" in dialog.status.text()
    info = run("pdfinfo", str(tmp_path / "printed.pdf")).stdout
    assert "Pages:           1" in info and "A4" in info
    dialog.reject()


def test_the_range_report_from_the_session_menu(window, qtbot, data_dir):
    _night(data_dir)
    window.reports.range_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RangeDialog) is not None)
    ask = window.findChild(RangeDialog)
    ask.start.setDate(date(2026, 12, 1))
    ask.end.setDate(date(2026, 11, 1))
    qtbot.mouseClick(ask.ok, Qt.MouseButton.LeftButton)
    assert "截止日期早于起始日期" in ask.error.text() and ask.isVisible()
    ask.start.setDate(date(2026, 11, 1))
    ask.end.setDate(date(2026, 11, 30))
    qtbot.mouseClick(ask.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ReportDialog) is not None)
    dialog = window.findChild(ReportDialog)
    assert dialog.windowTitle() == "阶段报表"
    assert dialog.report.visitors == 9 and dialog.report.petitions == 1
    dialog.reject()


def test_hot_topics_from_the_session_menu_onto_the_council_list(window, qtbot, data_dir):
    from desktop.topics_dialog import TopicsDialog
    from reception.intake_hints.desk_topics import council_list

    with fresh_desk(data_dir) as desk:
        desk.open_session(date="2026-11-25", venue="安乐广场", community="安乐社区", team=[])
        for n in (10, 11, 12):
            desk.record_case(valid_case(description=f"安乐村{n}栋楼道蟑螂太多，希望统一消杀"))
    window.reports.topics_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(TopicsDialog) is not None)
    dialog = window.findChild(TopicsDialog)
    assert dialog.table.rowCount() == 1 and "今晚又有" in dialog.table.item(0, 0).text()
    assert dialog.table.item(0, 1).text() == "3"
    assert "还没有同步过" in dialog.street.text()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "议事会清单（1 项）" in dialog.council.text())
    with fresh_desk(data_dir) as desk:
        assert len(council_list(desk)) == 1
    dialog.reject()
