"""``GET /open311/v2/xinan/topics.json``: the street's recurring topics, for its laptops.

Our extension to Open311 (a third-party server answers 404 and the desk carries on without it).
The laptop shows its team the topics that touch its community "as of the last sync"; the platform
sees every laptop's petitions, the laptop only its own. What is sent: each topic's title (its
category and the taxonomy's words its petitions share), count, communities and latest time. No
tracking codes, no resident's words.
"""

from datetime import datetime, timedelta, timezone

from fastapi import APIRouter

from reception.intake_hints.topics import find_topics, shipped_neighbours, topic_summary
from sync.platform.bulletin import petitions_of, rows_between

DAYS = 90
LIMIT = 50


def make_router(device_dep, platform_dep) -> APIRouter:
    """The route, given api.py's dependencies (the device's token, the platform): passed in so
    that this module does not import api.py, which includes it."""
    router = APIRouter(prefix="/open311/v2")

    @router.get("/xinan/topics.json")
    def street_topics(device: device_dep, platform: platform_dep) -> dict:
        return topics_for_street(platform.store, device.street)

    return router


def topics_for_street(store, street: int) -> dict:
    now = datetime.now(timezone.utc)
    rows = rows_between(store, street, now - timedelta(days=DAYS), now + timedelta(minutes=5))
    petitions = petitions_of(rows)
    communities = sorted({p.community for p in petitions})
    topics = find_topics(petitions, shipped_neighbours(), place_names=communities)
    return {"days": DAYS, "made_at": now.isoformat(timespec="seconds"),
            "topics": [topic_summary(t) for t in topics[:LIMIT]]}
