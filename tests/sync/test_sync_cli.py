"""``xinan-desk sync``: enrol with a one-time code, sync, and see what is left, from the shell."""

from __future__ import annotations

import pytest

from cli.main import main
from sync import credentials
from sync_support import add_case_by_cli, leader_desk, street_secrets_env


@pytest.fixture(autouse=True)
def street_secrets(monkeypatch):
    street_secrets_env(monkeypatch)


def test_enrol_then_sync_from_the_command_line(tmp_path, platform, memory_keyring, capsys):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    _, code = platform.store.add_device("新安三号", "M3Q")
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url, "--enrol", code]) == 0
    assert capsys.readouterr().out.strip() == "M3Q"
    # The token is in the keyring, not in the desk's database.
    [(service, user)] = memory_keyring.passwords
    assert service == credentials.SERVICE
    token = memory_keyring.passwords[(service, user)]
    assert token.encode() not in (data_dir / "desk.db").read_bytes()

    first = add_case_by_cli(data_dir, tmp_path, capsys)
    second = add_case_by_cli(data_dir, tmp_path, capsys, description="小区门口的路灯坏了一个月")
    assert first.startswith("M3Q-")
    assert main(["--data-dir", str(data_dir), "sync"]) == 0  # the server was remembered
    out = capsys.readouterr()
    assert "已同步 2 条，搁置 0 条，仍在等待 0 条" in out.out
    assert f"{first} 已同步" in out.err and f"{second} 已同步" in out.err
    assert platform.store.count_requests() == 2
    assert main(["--data-dir", str(data_dir), "sync", "--status"]) == 0
    assert "仍在等待 0 条，搁置 0 条" in capsys.readouterr().out


def test_sync_without_enrolment_says_what_to_do(tmp_path, platform, memory_keyring, capsys):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    add_case_by_cli(data_dir, tmp_path, capsys)
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url]) == 1
    assert "登记码" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "sync", "--status"]) == 0
    assert "仍在等待 1 条" in capsys.readouterr().out


def test_plain_http_to_a_remote_server_is_refused(tmp_path, memory_keyring, capsys):
    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    assert main(["--data-dir", str(data_dir), "sync", "--server", "http://xinan.example.gov.cn/", "--enrol", "abc"]) == 1
    assert "https" in capsys.readouterr().err


def test_a_used_enrolment_code_is_refused_clearly(tmp_path, platform, memory_keyring, capsys):
    _, code = platform.store.add_device("新安四号", None)
    leader_desk(tmp_path / "a", capsys)
    leader_desk(tmp_path / "b", capsys)
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "--server", platform.url, "--enrol", code]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "b"), "sync", "--server", platform.url, "--enrol", code]) == 1
    assert "登记码无效" in capsys.readouterr().err


def test_a_void_the_platform_refused_is_held_and_sent_again_from_the_command_line(tmp_path, platform, memory_keyring,
                                                                                  capsys):
    from sqlalchemy import text

    data_dir = tmp_path / "desk"
    leader_desk(data_dir, capsys)
    first, code = platform.store.add_device("新安三号", "M3Q")
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url, "--enrol", code]) == 0
    capsys.readouterr()
    case = add_case_by_cli(data_dir, tmp_path, capsys)
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    [request] = platform.store.list_requests()
    # Enrolled again, the laptop's void of its earlier case is refused (the case is not the new
    # enrolment's as far as the platform knows).
    assert platform.store.revoke_device(first)
    second, code = platform.store.add_device("新安三号", "M3Q")
    assert main(["--data-dir", str(data_dir), "case", "void", case, "--reason", "登记错了人"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url, "--enrol", code]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "sync"]) == 1
    out = capsys.readouterr()
    assert "搁置 1 条" in out.out and f"sync resend-void {case}" in out.err
    assert main(["--data-dir", str(data_dir), "sync", "--status"]) == 0
    assert f"搁置  {case}  平台未接受这条作废，不会再自动重发" in capsys.readouterr().out

    with platform.store.transaction() as conn:
        conn.execute(text("UPDATE requests SET device = :device WHERE id = :id"), {"device": second, "id": request["id"]})
    assert main(["--data-dir", str(data_dir), "sync", "resend-void", case]) == 0
    assert f"{case} 的作废将在下次同步时重新发送" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "sync", "resend-void", case]) == 1
    assert "没有被平台拒绝的作废" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    assert "已同步 1 条，搁置 0 条，仍在等待 0 条" in capsys.readouterr().out
    assert platform.store.get_request(request["service_request_id"])["status"] == "voided"
