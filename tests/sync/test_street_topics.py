"""The street's recurring topics come back at sync and the desk shows its community's."""

from __future__ import annotations

import requests

from reception.intake_hints.desk_topics import street_topics
from sync.service import SyncService
from sync_support import case_raw, client_factory


def test_topics_come_back_at_sync_without_codes_or_words(desk, platform, device_token, clock):
    for n in (10, 11, 12):
        clock.advance(days=2)
        desk.record_case(case_raw(description=f"安乐村{n}栋楼道蟑螂太多，晚上到处爬，希望统一消杀"))
    desk.record_case(case_raw(category="FAC01", description="巷子里没有路灯，晚上回家很害怕"))
    assert street_topics(desk, "安乐社区").fetched_at == ""
    report = SyncService(desk, client_factory(platform.url, device_token)).run()
    assert len(report.synced) == 4 and not report.updates_note
    shown = street_topics(desk, "安乐社区")
    assert shown.fetched_at and [t["count"] for t in shown.topics] == [3]
    assert "蟑螂" in shown.topics[0]["title"] and shown.topics[0]["communities"] == ["安乐社区"]
    assert street_topics(desk, "海旺社区").topics == ()
    answer = requests.get(platform.url + "open311/v2/xinan/topics.json",
                          headers={"Authorization": f"Bearer {device_token}"}, timeout=10)
    body = answer.text
    assert answer.status_code == 200 and "K7Q" not in body and "晚上到处爬" not in body and "王阿姨" not in body
    assert requests.get(platform.url + "open311/v2/xinan/topics.json", timeout=10).status_code == 401
