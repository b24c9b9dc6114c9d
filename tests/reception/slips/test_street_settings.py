"""Street settings for slips, stored in the database and edited by the team leader."""

from __future__ import annotations

import pytest

from reception import street_settings
from reception.errors import ValidationFailed


def test_defaults_name_the_street_from_the_form_and_leave_the_hotline_unset(desk):
    settings = street_settings.load(desk.db, desk.form.street)
    assert settings.street == "新安街道"
    assert settings.hotline == ""
    assert settings.base_url == ""  # not known until enrolment or the team leader says
    assert settings.default_paper == "80mm"
    assert settings.auto_print is False
    assert settings.printer == ""


def test_settings_are_saved_and_read_back(desk):
    street_settings.save(
        desk.db,
        {"hotline": "0755-2789 1234", "default_paper": "58MM", "auto_print": "是", "printer": "xinan-test"},
    )
    settings = street_settings.load(desk.db, desk.form.street)
    assert settings.hotline == "0755-2789 1234"
    assert settings.default_paper == "58mm"
    assert settings.auto_print is True
    assert settings.printer == "xinan-test"


def test_one_bad_value_saves_nothing_and_names_every_bad_field(desk):
    with pytest.raises(ValidationFailed) as failure:
        street_settings.save(
            desk.db, {"hotline": "call me", "default_paper": "a5", "footer": "心安夜话"}
        )
    labels = [e.label for e in failure.value.errors]
    assert labels == ["咨询热线", "默认纸张"]
    assert street_settings.load(desk.db).footer == street_settings.StreetSettings().footer


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("street", "新", "2 到 20 个字"),
        ("base_url", "ftp://x.cn/", "https://"),
        ("footer", "长" * 31, "最多 30 个字"),
        ("auto_print", "maybe", "是 或 否"),
        ("printer", "my printer", "打印机名称"),
        ("colour", "red", "不是可设置的项目"),
    ],
)
def test_bad_values_are_explained(desk, name, value, words):
    with pytest.raises(ValidationFailed) as failure:
        street_settings.save(desk.db, {name: value})
    assert words in str(failure.value)


def test_an_empty_hotline_clears_it(desk):
    street_settings.save(desk.db, {"hotline": "12345"})
    street_settings.save(desk.db, {"hotline": ""})
    assert street_settings.load(desk.db).hotline == ""


def test_the_tracking_address_is_set_and_cleared_and_the_old_placeholder_is_not_an_address(desk):
    street_settings.save(desk.db, {"base_url": "https://xinan.baoan.gov.cn/t/"})
    assert street_settings.load(desk.db).base_url == "https://xinan.baoan.gov.cn/t/"
    street_settings.save(desk.db, {"base_url": ""})
    assert street_settings.load(desk.db).base_url == ""
    with pytest.raises(ValidationFailed) as failure:
        street_settings.save(desk.db, {"base_url": "https://xinan.example.gov.cn/t/"})
    assert "示例地址" in str(failure.value) and "查询网址" in str(failure.value)


def test_a_placeholder_an_earlier_version_stored_counts_as_not_set(desk):
    from reception.storage import repository as repo

    repo.set_setting(desk.db, "street.base_url", "https://xinan.example.gov.cn/t/")  # as the old dialog saved it
    assert street_settings.load(desk.db).base_url == ""
