"""Finding a category by typing: Chinese characters, full pinyin or pinyin initials.

"dc" finds 单车 (dan che), "zaoyin" finds 噪音, "wenchong" finds 蚊虫. Pinyin is computed once
per taxonomy with pypinyin; heteronyms are included so 重/长/行 match either reading.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pypinyin import Style, pinyin

from reception.form_definition import Category, SubCategory, Taxonomy

_MAX_READINGS = 16
_WORDS = re.compile(r"[a-z0-9']+")  # cap the product of heteronym readings per phrase


@dataclass(frozen=True)
class _Entry:
    category: Category
    item: SubCategory
    hanzi: str
    names: tuple[str, ...]  # the item's name in Chinese (简体 and 繁體, as the form file gives)
    latin: tuple[str, ...]  # its English name and its category's, without spaces, lower case
    word_starts: tuple[frozenset[int], ...]  # where each word of those begins
    spellings: tuple[str, ...]  # full pinyin, no spaces
    initials: tuple[str, ...]


def _readings(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    syllables = pinyin(text, style=Style.NORMAL, heteronym=True, errors="default")
    full, initials = set(), set()
    for combo in itertools.islice(itertools.product(*syllables), _MAX_READINGS):
        words = [s.lower() for s in combo]
        full.add("".join(words))
        initials.add("".join(w[0] for w in words if w))
    return tuple(sorted(full)), tuple(sorted(initials))


def _translations(text: str) -> list[str]:
    return list(dict.fromkeys([text, *getattr(text, "translations", {}).values()]))


def _starts(words: list[str]) -> frozenset[int]:
    starts, at = set(), 0
    for word in words:
        starts.add(at)
        at += len(word)
    return frozenset(starts)


class CategoryIndex:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self._entries: list[_Entry] = []
        for category, item in taxonomy.items():
            words = [item.name, category.name, *item.keywords]
            full: list[str] = []
            initials: list[str] = []
            for word in words:
                f, i = _readings(word)
                full.extend(f)
                initials.extend(i)
            # A volunteer at a desk in 繁體中文 or English types in that language too.
            chinese = [n for n in _translations(item.name) if not n.isascii()]
            latin = [_WORDS.findall(n.lower()) for n in _translations(item.name) + _translations(category.name) if n.isascii()]
            names = tuple(dict.fromkeys(chinese))
            others = [n for n in _translations(category.name) if n != category.name and not n.isascii()]
            self._entries.append(
                _Entry(category, item, " ".join([*words, *names, *others]), names,
                       tuple("".join(w) for w in latin), tuple(_starts(w) for w in latin),
                       tuple(full), tuple(initials))
            )

    def search(self, query: str, limit: int | None = None) -> list[tuple[Category, SubCategory]]:
        """Items matching the query, best first: name start, then anywhere, then pinyin."""
        q = "".join(query.split()).lower()
        if not q:
            return [(e.category, e.item) for e in self._entries][:limit]
        scored = []
        for order, e in enumerate(self._entries):
            score = self._score(e, q)
            if score is not None:
                scored.append((score, order, e))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [(e.category, e.item) for _, _, e in scored][:limit]

    @staticmethod
    def _score(e: _Entry, q: str) -> int | None:
        if e.item.code.lower() == q:
            return 0
        if any(name.startswith(q) for name in e.names):
            return 1
        if any(q in name for name in e.names):
            return 2
        if q in e.hanzi.lower():
            return 3
        # English: the query starts at a word ("bike", "shared bi", "noise") — not inside one, so
        # that pinyin initials such as "dc" are not found in "chilDCare".
        latin = "".join(_WORDS.findall(q))
        if latin and any(any(name.startswith(latin, at) for at in starts) for name, starts in zip(e.latin, e.word_starts)):
            return 3
        if any(s.startswith(q) for s in e.spellings) or any(i.startswith(q) for i in e.initials):
            return 4
        if any(q in s for s in e.spellings) or any(q in i for i in e.initials):
            return 5
        return None
