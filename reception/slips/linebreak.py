"""Breaking Chinese text into lines that fit a slip.

Chinese breaks between any two characters, with two rules every typesetter follows (禁则):
closing punctuation never starts a line and opening brackets never end one. Runs of ASCII
letters, digits and symbols (a tracking code ``K7Q-00A3-X``, a phone number, a URL) are kept whole,
so a resident never has to read a code split over two lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Never at the start of a line.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…%,.;:?!)]}")
# Never at the end of a line.
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")

_ASCII_RUN = re.compile(r"[!-~]+")
# A number keeps its unit: 11月24日, 3天, 1小时 must not break between the digits and the unit.
_UNITS = frozenset("年月日号时点分秒天周个条件岁元")


def _atoms(text: str, keep_together: Sequence[str]) -> list[str]:
    """Unbreakable pieces: protected strings, ASCII runs, single spaces, single other characters."""
    protected = [p for p in keep_together if p]
    atoms: list[str] = []
    i = 0
    while i < len(text):
        hit = next((p for p in protected if text.startswith(p, i)), None)
        if hit is not None:
            atoms.append(hit)
            i += len(hit)
            continue
        match = _ASCII_RUN.match(text, i)
        if match:
            run = match.group()
            # A protected string inside the run starts an atom of its own.
            cut = min((run.find(p) for p in protected if run.find(p) > 0), default=len(run))
            atoms.append(run[:cut])
            i += cut
            continue
        atoms.append(text[i])
        i += 1
    return atoms


def _glue(atoms: list[str]) -> list[str]:
    """Join atoms that may not be separated by a line break."""
    glued: list[str] = []
    pending_open = ""
    for atom in atoms:
        if atom == " ":
            if pending_open:
                pending_open += atom
            else:
                glued.append(atom)
            continue
        atom = pending_open + atom
        pending_open = ""
        if atom[0] in _UNITS and glued and glued[-1][-1].isdigit():
            glued[-1] += atom
        elif atom[0] in NO_LINE_START:
            # Spaces before it are no break opportunity either: "见 ，" must not break there.
            spaces = ""
            while glued and glued[-1] == " ":
                spaces += glued.pop()
            if glued:
                glued[-1] += spaces + atom
            else:
                glued.append(spaces + atom)
        else:
            glued.append(atom)
        if atom[-1] in NO_LINE_END:
            pending_open = glued.pop()
    if pending_open:
        glued.append(pending_open)
    return glued


def break_lines(
    text: str,
    max_width: float,
    width_of: Callable[[str], float],
    keep_together: Sequence[str] = (),
) -> list[str]:
    """Lines of ``text`` no wider than ``max_width`` as measured by ``width_of``.

    Explicit line breaks are kept. A piece that cannot be split (a protected string, or a
    character with its attached punctuation) and is wider than a whole line gets a line of its
    own rather than being cut; an over-long ASCII run that is not protected is cut by character.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, max_width, width_of, keep_together))
    return lines


def _break_paragraph(
    text: str, max_width: float, width_of: Callable[[str], float], keep_together: Sequence[str]
) -> list[str]:
    pieces = _glue(_atoms(text, keep_together))
    lines: list[str] = []
    line = ""
    for piece in pieces:
        candidate = line + piece
        if width_of(candidate.rstrip()) <= max_width or not line.strip():
            if not line.strip() and width_of(piece) > max_width and _cuttable(piece, keep_together):
                cut = _cut(piece, max_width, width_of)
                lines.extend(cut[:-1])
                line = cut[-1]
                continue
            line = candidate if line.strip() else piece.lstrip()
            continue
        lines.append(line.rstrip())
        if width_of(piece) > max_width and _cuttable(piece, keep_together):
            cut = _cut(piece.lstrip(), max_width, width_of)
            lines.extend(cut[:-1])
            line = cut[-1]
        else:
            line = piece.lstrip()
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _cuttable(piece: str, keep_together: Sequence[str]) -> bool:
    if any(p and p in piece for p in keep_together):
        return False
    # An ASCII run, perhaps with brackets, punctuation or a unit glued to it: "（0755-2789…）。"
    core = piece.strip().lstrip("".join(NO_LINE_END)).rstrip("".join(NO_LINE_START | _UNITS))
    return _ASCII_RUN.fullmatch(core) is not None


def _sticks(text: str, i: int) -> bool:
    """Whether text[i] may not start a line: closing punctuation, or a unit after a digit."""
    ch = text[i]
    return ch in NO_LINE_START or (ch in _UNITS and i > 0 and text[i - 1].isdigit())


def _cut(piece: str, max_width: float, width_of: Callable[[str], float]) -> list[str]:
    """Cut an over-long ASCII run (a URL, say) by character, keeping punctuation off line starts."""
    lines: list[str] = []
    start = 0  # where the current line begins in ``piece``
    for i in range(len(piece)):
        line = piece[start:i]
        if not line or width_of(line + piece[i]) <= max_width:
            continue
        # Break before i, or, when piece[i] must not start a line, before the character it
        # sticks to (walking back over a run of such characters).
        k = i
        while k > start and _sticks(piece, k):
            k -= 1
        if k > start and piece[k - 1] not in NO_LINE_END:
            lines.append(piece[start:k])
            start = k
    lines.append(piece[start:])
    return lines
