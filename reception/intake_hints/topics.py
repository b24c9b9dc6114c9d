"""Hot topics: petitions that recur, found by their words, not merely by their category.

Two petitions belong to one topic when their texts are alike (the IDF cosine of similar.py, at
least TOPIC_SIMILARITY) and they come from the same community or from neighbouring ones
(forms/community_neighbours.toml); a topic is a group of at least two joined so, one alike to
the next (single link). Topics are ranked by how many petitions they hold, then by the latest.
A topic is named by its category and the words its petitions share, never by a resident's text.
"""

from __future__ import annotations

import functools
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from reception import bundle
from reception.intake_hints.categories import shipped_words
from reception.intake_hints.similar import SimilarityIndex
from reception.intake_hints.text import _RUN, _STOP_BIGRAMS, _STOP_CHARS, normalise

NEIGHBOURS_FILE = "community_neighbours.toml"
# Chosen on the labelled set (tests/reception/data/petitions.tsv): see docs/benchmarks.md.
TOPIC_SIMILARITY = 0.30
KEYWORDS = 3
LINK = 0.3  # 1: average link; 0: the sum of likeness to the members (a bigger topic attracts)


@dataclass(frozen=True)
class Petition:
    key: str  # the case id (desk) or request id (platform)
    tracking_code: str
    community: str
    category: str  # the item's name
    created_at: datetime
    text: str


@dataclass(frozen=True)
class Topic:
    petitions: tuple[Petition, ...]  # newest first
    keywords: tuple[str, ...]  # the bigrams most of its petitions share, most telling first

    @property
    def count(self) -> int:
        return len(self.petitions)

    @property
    def latest(self) -> datetime:
        return self.petitions[0].created_at

    @property
    def category(self) -> str:
        return Counter(p.category for p in self.petitions).most_common(1)[0][0]

    @property
    def communities(self) -> tuple[str, ...]:
        counts = Counter(p.community for p in self.petitions)
        return tuple(c for c, _ in counts.most_common())

    @property
    def title(self) -> str:
        return f"{self.category}：{'、'.join(self.keywords)}" if self.keywords else self.category


def shipped_neighbours() -> dict[str, set[str]]:
    """Each community's neighbours from forms/community_neighbours.toml ({} when it is missing)."""
    try:
        with open(bundle.shipped_forms_dir() / NEIGHBOURS_FILE, "rb") as f:
            pairs = tomllib.load(f).get("pairs", [])
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return neighbours_from_pairs(p for p in pairs if isinstance(p, list) and len(p) == 2)


def neighbours_from_pairs(pairs: Iterable[Iterable[str]]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        result[a].add(b)
        result[b].add(a)
    return dict(result)


def find_topics(petitions: Iterable[Petition], neighbours: Mapping[str, set[str]] | None = None,
                threshold: float = TOPIC_SIMILARITY, min_count: int = 2,
                place_names: Iterable[str] = ()) -> list[Topic]:
    """Group the petitions into recurring topics, in the order they were told.

    Each petition joins the existing topic it is most alike on average (average link: alike to
    the topic as a whole, not to one member, so topics do not chain into each other), when that
    average reaches ``threshold`` and the topic has a petition of the same or a neighbouring
    community; else it starts a topic of its own. ``place_names`` (the street's community names)
    are taken out of the texts first: that two petitions name 布心 makes them neighbours, which
    the communities already say, not the same matter.
    """
    neighbours = shipped_neighbours() if neighbours is None else neighbours
    strip = sorted({n.removesuffix("社区") for n in place_names if len(n.removesuffix("社区")) >= 2}, key=len,
                   reverse=True)
    ordered = sorted(petitions, key=lambda p: (p.created_at, p.key))
    index = SimilarityIndex()
    for p in ordered:
        index.add(p.key, p.community, _without(p.text, strip))
    topic_of: dict[str, int] = {}
    members: list[list[Petition]] = []
    for p in ordered:
        nearby = {p.community, *neighbours.get(p.community, ())}
        alike: dict[int, float] = defaultdict(float)
        for match in index.similar_to(p.key, nearby, threshold=threshold / 3, limit=200):
            t = topic_of.get(match.key)
            if t is not None:
                alike[t] += match.score
        best, best_score = None, 0.0
        for t, total in alike.items():
            score = total / len(members[t]) ** LINK
            if score >= threshold and score > best_score:
                best, best_score = t, score
        if best is None:
            members.append([p])
            topic_of[p.key] = len(members) - 1
        else:
            members[best].append(p)
            topic_of[p.key] = best
    topics = []
    for group in members:
        if len(group) < min_count:
            continue
        group.sort(key=lambda p: (p.created_at, p.key), reverse=True)
        topics.append(Topic(tuple(group), _keywords(group, index, strip)))
    topics.sort(key=lambda t: (-t.count, -t.latest.timestamp(), t.petitions[0].key))
    return topics


def _without(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, "，")
    return text


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """Words that name matters: every item's words in forms/category_words.toml."""
    words = {w for ws in shipped_words().values() for w in ws if len(w) >= 2}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _keywords(members: list[Petition], index: SimilarityIndex, strip: list[str]) -> tuple[str, ...]:
    """Words that most of the topic's petitions use: the taxonomy's words first (蟑螂、消杀、
    共享单车), else the bigrams they share; never a run of a resident's sentence."""
    texts = [normalise(_without(p.text, strip)) for p in members]
    enough = max(2, (len(members) + 1) // 2)
    known = [w for w in _vocabulary() if sum(1 for t in texts if w in t) >= enough]
    chosen: list[str] = []
    for word in sorted(known, key=lambda w: (-sum(1 for t in texts if w in t), -len(w), w)):
        if not any(word in c for c in chosen):
            chosen.append(word)
        if len(chosen) >= KEYWORDS:
            return tuple(chosen)
    shared: Counter[str] = Counter()
    for t in texts:
        shared.update({t[i:i + 2] for i in range(len(t) - 1)})
    for pair in sorted((p for p, n in shared.items() if n >= enough), key=lambda p: (-shared[p] * index.idf(p), p)):
        if (_RUN.fullmatch(pair) and pair not in _STOP_BIGRAMS and not any(ch in _STOP_CHARS for ch in pair)
                and not any(set(pair) & set(c) for c in chosen)):
            chosen.append(pair)
        if len(chosen) >= KEYWORDS:
            break
    return tuple(chosen)


def topic_summary(topic: Topic) -> dict:
    """A topic as the platform tells the laptops of its street: no codes, no resident's words."""
    return {"title": topic.title, "category": topic.category, "count": topic.count,
            "communities": list(topic.communities), "latest": topic.latest.isoformat(timespec="seconds")}
