"""The street's 议事会 list on the platform: a recurring topic, put there by staff from the
bulletin, with the requests it gathers. Kept by request id and the topic's title (the taxonomy's
words), never a resident's words; the staff pages link each id to the request."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import text

from reception.intake_hints.topics import Topic
from sync.platform.store import now_text


def add(store, street: int, topic: Topic, period: str, added_by: str) -> tuple[dict[str, Any], bool]:
    """(the entry, added now?): the same set of requests is one entry, added twice or at once."""
    ids = sorted(p.key for p in topic.petitions)
    key = hashlib.sha256("\n".join(ids).encode()).hexdigest()
    with store.transaction() as conn:
        added = conn.execute(
            text("INSERT INTO council_items (street, title, communities, request_ids, period, added_by, added_at, "
                 "count, cases_key) VALUES (:street, :title, :communities, :ids, :period, :by, :now, :count, :key) "
                 "ON CONFLICT (street, cases_key) DO NOTHING RETURNING id"),
            {"street": street, "title": topic.title, "communities": json.dumps(list(topic.communities), ensure_ascii=False),
             "ids": json.dumps(ids), "period": period, "by": added_by, "now": now_text(), "count": topic.count,
             "key": key},
        ).scalar()
    entry = next(e for e in entries(store, street) if e["cases_key"] == key)
    return entry, added is not None


def entries(store, street: int) -> list[dict[str, Any]]:
    rows = store._rows(
        "SELECT id, title, communities, request_ids, period, added_by, added_at, count, cases_key "
        "FROM council_items WHERE street = :street ORDER BY id", {"street": street})
    for row in rows:
        row["communities"] = json.loads(row["communities"])
        row["request_ids"] = json.loads(row["request_ids"])
    return rows
