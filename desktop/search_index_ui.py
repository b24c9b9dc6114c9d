"""The look-up index that a laptop which already held cases builds after it opens (see
reception/case_search.py, build_step): one batch per operation on the database worker, newest cases
first, so the window stays responsive and the volunteer's own operations run in between; the
status bar and the find dialog say how far it got until it is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel

from desktop import i18n
from reception.case_search import BuildProgress

def percent(progress: BuildProgress) -> int:
    return min(99, progress.done * 100 // progress.total) if progress.total else 0


def building_words(progress: BuildProgress) -> str:
    """For the find dialog: what can and cannot be found yet."""
    return QCoreApplication.translate(
        "SearchIndex", "查找索引还在建立（已完成 {percent}%，最近的诉求先加入）：较早的诉求可能暂时查不到，请稍后再查。"
    ).format(percent=percent(progress))


class SearchIndexBuilder(QObject):
    """Drives the build; ``progress`` is None when the index is complete (or not known yet)."""

    progressed = Signal(object)  # BuildProgress while building, None once complete

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.progress: BuildProgress | None = None
        self.label = QLabel()
        self.label.setObjectName("searchIndexLabel")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        # A message in the status bar (what became of a slip, leader mode's end, an export) has the
        # bar to itself while it shows: beside this label, 1366 px at 200 % text would cut it. The
        # progress comes back when the message goes (it is in the find dialog meanwhile too).
        window.statusBar().messageChanged.connect(self._show)
        i18n.on_language_change(window, self._show)

    def start(self) -> None:
        self._step()

    def _step(self) -> None:
        if not self.window.operations.accepting:
            return  # closing: the rest is built at the next start
        self.window.operations.submit(lambda desk: desk.build_search_index_step(), what="search_index_step",
                                      done=self._stepped, failed=self._failed)

    def _stepped(self, progress: BuildProgress | None) -> None:
        was_building = self.progress is not None
        self.progress = progress
        self._show()
        self.progressed.emit(progress)
        if progress is not None:
            self._step()
        elif was_building:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("SearchIndex", "查找索引已建好：本机所有诉求都能查到"), 8000)

    def _failed(self, error) -> None:
        # A full disk, say: the window's error bar says so; the build goes on at the next start.
        self.label.hide()
        self.window.show_error(str(error))

    def _show(self, message: str | None = None) -> None:
        if message is None:
            message = self.window.statusBar().currentMessage()
        if self.progress is None or message:
            self.label.hide()
            return
        self.label.setText(QCoreApplication.translate("SearchIndex", "建立查找索引 {percent}%").format(
            percent=percent(self.progress)))
        self.label.setToolTip(QCoreApplication.translate(
            "SearchIndex", "本机原有的 {total} 条诉求正在加入查找索引（最近的先加入，已完成 {done} 条）；登记、打印照常进行。"
        ).format(total=self.progress.total, done=self.progress.done))
        self.label.show()


def install_search_index(window) -> SearchIndexBuilder:
    window.search_index = SearchIndexBuilder(window)
    window.ready.connect(window.search_index.start)
    return window.search_index
