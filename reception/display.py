"""How this laptop shows the desk: language, night mode, text size.

Kept in the database's ``settings`` table (so they stay with the laptop's data) and applied by
the desk while it is open. Qt-free: the desk reads and writes them through the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass


from reception.errors import FieldError, ValidationFailed
from reception.local_text import join
from reception.messages import t
from reception.storage import repository as repo
from reception.storage.writing import writing

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

LANGUAGES = ("zh_CN", "zh_TW", "en")
TEXT_SCALES = (100, 125, 150, 175, 200)  # percent; 200 % still fits a 1366×768 screen
_SEPARATOR = {"zh_CN": "、", "zh_TW": "、", "en": ", "}  # between the choices a message lists
_KEYS = {"language": "display.language", "night": "display.night", "text_scale": "display.text_scale"}


@dataclass(frozen=True)
class Display:
    language: str = "zh_CN"
    night: bool = False
    text_scale: int = 100


def load(db: Database) -> Display:
    """The saved display settings; anything missing or not understood falls back to the default."""
    default = Display()
    language = repo.get_setting(db, _KEYS["language"])
    night = repo.get_setting(db, _KEYS["night"])
    scale = repo.get_setting(db, _KEYS["text_scale"])
    return Display(
        language=language if language in LANGUAGES else default.language,
        night=night if isinstance(night, bool) else default.night,
        text_scale=scale if scale in TEXT_SCALES else default.text_scale,
    )


def save(db: Database, display: Display) -> Display:
    """Store ``display`` (all or nothing); a value the desk cannot show is refused by name."""
    errors = []
    if display.language not in LANGUAGES:
        errors.append(FieldError("language", t("界面语言"), t("只能是 {choices} 之一").fill(choices=join(list(LANGUAGES), _SEPARATOR))))
    if not isinstance(display.night, bool):
        errors.append(FieldError("night", t("夜间模式"), t("只能是开或关")))
    if display.text_scale not in TEXT_SCALES:
        scales = join([f"{s}%" for s in TEXT_SCALES], _SEPARATOR)
        errors.append(FieldError("text_scale", t("文字大小"), t("只能是 {choices} 之一").fill(choices=scales)))
    if errors:
        raise ValidationFailed(errors)
    with writing(db):
        repo.set_setting(db, _KEYS["language"], display.language)
        repo.set_setting(db, _KEYS["night"], display.night)
        repo.set_setting(db, _KEYS["text_scale"], display.text_scale)
    return display
