"""No network at all (issue 10): ``xinan-desk sync export`` → USB stick → ``xinan-platform bundle
import`` → receipt → ``xinan-desk sync import-receipt``, on both platform databases, counting the
platform's rows: every case once, however often a file is imported, and whatever went online."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from cli.main import main as desk_main
from composition.services import open_services
from reception.storage import repository as repo
from reception_support import TEST_PASSPHRASE, TEST_PIN
from sync.platform.cli import main as platform_main
from sync.setup import build_service
from sync_support import case_raw, leader_desk, photo, street_secrets_env


@pytest.fixture(autouse=True)
def street_secrets(monkeypatch, no_keyring):
    street_secrets_env(monkeypatch)


def enrolled_desk(tmp_path, platform, capsys, name: str = "新安一号", prefix: str = "K7Q"):
    data_dir = tmp_path / name
    leader_desk(data_dir, capsys)
    _, code = platform.store.add_device(name, prefix)
    assert desk_main(["--data-dir", str(data_dir), "sync", "--server", platform.url, "--enrol", code]) == 0
    capsys.readouterr()
    return data_dir


def record(data_dir, count: int, photos_every: int = 0) -> list:
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        cases = []
        for i in range(count):
            pictures = [photo(3000 + i, seed=i), photo(2000 + i, seed=1000 + i)] if photos_every and i % photos_every == 0 else []
            cases.append(services.desk.record_case(case_raw(description=f"第 {i} 号楼道灯坏了", photos=pictures)))
        return cases
    finally:
        services.close()


def desk(data_dir, *args: str) -> int:
    return desk_main(["--data-dir", str(data_dir), *args])


def platform_cli(platform, platform_database, *args: str) -> int:
    database = ["--database", platform_database] if platform_database else []
    return platform_main(["--data-dir", str(platform.data_dir), *database, *args])


def desk_state(data_dir) -> dict[str, tuple[str | None, str | None]]:
    """Each case's (synced_at, request id) on the laptop, and what its outbox still holds."""
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        db = services.desk.db
        rows = db.execute("SELECT c.id, c.synced_at, s.request_id FROM cases c "
                          "LEFT JOIN sync_cases s ON s.case_id = c.id").fetchall()
        return {"cases": {r[0]: (r[1], r[2]) for r in rows}, "pending": len(repo.pending_outbox(db))}
    finally:
        services.close()


def test_a_night_goes_to_the_platform_on_a_stick_and_comes_back_synced(tmp_path, platform, platform_database, capsys):
    data_dir = enrolled_desk(tmp_path, platform, capsys)
    cases = record(data_dir, 30, photos_every=7)
    stick = tmp_path / "usb" / "新安一号.xinan-bundle"
    stick.parent.mkdir()

    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    out = capsys.readouterr()
    assert out.out.strip() == str(stick)
    assert "已导出诉求 30 条、照片 10 张" in out.err
    data = stick.read_bytes()
    assert stat.S_IMODE(stick.stat().st_mode) == 0o600
    # Residents' details travel only encrypted.
    for secret in ("王阿姨", "13812345678", "安乐村12栋", "楼道灯坏了"):
        assert secret.encode("utf-8") not in data
    assert platform.store.count_requests() == 0  # nothing went over the network
    assert desk(data_dir, "sync", "--status") == 0
    assert "导出到U盘数据包，等平台回执" in capsys.readouterr().out

    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    out = capsys.readouterr()
    receipt = stick.with_name("新安一号.xinan-receipt")
    assert out.out.strip() == str(receipt)
    assert "新登记 30 条，此前已收到 0 条（未重复登记），拒收 0 条" in out.err
    assert stat.S_IMODE(receipt.stat().st_mode) == 0o600
    assert "王阿姨".encode("utf-8") not in receipt.read_bytes()
    assert platform.count_per_key() == {case.id: 1 for case in cases}
    for case in cases:
        if case.photos:
            assert platform.media_files_ok(case.id)
    assert platform.complete_keys() == {case.id for case in cases}
    # The audit head left the laptop with the bundle.
    assert platform.store._rows("SELECT COUNT(*) AS n FROM audit_heads")[0]["n"] == 1

    # The same stick imported again: nothing new on the platform, the same numbers in the receipt.
    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    assert "新登记 0 条，此前已收到 30 条（未重复登记）" in capsys.readouterr().err
    assert platform.count_per_key() == {case.id: 1 for case in cases}

    assert desk(data_dir, "sync", "import-receipt", str(receipt)) == 0
    assert "已同步 30 条，搁置 0 条，仍在等待 0 条；此前已标为同步 0 条" in capsys.readouterr().out
    state = desk_state(data_dir)
    held = platform.requests_by_key()
    assert state["pending"] == 0
    assert {case_id: request_id for case_id, (_, request_id) in state["cases"].items()} == {
        key: row["service_request_id"] for key, row in held.items()}
    assert all(synced_at for synced_at, _ in state["cases"].values())
    assert desk(data_dir, "sync", "--status") == 0
    assert "仍在等待 0 条" in capsys.readouterr().out

    # Twice is harmless: nothing changes on the laptop.
    assert desk(data_dir, "sync", "import-receipt", str(receipt)) == 0
    assert "已同步 0 条，搁置 0 条，仍在等待 0 条；此前已标为同步 30 条" in capsys.readouterr().out
    assert desk_state(data_dir) == state
    # And with nothing left waiting there is nothing to export.
    assert desk(data_dir, "sync", "export", "--out", str(tmp_path / "usb" / "again.xinan-bundle")) == 1
    assert "没有要同步的诉求" in capsys.readouterr().err


def test_cases_partly_synced_online_are_not_doubled_by_the_bundle(tmp_path, platform, platform_database, capsys):
    data_dir = enrolled_desk(tmp_path, platform, capsys)
    cases = record(data_dir, 12, photos_every=5)
    stick = tmp_path / "night.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    capsys.readouterr()

    # The network came back for a moment: a few cases went online before it dropped again.
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        services.access.become_leader(TEST_PIN)
        service = build_service(services.desk, None, workers=1)
        stop = threading.Event()
        report = service.run(progress=lambda p: stop.set() if p.done >= 3 else None, cancel=stop)
        online = len(report.synced)
    finally:
        services.close()
    assert 3 <= online < 12
    assert platform.store.count_requests() == online

    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    err = capsys.readouterr().err
    assert f"新登记 {12 - online} 条，此前已收到 {online} 条" in err
    assert platform.count_per_key() == {case.id: 1 for case in cases}
    assert platform.complete_keys() == {case.id for case in cases}

    receipt = stick.with_suffix(".xinan-receipt")
    assert desk(data_dir, "sync", "import-receipt", str(receipt)) == 0
    assert f"已同步 {12 - online} 条，搁置 0 条，仍在等待 0 条；此前已标为同步 {online} 条" in capsys.readouterr().out
    state = desk_state(data_dir)
    assert state["pending"] == 0
    assert {k: v[1] for k, v in state["cases"].items()} == {
        k: row["service_request_id"] for k, row in platform.requests_by_key().items()}


def test_corrections_and_voids_travel_with_the_next_bundle(tmp_path, platform, platform_database, capsys):
    data_dir = enrolled_desk(tmp_path, platform, capsys)
    first = record(data_dir, 3)
    stick = tmp_path / "first.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    assert desk(data_dir, "sync", "import-receipt", str(stick.with_suffix(".xinan-receipt"))) == 0
    capsys.readouterr()

    # The next night: a correction and a void of synced cases, a new case voided before it left.
    assert desk(data_dir, "case", "amend", first[0].tracking_code, "--note", "地点是C出口东侧的楼道") == 0
    assert desk(data_dir, "case", "void", first[1].tracking_code, "--reason", "居民重复登记") == 0
    [late] = record(data_dir, 1)
    assert desk(data_dir, "case", "void", late.tracking_code, "--reason", "登记错了人") == 0
    capsys.readouterr()
    stick = tmp_path / "second.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    assert "已导出诉求 1 条、照片 0 张、更正与评价 3 条" in capsys.readouterr().err
    elsewhere = tmp_path / "office" / "for-the-laptop.xinan-receipt"
    elsewhere.parent.mkdir()
    for _ in range(2):  # imported twice: each update once
        assert platform_cli(platform, platform_database, "bundle", "import", str(stick), "--receipt", str(elsewhere)) == 0
        assert "更正与评价 3 条" in capsys.readouterr().err
    assert not stick.with_suffix(".xinan-receipt").exists()
    elsewhere.replace(stick.with_suffix(".xinan-receipt"))  # back on the stick
    held = platform.requests_by_key()
    assert held[first[1].id]["status"] == "voided" and held[late.id]["status"] == "voided"
    notes = platform.store._rows("SELECT r.idempotency_key AS case_id, u.description FROM updates u "
                                 "JOIN requests r ON r.id = u.request WHERE u.description LIKE '接访台%'")
    assert sorted(n["case_id"] for n in notes) == sorted([first[0].id, first[1].id, late.id])
    assert any("C出口东侧" in n["description"] for n in notes)

    assert desk(data_dir, "sync", "import-receipt", str(stick.with_suffix(".xinan-receipt"))) == 0
    capsys.readouterr()
    assert desk_state(data_dir)["pending"] == 0
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        assert services.desk.case(late.id).platform_status == "voided"
    finally:
        services.close()


def test_a_case_the_platform_refuses_is_set_aside_in_its_words_and_its_void_waits_behind_it(
        tmp_path, platform, platform_database, capsys):
    import requests

    from sync import credentials
    from sync.setup import device_id

    data_dir = enrolled_desk(tmp_path, platform, capsys)
    kept, refused = record(data_dir, 2)
    assert desk(data_dir, "case", "void", refused.tracking_code, "--reason", "登记错了人") == 0
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        token = credentials.load_token(services.desk.db, platform.url + "open311/v2/", device_id(services.desk))
    finally:
        services.close()
    # The platform already holds something else under that case's key (a request sent by hand).
    answer = requests.post(platform.url + "open311/v2/requests.json", timeout=10,
                           headers={"Authorization": f"Bearer {token}", "Idempotency-Key": refused.id},
                           data={"service_code": "ENV03", "description": "另一件事", "attribute[outcome]": "转平台办理"})
    assert answer.status_code == 201
    stick = tmp_path / "night.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    capsys.readouterr()

    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 1
    err = capsys.readouterr().err
    assert "新登记 1 条，此前已收到 0 条（未重复登记），拒收 1 条；更正与评价 0 条" in err
    assert f"拒收 {refused.tracking_code}：" in err and "内容不同的版本" in err
    assert platform.count_per_key() == {kept.id: 1, refused.id: 1}
    assert platform.requests_by_key()[refused.id]["status"] == "open"  # the void did not go to the other request

    assert desk(data_dir, "sync", "import-receipt", str(stick.with_suffix(".xinan-receipt"))) == 1
    out = capsys.readouterr().out
    assert "已同步 1 条，搁置 1 条" in out and f"搁置 {refused.tracking_code}：" in out
    state = desk_state(data_dir)
    assert state["cases"][kept.id][0] and state["cases"][refused.id] == (None, None)
    assert state["pending"] == 2  # the refused case's create and its void, for the leader to sort out


def test_an_import_killed_midway_and_run_again_leaves_every_case_once(tmp_path, platform, platform_database, capsys):
    import signal
    import subprocess
    import time

    from platform_process import PLATFORM

    data_dir = enrolled_desk(tmp_path, platform, capsys)
    cases = record(data_dir, 100, photos_every=3)
    stick = tmp_path / "night.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    capsys.readouterr()
    database = ["--database", platform_database] if platform_database else []
    process = subprocess.Popen([PLATFORM, "--data-dir", str(platform.data_dir), *database, "bundle", "import", str(stick)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while platform.store.count_requests() < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)  # kill -9 at the street office, mid-import
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the import ended before it could be killed"
    assert 10 <= platform.store.count_requests() < 100
    assert not stick.with_suffix(".xinan-receipt").exists()

    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    assert "拒收 0 条" in capsys.readouterr().err
    assert platform.count_per_key() == {case.id: 1 for case in cases}
    assert platform.complete_keys() == {case.id for case in cases}
    assert all(platform.media_files_ok(case.id) for case in cases if case.photos)
    assert list(platform.store.partial_dir.glob("bundle-*")) == []  # the killed import's half photo is gone
    assert desk(data_dir, "sync", "import-receipt", str(stick.with_suffix(".xinan-receipt"))) == 0
    assert "已同步 100 条" in capsys.readouterr().out
    assert desk_state(data_dir)["pending"] == 0


def test_the_audit_head_goes_with_the_bundle_and_a_rewritten_log_is_refused_through_it(
        tmp_path, platform, platform_database, capsys):
    from reception.privacy import audit
    from reception_support import open_test_database, rewrite_audit_log_without

    data_dir = enrolled_desk(tmp_path, platform, capsys)
    record(data_dir, 2)
    stick = tmp_path / "first.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    assert "操作日志链头已存证" in capsys.readouterr().err
    assert desk(data_dir, "sync", "import-receipt", str(stick.with_suffix(".xinan-receipt"))) == 0
    err = capsys.readouterr().err
    assert "操作日志链头已在平台存证" in err and "警告" not in err

    # Someone with the passphrase drops an entry the platform has seen and rehashes the rest.
    db = open_test_database(data_dir)
    try:
        rewrite_audit_log_without(db, {"pin_set"})
    finally:
        db.conn.close()
    record(data_dir, 1)
    stick = tmp_path / "second.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0  # the case is taken
    assert "操作日志被拒绝" in capsys.readouterr().err
    assert desk(data_dir, "sync", "import-receipt", str(stick.with_suffix(".xinan-receipt"))) == 0
    assert "警告：平台拒绝了本机的操作日志" in capsys.readouterr().err
    db = open_test_database(data_dir)
    try:
        assert "tampered" in {entry["action"] for entry in audit.entries(db)}
    finally:
        db.conn.close()


@pytest.mark.desk_side  # the laptop's side: the platform's database does not matter here
def test_a_receipt_import_killed_midway_and_run_again_marks_every_case_once(tmp_path, platform, platform_database, capsys):
    import os
    import signal
    import subprocess
    import sys
    import time

    from reception_support import open_test_database

    data_dir = enrolled_desk(tmp_path, platform, capsys)
    cases = record(data_dir, 150)
    stick = tmp_path / "night.xinan-bundle"
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    capsys.readouterr()
    receipt = stick.with_suffix(".xinan-receipt")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "sync", "import-receipt",
                                str(receipt)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watcher = open_test_database(data_dir)
    try:
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            synced = watcher.execute("SELECT COUNT(*) FROM cases WHERE synced_at IS NOT NULL").fetchone()[0]
            if synced >= 10:
                break
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)  # kill -9 on the laptop, mid-import
        process.wait()
        assert process.returncode == -signal.SIGKILL, "the import ended before it could be killed"
        synced = watcher.execute("SELECT COUNT(*) FROM cases WHERE synced_at IS NOT NULL").fetchone()[0]
        assert 10 <= synced < 150
    finally:
        watcher.conn.close()

    assert desk(data_dir, "sync", "import-receipt", str(receipt)) == 0
    assert f"已同步 {150 - synced} 条，搁置 0 条，仍在等待 0 条；此前已标为同步 {synced} 条" in capsys.readouterr().out
    state = desk_state(data_dir)
    assert state["pending"] == 0
    assert {k: v[1] for k, v in state["cases"].items()} == {
        k: row["service_request_id"] for k, row in platform.requests_by_key().items()}
    assert len(state["cases"]) == len(cases)
