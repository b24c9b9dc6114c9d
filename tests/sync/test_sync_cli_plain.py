"""The team leader's shell against a plain Open311 server, and a first sync on a laptop without
an OS keyring (keyring's real "fail" backend)."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from sync_fault_proxy import Fault, FaultProxy
from sync_support import add_case_by_cli, leader_desk, street_secrets_env


@pytest.fixture(autouse=True)
def street_secrets(monkeypatch):
    street_secrets_env(monkeypatch)


def _states(data_dir, capsys) -> dict[str, str]:
    assert main(["--data-dir", str(data_dir), "case", "list", "--json"]) == 0
    return {c["tracking_code"]: c["sync_state"] for c in json.loads(capsys.readouterr().out)}


def test_check_says_what_the_server_lacks_and_what_the_desk_does(tmp_path, plain, no_keyring, capsys, monkeypatch):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    monkeypatch.delenv("XINAN_DESK_PIN")  # no PIN needed to look
    assert main(["--data-dir", str(data_dir), "sync", "check", "--server", plain.root]) == 0
    out = capsys.readouterr().out
    assert plain.root in out and "通用 Open311" in out
    assert "无  幂等键" in out and "待核实" in out
    assert "无  照片上传" in out and "照片留在本机" in out
    assert "无  办理进度" in out and "requests.json" in out


def test_check_under_a_wrong_root_names_what_is_missing(tmp_path, plain, no_keyring, capsys):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    wrong = plain.root.replace("/api/georeport/v2/", "/open311/v2/")
    assert main(["--data-dir", str(data_dir), "sync", "check", "--server", wrong]) == 1
    err = capsys.readouterr().err
    assert "services.json" in err and "Not found." in err and "API 地址" in err


def test_api_key_sync_without_a_keyring_public_warning_then_unconfirmed_and_confirm(
        tmp_path, plain, no_keyring, capsys):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    first = add_case_by_cli(data_dir, tmp_path, capsys)
    # The server shows descriptions to anyone once it holds one: warn before the first sync.
    assert main(["--data-dir", str(data_dir), "sync", "--server", plain.root, "--api-key", plain.API_KEY]) == 0
    # A plain server does not tell its tracking page: the leader learns the slips have no QR code yet.
    assert "凭条暂不印二维码" in capsys.readouterr().err
    second = add_case_by_cli(data_dir, tmp_path, capsys, description="小区门口的路灯坏了一个月")
    other = tmp_path / "other"
    leader_desk(other, capsys)
    refused = main(["--data-dir", str(other), "sync", "--server", plain.root, "--api-key", plain.API_KEY])
    err = capsys.readouterr().err
    assert refused == 1 and "公开" in err and "--accept-public" in err
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    out = capsys.readouterr()
    assert "已同步 1 条" in out.out and f"{second} 已同步" in out.err
    assert {first: "synced", second: "synced"} == _states(data_dir, capsys)
    # No keyring: the api_key is in the encrypted database, never in the clear.
    assert plain.API_KEY.encode() not in (data_dir / "desk.db").read_bytes()
    assert len(plain.rows()) == 2


def test_a_case_the_server_cannot_confirm_waits_for_the_leaders_word(tmp_path, private_plain, no_keyring, capsys):
    private = private_plain
    proxy = FaultProxy(private.port).start()
    root = proxy.url + "api/georeport/v2/"
    try:
        data_dir = tmp_path / "desk"
        leader_desk(data_dir, capsys)
        add_case_by_cli(data_dir, tmp_path, capsys)
        assert main(["--data-dir", str(data_dir), "sync", "--server", root, "--api-key", private.API_KEY]) == 0
        capsys.readouterr()
        code = add_case_by_cli(data_dir, tmp_path, capsys)
        proxy.plan(Fault("drop_after_commit", "POST /api/georeport/v2/requests.json"))
        assert main(["--data-dir", str(data_dir), "sync"]) == 1
        out = capsys.readouterr()
        assert f"{code} 待核实" in out.err and "待核实 1 条" in out.out
        assert _states(data_dir, capsys)[code] == "unconfirmed"
        assert main(["--data-dir", str(data_dir), "sync", "--status"]) == 0
        assert f"待核实  {code}" in capsys.readouterr().out
        number = str(1000 + private.rows()[-1]["id"])
        assert main(["--data-dir", str(data_dir), "sync", "confirm", code, "--request-id", number]) == 0
        capsys.readouterr()
        assert main(["--data-dir", str(data_dir), "sync"]) == 0
        capsys.readouterr()
        assert _states(data_dir, capsys)[code] == "synced"
        assert len(private.rows()) == 2
    finally:
        proxy.stop()


def test_enrol_without_a_keyring_keeps_the_token_in_the_database_and_syncs(tmp_path, platform, no_keyring, capsys):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    _, code = platform.store.add_device("新安五号", "M5Q")
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url, "--enrol", code]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "M5Q" and "加密的接访台数据库" in out.err
    assert "Error" not in out.err  # no class names
    add_case_by_cli(data_dir, tmp_path, capsys)
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    assert "已同步 1 条" in capsys.readouterr().out
    assert platform.store.count_requests() == 1


def test_a_wrong_api_key_is_refused_in_the_servers_words_before_anything_is_kept(tmp_path, plain, no_keyring, capsys):
    from composition.services import open_services
    from reception_support import TEST_PASSPHRASE
    from sync import credentials
    from sync.setup import SERVER_SETTING, device_id

    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    add_case_by_cli(data_dir, tmp_path, capsys)
    assert main(["--data-dir", str(data_dir), "sync", "--server", plain.root, "--api-key", "not-the-key"]) == 1
    err = capsys.readouterr().err
    assert "不接受这个 api_key" in err and "Invalid api_key." in err
    assert plain.rows() == []  # the key's check creates nothing
    services = open_services(data_dir, TEST_PASSPHRASE)
    try:
        from reception.storage import repository as repo

        desk = services.desk
        assert credentials.load_token(desk.db, plain.root, device_id(desk)) is None
        assert repo.get_setting(desk.db, SERVER_SETTING) is None
    finally:
        services.close()
