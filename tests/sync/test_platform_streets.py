"""Several streets on one platform: each with its laptops, staff, taxonomy and hotline; a street's
staff see only their street; the district's role sees every street and the sums."""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests

from reception.tracking_codes import TrackingCode
from sync.platform.cli import main as platform_cli
from sync_support import FAST_RETRY

BASE = "open311/v2/"
PASSWORD = "a long staff passphrase"


def _cli(platform, capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    database = ["--database", platform.store.url] if platform.store.is_postgres else []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(stdin))
        code = platform_cli(["--data-dir", str(platform.data_dir), *database, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _enrol(platform, code: str) -> str:
    from sync.client import Open311Client

    client = Open311Client(platform.url, retry=FAST_RETRY)
    try:
        return client.enrol(code, f"laptop-{uuid.uuid4()}")["device_token"]
    finally:
        client.close()


def _post(platform, token, tracking: str, service_code: str = "ENV03", close_by: str = "2026-11-26T11:30:00+00:00"):
    return requests.post(
        platform.url + BASE + "requests.json",
        data={"service_code": service_code, "description": "楼道里的灯坏了", "attribute[tracking_code]": tracking,
              "attribute[verifier]": "ABCDEFGHJK", "attribute[urgency]": "一般", "attribute[outcome]": "转平台办理",
              "attribute[requested_datetime]": "2026-11-25T11:30:00+00:00",
              "attribute[close_by]": close_by},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}, timeout=10,
    )


def _login(platform, username: str) -> requests.Session:
    session = requests.Session()
    answer = session.post(platform.url + "staff/login", data={"username": username, "password": PASSWORD}, timeout=10)
    assert answer.url.endswith("/staff")
    return session


@pytest.fixture
def district(platform, capsys):
    """Two streets (XA with no hotline, XB with one), a laptop and a staff member in each, a district account."""
    assert _cli(platform, capsys, "street", "add", "--code", "XA", "--name", "新安街道")[1].startswith("已更新街道 XA")
    assert _cli(platform, capsys, "street", "add", "--code", "xb", "--name", "西乡街道",
                "--hotline", "0755-2766 1234")[1].startswith("已添加街道 XB")
    code, _, err = _cli(platform, capsys, "device", "add", "--name", "无街道")
    assert code == 2 and "--street" in err and "XA、XB" in err  # two streets: say which
    tokens = {}
    for street, prefix in (("XA", "K7Q"), ("XB", "M3Q")):
        code, out, _ = _cli(platform, capsys, "device", "add", "--name", f"{street} 一号", "--prefix", prefix,
                            "--street", street)
        assert code == 0
        tokens[street] = _enrol(platform, out.strip())
        assert _cli(platform, capsys, "staff", "add", "--username", f"staff-{street}", "--street", street,
                    stdin=PASSWORD + "\n")[0] == 0
    assert _cli(platform, capsys, "staff", "add", "--username", "qu", "--district", stdin=PASSWORD + "\n")[0] == 0
    return tokens


def test_the_command_line_names_streets_and_refuses_unknown_ones(platform, district, capsys):
    code, out, _ = _cli(platform, capsys, "street", "list")
    assert out.splitlines() == ["XA\t新安街道\t-", "XB\t西乡街道\t0755-2766 1234"]
    listed = _cli(platform, capsys, "device", "list", "--street", "XB")[1]
    assert listed.splitlines() == ["2\tXB 一号\tM3Q\t已登记\tXB"]
    code, _, err = _cli(platform, capsys, "device", "add", "--name", "x", "--street", "QQ")
    assert code == 2 and "没有编号为 QQ 的街道" in err and "street add" in err
    code, _, err = _cli(platform, capsys, "street", "add", "--code", "新安", "--name", "x")
    assert code == 2 and "街道编号" in err


def test_a_street_sees_only_its_cases_and_laptops_and_the_district_sees_all_and_the_sums(platform, district):
    xa = _post(platform, district["XA"], TrackingCode.make("K7Q", 1).display).json()[0]["service_request_id"]
    xb = _post(platform, district["XB"], TrackingCode.make("M3Q", 1).display).json()[0]["service_request_id"]
    assert xa.startswith("XA") and xb.startswith("XB")

    west = _login(platform, "staff-XB")
    listing = west.get(platform.url + "staff", timeout=10).text
    assert xb in listing and xa not in listing and "西乡街道" in listing and "各街道汇总" not in listing
    assert west.get(platform.url + f"staff/requests/{xa}", timeout=10).status_code == 404
    csrf = west.get(platform.url + "staff/api/devices", timeout=10).headers["X-CSRF-Token"]
    acted = west.post(platform.url + f"staff/requests/{xa}/actions", data={"action": "close", "csrf": csrf}, timeout=10)
    assert acted.status_code == 404 and platform.store.get_request(xa)["status"] == "open"
    devices = west.get(platform.url + "staff/api/devices", timeout=10).json()
    assert [d["prefix"] for d in devices] == ["M3Q"]
    [xa_device] = [d["id"] for d in platform.store.list_devices() if d["prefix"] == "K7Q"]
    refused = west.post(platform.url + f"staff/api/devices/{xa_device}/revoke", headers={"X-CSRF-Token": csrf}, timeout=10)
    assert refused.status_code == 404 and not platform.store.list_devices()[0]["revoked_at"]
    # Through the staff loop (sync/platform/loop.py): accepted, dispatched, then closed with its result.
    for step in ({"action": "accept"}, {"action": "dispatch", "department": "综合行政执法队"},
                 {"action": "close", "note": "已处理"}):
        assert west.post(platform.url + f"staff/requests/{xb}/actions", data={**step, "csrf": csrf},
                         timeout=10).status_code == 200, step
    assert platform.store.get_request(xb)["status"] == "closed"

    qu = _login(platform, "qu")
    listing = qu.get(platform.url + "staff", timeout=10).text
    assert xa in listing and xb in listing and "全区" in listing
    sums = listing.split("id='district-sums'")[1].split("</table>")[0]
    # street, cases, open, closed, overdue (the due time of XA's case has passed)
    assert "<td>XA</td><td>新安街道</td><td>1</td><td>1</td><td>0</td><td>1</td>" in sums
    assert "<td>XB</td><td>西乡街道</td><td>1</td><td>0</td><td>1</td><td>0</td>" in sums
    assert "<th>全区合计</th><th>2</th><th>1</th><th>1</th><th>1</th>" in sums
    assert qu.get(platform.url + f"staff/requests/{xa}", timeout=10).status_code == 200
    assert len(qu.get(platform.url + "staff/api/devices", timeout=10).json()) == 2


def test_the_tracking_pages_show_the_streets_hotline_when_it_has_one(platform, district):
    _post(platform, district["XB"], TrackingCode.make("M3Q", 1).display)
    _post(platform, district["XA"], TrackingCode.make("K7Q", 1).display)
    shown = requests.get(platform.url + f"t/{TrackingCode.make('M3Q', 1).compact}/ABCDEFGHJK", timeout=10).text
    assert "办理进度" in shown and "西乡街道服务电话" in shown and "tel:075527661234" in shown
    # Not synced yet: the laptop's prefix says which street's hotline to give.
    pending = requests.get(platform.url + f"t/{TrackingCode.make('M3Q', 9).compact}/ABCDEFGHJK", timeout=10).text
    assert "已在夜话摊位登记" in pending and "0755-2766 1234" in pending
    other = requests.get(platform.url + f"t/{TrackingCode.make('K7Q', 1).compact}/ABCDEFGHJK", timeout=10).text
    assert "办理进度" in other and "服务电话：" not in other and "0755" not in other


def test_each_street_has_its_own_taxonomy(platform, district):
    forms = platform.data_dir / "streets" / "XB" / "forms"
    forms.mkdir(parents=True)
    forms.joinpath("categories.toml").write_text(
        'version = 1\n[[category]]\ncode = "SEA"\nname = "海堤与码头"\ndepartment = "西乡海防办"\n'
        '  [[category.item]]\n  code = "SEA01"\n  name = "海堤栏杆损坏"\n  complexity = "simple"\n  urgency = "一般"\n',
        encoding="utf-8",
    )
    def services(street):
        answer = requests.get(platform.url + BASE + "services.json",
                              headers={"Authorization": f"Bearer {district[street]}"}, timeout=10)
        return [s["service_code"] for s in answer.json()]

    assert services("XB") == ["SEA01"]
    assert "ENV03" in services("XA") and "SEA01" not in services("XA")
    by_jurisdiction = requests.get(platform.url + BASE + "services.json?jurisdiction_id=XB", timeout=10).json()
    assert [s["department"] for s in by_jurisdiction] == ["西乡海防办"]
    assert _post(platform, district["XB"], TrackingCode.make("M3Q", 2).display, "SEA01").status_code == 201
    refused = _post(platform, district["XA"], TrackingCode.make("K7Q", 2).display, "SEA01")
    assert refused.status_code == 400 and "SEA01" in refused.json()[0]["description"]
    assert requests.get(platform.url + BASE + "services.json?jurisdiction_id=QQ", timeout=10).status_code == 404


def test_overdue_counts_compare_times_not_their_spelling(platform, district):
    # Due an hour ago, written in Beijing time: as text it sorts after the present in UTC.
    beijing = timezone(timedelta(hours=8))
    past = (datetime.now(timezone.utc) - timedelta(hours=1)).astimezone(beijing).isoformat(timespec="seconds")
    later = (datetime.now(timezone.utc) + timedelta(hours=30)).astimezone(beijing).isoformat(timespec="seconds")
    _post(platform, district["XB"], TrackingCode.make("M3Q", 1).display, close_by=past)
    _post(platform, district["XB"], TrackingCode.make("M3Q", 2).display, close_by=later)
    [west] = [s for s in platform.store.street_sums() if s["code"] == "XB"]
    assert (west["total"], west["open"], west["overdue"]) == (2, 2, 1)
