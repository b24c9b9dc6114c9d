"""At sync, the street's recurring topics come back from the platform (our extension,
``GET xinan/topics.json``), so the team sees those of its community "as of the last sync".

Best effort: a platform without the extension (a third-party Open311 server) or a cut link
leaves the last topics as they were and the sync goes on; nothing here fails a sync.
"""

from __future__ import annotations

from typing import Any

from reception.intake_hints.desk_topics import STREET_TOPICS_SETTING
from reception.storage import repository as repo
from reception.storage.writing import writing
from sync.client import NotSupported, Open311Client, Rejected, Transient

PATH = "xinan/topics.json"


def _clean(item: Any) -> dict[str, Any] | None:
    """One topic as the platform sent it, kept only in the shape the desk shows."""
    if not isinstance(item, dict):
        return None
    communities = item.get("communities")
    try:
        count = int(item.get("count"))
    except (TypeError, ValueError):
        return None
    if not isinstance(communities, list) or count < 2:
        return None
    return {"title": str(item.get("title") or "")[:200], "category": str(item.get("category") or "")[:60],
            "count": count, "communities": [str(c)[:30] for c in communities[:30]],
            "latest": str(item.get("latest") or "")[:40]}


def refresh(client: Open311Client, db, now_text: str) -> str | None:
    """Fetch and keep the street's topics; a note for the sync report when they could not come."""
    try:
        answer = client.call("GET", PATH, ok=(200,))
    except Rejected as error:
        if error.status_code == 404:
            return None  # not our platform: it has no topics to give
        return f"未能取回全街道的热点话题：{error}"
    except (Transient, NotSupported) as error:
        return f"未能取回全街道的热点话题：{error}"
    data = answer.data if isinstance(answer.data, dict) else {}
    items = data.get("topics") if isinstance(data.get("topics"), list) else []
    topics = [t for t in (_clean(item) for item in items[:200]) if t is not None]
    with writing(db):
        repo.set_setting(db, STREET_TOPICS_SETTING, {"fetched_at": now_text, "server": client.base,
                                                     "days": data.get("days"), "topics": topics})
    return None
