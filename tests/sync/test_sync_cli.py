"""``xinan-desk sync``: enrol with a one-time code, sync, and see what is left, from the shell."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from reception_support import TEST_PASSPHRASE, TEST_PIN, prepare_data_dir
from sync import credentials
from sync_support import case_raw


@pytest.fixture(autouse=True)
def street_secrets(monkeypatch):
    """The passphrase and the team leader's PIN, as the command line reads them."""
    monkeypatch.setenv("XINAN_DESK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("XINAN_DESK_PIN", TEST_PIN)


def _leader_desk(data_dir, capsys) -> None:
    """A data directory whose team leader has set the PIN (syncing is the leader's)."""
    prepare_data_dir(data_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XINAN_DESK_NEW_PIN", TEST_PIN)
        patch.delenv("XINAN_DESK_PIN")
        assert main(["--data-dir", str(data_dir), "pin"]) == 0
    capsys.readouterr()


def _add_case(data_dir, tmp_path, capsys, **changes) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_raw(**changes), ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "case", "add", "--json", str(path)]) == 0
    return capsys.readouterr().out.strip()


def test_enrol_then_sync_from_the_command_line(tmp_path, platform, memory_keyring, capsys):
    data_dir = tmp_path / "desk"
    _leader_desk(data_dir, capsys)
    _, code = platform.store.add_device("新安三号", "M3Q")
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url, "--enrol", code]) == 0
    assert capsys.readouterr().out.strip() == "M3Q"
    # The token is in the keyring, not in the desk's database.
    [(service, user)] = memory_keyring.passwords
    assert service == credentials.SERVICE
    token = memory_keyring.passwords[(service, user)]
    assert token.encode() not in (data_dir / "desk.db").read_bytes()

    first = _add_case(data_dir, tmp_path, capsys)
    second = _add_case(data_dir, tmp_path, capsys, description="小区门口的路灯坏了一个月")
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
    _leader_desk(data_dir, capsys)
    _add_case(data_dir, tmp_path, capsys)
    assert main(["--data-dir", str(data_dir), "sync", "--server", platform.url]) == 1
    assert "登记码" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "sync", "--status"]) == 0
    assert "仍在等待 1 条" in capsys.readouterr().out


def test_plain_http_to_a_remote_server_is_refused(tmp_path, memory_keyring, capsys):
    data_dir = tmp_path / "desk"
    _leader_desk(data_dir, capsys)
    assert main(["--data-dir", str(data_dir), "sync", "--server", "http://xinan.example.gov.cn/", "--enrol", "abc"]) == 1
    assert "https" in capsys.readouterr().err


def test_a_used_enrolment_code_is_refused_clearly(tmp_path, platform, memory_keyring, capsys):
    _, code = platform.store.add_device("新安四号", None)
    _leader_desk(tmp_path / "a", capsys)
    _leader_desk(tmp_path / "b", capsys)
    assert main(["--data-dir", str(tmp_path / "a"), "sync", "--server", platform.url, "--enrol", code]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "b"), "sync", "--server", platform.url, "--enrol", code]) == 1
    assert "登记码无效" in capsys.readouterr().err
