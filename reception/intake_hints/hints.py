"""The intake hints of one desk: built once from the laptop's records, kept up to date as cases
are recorded, asked on every pause in typing.

Lives on the desk's worker thread (like the database connection); the window asks it through an
operation and shows the answer. The offer's wording is the window's; this gives the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from reception import clock
from reception.desk import ReceptionDesk
from reception.intake_hints.categories import CategorySuggester, Suggestion
from reception.intake_hints.similar import SimilarityIndex
from reception.storage import repository as repo

LEARN_FROM = 20_000  # the latest cases the category suggestion learns from
OPEN_WINDOW_DAYS = 180  # an open case older than this is not offered (the matter has moved on)
OPEN_LIMIT = 20_000
# Cosine at or above which an open case is offered as "the same matter". Chosen on the held-out
# set (tests/reception/data/petitions.tsv): 0.30 offers the right case 91 % of the times it
# offers one and finds 82 % of the repeats (docs/benchmarks.md).
SAME_MATTER = 0.30
MIN_TEXT = 6  # characters typed before an offer is looked for


@dataclass(frozen=True)
class SameMatter:
    """An open case of the same community that looks like the same matter."""

    case_id: str
    tracking_code: str
    category_name: str
    created_at: datetime
    score: float


@dataclass(frozen=True)
class Hints:
    categories: tuple[Suggestion, ...]
    same_matter: SameMatter | None


class IntakeHints:
    """Built page by page (``build_step``), so that the desk's one worker thread stays free for
    the volunteer's own operations while 100,000 cases are read at unlock."""

    def __init__(self, desk: ReceptionDesk, window_days: int = OPEN_WINDOW_DAYS) -> None:
        self.desk = desk
        self.suggester = CategorySuggester(desk.form.taxonomy)
        self.open_cases = SimilarityIndex()
        self._since = clock.to_text(desk.now() - timedelta(days=window_days))
        latest = repo.cases_before(desk.db, "9999", 1)
        self._mark = latest[0]["created_at"] if latest else ""  # created_at of the latest case seen
        self._cursor = "9999"  # the build reads backwards in time from here
        self._learned = 0
        self.built = not latest

    def build_step(self, page: int = 500) -> bool:
        """Read one more page of past cases; False once the hints are complete."""
        if self.built:
            return False
        rows = repo.cases_before(self.desk.db, self._cursor, page)
        for row in rows:
            if row["created_at"] > self._mark:
                continue  # recorded meanwhile: refresh() takes it
            self._take(row, learn=self._learned < LEARN_FROM)
        self._cursor = rows[-1]["created_at"] if rows else ""
        indexing = bool(rows) and self._cursor > self._since and len(self.open_cases) < OPEN_LIMIT
        self.built = not rows or (self._learned >= LEARN_FROM and not indexing)
        return not self.built

    def build(self) -> "IntakeHints":
        while self.build_step():
            pass
        return self

    def _take(self, row, learn: bool = True) -> None:
        if row["voided_at"] or row["purged_at"]:
            return
        if learn:
            self.suggester.learn(row["category_code"], row["description"])
            self._learned += 1
        if (row["closed_at"] is None and row["created_at"] > self._since
                and len(self.open_cases) < OPEN_LIMIT):
            self._index(row)

    def _index(self, row) -> None:
        self.open_cases.add(row["id"], row["community"] or "", row["description"] or "",
                            (row["tracking_code"], row["category_name"], row["created_at"]))

    def refresh(self) -> None:
        """Learn the cases recorded since the last look (by this laptop or the command line)."""
        for row in repo.cases_recorded_since(self.desk.db, self._mark):
            self._mark = max(self._mark, row["created_at"])
            if row["voided_at"] or row["purged_at"]:
                continue
            self.suggester.learn(row["category_code"], row["description"])
            if row["closed_at"] is None:
                self._index(row)

    def forget(self, case_id: str) -> None:
        """A case was voided or corrected: it is looked at afresh at the next offer."""
        self.open_cases.remove(case_id)
        state = repo.case_states(self.desk.db, [case_id]).get(case_id)
        if state and not (state["closed_at"] or state["voided_at"] or state["purged_at"]):
            row = repo.get_case(self.desk.db, case_id)
            if row is not None:
                self._index(row)

    def ask(self, description: str, community: str, editing: str | None = None) -> Hints:
        text = description.strip()
        categories = tuple(self.suggester.suggest(text))
        return Hints(categories, self.same_matter(text, community, editing))

    def same_matter(self, text: str, community: str, editing: str | None = None) -> SameMatter | None:
        if len(text) < MIN_TEXT or not community:
            return None
        exclude = {editing} if editing else set()
        for _ in range(3):  # candidates closed or voided since they were indexed are dropped
            matches = self.open_cases.query(text, [community], exclude=exclude, threshold=SAME_MATTER, limit=3)
            if not matches:
                return None
            states = repo.case_states(self.desk.db, [m.key for m in matches])
            for match in matches:
                state = states.get(match.key)
                if state is None or state["closed_at"] or state["voided_at"] or state["purged_at"]:
                    self.open_cases.remove(match.key)
                    continue
                code, category, created = match.info
                return SameMatter(match.key, code, category, clock.from_text(created), match.score)
        return None
