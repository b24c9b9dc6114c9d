"""The whole loop through real HTTP: recorded at the stall → synced → 受理 → 分拨 → 办结 → the
resident rates 不满意 on the tracking page → reopened → 办结 again → 满意 → the desk shows it after
the next sync. Then the staff's figures, the leaders' list and the platform's command line."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
import requests

from reception import return_visits, street_settings
from reception.storage import repository as repo
from reception.tracking_url import tracking_url, tracking_verifier
from sync.platform import cli
from sync.service import SyncService
from sync_support import case_raw, client_factory

PERSONAL = ("王阿姨", "13812345678", "安乐村12栋", "蟑螂还在")


@pytest.fixture
def staff(platform) -> requests.Session:
    platform.store.add_staff("zhaoganshi", "correct horse battery")
    session = requests.Session()
    assert session.post(platform.url + "staff/login", data={"username": "zhaoganshi", "password": "correct horse battery"},
                        timeout=10).url.endswith("/staff")
    yield session
    session.close()


def _act(staff, platform, request_id, action, **fields):
    page = staff.get(platform.url + f"staff/requests/{request_id}", timeout=10).text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return staff.post(platform.url + f"staff/requests/{request_id}/actions",
                      data={"action": action, "csrf": token, **fields}, timeout=10)


def _rate_on_the_page(url, rating, words=""):
    page = requests.get(url, timeout=10).text
    assert 'id="verdict"' in page and "<script" not in page  # a plain form: no JavaScript
    action = re.search(r'<form method="post" action="([^"]+)"', page.split('id="verdict"')[1]).group(1)
    return requests.post(url.split("/T/")[0] + action, data={"rating": rating, "words": words}, timeout=10)


def test_the_whole_loop_from_the_stall_to_the_residents_verdict_and_back(desk, platform, device_token, staff):
    case = desk.record_case(case_raw())
    secret = street_settings.tracking_secret(desk.db)
    service = SyncService(desk, client_factory(platform.url, device_token),
                          verifier_for=lambda c: tracking_verifier(secret, c.id))
    service.run()
    request_id = repo.sync_case(desk.db, case.id)["request_id"]
    url = tracking_url(platform.url + "t/", case.tracking_code, tracking_verifier(secret, case.id))

    # The loop refuses what it must: no closing before dispatch, no verdict before a closing.
    refused = _act(staff, platform, request_id, "close", note="已完成消杀")
    assert refused.status_code == 409 and "先受理" in refused.text
    assert 'id="verdict"' not in requests.get(url, timeout=10).text
    for action, fields in (("accept", {}), ("dispatch", {"department": "综合行政执法队"}),
                           ("close", {"note": "已安排消杀公司上门消杀"})):
        assert _act(staff, platform, request_id, action, **fields).status_code == 200, action

    # The resident is not satisfied: the case goes back to its department, with a new due time.
    answer = _rate_on_the_page(url, "不满意", "蟑螂还在，王阿姨家楼道最多")
    assert answer.status_code == 200 and "退回承办部门重新办理" in answer.text
    for text in PERSONAL:
        assert text not in answer.text
    assert platform.store.get_request(request_id)["status"] == "reopened"
    twice = requests.post(url.split("/T/")[0] + f"/t/{case.tracking_code.replace('-', '')}/"
                          f"{tracking_verifier(secret, case.id)}/rating", data={"rating": "满意"}, timeout=10)
    assert twice.status_code == 409 and "办结之后" in twice.text  # reopened: nothing to rate now

    listing = staff.get(platform.url + "staff", timeout=10).text
    assert "退回重办</td><td>1 件" in listing
    assert _act(staff, platform, request_id, "close", note="第二次消杀，并封堵了管道缝隙").status_code == 200
    assert _rate_on_the_page(url, "满意").status_code == 200
    assert 'id="verdict"' not in requests.get(url, timeout=10).text  # once per closing

    # After the next sync the desk shows the verdicts and where the case stands.
    service.run()
    progress = return_visits.case_loop(desk, case.id).progress
    assert progress.status == "closed" and progress.light == "办结绿"
    assert [(r.rating, r.source) for r in progress.ratings] == [("不满意", "page"), ("满意", "page")]
    assert "第二次消杀" in progress.notes
    assert desk.case(case.id).platform_status == "closed" and desk.case(case.id).closed_at is not None

    figures = platform.app.state.platform.loop.figures(None)
    assert (figures["rated"], figures["satisfied"], figures["satisfaction_rate"]) == (2, 1, 0.5)
    assert (figures["reopened"], figures["escalated"]) == (1, 0)


def test_a_second_not_satisfied_escalates_to_the_leaders_list(desk, platform, device_token, staff):
    case = desk.record_case(case_raw())
    secret = street_settings.tracking_secret(desk.db)
    SyncService(desk, client_factory(platform.url, device_token),
                verifier_for=lambda c: tracking_verifier(secret, c.id)).run()
    request_id = repo.sync_case(desk.db, case.id)["request_id"]
    url = tracking_url(platform.url + "t/", case.tracking_code, tracking_verifier(secret, case.id))
    for action, fields in (("accept", {}), ("dispatch", {"department": "综合行政执法队"}), ("close", {"note": "已处理"})):
        _act(staff, platform, request_id, action, **fields)
    _rate_on_the_page(url, "不满意")
    _act(staff, platform, request_id, "close", note="再次处理")
    answer = _rate_on_the_page(url, "不满意")
    assert "升级" in answer.text and platform.store.get_request(request_id)["status"] == "escalated"
    leaders = staff.get(platform.url + "staff/escalated", timeout=10).text
    assert request_id in leaders and case.tracking_code in leaders


def test_the_platform_command_line_runs_the_loop_with_a_return_visit(desk, platform, device_token, capsys):
    case = desk.record_case(case_raw())
    SyncService(desk, client_factory(platform.url, device_token)).run()
    request_id = repo.sync_case(desk.db, case.id)["request_id"]

    def run(*args):
        capsys.readouterr()
        code = cli.main(["--data-dir", str(platform.data_dir), "--database", platform.store.url, "request", *args])
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)

    early = run("visit", request_id, "--caller", "赵干事")
    assert early.returncode == 2 and "办结" in early.stderr
    for args in (["accept", request_id], ["dispatch", request_id, "--department", "综合行政执法队"],
                 ["close", request_id, "--result", "已清运"]):
        done = run(*args)
        assert done.returncode == 0, done.stderr
    wrong = run("dispatch", request_id, "--department", "不存在的部门")
    assert wrong.returncode == 2 and "名单" in wrong.stderr
    assert run("visit", request_id, "--caller", "赵干事", "--rating", "基本满意", "--words", "清了").returncode == 0
    shown = json.loads(run("show", request_id, "--json").stdout)
    assert shown["status"] == "closed" and shown["light"] == "办结绿"
    assert [(v["caller"], v["rating"]) for v in shown["visits"]] == [("赵干事", "基本满意")]
    listed = json.loads(run("list", "--json").stdout)
    assert [r["service_request_id"] for r in listed] == [request_id]
    figures = json.loads(run("figures", "--json").stdout)
    assert (figures["visit_rate"], figures["satisfaction_rate"]) == (1.0, 1.0)
