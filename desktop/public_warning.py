"""The warning before a first connection to a server that shows petition texts to anyone (an
unauthenticated ``requests.json`` returns descriptions): the team leader agrees for the street,
or nothing goes on. Asked by the Sync dialog before the first sync and by the setup wizard's
登记到平台 page before the server's api_key is kept (sync/setup.py, ``PublicDescriptions``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def street_agrees(parent: QWidget, server: str, question: str, agree: str, decline: str, name: str) -> bool:
    """Whether the leader pressed ``agree``; ``question`` ends the warning with what agreeing does."""
    # Literal strings in translate() itself: lupdate finds them only so.
    title = QCoreApplication.translate("PublicWarning", "该平台会公开诉求内容")
    warning = QCoreApplication.translate(
        "PublicWarning", "{server}\n\n该平台把诉求内容公开给任何人查看（不需要登录就能读到居民写的描述）。"
        "居民的姓名和电话不会公开显示，但描述里写的内容会。").format(server=server)
    box = QMessageBox(QMessageBox.Icon.Warning, title, warning + "\n\n" + question, parent=parent)
    agree_button = box.addButton(agree, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(decline, QMessageBox.ButtonRole.RejectRole)
    box.setObjectName(name)
    box.exec()
    agreed = box.clickedButton() is agree_button
    box.deleteLater()
    return agreed
