"""Checking slips the way a printer and a phone see them, for the slip and print-path tests.

Real tools only: poppler's pdftoppm/pdftotext/pdffonts, zbar's zbarimg, and CUPS with cups-pdf.
A missing tool fails the test with the command that installs it; nothing is ever skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
DPI = 203


def tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if path is None:
        pytest.fail(f"{name} is not installed: run scripts/install-system-deps.sh test (as root)")
    return path


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool(args[0]), *args[1:]], capture_output=True, text=True, timeout=timeout)


def rasterise(pdf: Path, dpi: int = DPI, page: int = 1) -> Path:
    """The page as a 1-bit image at the printer's resolution, as a thermal head prints it."""
    prefix = pdf.with_name(f"{pdf.stem}-p{page}-{dpi}")
    done = run("pdftoppm", "-r", str(dpi), "-mono", "-f", str(page), "-l", str(page), "-singlefile",
               str(pdf), str(prefix))
    assert done.returncode == 0, done.stderr
    return prefix.with_suffix(".pbm")


def decode_qr(image: Path) -> list[str]:
    """Every QR payload zbarimg finds in the image (zbarimg exits 4 when it finds none)."""
    done = run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image))
    assert done.returncode in (0, 4), done.stderr
    return [line for line in done.stdout.splitlines() if line]


def pdf_text(pdf: Path) -> str:
    done = run("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    assert done.returncode == 0, done.stderr
    return done.stdout


def pdf_fonts(pdf: Path) -> str:
    done = run("pdffonts", str(pdf))
    assert done.returncode == 0, done.stderr
    return done.stdout


def word_box(pdf: Path, word: str) -> tuple[float, float, float, float]:
    """(x_min, y_min, x_max, y_max) in points from the top-left, of the first such word."""
    import re

    done = run("pdftotext", "-bbox", str(pdf), "-")
    assert done.returncode == 0, done.stderr
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', done.stdout):
        if m.group(5) == word:
            return tuple(float(m.group(i)) for i in range(1, 5))  # type: ignore[return-value]
    raise AssertionError(f"{word!r} not found as a word in {pdf.name}")


def ink_height_mm(image: Path, box_pt: tuple[float, float, float, float], dpi: int = DPI) -> float:
    """Height of the glyphs inside a word's box, leaving out full-width ruled lines."""
    x0, y0, x1, y1 = (round(v * dpi / 72) for v in box_pt)
    with Image.open(image) as img:
        img = img.convert("1")
        rows = []
        for y in range(max(0, y0 - 4), min(img.height, y1 + 4)):
            dark = sum(1 for x in range(x0 + 1, x1 - 1) if img.getpixel((x, y)) == 0)
            if 0 < dark < 0.9 * (x1 - x0 - 2):
                rows.append(y)
    assert rows, "no ink found in the word's box"
    return (rows[-1] - rows[0] + 1) / dpi * 25.4


def assert_whole_dot_modules(image: Path, left: int, top: int, dots: int, modules) -> None:
    """Each QR module, at (left, top) in the 1-bit image's dots, is exactly dots × dots of one
    colour, and the symbol has four modules of white on every side (its quiet zone)."""
    with Image.open(image) as img:
        pixels = img.convert("1").load()
        for r, row in enumerate(modules):
            for c, dark in enumerate(row):
                block = {pixels[left + c * dots + i, top + r * dots + j] == 0
                         for i in range(dots) for j in range(dots)}
                assert block == {dark}, (r, c)
        n, quiet = len(modules), 4 * dots
        for x in range(left - quiet, left + n * dots + quiet):
            for y in [*range(top - quiet, top), *range(top + n * dots, top + n * dots + quiet)]:
                assert pixels[x, y] != 0, (x, y)
        for y in range(top, top + n * dots):
            for x in [*range(left - quiet, left), *range(left + n * dots, left + n * dots + quiet)]:
                assert pixels[x, y] != 0, (x, y)


def embedded_images(pdf: Path) -> list[tuple[Path, int, int]]:
    """The pictures inside a PDF as they are stored (no resampling), with their x/y resolution.

    What a spooler hands on: for a slip printed through Qt, the dots the desk drew."""
    listed = run("pdfimages", "-list", str(pdf))
    assert listed.returncode == 0, listed.stderr
    ppi = [(int(cols[12]), int(cols[13])) for cols in (line.split() for line in listed.stdout.splitlines()[2:])]
    prefix = pdf.with_name(f"{pdf.stem}-image")
    done = run("pdfimages", "-png", str(pdf), str(prefix))
    assert done.returncode == 0, done.stderr
    files = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    assert len(files) == len(ppi), (files, ppi)
    return [(f, x, y) for f, (x, y) in zip(files, ppi, strict=True)]


def pdf_page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in millimetres of every page."""
    import re

    done = run("pdfinfo", "-f", "1", "-l", "99", str(pdf))
    assert done.returncode == 0, done.stderr
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", done.stdout)
    return [(float(w) * 25.4 / 72, float(h) * 25.4 / 72) for w, h in sizes]


# --- CUPS with cups-pdf -------------------------------------------------------------------------

def cups_test_printer(queue: str = "xinan-test", jams: bool = False, offline: bool = False) -> Path:
    """Start CUPS if needed and make sure the queue exists and is enabled; return its output
    folder (cups-pdf), or, with ``jams``, make it a printer that jams on every job, or, with
    ``offline``, one that is unplugged."""
    script = ROOT / "scripts" / "cups-test-printer.sh"
    args = [str(script), queue] + (["--jams"] if jams else []) + (["--offline"] if offline else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        pytest.fail(f"CUPS with the cups-pdf printer could not be set up:\n{done.stderr.strip()}")
    lines = done.stdout.strip().splitlines()
    return Path(lines[-1]) if lines and not (jams or offline) else Path()


def wait_for_pdf(folder: Path, name_part: str, since: float, timeout: float = 60) -> Path:
    """The PDF cups-pdf wrote, after ``since`` (a time.time()), for a job whose title contains
    ``name_part``. Older files are ignored: codes are random per data directory and may repeat."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = sorted(
            (p for p in folder.glob("*.pdf") if name_part in p.name and p.stat().st_mtime >= since - 1),
            key=lambda p: p.stat().st_mtime,
        )
        # cups-pdf writes the file in place: wait until its size stops changing.
        if found:
            size = found[-1].stat().st_size
            time.sleep(0.3)
            if size and size == found[-1].stat().st_size:
                return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no PDF with {name_part!r} in its name arrived in {folder} within {timeout} s")
