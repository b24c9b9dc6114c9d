"""Photos chosen through the file dialog are shown as thumbnails, can be removed, and are stored
downscaled with the case."""

from __future__ import annotations

from desktop_driving import focused, fresh_desk, settle
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from reception_support import valid_case


def _choose_through_the_dialog(window, volunteer, qtbot, path) -> None:
    strip = window.form.fields["photos"].strip
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QFileDialog, "photoDialog")
    assert dialog is not None and dialog.isVisible()
    settle(qtbot)
    assert focused().objectName() == "fileNameEdit"
    volunteer.type(str(path))
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "photoDialog") is None)


def test_photos_are_chosen_shown_removed_and_stored_downscaled(window, volunteer, qtbot, data_dir, tmp_path):
    big = tmp_path / "big.png"
    Image.new("RGB", (4000, 3000), "#3366aa").save(big)
    other = tmp_path / "other.jpg"
    Image.new("RGB", (800, 600), "#aa6633").save(other)
    strip = window.form.fields["photos"].strip

    _choose_through_the_dialog(window, volunteer, qtbot, big)
    _choose_through_the_dialog(window, volunteer, qtbot, other)
    assert strip.photos() == [str(big), str(other)]
    thumbnails = [label for label in strip.findChildren(QLabel) if label.pixmap() and not label.pixmap().isNull()]
    assert len(thumbnails) == 2 and all(t.pixmap().width() <= 60 for t in thumbnails)

    qtbot.mouseClick(strip.findChild(QPushButton, "removePhoto2"), Qt.MouseButton.LeftButton)
    assert strip.photos() == [str(big)]

    values = valid_case()
    window.form.load({k: v for k, v in values.items() if k != "photos"})
    window.form.fields["description"].editor.setFocus()
    volunteer.save()
    qtbot.waitUntil(lambda: window.last_saved_case_id is not None)
    with fresh_desk(data_dir) as desk:
        case = desk.case(window.last_saved_case_id)
        [photo] = case.photos
        assert max(photo.width, photo.height) == 1600 and photo.mime == "image/jpeg"
        assert len(desk.photo_data(photo.id)) == photo.size
    assert strip.photos() == [], "the next resident starts without photos"


def test_a_file_that_is_not_an_image_is_named_under_photos_and_nothing_is_stored(window, volunteer, qtbot, data_dir, tmp_path):
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a picture", encoding="utf-8")
    window.form.load({k: v for k, v in valid_case().items() if k != "photos"})
    window.form.fields["photos"].strip.add_paths([str(notes)])
    window.form.fields["description"].editor.setFocus()
    volunteer.save()
    qtbot.waitUntil(lambda: window.form.error_text("photos") != "")
    assert "第 1 张不是能识别的图片文件" == window.form.error_text("photos")
    with fresh_desk(data_dir) as desk:
        assert desk.case_count() == 0
