"""Finding a category by typing: Chinese characters, full pinyin or pinyin initials.

"dc" finds 单车 (dan che), "zaoyin" finds 噪音, "wenchong" finds 蚊虫. Pinyin is computed once
per taxonomy with pypinyin; heteronyms are included so 重/长/行 match either reading.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from pypinyin import Style, pinyin

from reception.form_definition import Category, SubCategory, Taxonomy

_MAX_READINGS = 16  # cap the product of heteronym readings per phrase


@dataclass(frozen=True)
class _Entry:
    category: Category
    item: SubCategory
    hanzi: str
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
            self._entries.append(
                _Entry(category, item, " ".join(words), tuple(full), tuple(initials))
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
        name = e.item.name.lower()
        if name.startswith(q):
            return 1
        if q in name:
            return 2
        if q in e.hanzi.lower():
            return 3
        if any(s.startswith(q) for s in e.spellings) or any(i.startswith(q) for i in e.initials):
            return 4
        if any(q in s for s in e.spellings) or any(q in i for i in e.initials):
            return 5
        return None
