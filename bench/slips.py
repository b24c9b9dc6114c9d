"""Milliseconds per tracking slip, against a bare reportlab page in the same run.

    .venv/bin/python -m bench.slips [--rounds 60]

For each paper (80mm, 58mm, A4) it times ``SlipService.prepare``: reading the case and the street
settings from a real SQLite file, the HMAC verifier, the wording, Chinese line breaking, layout,
the QR code on the dot grid, and the PDF with its embedded font subset. The floor is the least a
slip could cost with the same tools: a reportlab page with the same QR code (made by the qrcode
library, one rectangle per dark module) and one line of Chinese text in the same embedded font.
Rounds alternate floor and slips, after one unmeasured warm-up of each, and medians are compared.
Prints a Markdown section for docs/benchmarks.md (the "Slips" section).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import qrcode
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bench import machine
from composition.services import open_services
from reception.privacy.keyfile import KdfCost
from reception.slips import fonts
from reception.slips.layout import PAPERS
from reception.slips.service import SlipService

PAPER_KEYS = list(PAPERS)


def floor_page(url: str, code: str) -> bytes:
    """A bare page: the same QR (qrcode, level M, a rectangle per module) and one line of text."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(80 * mm, 120 * mm), invariant=True, pageCompression=1)
    symbol = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    symbol.add_data(url)
    symbol.make(fit=True)
    module = 0.875 * mm
    for r, row in enumerate(symbol.get_matrix()):
        for col, dark in enumerate(row):
            if dark:
                c.rect(10 * mm + col * module, 100 * mm - (r + 1) * module, module, module, stroke=0, fill=1)
    c.setFont(fonts.CJK, 10)
    c.drawString(10 * mm, 10 * mm, f"查询码 {code}")
    c.showPage()
    c.save()
    return buffer.getvalue()


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def measure(rounds: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="xinan-bench-slips-") as tmp:
        # The composition root knows how the file is opened (encrypted; a throwaway passphrase).
        services = open_services(Path(tmp), "bench only", kdf_cost=KdfCost(n=2**10))
        try:
            desk = services.desk
            desk.open_session(date="2026-11-25", venue="新安广场", community="海旺社区", team=[])
            case = desk.record_case(desk.template())
            service = SlipService(desk)
            fonts.register()  # loading the 28,000-glyph font once per process is not per slip
            url = service.prepare(case.id, "80mm").url
            samples: dict[str, list[float]] = {"floor": [], **{k: [] for k in PAPER_KEYS}}
            sizes: dict[str, int] = {}
            floor_page(url, case.tracking_code)  # warm-ups
            for key in PAPER_KEYS:
                service.prepare(case.id, key)
            for _ in range(rounds):
                ms, pdf = timed(lambda: floor_page(url, case.tracking_code))
                samples["floor"].append(ms)
                sizes["floor"] = len(pdf)  # type: ignore[arg-type]
                for key in PAPER_KEYS:
                    ms, slip = timed(lambda k=key: service.prepare(case.id, k))
                    samples[key].append(ms)
                    sizes[key] = len(slip.rendered.pdf)  # type: ignore[attr-defined]
        finally:
            services.close()
    return {"samples": samples, "sizes": sizes, "dir": tmp}


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def report(rounds: int) -> str:
    started = time.perf_counter()
    result = measure(rounds)
    total_s = time.perf_counter() - started
    samples: dict[str, list[float]] = result["samples"]  # type: ignore[assignment]
    sizes: dict[str, int] = result["sizes"]  # type: ignore[assignment]
    floor = statistics.median(samples["floor"])
    floor95 = p95(samples["floor"])
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {when} with `.venv/bin/python -m bench.slips --rounds {rounds}` "
        f"({rounds} rounds, {total_s:.1f} s in all).",
        "",
        "| slip | median | p95 | PDF size | floor median | ratio (median) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key in PAPER_KEYS:
        values = samples[key]
        lines.append(
            f"| {PAPERS[key].label} | {statistics.median(values):.1f} ms | {p95(values):.1f} ms | "
            f"{sizes[key] / 1024:.0f} KiB | {floor:.1f} ms | {statistics.median(values) / floor:.2f}× |"
        )
    lines += [
        f"| floor: bare reportlab page, same QR + one line | {floor:.1f} ms | {floor95:.1f} ms | "
        f"{sizes['floor'] / 1024:.0f} KiB | — | 1.00× |",
        "",
        "Machine:",
        "",
        *[f"- {line}" for line in machine.describe(Path(tempfile.gettempdir()))],
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.slips")
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    print(report(args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
