"""Making a case's slip and keeping the print log: the part every way of printing shares.

The desk's print action, the command line and the tests all come through here, so a slip
always carries the right copy number (补打 N) and every copy is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reception import clock, street_settings, tracking_url
from reception.cases import Case
from reception.desk import ReceptionDesk
from reception.errors import CaseLocked, SessionError, StorageError
from reception.slips import content as slip_content
from reception.slips.layout import PAPERS, RenderedSlip, paper, render
from reception.storage import repository as repo
from reception.privacy import audit
from reception.paths import SLIPS_FOLDER, slips_folder  # noqa: F401  (re-exported)
from reception.storage.connection import DATABASE_ERRORS, raise_storage_error
from reception.storage.writing import writing

# How much of the petition fits in two lines on a roll (three on 58 mm), one and a half on A4.
SUMMARY_LIMITS = {"80mm": 36, "58mm": 26, "a4": 60}

PRINTED, SAVED, FAILED = "printed", "saved", "failed"


@dataclass(frozen=True)
class PreparedSlip:
    case_id: str
    tracking_code: str
    copy_number: int
    rendered: RenderedSlip
    url: str

    @property
    def paper(self) -> str:
        return self.rendered.paper.key

    @property
    def file_name(self) -> str:
        """Named by the code, so a volunteer finds it by what is on the case list."""
        suffix = f"-补打{self.copy_number - 1}" if self.copy_number > 1 else ""
        return f"{self.tracking_code}-{self.paper}{suffix}.pdf"


class SlipService:
    def __init__(self, desk: ReceptionDesk) -> None:
        self.desk = desk

    @property
    def db(self):
        return self.desk.db

    def settings(self) -> street_settings.StreetSettings:
        return street_settings.load(self.db, self.desk.form.street)

    def case_url(self, case: Case) -> str:
        """The QR payload; empty while the tracking page's address is not known (no QR code)."""
        base = self.settings().base_url
        if not base:
            return ""
        secret = street_settings.tracking_secret(self.db)
        verifier = tracking_url.tracking_verifier(secret, case.id)
        return tracking_url.tracking_url(base, case.tracking_code, verifier)

    def prepare(self, case_id: str, paper_key: str | None = None) -> PreparedSlip:
        """Render the next copy of the case's slip (not logged until it is printed or saved)."""
        settings = self.settings()
        chosen = paper(paper_key or settings.default_paper).key
        case = self.desk.case(case_id)
        if case.is_voided:
            raise CaseLocked(f"诉求 {case.tracking_code} 已作废，不能打印凭条")
        session = None
        if case.session_id:
            try:
                session = self.desk.session(case.session_id)
            except SessionError:
                session = None
        copy_number = repo.count_slip_copies(self.db, case.id) + 1
        url = self.case_url(case)
        content = slip_content.build(case, session, settings, url, copy_number, SUMMARY_LIMITS[chosen])
        return PreparedSlip(case.id, case.tracking_code, copy_number, render(content, chosen), url)

    def log(self, slip: PreparedSlip, status: str, printer: str = "", detail: str = "") -> None:
        """Record one print, PDF or failed attempt. ``detail`` must never hold personal data."""
        row: dict[str, Any] = {
            "case_id": slip.case_id,
            "printed_at": clock.to_text(self.desk.now()),
            "paper": slip.paper,
            "printer": printer,
            "copy_number": slip.copy_number,
            "status": status,
            "detail": detail[:500],
        }
        try:
            with writing(self.db):
                repo.insert_print_log(self.db, row)
                words = {"printed": "已打印", "saved": "已存为PDF", "failed": "打印失败"}.get(status, status)
                audit.append(self.db, "print", audit.Actor(self.desk.role), case_code=slip.tracking_code,
                             detail=f"{slip.paper} 第{slip.copy_number}份 {words}", at=self.desk.now())
        except (*DATABASE_ERRORS, OSError) as error:
            raise_storage_error(error)

    def print_log(self, case_id: str) -> list[dict[str, Any]]:
        return repo.list_print_log(self.db, case_id)

    def save_pdf(self, slip: PreparedSlip, path: Path) -> Path:
        """Write the PDF atomically (a half-written slip would print garbage)."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(slip.rendered.pdf)
            partial.replace(path)
        except OSError as error:
            raise StorageError(f"无法保存凭条 PDF 到 {path}：{error.strerror}") from None
        return path


__all__ = ["PAPERS", "PreparedSlip", "SlipService", "slips_folder", "PRINTED", "SAVED", "FAILED"]
