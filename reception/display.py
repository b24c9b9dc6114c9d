"""How this laptop shows the desk: language, night mode, text size.

Kept in the database's ``settings`` table (so they stay with the laptop's data) and applied by
the desk while it is open. Qt-free: the desk reads and writes them through the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass


from reception.errors import FieldError, ValidationFailed
from reception.storage import repository as repo
from reception.storage.writing import writing

if TYPE_CHECKING:  # only in annotations: importing sqlite-utils costs the unlock dialog a third of a second
    from sqlite_utils import Database

LANGUAGES = ("zh_CN", "zh_TW", "en")
TEXT_SCALES = (100, 125, 150, 175, 200)  # percent; 200 % still fits a 1366×768 screen
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
        errors.append(FieldError("language", "界面语言", f"只能是 {'、'.join(LANGUAGES)} 之一"))
    if not isinstance(display.night, bool):
        errors.append(FieldError("night", "夜间模式", "只能是开或关"))
    if display.text_scale not in TEXT_SCALES:
        errors.append(FieldError("text_scale", "文字大小", f"只能是 {'、'.join(f'{s}%' for s in TEXT_SCALES)} 之一"))
    if errors:
        raise ValidationFailed(errors)
    with writing(db):
        repo.set_setting(db, _KEYS["language"], display.language)
        repo.set_setting(db, _KEYS["night"], display.night)
        repo.set_setting(db, _KEYS["text_scale"], display.text_scale)
    return display
