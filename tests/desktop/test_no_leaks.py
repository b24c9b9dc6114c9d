"""A lost laptop gives a finder nothing: after a night of cases recorded through the command line
and the desk (with photos, a slip whose printing failed and was saved as a PDF, a half-typed
draft, an idle lock, a sync to the platform and the desk's own log file), no byte sequence of any
resident's name, phone, address, description or photo appears in any file under the data
directory, in UTF-8, UTF-16-LE or UTF-16-BE."""

from __future__ import annotations

import io
import json
import logging
import random
import sys
from pathlib import Path

import pytest
from desktop_driving import close_window, fresh_desk, settle
from PIL import Image
from PySide6.QtCore import Qt
from slip_tools import pdf_text

from cli.main import main
from composition.logs import setup_logging
from reception import phones, street_settings
from reception.privacy import audit
from reception_support import TEST_PASSPHRASE, TEST_PIN, prepare_data_dir
from sync_support import MemoryKeyring, PlatformServer

FROM_CLI = {
    "resident_name": "欧阳春晓",
    "phone": "13987654321",
    "address": "宝城七十二区幸福里8栋",
    "description": "幸福里8栋楼下的化粪池满溢，臭味很大已经两周",
}
FROM_DESK = {
    "resident_name": "上官秋月",
    "phone": "13765432109",
    "address": "海旺社区明珠苑3座",
    "description": "明珠苑3座电梯经常困人，物业一直不修",
}
IN_DRAFT = {"resident_name": "慕容雪晴", "phone": "13512348765", "description": "雪晴家门口的井盖丢了"}
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def _needles(values: dict[str, str]) -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {}
    for field, text in values.items():
        forms = {text}
        if field == "phone":
            forms |= {phones.normalise(text), phones.national(phones.normalise(text)), text[-8:]}
        if field == "description":
            forms |= {text[:6], text[-6:]}  # a slip's summary, or a cut-off log line, holds a part
        found[field] = [f.encode(encoding) for f in forms for encoding in ENCODINGS]
    return found


def _photo_needles(*blobs: bytes) -> list[bytes]:
    """Slices from the middle of the photo data (the headers are the same in every JPEG)."""
    return [blob[at:at + 24] for blob in blobs for at in (len(blob) // 3, len(blob) // 2, 2 * len(blob) // 3)]


def leaks(root: Path, needles: dict[str, list[bytes]]) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for name, forms in needles.items():
            if any(form in data for form in forms):
                found.append(f"{path.relative_to(root)}: {name}")
    return found


def _noisy_jpeg(path: Path) -> bytes:
    rng = random.Random(20261125)
    image = Image.new("RGB", (800, 600))
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(800 * 600)])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.fixture
def desk_log(data_dir):
    """The desk's own log file, under the data directory, as the application sets it up."""
    data_dir.mkdir(parents=True, exist_ok=True)
    setup_logging(data_dir)
    root = logging.getLogger()
    yield data_dir / "logs" / "desk.log"
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", "").startswith(str(data_dir))]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture
def platform(tmp_path):
    server = PlatformServer(tmp_path / "platform").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def street_secrets(monkeypatch):
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XINAN_DESK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("XINAN_DESK_PIN", TEST_PIN)
    monkeypatch.setenv("XINAN_DESK_NEW_PIN", TEST_PIN)
    yield
    keyring.set_keyring(previous)


def test_nothing_personal_lies_in_the_data_directory_after_a_night(
    data_dir, tmp_path, make_window, volunteer, qtbot, platform, street_secrets, desk_log, capsys
):
    prepare_data_dir(data_dir)
    d = ["--data-dir", str(data_dir)]
    # --- the command line: the PIN, a case with a photo, enrolment ------------------------------
    assert main([*d, "pin"]) == 0
    original_photo = _noisy_jpeg(tmp_path / "photo.jpg")
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({**json.loads(_template(d, capsys)), **FROM_CLI, "photos": ["photo.jpg"]},
                                    ensure_ascii=False), encoding="utf-8")
    assert main([*d, "case", "add", "--json", str(case_file)]) == 0
    cli_code = capsys.readouterr().out.strip()
    _, enrol_code = platform.store.add_device("新安一号", "K7Q")
    assert main([*d, "sync", "--server", platform.url, "--enrol", enrol_code]) == 0
    with fresh_desk(data_dir) as desk:
        street_settings.save(desk.db, {"printer": "no-such-printer"})

    # --- the desk: a case typed and saved, its slip failing to print (saved as a PDF) -----------
    window = make_window()
    form = window.form
    volunteer.pick_category(window, "dc")
    volunteer.tab()
    volunteer.type(FROM_DESK["description"])
    volunteer.tab(2)  # past 匿名
    volunteer.type(FROM_DESK["resident_name"])
    volunteer.tab()
    volunteer.type(FROM_DESK["phone"])
    volunteer.tab()
    volunteer.type("海旺社区")
    volunteer.tab()
    volunteer.type(FROM_DESK["address"])
    volunteer.tab(2)
    volunteer.press(Qt.Key.Key_2)  # outcome: 转平台办理
    volunteer.tab(2)
    volunteer.type("李明")
    volunteer.give_consent()
    volunteer.save()
    errors = lambda: {n: form.error_text(n) for n in form.fields if form.error_text(n)}  # noqa: E731
    qtbot.waitUntil(lambda: window.last_saved_case_id is not None or bool(errors()), timeout=10_000)
    assert not errors(), errors()
    desk_case_id = window.last_saved_case_id
    with qtbot.waitSignal(window.print_actions.finished, timeout=30_000) as printed:
        volunteer.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not printed.args[0].printed and printed.args[0].saved_pdf.is_file()
    saved_pdf = printed.args[0].saved_pdf
    assert data_dir in saved_pdf.parents

    # --- a half-typed case left as a draft, then the idle lock and a wrong passphrase -----------
    settle(qtbot)
    for name in ("description", "resident_name", "phone"):
        form.fields[name].editor.setFocus()
        volunteer.type(IN_DRAFT[name])
    with fresh_desk(data_dir) as desk:
        qtbot.waitUntil(lambda: (desk.load_draft() or {}).get("phone") == IN_DRAFT["phone"], timeout=10_000)
    window.privacy.idle_lock.set_timeout(200)
    qtbot.waitUntil(lambda: window.privacy.idle_lock.locked, timeout=5000)
    settle(qtbot)
    volunteer.type("wrong passphrase")
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.privacy.idle_lock.dialog.message.isVisible())
    volunteer.type(TEST_PASSPHRASE)
    volunteer.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.privacy.idle_lock.locked)
    logging.getLogger("desktop").warning("a line the desk logged tonight")  # the log file exists
    close_window(window, window.services)

    # --- the end of the night: sync everything -------------------------------------------------
    assert main([*d, "sync"]) == 0
    capsys.readouterr()

    # What was recorded is there, behind the passphrase (so the search below can find nothing
    # only because it is encrypted, not because it was never written).
    with fresh_desk(data_dir) as desk:
        cli_case = desk.find_case(cli_code)
        assert cli_case.resident_name == FROM_CLI["resident_name"] and cli_case.is_synced
        assert desk.case(desk_case_id).address == FROM_DESK["address"]
        assert desk.load_draft()["resident_name"] == IN_DRAFT["resident_name"]
        stored_photo = desk.photo_data(cli_case.photos[0].id)
        actions = {e["action"] for e in audit.entries(desk.db)}
    assert {"create", "print", "sync", "unlock", "unlock_failed", "idle_lock", "pin_set", "leader"} <= actions
    assert desk_log.is_file() and (data_dir / "desk.db").is_file()

    needles = {**_needles(FROM_CLI), **{f"desk {k}": v for k, v in _needles(FROM_DESK).items()},
               **{f"draft {k}": v for k, v in _needles(IN_DRAFT).items()},
               "photo": _photo_needles(original_photo, stored_photo)}
    assert leaks(data_dir, needles) == []

    # The slip saved when printing failed carries the masked name and phone only.
    text = pdf_text(saved_pdf)
    assert "上*" in text and "****" in text
    for field in ("resident_name", "phone", "address"):
        assert FROM_DESK[field] not in text.replace(" ", "")

    # The search does find what is there in the clear (it is not a test that cannot fail).
    control = tmp_path / "control"
    control.mkdir()
    (control / "note.txt").write_bytes(FROM_DESK["address"].encode("utf-16-le"))
    (control / "pic.bin").write_bytes(b"x" + stored_photo)
    assert leaks(control, needles) == ["note.txt: desk address", "pic.bin: photo"]


def _template(d, capsys) -> str:
    assert main([*d, "case", "template"]) == 0
    return capsys.readouterr().out
