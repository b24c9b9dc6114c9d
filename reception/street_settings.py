"""What a street configures for its slips: its name, hotline, tracking URL, footer, paper, printer.

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

The team leader edits these (``xinan-desk settings --set hotline=0755-12345678``, or the desk's
print dialog); they live in the database's ``settings`` table so that they travel with the data
directory. The stall's name is not a setting: it comes from tonight's session.

The hotline has no default. A made-up number on a slip would send elderly residents to a
stranger, so until the team leader sets the real one the slip says to scan the code or keep the
tracking code, and ``settings`` shows the hotline as not set.

The tracking-page address has no default either, for the same reason: a QR code pointing at a
made-up site leads a resident nowhere. Our platform tells it at enrolment (sync/setup.py); for
another server the team leader types it (the wizard, the street settings dialog, ``settings
--set base_url=``). Until then the slip carries the code and the hotline, no QR code, and says
that online lookup is not open yet.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, fields, replace
from typing import Any, TYPE_CHECKING


from reception.errors import FieldError, ValidationFailed
from reception.local_text import join
from reception.messages import t
from reception.storage import repository as repo
from reception.storage.connection import DATABASE_ERRORS, raise_storage_error
from reception.tracking_url import SECRET_BYTES, base_url_problem
from reception.storage.writing import writing

PAPERS = ("80mm", "58mm", "a4")
_PREFIX = "street."
_SECRET_KEY = "tracking_secret"
# The address earlier versions offered as the default, and their settings dialog stored with the
# other fields when the team leader saved it: it leads nowhere, so it counts as not set.
_OLD_PLACEHOLDER = "https://xinan.example.gov.cn/t/"
_HOTLINE = re.compile(r"^[0-9][0-9 \-]{1,18}[0-9]$")


@dataclass(frozen=True)
class StreetSettings:
    street: str = "新安街道"
    hotline: str = ""  # empty: not set yet (see the module's note)
    base_url: str = ""  # empty: the tracking page's address is not known yet (see the module's note)
    footer: str = "心安夜话 · 件件有回音、事事有着落"
    default_paper: str = "80mm"
    auto_print: bool = False  # print the slip as soon as a case is saved
    printer: str = ""  # CUPS queue for silent printing; empty: ask with the preview


# Names as the team leader types them, with the label used in messages.
LABELS = {
    "street": t("街道名称"),
    "hotline": t("咨询热线"),
    "base_url": t("查询网址"),
    "footer": t("小票页脚"),
    "default_paper": t("默认纸张"),
    "auto_print": t("保存后自动打印"),
    "printer": t("打印机"),
}
# Lists in a message: "、" in Chinese, ", " in English.
LIST_SEPARATOR = {"zh_CN": "、", "zh_TW": "、", "en": ", "}


def defaults(street_name: str | None = None) -> StreetSettings:
    """The defaults, with the street named by the form definition (forms/communities.toml)."""
    base = StreetSettings()
    return replace(base, street=street_name) if street_name else base


def load(db: Database, street_name: str | None = None) -> StreetSettings:
    values: dict[str, Any] = {}
    for f in fields(StreetSettings):
        stored = repo.get_setting(db, _PREFIX + f.name)
        if stored is not None:
            values[f.name] = stored
    if values.get("base_url") == _OLD_PLACEHOLDER:
        values["base_url"] = ""
    return replace(defaults(street_name), **values)


def parse_value(name: str, text: str) -> Any:
    """Turn what the team leader typed into the stored value, or raise ValidationFailed."""
    if name not in LABELS:
        known = join(list(LABELS), LIST_SEPARATOR)
        raise ValidationFailed([FieldError(name, name, t("不是可设置的项目：可以设置 {known}").fill(known=known))])
    label = LABELS[name]

    def refuse(message) -> ValidationFailed:  # a LocalText: the window shows it in its language
        return ValidationFailed([FieldError(name, label, message)])

    value = " ".join(text.split())
    if name == "street":
        if not 2 <= len(value) <= 20:
            raise refuse(t("应为 2 到 20 个字，如 新安街道"))
        return value
    if name == "hotline":
        if value and not _HOTLINE.match(value):
            raise refuse(t("应为电话号码，只用数字和 -，如 0755-27891234 或 12345；留空表示不印热线"))
        return value
    if name == "base_url":
        if not value:
            return value  # not known yet: slips carry the code and the hotline, no QR code
        if value.rstrip("/").lower() + "/" == _OLD_PLACEHOLDER:
            raise refuse(t("这是示例地址，不通向任何查询页：请填平台查询页的真实地址，不知道就留空"))
        problem = base_url_problem(value)
        if problem:
            raise refuse(problem)
        return value
    if name == "footer":
        if len(value) > 30:
            raise refuse(t("太长：最多 30 个字，58mm 小票上要能排成一行"))
        return value
    if name == "default_paper":
        if value.lower() not in PAPERS:
            raise refuse(t("只能是 {choices}").fill(choices=join(list(PAPERS), LIST_SEPARATOR)))
        return value.lower()
    if name == "auto_print":
        truthy, falsy = {"1", "true", "yes", "on", "是", "开"}, {"0", "false", "no", "off", "否", "关"}
        if value.lower() in truthy:
            return True
        if value.lower() in falsy:
            return False
        raise refuse(t("只能是 是 或 否"))
    if name == "printer":
        # CUPS queue names: printable characters other than space, / and #.
        if value and (len(value) > 127 or any(ch in value for ch in " /#\\'\"")):
            raise refuse(t("不是有效的打印机名称（打印机列表里的名字，如 xinan-test）"))
        return value
    raise AssertionError(name)


def save(db: Database, changes: dict[str, str]) -> None:
    """Validate every change first, then store them all in one transaction (or none)."""
    parsed: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, text in changes.items():
        try:
            parsed[name] = parse_value(name, text)
        except ValidationFailed as failure:
            errors.extend(failure.errors)
    if errors:
        raise ValidationFailed(errors)
    try:
        with writing(db):
            for name, value in parsed.items():
                repo.set_setting(db, _PREFIX + name, value)
    except (*DATABASE_ERRORS, OSError) as error:
        raise_storage_error(error)


def tracking_secret(db: Database) -> bytes:
    """This laptop's key for tracking verifiers, made at random the first time it is needed.

    It must never change once slips are printed: the verifier on every slip depends on it.
    It never leaves the laptop: the sync sends each case's verifier, computed from it.
    """
    stored = repo.get_setting(db, _SECRET_KEY)
    if stored is None:
        try:
            with writing(db):
                # Insert-if-missing, then read back: two first prints at once agree on one key.
                repo.add_setting_if_missing(db, _SECRET_KEY, secrets.token_hex(SECRET_BYTES))
                stored = repo.get_setting(db, _SECRET_KEY)
        except (*DATABASE_ERRORS, OSError) as error:
            raise_storage_error(error)
    return bytes.fromhex(stored)
