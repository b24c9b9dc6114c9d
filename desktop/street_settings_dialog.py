"""设置 → 街道与打印设置: what the team leader sets for slips (reception.street_settings).

The same values as ``xinan-desk settings``; saving checks them all and stores all or none.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desktop import paper_names
from desktop.qt_print import QtSpooler
from desktop.widgets.dialogs import _FormDialog
from reception.street_settings import StreetSettings


class StreetSettingsDialog(_FormDialog):
    def __init__(self, current: StreetSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("街道与打印设置"), self.tr("保存"), parent)
        self.setObjectName("streetSettingsDialog")
        self.setMinimumWidth(540)
        note = QLabel(self.tr("这些内容印在居民拿走的查询凭条上。热线请填街道的真实电话；不填则凭条上不印热线。"
                              "查询网址是凭条二维码指向的平台查询页，登记到街道平台时自动填写；"
                              "不填则凭条不印二维码，只印查询码和热线，并说明网上查询暂未开通。"))
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)

        self.street = self._line("streetEdit", current.street, self.tr("如 新安街道"))
        self.hotline = self._line("hotlineEdit", current.hotline, self.tr("如 0755-27891234 或 12345"))
        self.base_url = self._line("baseUrlEdit", current.base_url, self.tr("如 https://平台地址/t/；未知则留空"))
        self.footer = self._line("footerEdit", current.footer, self.tr("最多 30 个字"))
        self.paper = QComboBox()
        self.paper.setObjectName("paperChoice")
        paper_names.fill(self.paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current.default_paper)))
        self.printer = QComboBox()
        self.printer.setObjectName("printerChoice")
        self.printer.addItem(self.tr("（不设置：按 Ctrl+P 先打开打印预览）"), "")
        names = [p.name for p in QtSpooler().printers()]  # the system's printers, through Qt
        if current.printer and current.printer not in names:
            names.append(current.printer)  # keep what was set, even if it is unplugged now
        for name in names:
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(current.printer)))
        self.auto_print = QCheckBox(self.tr("保存登记后自动打印查询凭条"))
        self.auto_print.setObjectName("autoPrintCheck")
        self.auto_print.setChecked(current.auto_print)

        self.add_row("street", self.tr("街道名称"), self.street)
        self.add_row("hotline", self.tr("咨询热线"), self.hotline)
        self.add_row("base_url", self.tr("查询网址"), self.base_url)
        self.add_row("footer", self.tr("小票页脚"), self.footer)
        self.add_row("default_paper", self.tr("默认纸张"), self.paper)
        self.add_row("printer", self.tr("打印机"), self.printer)
        self.add_row("auto_print", "", self.auto_print)
        self.finish_layout()
        self.hotline.setFocus()

    @staticmethod
    def _line(name: str, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def values(self) -> dict[str, str]:
        return {
            "street": self.street.text(),
            "hotline": self.hotline.text(),
            "base_url": self.base_url.text(),
            "footer": self.footer.text(),
            "default_paper": self.paper.currentData(),
            "printer": self.printer.currentData() or "",
            "auto_print": "是" if self.auto_print.isChecked() else "否",
        }
