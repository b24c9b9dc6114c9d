"""Exporting the cases (CSV for a spreadsheet, or JSON), for the team leader only, and logged.

The file is written where the team leader says (a USB stick, the street's share), never into the
data directory, and is plain text: whoever holds it holds residents' details, as the command and
the desk say before writing it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reception import case_fields
from reception.errors import DeskError
from reception.privacy import audit, file_modes
from reception.privacy.roles import Access
from reception.storage import repository as repo
from reception.storage.writing import writing

FORMATS = ("csv", "json")
COLUMNS = case_fields.EXPORT_COLUMNS


# A spreadsheet reads a cell that starts with one of these as a formula (=HYPERLINK(...) sends the
# reader's clicks elsewhere, @SUM(...) and DDE payloads run); tab and CR start one in some of them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text cell a spreadsheet shows as typed: prefixed with ' when it would start a formula.

    The JSON export keeps the text as it is (no spreadsheet reads it); only the CSV needs this.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class ExportError(DeskError):
    """The export could not be written where asked (or was asked into the data directory)."""


def export_cases(desk, access: Access, out: Path, fmt: str, data_dir: Path) -> int:
    """Write every case to ``out``; returns how many. Raises LeaderRequired for a volunteer."""
    access.require_leader("export")
    if fmt not in FORMATS:
        raise ExportError(f"导出格式只能是 {'、'.join(FORMATS)}")
    out = Path(out)
    # Everything under the data directory is encrypted or free of personal data; keep it so.
    if Path(data_dir).resolve() in out.resolve().parents:
        raise ExportError("不能导出到接访台的数据目录里：请选择U盘或其他文件夹")
    rows = [{c: r.get(c) for c in COLUMNS} for r in repo.list_cases_for_export(desk.db)]
    booleans = [c for c in COLUMNS if case_fields.BY_NAME[c].kind is case_fields.Kind.BOOL]
    for row in rows:
        row.update((c, bool(row[c])) for c in booleans)
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({c: neutralise_formula(v) for c, v in row.items()} for row in rows)
        # Excel on a Chinese Windows opens UTF-8 CSV correctly only with the byte-order mark.
        text = "\ufeff" + buffer.getvalue()
    try:
        # Residents' details: 0600, whatever the stick or share would give a new file.
        file_modes.write_private(out, text.encode("utf-8"), out.with_name(out.name + ".part"))
    except OSError as error:
        raise ExportError(f"无法写入导出文件：{error.strerror}") from None
    with writing(desk.db):
        audit.append(desk.db, "export", audit.Actor(access.role), detail=f"{len(rows)} 条，{fmt.upper()}", at=desk.now())
    return len(rows)
