"""Suggesting a category from the description: naive Bayes over characters and bigrams.

It learns, offline, from the taxonomy itself (each item's name, its major category's name, its
keywords), from the words residents use for each item (forms/category_words.toml), and from the
cases this laptop has recorded (the description and the category the volunteer chose), so it
comes to speak the street's own language. The volunteer always confirms: a suggestion never sets
the category by itself.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reception import bundle
from reception.form_definition import Taxonomy
from reception.intake_hints.text import features

WORDS_FILE = "category_words.toml"
NAME_WEIGHT = 3.0  # an item's own name says most about it
KEYWORD_WEIGHT = 2.0
WORD_WEIGHT = 1.5
CASE_WEIGHT = 1.0
CASE_SHARE = 0.5  # at most, how much past cases weigh against the taxonomy's own words
CASE_RAMP = 20  # an item's past cases weigh half of CASE_SHARE once it has this many
SMOOTHING = 0.05
MIN_FEATURES = 2  # fewer than this (one character typed): no suggestion yet


@dataclass(frozen=True)
class Suggestion:
    code: str
    name: str  # 大类/小类
    share: float  # the model's posterior, 0..1: how sure it is


def shipped_words() -> dict[str, list[str]]:
    """The words of forms/category_words.toml by item code ({} when the file is missing)."""
    path = bundle.shipped_forms_dir() / WORDS_FILE
    try:
        with open(path, "rb") as f:
            words = tomllib.load(f).get("words", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {code: [w for w in ws if isinstance(w, str)] for code, ws in words.items() if isinstance(ws, list)}


class CategorySuggester:
    def __init__(self, taxonomy: Taxonomy, words: Mapping[str, Iterable[str]] | None = None) -> None:
        self._names: dict[str, str] = {}
        # Two models per item, mixed when scoring: what the taxonomy and its words say, and what
        # past cases say. Kept apart so that a few hundred cases never drown out the names.
        self._counts: dict[str, Counter[str]] = {}
        self._totals: dict[str, float] = {}
        self._case_counts: dict[str, Counter[str]] = {}
        self._case_totals: dict[str, float] = {}
        self._cases: Counter[str] = Counter()
        self._vocabulary: set[str] = set()
        words = shipped_words() if words is None else words
        for category, item in taxonomy.items():
            code = item.code
            self._names[code] = f"{category.name}/{item.name}"
            self._counts[code] = Counter()
            self._totals[code] = 0.0
            self._case_counts[code] = Counter()
            self._case_totals[code] = 0.0
            self._add(code, item.name, NAME_WEIGHT)
            self._add(code, category.name, 1.0)
            for keyword in item.keywords:
                self._add(code, keyword, KEYWORD_WEIGHT)
            for word in words.get(code, ()):
                self._add(code, word, WORD_WEIGHT)

    def _add(self, code: str, text: str, weight: float, from_case: bool = False) -> None:
        counts = (self._case_counts if from_case else self._counts)[code]
        totals = self._case_totals if from_case else self._totals
        for feature, n in features(text).items():
            counts[feature] += n * weight
            totals[code] += n * weight
            self._vocabulary.add(feature)

    def learn(self, code: str, description: str) -> None:
        """A recorded case: its description teaches the category the volunteer chose."""
        if code in self._counts and description:
            self._add(code, description, CASE_WEIGHT, from_case=True)
            self._cases[code] += 1

    def learn_many(self, cases: Iterable[tuple[str, str]]) -> None:
        for code, description in cases:
            self.learn(code, description)

    def suggest(self, text: str, limit: int = 3) -> list[Suggestion]:
        wanted = features(text)
        if sum(1 for f in wanted if len(f) > 1 or not ("\u3400" <= f <= "\u9fff")) < MIN_FEATURES:
            return []
        known = {f: n for f, n in wanted.items() if f in self._vocabulary}
        if not known:
            return []
        size = len(self._vocabulary)
        all_cases = sum(self._cases.values())
        scores = {}
        for code, counts in self._counts.items():
            # The prior leans, gently, towards what this street's volunteers choose most often.
            prior = math.log((self._cases[code] + 1) / (all_cases + len(self._counts)))
            seed_total = self._totals[code] + SMOOTHING * size
            cases, case_total = self._case_counts[code], self._case_totals[code]
            # Past cases weigh more as they accumulate: a handful never outvote the names.
            share = CASE_SHARE * self._cases[code] / (self._cases[code] + CASE_RAMP)
            score = prior
            for f, n in known.items():
                p = (counts.get(f, 0.0) + SMOOTHING) / seed_total
                if case_total:
                    p = (1 - share) * p + share * (cases.get(f, 0.0) + SMOOTHING) / (case_total + SMOOTHING * size)
                score += n * math.log(p)
            scores[code] = score
        best = max(scores.values())
        weights = {code: math.exp(s - best) for code, s in scores.items()}
        total = sum(weights.values())
        ranked = sorted(weights, key=lambda code: -weights[code])[:limit]
        return [Suggestion(code, self._names[code], weights[code] / total) for code in ranked]
