"""``xinan-desk sync export`` and ``sync import-receipt`` on the laptop's side alone (no platform,
no Qt): the bundle holds exactly what the online sync would send, sealed so that only this
laptop's key opens it, and every file that is not this laptop's receipt is refused with its own
sentence, nothing changed."""

from __future__ import annotations

import stat

import pytest
from reception_support import TEST_PASSPHRASE, TEST_PIN, valid_case

from cli_runner import cli  # noqa: F401  (the fixture)
from composition.services import open_services
from reception import street_settings
from reception.storage import repository as repo
from reception.storage.writing import writing
from reception.tracking_url import tracking_verifier
from sync import bundle, credentials
from sync.service import request_fields
from sync.profiles import REFERENCE
from sync.setup import SERVER_SETTING, community_centres, device_id

SERVER = "https://xinan.example.gov.cn/open311/v2/"
TOKEN = "token-the-platform-gave-this-laptop-at-enrolment"


def keep_enrolment(cli) -> None:
    """What an enrolment at the street office left on this laptop: the server and the token,
    written in leader mode as the enrolment writes them (sync/setup.py)."""
    cli.ensure_pin()
    services = open_services(cli.data_dir, TEST_PASSPHRASE)
    try:
        services.access.become_leader(TEST_PIN)
        with writing(services.desk.db):
            repo.set_setting(services.desk.db, SERVER_SETTING, SERVER)
        credentials.save_token(services.desk.db, SERVER, device_id(services.desk), TOKEN, credentials.DATABASE)
        services.access.action_done()
    finally:
        services.close()


def pending(cli) -> int:
    return cli.table_counts()["outbox"] - _done(cli)


def _done(cli) -> int:
    services = open_services(cli.data_dir, TEST_PASSPHRASE)
    try:
        return services.desk.db.execute("SELECT COUNT(*) FROM outbox WHERE done_at IS NOT NULL").fetchone()[0]
    finally:
        services.close()


def test_a_laptop_never_enrolled_is_told_to_enrol_once_first(cli, tmp_path):
    cli.add(valid_case())
    for args in (["sync", "export", "--out", str(tmp_path / "n.xinan-bundle")],
                 ["sync", "import-receipt", str(tmp_path / "n.xinan-receipt")]):
        result = cli.run_leader(*args)
        assert result.returncode == 1
        assert "还没有在街道平台登记" in result.stderr and "--enrol" in result.stderr
    assert not (tmp_path / "n.xinan-bundle").exists()


def test_the_bundle_holds_what_the_online_sync_would_send_and_only_this_laptop_opens_it(cli, tmp_path):
    keep_enrolment(cli)
    codes = [cli.add(valid_case(description=f"第 {i} 栋楼下的垃圾桶满了没人收")) for i in range(3)]
    out = tmp_path / "usb" / "night.xinan-bundle"
    out.parent.mkdir()
    result = cli.run_leader("sync", "export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out) and "已导出诉求 3 条" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert "王阿姨".encode() not in data and "垃圾桶".encode() not in data

    header = bundle.read_header(data, bundle.BUNDLE)
    manifest, files = bundle.unpack(bundle.open_sealed(data, header, bundle.token_hash(TOKEN)), bundle.BUNDLE)
    services = open_services(cli.data_dir, TEST_PASSPHRASE)
    try:
        desk = services.desk
        secret = street_settings.tracking_secret(desk.db)
        cases = [desk.find_case(code) for code in codes]
        centre = community_centres(desk)
        # The online sync's own description of each create, and its idempotency key.
        assert [(c["key"], c["fields"]) for c in manifest["cases"]] == [
            (case.id, request_fields(case, tracking_verifier(secret, case.id), REFERENCE, centre(case)))
            for case in cases]
        assert manifest["audit"]["head"]["id"] > 0 and files == {}
        # From now on the cases may be on the platform: corrections travel as amendments.
        assert all(repo.create_sending_started(desk.db, case.id) for case in cases)
    finally:
        services.close()
    with pytest.raises(bundle.Tampered):
        bundle.open_sealed(data, header, bundle.token_hash("another laptop's token"))


def test_what_is_not_this_laptops_receipt_is_refused_and_nothing_changes(cli, tmp_path):
    keep_enrolment(cli)
    cli.add(valid_case())
    before = pending(cli)

    def refused(path) -> str:
        result = cli.run_leader("sync", "import-receipt", str(path))
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr.startswith("错误：") and "Traceback" not in result.stderr
        assert pending(cli) == before
        return result.stderr

    assert "找不到平台回执文件" in refused(tmp_path / "missing.xinan-receipt")
    assert "是文件夹" in refused(tmp_path)
    photo = tmp_path / "photo.xinan-receipt"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    assert "不是接访台的平台回执文件" in refused(photo)
    foreign = tmp_path / "foreign.xinan-receipt"
    foreign.write_bytes(bundle.seal(bundle.RECEIPT, bundle.token_hash("another laptop"),
                                    bundle.pack({"format": 1, "kind": "receipt", "cases": []})))
    assert "不是给这台笔记本的" in refused(foreign)
    mine_but_a_bundle = tmp_path / "bundle.xinan-receipt"
    mine_but_a_bundle.write_bytes(bundle.seal(bundle.BUNDLE, bundle.token_hash(TOKEN), b""))
    assert "这是同步数据包，不是平台回执" in refused(mine_but_a_bundle)


def test_an_export_that_cannot_be_written_says_where_and_leaves_nothing_behind(cli, tmp_path):
    keep_enrolment(cli)
    cli.add(valid_case())
    result = cli.run_leader("sync", "export", "--out", str(tmp_path))
    assert result.returncode == 1 and "是文件夹" in result.stderr
    missing = tmp_path / "no-such-stick" / "night.xinan-bundle"
    result = cli.run_leader("sync", "export", "--out", str(missing))
    assert result.returncode == 1 and "无法写入同步数据包文件" in result.stderr
    assert not missing.parent.exists()
    assert list(tmp_path.glob("*.partial")) == [] and list(tmp_path.glob(".*.partial")) == []


def test_exporting_and_importing_a_receipt_are_the_team_leaders(cli, tmp_path):
    keep_enrolment(cli)
    cli.add(valid_case())
    out = tmp_path / "night.xinan-bundle"
    for args in (["sync", "export", "--out", str(out)], ["sync", "import-receipt", str(tmp_path / "r.xinan-receipt")]):
        result = cli.run(*args)  # no PIN
        assert result.returncode == 2 and "只有队长可以操作" in result.stderr
    assert not out.exists() and pending(cli) == 1
