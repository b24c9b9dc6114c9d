"""A street's week counted by hand, for the bulletin's tests (tests/sync/test_bulletin.py) and the
staff page's in a browser (test_staff_pages_browser.py): the requests as laptops sent them, the
staff's steps at the times given."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import text

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=timezone.utc)  # when the bulletin is made
ROACHES = "安乐村{}栋楼道蟑螂太多，晚上到处爬，希望统一消杀"


def _request(store, device, key, *, code, community, requested, accept_by="", close_by="", outcome="转平台办理",
             description="", steps=()):
    """One request as a laptop sends it, then the staff steps (status, at) at the times given."""
    found = {item.code: (category, item) for category, item in _taxonomy()}
    category, item = found[code]
    row = {"service_code": code, "service_name": item.name, "group_name": category.name,
           "department": category.department, "description": description or item.name, "address_string": "",
           "first_name": "王阿姨", "phone": "+8613812345678",
           "attributes": json.dumps({"community": community, "outcome": outcome}, ensure_ascii=False),
           "tracking_code": f"K7Q-{key}", "verifier": "", "requested_datetime": requested,
           "accept_by": accept_by, "close_by": close_by}
    initial = "open" if outcome == "转平台办理" else "closed"
    rid, _ = store.create_request(key, "c" * 64, device, row, [], initial)
    internal = store.get_request(rid)["id"]
    for status, at in steps:
        update_id, _ = store.add_update(internal, status, "", "desk" if status == "voided" else "staff:zhang")
        with store.transaction() as conn:  # the staff acted at that time, not now
            conn.execute(text("UPDATE updates SET created_at = :at WHERE id = :id"), {"at": at, "id": update_id})
            if status == "closed":
                conn.execute(text("UPDATE requests SET closed_at = :at WHERE id = :id"), {"at": at, "id": internal})
    return rid


def _taxonomy():
    from forms import load_form

    return load_form(None).form.taxonomy.items()


def fill_week(store) -> None:
    """The default street's weeks 2026-W47 and W48 as below, with the staff loop's visits and verdicts."""
    _, code = store.add_device("新安一号", "K7Q")
    device, _ = store.enrol(code, "laptop-1")
    # Week 2026-W48 (Mon 11-23 to Sun 11-29, Beijing time), counted by hand:
    #   r7 11-23 00:30 CST (Sunday 16:30 UTC: this week, not the last)   安乐 ENV03  accepted 17:00 ≤ 17:30, closed
    #   r1 11-25 20:00  安乐 ENV03  accepted 12:30Z ≤ 13:00Z (on time), closed 11-26
    #   r2 11-25 20:00  安乐 ENV03  accepted 14:00Z > 13:00Z (late), open, close_by 11-26: overdue
    #   r3 11-25 20:00  宝民 CTY01  solved at the stall: closed, not signed for
    #   r4 11-25 20:00  海旺 NOI01  never accepted, accept_by passed: late; close_by 12-05: not overdue
    #   r5 11-25 20:00  宝民 PRP03  voided: nowhere
    #   r6 11-30 00:30 CST (Sunday 16:30 UTC): next week
    # → 5 petitions: 环境卫生 3, 市容与违规停放 1, 噪音扰民 1; 安乐 3, 宝民 1, 海旺 1; closed 3 (60.00 %);
    #   signing due 4 (r7, r1, r2, r4), on time 2 (50.00 %).
    # Week 2026-W47: p1 11-18 (accepted on time, open, close_by 11-20: overdue), p2 (closed at the stall)
    # → 2 petitions, closed 1 (50.00 %), signing 1 of 1 (100.00 %). Overdue now: r2, p1.
    night = "2026-11-25T12:00:00+00:00"
    _request(store, device, "r7", code="ENV03", community="安乐社区", requested="2026-11-22T16:30:00+00:00",
             accept_by="2026-11-22T17:30:00+00:00", close_by="2026-11-23T16:30:00+00:00",
             description=ROACHES.format(10),
             steps=[("dispatched", "2026-11-22T17:00:00+00:00"), ("closed", "2026-11-23T10:00:00+00:00")])
    _request(store, device, "r1", code="ENV03", community="安乐社区", requested=night,
             accept_by="2026-11-25T13:00:00+00:00", close_by="2026-11-26T12:00:00+00:00",
             description=ROACHES.format(11),
             steps=[("accepted", "2026-11-25T12:30:00+00:00"), ("closed", "2026-11-26T09:00:00+00:00")])
    _request(store, device, "r2", code="ENV03", community="安乐社区", requested=night,
             accept_by="2026-11-25T13:00:00+00:00", close_by="2026-11-26T12:00:00+00:00",
             description=ROACHES.format(12), steps=[("accepted", "2026-11-25T14:00:00+00:00")])
    _request(store, device, "r3", code="CTY01", community="宝民社区", requested=night, outcome="当场解决")
    _request(store, device, "r4", code="NOI01", community="海旺社区", requested=night,
             accept_by="2026-11-25T13:00:00+00:00", close_by="2026-12-05T12:00:00+00:00")
    _request(store, device, "r5", code="PRP03", community="宝民社区", requested=night,
             accept_by="2026-11-25T13:00:00+00:00", steps=[("voided", "2026-11-25T12:10:00+00:00")])
    _request(store, device, "r6", code="ENV03", community="安乐社区", requested="2026-11-29T16:30:00+00:00",
             accept_by="2026-11-29T17:30:00+00:00")
    _request(store, device, "p1", code="ENV01", community="龙井社区", requested="2026-11-18T12:00:00+00:00",
             accept_by="2026-11-18T13:00:00+00:00", close_by="2026-11-20T12:00:00+00:00",
             steps=[("accepted", "2026-11-18T12:50:00+00:00")])
    _request(store, device, "p2", code="CTY01", community="宝民社区", requested="2026-11-18T12:00:00+00:00",
             outcome="当场解决")
    # The staff loop's rows (issue 15), counted by hand: of W48's closed r1, r3, r7, r1 was reached
    # on a return visit (满意) and r7 called but not reached → 1 of 3 (33.33 %); verdicts: r1 满意,
    # r3 不满意 from the tracking page → 1 of 2 (50.00 %); p1 (W47) 基本满意 does not count for W48.
    ids = {r["tracking_code"]: r["id"] for r in store.list_requests(limit=100)}
    with store.transaction() as conn:
        for code, reached, rating in (("K7Q-r1", 1, "满意"), ("K7Q-r7", 0, None)):
            conn.execute(text("INSERT INTO loop_visits (request, caller, called_at, reached, rating, words, created_at) "
                              "VALUES (:r, '李回访', :at, :reached, :rating, '', :at)"),
                         {"r": ids[code], "at": "2026-11-27T02:00:00+00:00", "reached": reached, "rating": rating})
        for code, rating, source in (("K7Q-r1", "满意", "visit"), ("K7Q-r3", "不满意", "page"),
                                     ("K7Q-p1", "基本满意", "page")):
            conn.execute(text("INSERT INTO loop_ratings (request, closing, rating, words, source, created_at) "
                              "VALUES (:r, 1, :rating, '', :source, '2026-11-27T03:00:00+00:00')"),
                         {"r": ids[code], "rating": rating, "source": source})
