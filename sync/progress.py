"""Return visits at sync: the resident's verdicts go up, the platform's view of each case with
news comes back (status, department, due time, light, notes, return visits, ratings).

Kept apart from sync/service.py, which calls the two functions here: sending a verdict is an
amendment with one more field, and fetching progress is one GET per case that had updates
this run (Open311's own fields, plus our ``xinan_*`` extensions where the platform is ours).
"""

from __future__ import annotations

from typing import Any

from reception import return_visits
from reception.storage import repository as repo
from reception.storage.writing import writing
from sync import protocol
from sync.client import NotSupported, Open311Client, Rejected, Transient

RATING_FIELD = "rating"  # our extension to servicerequestupdates: the verdict, as a word


def rating_update(db, outbox_id: int) -> tuple[str, dict[str, str]]:
    """The words and the extra form fields of a rating's update."""
    row = repo.rating_of(db, outbox_id)
    rating, note = (row["rating"], row["note"] or "") if row else ("", "")
    description = f"接访台记录居民评价：{rating}" + (f"。居民说：{note}" if note else "")
    return description, {RATING_FIELD: rating, "rating_note": note}


def refuse_rating(db, outbox_id: int, reason: str, now_text: str) -> None:
    """The platform refused a verdict for good (409): done with it, the reason kept on it."""
    repo.set_rating_refusal(db, outbox_id, reason)
    repo.finish_outbox(db, outbox_id, now_text)


def progress_fields(data: Any) -> dict[str, Any]:
    """The platform's view of one request, from its GET answer. A server that does not send a
    field leaves it empty here; its statuses are kept as it wrote them."""
    item = protocol.first_object(data)
    visits = item.get("xinan_visits")
    ratings = item.get("xinan_ratings")
    return {
        "status": protocol.known_status(item.get("status")),
        "department": str(item.get("agency_responsible") or ""),
        "due_at": str(item.get("expected_datetime") or ""),
        "light": str(item.get("xinan_light") or ""),
        "notes": str(item.get("status_notes") or ""),
        "visits": visits if isinstance(visits, list) else [],
        "ratings": ratings if isinstance(ratings, list) else [],
    }


def mark_checked(db, now_text: str) -> None:
    """All news pulled and every case with news fetched: a case without news is as it was, as of now."""
    with writing(db):
        repo.set_setting(db, return_visits.CHECKED_SETTING, now_text)


def refresh(client: Open311Client, db, now_text: str, limit: int = 2000) -> tuple[int, str | None]:
    """Fetch the platform's view of every case that had news; (cases refreshed, a note when some
    could not be fetched). Each case is its own transaction: a cut link keeps what came."""
    refreshed = 0
    for case_id, request_id in repo.cases_with_news(db)[:limit]:
        try:
            answer = client.call("GET", f"requests/{request_id}.json")
            fields = progress_fields(answer.data)
        except (Transient, NotSupported) as error:
            return refreshed, f"未能取回部分诉求的办理详情：{error}"
        except Rejected as error:
            return refreshed, f"平台拒绝提供诉求 {request_id} 的办理详情：{error}"
        except protocol.ProtocolError as error:
            return refreshed, f"平台返回的办理详情无法识别：{error}"
        with writing(db):
            return_visits.store_progress(db, case_id, fields, now_text)
        refreshed += 1
    return refreshed, None
