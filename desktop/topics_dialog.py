"""夜话 → 热点话题…: the matters that keep coming back around this community, tonight's first,
and the 议事会 list the team leader puts them on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import local
from reception import clock
from reception.desk import ReceptionDesk
from reception.intake_hints.desk_topics import (
    DeskTopics, StreetTopics, council_list, desk_topics, put_on_council_list, street_topics,
)

RunOperation = Callable[..., Any]


def load_topics(desk: ReceptionDesk) -> tuple[DeskTopics, list[dict], StreetTopics]:
    found = desk_topics(desk)
    return found, council_list(desk), street_topics(desk, found.community)


class TopicsDialog(QDialog):
    def __init__(self, run_operation: RunOperation, found: DeskTopics, council: list[dict],
                 street: StreetTopics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("热点话题"))
        self.run_operation = run_operation
        self.found = found
        tonight = found.tonights()
        self.topics = tonight + [t for t in found.topics if t not in tonight]
        self.caption = QLabel(self.tr("{community}及相邻社区最近 {days} 天反复出现的诉求：{n} 个话题（本机记录；"
                                      "全街道的热点见平台通报）").format(
            community=local(found.community) if found.community else self.tr("全街道"), days=found.days,
            n=len(self.topics)))
        self.caption.setObjectName("topicsCaption")
        self.caption.setWordWrap(True)
        self.table = QTableWidget(len(self.topics), 5)
        self.table.setObjectName("topicsTable")
        self.table.setHorizontalHeaderLabels([self.tr("话题"), self.tr("件数"), self.tr("最近"),
                                              self.tr("社区"), self.tr("查询码")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, topic in enumerate(self.topics):
            title = topic.title + (self.tr("（今晚又有）") if topic in tonight else "")
            cells = [title, str(topic.count), clock.local_text(topic.latest),
                     "、".join(local(c) for c in topic.communities),
                     "、".join(p.tracking_code for p in topic.petitions)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.topics:
            self.table.selectRow(0)
        self.street = QLabel(self._street_text(street))
        self.street.setObjectName("streetTopics")
        self.street.setWordWrap(True)
        self.council = QLabel()
        self.council.setObjectName("councilList")
        self.council.setWordWrap(True)
        self._show_council(council)
        self.add_button = QPushButton(self.tr("列入议事会清单"))
        self.add_button.setObjectName("addToCouncilButton")
        self.add_button.setEnabled(bool(self.topics))
        self.add_button.clicked.connect(self.add_selected)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("closeTopicsButton")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.street)
        layout.addWidget(self.council)
        layout.addLayout(buttons)
        self.resize(900, 480)

    def _street_text(self, street: StreetTopics) -> str:
        if not street.fetched_at:
            return self.tr("全街道的热点：同步后由街道平台带回（还没有同步过）。")
        when = clock.local_text(clock.from_text(street.fetched_at))
        if not street.topics:
            return self.tr("全街道的热点（截至 {when} 同步）：没有涉及本社区的。").format(when=when)
        lines = [self.tr("全街道的热点（截至 {when} 同步），涉及本社区的：").format(when=when)]
        lines += [f"• {t['title']}（{t['count']}，{'、'.join(local(c) for c in t['communities'])}）"
                  for t in street.topics[:8]]
        return "\n".join(lines)

    def _show_council(self, entries: list[dict]) -> None:
        if not entries:
            self.council.setText(self.tr("议事会清单：还没有话题。选中一个话题，按“列入议事会清单”。"))
            return
        lines = [self.tr("议事会清单（{n} 项）：").format(n=len(entries))]
        lines += [f"{n}. {e['title']}（{e['count']}）" for n, e in enumerate(entries, start=1)]
        self.council.setText("\n".join(lines))

    def add_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        topic, community = self.topics[rows[0].row()], self.found.community

        def work(desk: ReceptionDesk) -> list[dict]:
            put_on_council_list(desk, topic, community)
            return council_list(desk)

        self.run_operation(work, what="council_add", done=self._show_council)
