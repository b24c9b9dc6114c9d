"""Pictures of the slips and of the print preview for docs/: ``python scripts/slip-images.py docs``.

Records a realistic case on a temporary data directory, renders every paper, rasterises it with
``pdftoppm -png -r 150`` (as the issue asks: look at what prints) and grabs the preview dialog
offscreen. Writes docs/slip-80mm.png, docs/slip-58mm.png, docs/receipt-a4.png,
docs/print-preview.png and docs/street-settings.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from composition.services import open_services  # noqa: E402
from reception import street_settings  # noqa: E402
from reception.desk import ReceptionDesk  # noqa: E402
from reception.privacy.keyfile import KdfCost  # noqa: E402
from reception.slips.service import SlipService  # noqa: E402

NAMES = {"80mm": "slip-80mm", "58mm": "slip-58mm", "a4": "receipt-a4"}


def seed(data_dir: Path) -> tuple[ReceptionDesk, str]:
    # Through the composition root, which knows how this desk's database is opened.
    # A throwaway directory: any passphrase, a cheap KDF (the keyfile is deleted with it).
    desk = open_services(data_dir, "slip-images only", kdf_cost=KdfCost(n=2**10)).desk
    moment = datetime(2026, 11, 25, 12, 42, tzinfo=timezone.utc)  # 20:42 on a Wednesday
    desk.now = lambda: moment
    db = desk.db
    desk.set_device_prefix("K7Q")
    desk.open_session(date="2026-11-25", venue="新安广场", community="海旺社区", team=[])
    # 12345 is the government service hotline; a street sets its own with `settings --set`.
    street_settings.save(db, {"hotline": "12345"})
    case = desk.record_case({
        "category": "NOI02", "description": "楼下工地每天晚上十点后还在打桩施工，噪音很大，老人小孩睡不好觉，希望限制夜间施工时间",
        "anonymous": False, "resident_name": "王秀英", "phone": "13812345678", "community": "海旺社区",
        "address": "宝城12区8栋", "urgency": "紧急", "outcome": "转平台办理", "outcome_note": "",
        "receptionist": "志愿者 李明", "photos": [], "consent": True,
    })
    return desk, case.id


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        desk, case_id = seed(data_dir)
        service = SlipService(desk)
        for paper, name in NAMES.items():
            pdf = data_dir / f"{name}.pdf"
            pdf.write_bytes(service.prepare(case_id, paper).rendered.pdf)
            subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(out / name)], check=True)
            print(out / f"{name}.png")
        preview(desk, data_dir, case_id, out / "print-preview.png")
        desk.db.conn.close()


def preview(desk: ReceptionDesk, data_dir: Path, case_id: str, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.application import configure
    from desktop.print_path import slip_printer
    from desktop.printing import SlipPreviewDialog

    app = QApplication.instance() or QApplication([])
    configure(app)

    def run_now(work, *, what, done=None, failed=None, changes=()):
        # Synchronous stand-in for the worker thread: fine for a one-off picture.
        result = work(desk)
        if done is not None:
            done(result)

    settings = street_settings.load(desk.db, desk.form.street)
    dialog = SlipPreviewDialog(run_now, slip_printer(data_dir), case_id, settings)
    dialog.resize(560, 760)
    dialog.show()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
        if dialog.image.pixmap() is not None and not dialog.image.pixmap().isNull():
            break
    app.processEvents()
    dialog.grab().save(str(path))
    print(path)
    # The system's own print dialog, opened from the preview (QPrintDialog).
    dialog.open_system_dialog()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    system = path.with_name("print-dialog-system.png")
    dialog.system_dialog.grab().save(str(system))
    print(system)
    dialog.system_dialog.reject()
    dialog.close()

    from desktop.street_settings_dialog import StreetSettingsDialog

    settings_dialog = StreetSettingsDialog(settings)
    settings_dialog.show()
    app.processEvents()
    settings_dialog.grab().save(str(path.with_name("street-settings.png")))
    print(path.with_name("street-settings.png"))
    settings_dialog.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
