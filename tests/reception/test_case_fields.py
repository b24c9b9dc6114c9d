"""The one description of a case's fields (reception/case_fields.py) is what storage, the
retention purge and the export are made from: a field added there is stored, purged when
personal, and exported (and neutralised in the CSV) without another edit."""

from __future__ import annotations

import csv
import dataclasses
import json
from dataclasses import replace

from reception_support import TEST_PIN, valid_case

from reception import case_fields
from reception.clock import to_text
from reception.cases import Case
from reception.form_definition import FieldSpec
from reception.privacy import retention
from reception.privacy.export import COLUMNS, export_cases, neutralise_formula
from reception.privacy.roles import Access
from reception.storage import repository as repo
from reception.validation import validate

# A value for every personal field that a spreadsheet would read as a formula.
PERSONAL_VALUES = {
    "resident_name": "=张三", "phone": "13600001111", "address": "@卧龙岗1号", "outcome_note": "-已转社区",
    "description": "+楼道灯坏了", "id_number": "11010519491231002X",
}


def _record_with_every_personal_field(desk, form, make_case):
    desk.form = replace(form, fields=form.fields + (FieldSpec("id_number", "身份证号", "id_card", personal=True),))
    return desk.record_case(make_case(**PERSONAL_VALUES))


def test_every_case_attribute_is_a_field_of_the_description_and_a_stored_column(desk, make_case):
    # A Case is read from its row by the description alone: an attribute added to Case without
    # its field here would never be stored or read back.
    names = [f.name for f in case_fields.FIELDS]
    assert set(names) == {f.name for f in dataclasses.fields(Case)} - {"photos"} and len(set(names)) == len(names)
    case = desk.record_case(make_case(resident_name="王阿姨", phone="13600001111"))
    row = repo.get_case(desk.db, case.id)
    assert set(names) <= set(row)
    read = desk.case(case.id)
    assert (read.resident_name, read.phone, read.urgency, read.closed_at, read.void_reason) == (
        "王阿姨", "+8613600001111", case.urgency, None, "")


def test_what_was_typed_is_stored_by_the_description_and_reads_back_the_same(desk):
    values = validate(valid_case(resident_name="王阿姨", address="新安三路1号", outcome_note="已转社区"), desk.form)
    columns = case_fields.input_columns(values)
    typed = {f.name for f in dataclasses.fields(values)} - {"photos"}
    assert set(columns) == typed and columns["anonymous"] == 0 and columns["urgency"] == values.urgency.value
    read = desk.case(desk.record_case(valid_case(resident_name="王阿姨", address="新安三路1号", outcome_note="已转社区")).id)
    assert {name: getattr(read, name) for name in typed} == {name: getattr(values, name) for name in typed}


def test_the_personal_fields_are_the_residents_details_and_the_free_text():
    assert {f.name for f in case_fields.PERSONAL} == set(PERSONAL_VALUES)


def test_retention_purges_every_personal_field_of_the_description(desk, form, make_case, clock):
    case = _record_with_every_personal_field(desk, form, make_case)
    with desk.db.atomic():
        repo.mark_case_synced(desk.db, case.id, to_text(clock.now()), "closed")
        repo.set_platform_status(desk.db, case.id, "closed", to_text(clock.now()), True)
    stored = repo.get_case(desk.db, case.id)
    assert all(stored[f.name] for f in case_fields.PERSONAL)
    clock.advance(days=91)
    assert retention.purge(desk, 90).purged == (case.tracking_code,)
    purged = repo.get_case(desk.db, case.id)
    for field in case_fields.PERSONAL:
        expected = retention.PURGED_DESCRIPTION if field.purged_to_placeholder else ""
        assert purged[field.name] == expected, field.name
    kept = [f.name for f in case_fields.FIELDS if not f.personal and f.name not in ("purged_at", "revision", "updated_at")]
    assert {name: purged[name] for name in kept} == {name: stored[name] for name in kept}


def test_the_export_has_the_descriptions_columns_and_neutralises_each_personal_one(desk, form, make_case, tmp_path):
    case = _record_with_every_personal_field(desk, form, make_case)
    stored = repo.get_case(desk.db, case.id)
    access = Access(desk)
    access.set_pin(TEST_PIN)
    access.become_leader(TEST_PIN)
    export_cases(desk, access, tmp_path / "out.csv", "csv", tmp_path / "data")
    reader = csv.DictReader((tmp_path / "out.csv").read_text(encoding="utf-8").removeprefix("\ufeff").splitlines())
    [row] = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS == tuple(f.name for f in case_fields.FIELDS if f.exported)
    for field in case_fields.PERSONAL:
        assert field.exported and row[field.name] == neutralise_formula(stored[field.name]), field.name
    # All but the ID number (digits by its check) were typed as formulas; the phone is +86...
    assert [f.name for f in case_fields.PERSONAL if not row[f.name].startswith("'")] == ["id_number"]
    export_cases(desk, access, tmp_path / "out.json", "json", tmp_path / "data")
    [plain] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert plain["resident_name"] == "=张三" and plain["anonymous"] is False and plain["consent"] is True
