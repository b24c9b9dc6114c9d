"""``xinan-desk slip CODE --print``: the command line prints through the desk's own Qt print path.

Run as a person runs it: the real entry point in its own process, no window, no display (Qt's
offscreen platform), to a cups-pdf queue of the test's own; the arriving PDF is rasterised at
203 dpi and its QR code decoded with zbar.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from desktop_driving import fresh_desk
from reception_support import TEST_PASSPHRASE
from slip_tools import cups_test_printer, decode_qr, pdf_page_sizes_mm, rasterise, wait_for_pdf

from reception.slips.service import SlipService
from reception.tracking_codes import parse

REPO = Path(__file__).resolve().parents[2]

# Slips as an enrolled laptop prints them: with the tracking page's address, so with a QR code.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("tracking_base")]


def xinan_desk(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XINAN_DESK_", "QT_QPA"))}
    env.update(PYTHONIOENCODING="utf-8", XINAN_DESK_PASSPHRASE=TEST_PASSPHRASE)
    env.pop("DISPLAY", None)  # as over SSH: the print path needs no screen
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env, cwd=REPO)


@pytest.fixture
def queue(request) -> tuple[str, Path]:
    name = "xinan-c-" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:10]
    folder = cups_test_printer(name)
    for old in folder.glob("*"):
        old.unlink()
    return name, folder


@pytest.fixture
def code(tmp_path: Path) -> str:
    """A case recorded earlier tonight on the data directory (the test passphrase opens it)."""
    with fresh_desk(tmp_path / "data") as desk:
        return desk.record_case(desk.template()).tracking_code


def case_url(data_dir: Path, code: str) -> str:
    with fresh_desk(data_dir) as desk:
        case = desk.find_case(code)
        return SlipService(desk).case_url(case)


def test_a_slip_prints_from_the_command_line_through_qt_on_a_page_as_long_as_the_slip(
    queue, code, tmp_path
):
    name, folder = queue
    data_dir = tmp_path / "data"
    with fresh_desk(data_dir) as desk:  # the page the command will print (copy 1)
        expected = SlipService(desk).prepare(desk.find_case(code).id, "58mm").rendered
    started = time.time()
    done = xinan_desk(data_dir, "slip", code, "--paper", "58mm", "--print", "--printer", name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(f"{name}-")  # the job's id, for a script
    assert f"查询凭条 {code}已打印：{name}，58mm 热敏卷纸" in done.stderr
    assert "Traceback" not in done.stderr
    arrived = wait_for_pdf(folder, f"xinan-slip-{parse(code).compact}-1_", started)
    assert decode_qr(rasterise(arrived)) == [case_url(data_dir, code)]
    with fresh_desk(data_dir) as desk:
        log = SlipService(desk).print_log(desk.find_case(code).id)
    [(width, height)] = pdf_page_sizes_mm(arrived)
    assert (width, height) == (pytest.approx(58, abs=1), pytest.approx(expected.height_pt * 25.4 / 72, abs=1))
    assert [(e["status"], e["printer"]) for e in log] == [("printed", name)]


def test_the_configured_printer_is_used_when_none_is_named(queue, code, tmp_path):
    name, folder = queue
    data_dir = tmp_path / "data"
    with fresh_desk(data_dir) as desk:
        from reception import street_settings

        street_settings.save(desk.db, {"printer": name, "default_paper": "80mm"})
    started = time.time()
    done = xinan_desk(data_dir, "slip", code, "--print")
    assert done.returncode == 0, done.stderr
    arrived = wait_for_pdf(folder, f"xinan-slip-{parse(code).compact}-1_", started)
    assert pdf_page_sizes_mm(arrived)[0][0] == pytest.approx(80, abs=1)


def test_a_missing_printer_from_the_command_line_says_so_and_saves_the_pdf(code, tmp_path):
    data_dir = tmp_path / "data"
    done = xinan_desk(data_dir, "slip", code, "--paper", "80mm", "--print", "--printer", "no-such-printer")
    assert done.returncode == 1
    saved = Path(done.stdout.strip())
    assert saved == data_dir / "slips" / f"{code}-80mm.pdf" and saved.is_file()
    assert "找不到打印机「no-such-printer」" in done.stderr and "凭条已保存为 PDF" in done.stderr
    assert decode_qr(rasterise(saved)) == [case_url(data_dir, code)]


def test_a_paused_printer_from_the_command_line_is_named(request, code, tmp_path):
    name = "xinan-c-" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:10]
    cups_test_printer(name)
    subprocess.run(["cupsdisable", "-r", "Paused", name], check=True)
    done = xinan_desk(tmp_path / "data", "slip", code, "--print", "--printer", name)
    assert done.returncode == 1
    assert f"打印机「{name}」已停止（已暂停）" in done.stderr
    queued = subprocess.run(["lpstat", "-o", name], capture_output=True, text=True).stdout
    assert queued.strip() == ""


def test_print_and_out_are_one_or_the_other(code, tmp_path):
    data_dir = tmp_path / "data"
    both = xinan_desk(data_dir, "slip", code, "--print", "--out", str(tmp_path / "x.pdf"))
    assert both.returncode == 2 and "--out" in both.stderr
    stray = xinan_desk(data_dir, "slip", code, "--out", str(tmp_path / "x.pdf"), "--printer", "x")
    assert stray.returncode == 2 and "--printer 只能和 --print 一起用" in stray.stderr
    nothing = xinan_desk(data_dir, "slip", code, "--print")
    assert nothing.returncode == 2 and "没有指定打印机" in nothing.stderr
    assert not (tmp_path / "x.pdf").exists()
    with fresh_desk(data_dir) as desk:
        assert SlipService(desk).print_log(desk.find_case(code).id) == []
    assert json.loads(xinan_desk(data_dir, "case", "show", code, "--json").stdout)["tracking_code"] == code


def test_printers_lists_the_systems_printers_and_their_state_without_the_passphrase(request, tmp_path):
    name = "xinan-c-" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:10]
    cups_test_printer(name)
    subprocess.run(["cupsdisable", "-r", "Paused", name], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XINAN_DESK_")}
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "printers"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    listed = dict(line.split("\t", 1) for line in done.stdout.splitlines())
    assert listed[name] == "不可用：已暂停"
    from PySide6.QtPrintSupport import QPrinterInfo

    assert set(listed) == set(QPrinterInfo.availablePrinterNames())
