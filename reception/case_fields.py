"""The one description of a case's fields: the command line's JSON, the export and the retention
purge are derived from it, so adding a field is one edit here (and its column in a migration).

Each field is named as the `Case` attribute and the `cases` column (they are the same); the
description says how the command line and the export write it and whether it is a resident's
personal information under PIPL (purged by retention once the platform has closed the case).
The order is the export's column order, the one a person reads in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Mapping
import dataclasses
from dataclasses import dataclass
from enum import Enum
from typing import Any

from reception import clock
from reception.form_definition import Outcome, Urgency

# What retention leaves in a purged free-text field (and in a correction's note).
PURGED_TEXT = "（个人信息已按保存期限清除）"


class Kind(Enum):
    """How a value leaves the desk as JSON."""

    PLAIN = "plain"  # as it is (a number, or text that may be null)
    TEXT = "text"  # text; a stored null reads as ''
    BOOL = "bool"  # stored as 0/1, written as true/false
    ENUM = "enum"  # an Enum: its value
    TIME = "time"  # a datetime: clock.to_text
    OPTIONAL_TIME = "optional_time"  # a datetime or None
    OPTIONAL_TEXT = "optional_text"  # empty text is null


@dataclass(frozen=True)
class CaseField:
    name: str  # the Case attribute and the cases column
    label: str  # what the desk calls it (Chinese source string)
    kind: Kind = Kind.PLAIN
    json_key: str | None = None  # the command line's JSON key; None: not in its output
    exported: bool = True  # a column of the leader's CSV/JSON export
    personal: bool = False  # a resident's personal information: purged by retention
    purged_to_placeholder: bool = False  # purged to PURGED_TEXT rather than to ''
    enum: type[Enum] | None = None  # for Kind.ENUM: the Enum its stored value names

    def to_stored(self, value: Any) -> Any:
        """The cases column's value for the Case attribute (or the CaseInput value)."""
        if self.kind is Kind.BOOL:
            return int(value)
        if self.kind is Kind.ENUM:
            return value.value
        if self.kind in (Kind.TIME, Kind.OPTIONAL_TIME):
            return clock.to_text(value) if value else None
        return value

    def from_stored(self, value: Any) -> Any:
        """The Case attribute from the stored column's value."""
        if self.kind is Kind.BOOL:
            return bool(value)
        if self.kind is Kind.ENUM:
            assert self.enum is not None
            return self.enum(value)
        if self.kind is Kind.TIME:
            return clock.from_text(value)
        if self.kind is Kind.OPTIONAL_TIME:
            return clock.from_text(value) if value else None
        if self.kind in (Kind.TEXT, Kind.OPTIONAL_TEXT):
            return value or ""
        return value

    def json_value(self, value: Any) -> Any:
        if self.kind is Kind.BOOL:
            return bool(value)
        if self.kind is Kind.ENUM:
            return value.value
        if self.kind is Kind.TIME:
            return clock.to_text(value)
        if self.kind is Kind.OPTIONAL_TIME:
            return clock.to_text(value) if value else None
        if self.kind is Kind.OPTIONAL_TEXT:
            return value or None
        return value


def _f(name: str, label: str, kind: Kind = Kind.PLAIN, json: str | bool = True, **flags: Any) -> CaseField:
    json_key = name if json is True else (json or None)
    return CaseField(name, label, kind, json_key, **flags)


FIELDS: tuple[CaseField, ...] = (
    _f("id", "编号", exported=False),
    _f("tracking_code", "查询码"),
    _f("created_at", "登记时间", Kind.TIME),
    _f("updated_at", "修改时间", Kind.TIME, exported=False),
    _f("accept_by", "受理期限", Kind.TIME, exported=False),
    _f("close_by", "办结期限", Kind.TIME, exported=False),
    _f("session_id", "场次"),
    _f("community", "社区"),
    _f("major_code", "大类代码", json=False, exported=False),
    _f("major_name", "大类", json="major_category"),
    _f("category_code", "类别代码", json="category", exported=False),
    _f("category_name", "诉求类别"),
    _f("department", "责任部门"),
    _f("urgency", "紧急程度", Kind.ENUM, enum=Urgency),
    _f("outcome", "处理结果", Kind.ENUM, enum=Outcome),
    _f("outcome_note", "处理说明", Kind.TEXT, personal=True),
    _f("description", "诉求内容", personal=True, purged_to_placeholder=True),
    _f("anonymous", "匿名", Kind.BOOL),
    _f("consent", "同意保存个人信息", Kind.BOOL, json=False),
    _f("resident_name", "姓名", Kind.TEXT, personal=True),
    _f("phone", "电话", Kind.TEXT, personal=True),
    _f("address", "地址", Kind.TEXT, personal=True),
    _f("id_number", "身份证号", Kind.TEXT, json=False, personal=True),
    _f("receptionist", "接访人"),
    _f("closed_at", "办结时间", Kind.OPTIONAL_TIME),
    _f("voided_at", "作废时间", Kind.OPTIONAL_TIME),
    _f("void_reason", "作废原因", Kind.OPTIONAL_TEXT),
    _f("synced_at", "同步时间", Kind.OPTIONAL_TIME),
    _f("platform_status", "平台状态", Kind.OPTIONAL_TEXT),
    _f("purged_at", "清除时间", Kind.OPTIONAL_TIME, json=False),
    _f("revision", "修订号", exported=False),
    _f("follows_code", "跟进的案件", Kind.OPTIONAL_TEXT, exported=False),
)

BY_NAME = {f.name: f for f in FIELDS}
# The fields tonight's list shows (desktop/widgets/cases_table.py), in its order; then the light.
TABLE = ("created_at", "tracking_code", "category_name", "outcome")
EXPORT_COLUMNS = tuple(f.name for f in FIELDS if f.exported)
JSON_FIELDS = tuple(f for f in FIELDS if f.json_key)
PERSONAL = tuple(f for f in FIELDS if f.personal)


def case_values(case: Any) -> dict[str, Any]:
    """A case's fields as the command line writes them (JSON keys of the description)."""
    return {f.json_key: f.json_value(getattr(case, f.name)) for f in JSON_FIELDS}


def stored_values(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored case's columns as the Case's attributes (without its photos)."""
    return {f.name: f.from_stored(row.get(f.name)) for f in FIELDS}


def input_columns(values: Any) -> dict[str, Any]:
    """The columns a validated CaseInput gives (what the volunteer typed), by the description."""
    typed = {f.name for f in dataclasses.fields(values)}
    return {f.name: f.to_stored(getattr(values, f.name)) for f in FIELDS if f.name in typed}


def purge_assignments(placeholder: str = PURGED_TEXT) -> tuple[str, tuple[str, ...]]:
    """The SET clause (and its parameters) that empties every personal field of a case."""
    clause = ", ".join(f"{f.name} = ?" for f in PERSONAL)
    return clause, tuple(placeholder if f.purged_to_placeholder else "" for f in PERSONAL)
