"""A USB bundle or receipt that must not be imported: a changed byte anywhere, a cut file, a
laptop the platform does not know or has revoked, a receipt for another laptop. Each is refused
on the command line with its own Chinese sentence (no traceback, no resident's data), and nothing
is imported on the platform or changed on the laptop."""

from __future__ import annotations

import pytest

from sync.bundle import HEADER_SIZE
from test_offline_bundle import desk, desk_state, enrolled_desk, platform_cli, record
from sync_support import street_secrets_env


@pytest.fixture(autouse=True)
def street_secrets(monkeypatch, no_keyring):
    street_secrets_env(monkeypatch)


@pytest.fixture
def exported(tmp_path, platform, capsys):
    data_dir = enrolled_desk(tmp_path, platform, capsys)
    record(data_dir, 4, photos_every=2)
    stick = tmp_path / "usb" / "night.xinan-bundle"
    stick.parent.mkdir()
    assert desk(data_dir, "sync", "export", "--out", str(stick)) == 0
    capsys.readouterr()
    return data_dir, stick


def refused_by_platform(platform, platform_database, capsys, path) -> str:
    assert platform_cli(platform, platform_database, "bundle", "import", str(path)) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith("错误：")
    assert "Traceback" not in out.err and "王阿姨" not in out.err
    assert platform.store.count_requests() == 0
    assert not list(path.parent.glob("*.xinan-receipt"))
    return out.err


def test_a_byte_changed_anywhere_in_the_bundle_is_refused(exported, platform, platform_database, capsys):
    _, stick = exported
    original = stick.read_bytes()
    size = len(original)
    # Where the byte is says what the platform can tell: not ours, a version, the kind, whose,
    # the length, and otherwise (nonce, payload, tag) only that the seal does not hold.
    expected = {0: "不是接访台的同步数据包", 8: "格式版本", 9: "文件头已损坏", 10: "没有在本平台登记",
                25: "没有在本平台登记", 30: "校验失败", 45: "字节", HEADER_SIZE: "校验失败",
                HEADER_SIZE + 100: "校验失败", size // 2: "校验失败", size - 17: "校验失败", size - 1: "校验失败"}
    for offset, words in expected.items():
        changed = bytearray(original)
        changed[offset] ^= 0x01
        stick.write_bytes(bytes(changed))
        assert words in refused_by_platform(platform, platform_database, capsys, stick), offset
    stick.write_bytes(original + b"\x00")
    assert "多出 1 字节" in refused_by_platform(platform, platform_database, capsys, stick)


def test_a_cut_or_empty_file_is_refused_as_incomplete(exported, platform, platform_database, capsys):
    _, stick = exported
    original = stick.read_bytes()
    for length in (3, 20, HEADER_SIZE, HEADER_SIZE + 10, len(original) // 2, len(original) - 1):
        stick.write_bytes(original[:length])
        assert "文件不完整" in refused_by_platform(platform, platform_database, capsys, stick), length
    stick.write_bytes(b"")
    assert "不是接访台的同步数据包" in refused_by_platform(platform, platform_database, capsys, stick)
    stick.unlink()
    assert "找不到同步数据包文件" in refused_by_platform(platform, platform_database, capsys, stick)


def test_a_bundle_from_a_laptop_this_platform_does_not_know_is_refused(exported, tmp_path, platform,
                                                                       platform_database, capsys):
    from sync.platform.cli import main as platform_main

    _, stick = exported
    # Another street's platform: the laptop was never enrolled there.
    assert platform_main(["--data-dir", str(tmp_path / "other-platform"), "bundle", "import", str(stick)]) == 1
    err = capsys.readouterr().err
    assert "没有在本平台登记的笔记本" in err and "Traceback" not in err
    # Revoked here since: refused too, naming the device.
    [device] = platform.store.list_devices()
    assert platform.store.revoke_device(device["id"])
    assert "已吊销的笔记本" in refused_by_platform(platform, platform_database, capsys, stick)


@pytest.mark.desk_side
def test_a_receipt_for_another_laptop_a_changed_or_cut_one_changes_nothing(exported, tmp_path, platform,
                                                                          platform_database, capsys):
    data_dir, stick = exported
    other = enrolled_desk(tmp_path, platform, capsys, name="新安二号", prefix="M2Q")
    record(other, 2)
    other_stick = tmp_path / "usb" / "other.xinan-bundle"
    assert desk(other, "sync", "export", "--out", str(other_stick)) == 0
    assert platform_cli(platform, platform_database, "bundle", "import", str(other_stick)) == 0
    capsys.readouterr()
    receipt = other_stick.with_suffix(".xinan-receipt")
    before = desk_state(data_dir)

    def refused(path) -> str:
        assert desk(data_dir, "sync", "import-receipt", str(path)) == 1
        err = capsys.readouterr().err
        assert err.startswith("错误：") and "Traceback" not in err and "王阿姨" not in err
        assert desk_state(data_dir) == before
        return err

    assert "不是给这台笔记本的" in refused(receipt)
    assert "这是同步数据包，不是平台回执" in refused(stick)
    # This laptop's own receipt, but changed or cut on the way back.
    assert platform_cli(platform, platform_database, "bundle", "import", str(stick)) == 0
    capsys.readouterr()
    own = stick.with_suffix(".xinan-receipt")
    original = own.read_bytes()
    for offset in (HEADER_SIZE + 5, len(original) - 1):
        changed = bytearray(original)
        changed[offset] ^= 0x80
        own.write_bytes(bytes(changed))
        assert "平台回执校验失败" in refused(own)
    own.write_bytes(original[:-10])
    assert "文件不完整" in refused(own)
    own.write_bytes(original)
    assert desk(data_dir, "sync", "import-receipt", str(own)) == 0
    assert desk_state(data_dir)["pending"] == 0
