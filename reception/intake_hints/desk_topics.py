"""Hot topics on the desk: the recurring matters in this laptop's records around its community,
and the 议事会 list the team leader puts them on (kept with the laptop's settings, no personal
data: a title, the tracking codes, when)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from reception import clock
from reception.desk import ReceptionDesk
from reception.errors import FieldError, ValidationFailed
from reception.intake_hints.topics import Petition, Topic, find_topics, shipped_neighbours
from reception.storage import repository as repo

COUNCIL_SETTING = "council_list"
STREET_TOPICS_SETTING = "street_topics"  # what the platform said at the last sync (sync/street_topics.py)
DAYS = 90  # a matter that came back within three months recurs


@dataclass(frozen=True)
class DeskTopics:
    community: str
    days: int
    topics: tuple[Topic, ...]
    tonight: frozenset[str]  # keys (case ids) of tonight's petitions

    def tonights(self) -> list[Topic]:
        """The topics one of tonight's petitions belongs to."""
        return [t for t in self.topics if any(p.key in self.tonight for p in t.petitions)]


def desk_topics(desk: ReceptionDesk, community: str | None = None, days: int = DAYS) -> DeskTopics:
    """Recurring topics over the last ``days`` of this laptop's cases, of ``community`` (default:
    tonight's, else the latest session's) and its neighbours."""
    session = desk.current_session() or next(iter(desk.recent_sessions(1)), None)
    community = community or (session.community if session else "")
    if community and community not in desk.form.communities:
        raise ValidationFailed([FieldError("community", "社区", f"不是本街道的社区：{community}")])
    neighbours = shipped_neighbours()
    nearby = {community, *neighbours.get(community, ())} if community else set(desk.form.communities)
    since = clock.to_text(desk.now() - timedelta(days=days))
    petitions = [
        Petition(r["id"], r["tracking_code"], r["community"] or "", r["category_name"],
                 clock.from_text(r["created_at"]), r["description"] or "")
        for r in repo.cases_recorded_since(desk.db, since)
        if not r["voided_at"] and not r["purged_at"] and (r["community"] or "") in nearby
    ]
    tonight = frozenset(c.id for c in desk.session_cases(session.id)) if session and session.is_open else frozenset()
    topics = find_topics(petitions, neighbours, place_names=desk.form.communities)
    # A topic of the neighbours alone is theirs to raise: keep those touching this community.
    topics = [t for t in topics if not community or community in t.communities]
    return DeskTopics(community, days, tuple(topics), tonight)


def council_list(desk: ReceptionDesk) -> list[dict]:
    return list(repo.get_setting(desk.db, COUNCIL_SETTING) or [])


def put_on_council_list(desk: ReceptionDesk, topic: Topic, community: str) -> dict:
    """Add a topic, with its cases' tracking codes, to the 议事会 list (once per set of cases)."""
    entry = {
        "title": topic.title,
        "community": community,
        "cases": [p.tracking_code for p in topic.petitions],
        "count": topic.count,
        "added_at": clock.to_text(desk.now()),
    }
    with desk._writing():
        entries = council_list(desk)
        if any(set(e["cases"]) == set(entry["cases"]) for e in entries):
            return next(e for e in entries if set(e["cases"]) == set(entry["cases"]))
        entries.append(entry)
        repo.set_setting(desk.db, COUNCIL_SETTING, entries)
    return entry


@dataclass(frozen=True)
class StreetTopics:
    fetched_at: str  # '' when no sync has brought any
    topics: tuple[dict, ...]  # title, category, count, communities, latest


def street_topics(desk: ReceptionDesk, community: str) -> StreetTopics:
    """The street's recurring topics touching ``community``, as the platform told at the last sync."""
    saved = repo.get_setting(desk.db, STREET_TOPICS_SETTING) or {}
    topics = [t for t in saved.get("topics", []) if not community or community in t.get("communities", [])]
    return StreetTopics(saved.get("fetched_at", ""), tuple(topics))
