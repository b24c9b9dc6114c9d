"""PySide6, imported with a cheaper form of the check it makes at every import that follows.

Once PySide6 is imported it replaces ``__import__``, and the first time any module is named in an
import statement after that it asks whether the module's source mentions "PySide6" (for its
``from __feature__ import snake_case`` switching, PYSIDE-2029) through ``inspect.getsource``:
linecache, a search of ``sys.modules`` for the file's module, the file split into lines. Before
the unlock dialog is drawn that is about thirty modules, most of them the standard library's
(typing, os, functools, logging...): 4–6 ms, a tenth of what the desk adds to a bare window.

The same question is answered here from the file's bytes, for modules that have a ``.py`` file;
anything else (built-in, compiled, a file that cannot be read) still goes to PySide's own check,
so the answer is PySide's for every module (tests/desktop/test_application.py compares them).
The check is PySide's private function: if a PySide6 release renames it, nothing is replaced and
the desk only starts as it would without this module.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - installs PySide's import hook and its feature module

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def mentions_pyside(module, pyside_check) -> bool:
    """Whether ``module``'s source says "PySide6", as ``pyside_check`` answers it."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            # Unreadable here (a zip import, a file gone): PySide's own check decides, as before.
            return pyside_check(module)
    return pyside_check(module)


def install() -> bool:
    """Replace PySide's check with the cheaper one; False if this PySide6 has no such check."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if original is None or getattr(original, "pyside_check", None) is not None:
        return original is not None

    def check(module) -> bool:
        return mentions_pyside(module, original)

    check.pyside_check = original  # type: ignore[attr-defined]
    setattr(feature, _CHECK, check)
    return True


install()
