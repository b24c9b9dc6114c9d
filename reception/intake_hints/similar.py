"""How alike two petitions are, and an index of petitions to find the most alike quickly.

Each petition is a vector of its characters and bigrams (text.features) weighted by inverse
document frequency over the indexed petitions, so 单车 or 篮球场 weigh more than 小区 or 晚上;
two petitions are as alike as the cosine of their vectors. An inverted index per community
(feature → petitions) means a query only touches petitions that share a feature with it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reception.intake_hints.text import features


@dataclass
class _Doc:
    key: str
    community: str
    weights: dict[str, float]  # raw term counts; weighted by idf when scored
    info: Any
    norm: float = 0.0


@dataclass(frozen=True)
class Match:
    key: str
    score: float  # cosine, 0..1
    info: Any = field(compare=False)


class SimilarityIndex:
    def __init__(self) -> None:
        self._docs: dict[str, _Doc] = {}
        self._postings: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._df: dict[str, int] = defaultdict(int)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, key: str) -> bool:
        return key in self._docs

    def idf(self, feature: str) -> float:
        return math.log((len(self._docs) + 1) / (self._df.get(feature, 0) + 1)) + 1.0

    def add(self, key: str, community: str, text: str, info: Any = None) -> None:
        if key in self._docs:
            self.remove(key)
        counts = dict(features(text))
        doc = _Doc(key, community, counts, info)
        self._docs[key] = doc
        postings = self._postings[community]
        for feature in counts:
            postings[feature].add(key)
            self._df[feature] += 1
        doc.norm = self._norm(counts)

    def remove(self, key: str) -> None:
        doc = self._docs.pop(key, None)
        if doc is None:
            return
        postings = self._postings[doc.community]
        for feature in doc.weights:
            postings[feature].discard(key)
            self._df[feature] -= 1

    def _norm(self, counts: dict[str, float]) -> float:
        return math.sqrt(sum((n * self.idf(f)) ** 2 for f, n in counts.items())) or 1.0

    def keys(self) -> Iterable[str]:
        return self._docs.keys()

    def info(self, key: str) -> Any:
        return self._docs[key].info

    def community(self, key: str) -> str:
        return self._docs[key].community

    def query(self, text: str, communities: Iterable[str], *, exclude: Iterable[str] = (),
              threshold: float = 0.0, limit: int = 5) -> list[Match]:
        """The indexed petitions of ``communities`` most like ``text``, best first."""
        counts = features(text)
        return self._rank(counts, communities, set(exclude), threshold, limit)

    def similar_to(self, key: str, communities: Iterable[str], *, threshold: float = 0.0,
                   limit: int = 50) -> list[Match]:
        doc = self._docs[key]
        return self._rank(doc.weights, communities, {key}, threshold, limit)

    def _rank(self, counts, communities, exclude: set[str], threshold: float, limit: int) -> list[Match]:
        if not counts:
            return []
        query = {f: n * self.idf(f) for f, n in counts.items()}
        query_norm = math.sqrt(sum(w * w for w in query.values())) or 1.0
        dots: dict[str, float] = defaultdict(float)
        for community in communities:
            postings = self._postings.get(community)
            if not postings:
                continue
            for feature, weight in query.items():
                keys = postings.get(feature)
                if not keys:
                    continue
                idf = self.idf(feature)
                for key in keys:
                    dots[key] += weight * self._docs[key].weights[feature] * idf
        scored = []
        for key, dot in dots.items():
            if key in exclude:
                continue
            score = dot / (query_norm * self._docs[key].norm)
            if score >= threshold:
                scored.append((score, key))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [Match(key, score, self._docs[key].info) for score, key in scored[:limit]]
