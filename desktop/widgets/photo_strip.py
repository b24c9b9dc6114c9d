"""Photos chosen from files, shown as thumbnails that can be removed.

A photo is either a file path (a new photo: the desk shrinks it with Pillow when the case is
saved, on the worker thread) or a PhotoInput already stored with a case being edited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reception.cases import PhotoInput

THUMB = 60
IMAGE_FILTER = "*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff"


def _thumbnail(photo: Any) -> QPixmap | None:
    if isinstance(photo, PhotoInput):
        image = QImage.fromData(photo.data)
    else:
        reader = QImageReader(str(photo))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            # Decode at thumbnail size: a 20-megapixel photo would otherwise freeze the form.
            reader.setScaledSize(size.scaled(QSize(THUMB * 2, THUMB * 2), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image).scaled(
        THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class _Thumb(QWidget):
    def __init__(self, photo: Any, position: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = photo
        self.position = position
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.image = image = QLabel()
        image.setFixedSize(THUMB, THUMB)
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = _thumbnail(photo)
        self._previewable = pixmap is not None
        if pixmap is None:
            image.setProperty("role", "error")
            image.setWordWrap(True)
        else:
            image.setPixmap(pixmap)
        self.remove = QPushButton()
        self.remove.setFixedWidth(THUMB)
        self.remove.setStyleSheet("padding: 1px 2px; font-size: 10pt;")
        self.remove.setObjectName(f"removePhoto{position}")
        layout.addWidget(image)
        layout.addWidget(self.remove)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if not self._previewable:
            self.image.setText(self.tr("无法预览"))
        stored = isinstance(self.photo, PhotoInput)
        self.image.setToolTip(self.tr("已存照片") if stored else Path(str(self.photo)).name)
        self.remove.setText(self.tr("移除 {n}").format(n=self.position))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class PhotoStrip(QWidget):
    photos_changed = Signal()

    def __init__(self, max_count: int | None, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max = max_count
        self._photos: list[Any] = []
        self._thumbs: list[_Thumb] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPhotos")
        self.add_button.setToolTip(hint)
        self.add_button.clicked.connect(self.choose)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        self._hint = QLabel(hint)
        self._hint.setProperty("role", "muted")
        self._hint.setWordWrap(True)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self._row)
        layout.addWidget(self._hint, 1)
        layout.addStretch(0)
        self.dialog: QFileDialog | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("选择照片…"))

    def set_hint(self, hint: str) -> None:
        """The form file's hint, in the desk's language."""
        self.add_button.setToolTip(hint)
        self._hint.setText(hint)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def photos(self) -> list[Any]:
        return list(self._photos)

    def focus_widgets(self) -> list[QWidget]:
        return [self.add_button, *(t.remove for t in self._thumbs)]

    def set_photos(self, photos: list[Any]) -> None:
        self._photos = list(photos)
        self._rebuild()

    def add_paths(self, paths: list[str]) -> None:
        known = {str(p) for p in self._photos if not isinstance(p, PhotoInput)}
        self._photos.extend(p for p in paths if p not in known)
        self._rebuild()
        self.photos_changed.emit()

    def remove_at(self, index: int) -> None:
        del self._photos[index]
        self._rebuild()
        self.photos_changed.emit()
        # Keep the keyboard where the volunteer was, not lost at the top of the window.
        targets = self.focus_widgets()
        targets[min(index + 1, len(targets) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self) -> None:
        """Open a file dialog (Qt's own, so it speaks Chinese and looks the same everywhere)."""
        dialog = QFileDialog(self.window(), self.tr("选择照片"), str(Path.home()))
        dialog.setObjectName("photoDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("图片") + f" ({IMAGE_FILTER})")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(self.add_paths)
        dialog.finished.connect(lambda _r: self.add_button.setFocus(Qt.FocusReason.OtherFocusReason))
        self.dialog = dialog
        dialog.open()

    def _rebuild(self) -> None:
        for thumb in self._thumbs:
            self._row.removeWidget(thumb)
            thumb.deleteLater()
        self._thumbs = []
        for index, photo in enumerate(self._photos):
            thumb = _Thumb(photo, index + 1, self)
            thumb.remove.clicked.connect(lambda _c=False, i=index: self.remove_at(i))
            self._row.addWidget(thumb)
            self._thumbs.append(thumb)
        previous = self.add_button
        for thumb in self._thumbs:
            QWidget.setTabOrder(previous, thumb.remove)
            previous = thumb.remove
        self._hint.setVisible(not self._photos)
        full = self._max is not None and len(self._photos) >= self._max
        self.add_button.setEnabled(not full)
