"""A first sync that cannot strand the team leader: codes checked on the laptop, the same code
accepted again from the same laptop after a lost answer, the token kept without a keyring, and
the platform telling the laptop where its tracking page is."""

from __future__ import annotations

import pytest

from reception import street_settings
from sync import enrolment_codes
from sync.client import SyncError
from sync.setup import build_service, enrol
from sync_fault_proxy import Fault
from sync_support import case_raw


def test_codes_are_grouped_crockford_with_a_check_character():
    code = enrolment_codes.new_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4]
    assert enrolment_codes.normalise(code.lower().replace("-", " ")) == code.replace("-", "")
    # Misread letters are forgiven, as Crockford intends.
    assert enrolment_codes.normalise(code.replace("0", "O").replace("1", "I")) == code.replace("-", "")
    # Any single wrong character and any swap of neighbours is caught.
    body = code.replace("-", "")
    for i in range(len(body)):
        for other in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
            if other != body[i]:
                with pytest.raises(enrolment_codes.EnrolmentCodeError):
                    enrolment_codes.normalise(body[:i] + other + body[i + 1:])
    for i in range(len(body) - 1):
        if body[i] != body[i + 1]:
            with pytest.raises(enrolment_codes.EnrolmentCodeError):
                enrolment_codes.normalise(body[:i] + body[i + 1] + body[i] + body[i + 2:])
    with pytest.raises(enrolment_codes.EnrolmentCodeError, match="16 个"):
        enrolment_codes.normalise(body[:-2])


def test_a_mistyped_code_is_refused_on_the_laptop_and_stays_usable(desk, platform, memory_keyring):
    _, code = platform.store.add_device("新安六号", "M6Q")
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(SyncError, match="校验位"):
        enrol(desk, platform.url, wrong)
    assert enrol(desk, platform.url, code.lower()).prefix == "M6Q"


def test_a_lost_enrolment_answer_is_retried_with_the_same_code(desk, platform, proxy, no_keyring):
    _, code = platform.store.add_device("新安七号", "M7Q")
    # Every answer lost, the laptop's own retries included: the platform has enrolled it.
    proxy.plan(Fault("drop_after_commit", "POST /open311/v2/devices.json", times=4))
    with pytest.raises(SyncError, match="连接中断"):
        enrol(desk, proxy.url, code)
    assert len(proxy.fired) == 4
    # The same laptop may use its code again (the platform gives it a new token).
    enrolled = enrol(desk, proxy.url, code)
    assert enrolled.prefix == "M7Q" and enrolled.kept == "database"
    desk.record_case(case_raw())
    report = build_service(desk, proxy.url).run()
    assert len(report.synced) == 1 and platform.store.count_requests() == 1


def test_another_laptop_cannot_reuse_a_spent_code(desk, platform, memory_keyring, tmp_path, form):
    import secrets

    from reception.desk import ReceptionDesk
    from reception.storage import open_database

    _, code = platform.store.add_device("新安八号", None)
    enrol(desk, platform.url, code)
    other = ReceptionDesk(open_database(tmp_path / "other.db", secrets.token_bytes(32)), form)
    try:
        with pytest.raises(SyncError, match="登记码无效或已经用过"):
            enrol(other, platform.url, code)
    finally:
        other.db.conn.close()


def test_the_platform_tells_the_tracking_page_address(desk, platform, memory_keyring, monkeypatch):
    monkeypatch.setenv("XINAN_PLATFORM_PUBLIC_URL", "https://xinan.baoan.gov.cn/")
    _, code = platform.store.add_device("新安九号", "M9Q")
    enrolled = enrol(desk, platform.url, code)
    assert enrolled.tracking_url == "https://xinan.baoan.gov.cn/t/"
    assert street_settings.load(desk.db).base_url == "https://xinan.baoan.gov.cn/t/"
