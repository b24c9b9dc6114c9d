"""Errors the desk expects and can explain, told apart from bugs.

Every message is written for the volunteer or team leader (in Chinese), names the field or the
thing concerned, and never repeats a resident's name, phone, address or words.
"""

from __future__ import annotations

from dataclasses import dataclass

from reception.local_text import in_language


class DeskError(Exception):
    """An expected failure with a message fit to show a person."""


@dataclass(frozen=True)
class FieldError:
    field: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"「{self.label}」{self.message}"

    def in_(self, language: str) -> str:
        """The error in a window's language (label and message carry their translations)."""
        label, message = in_language(self.label, language), in_language(self.message, language)
        if language == "en":
            return f"{label}: {message}"
        return f"「{label}」{message}"


class ValidationFailed(DeskError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("；".join(str(e) for e in errors))


class UnknownCase(DeskError):
    """No case on this laptop has that id or tracking code."""


class CaseLocked(DeskError):
    """The case has been synced or voided; the platform (or the void) owns it now."""


class SessionError(DeskError):
    """Tonight's session is not in the state the operation needs (none open, one already open)."""


class StorageError(DeskError):
    """The disk or database refused: full, read-only, locked by another program, damaged."""
