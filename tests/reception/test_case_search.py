"""Finding a returning resident's case by code, phone or name (characters, pinyin, initials)."""

from __future__ import annotations

import pytest

from reception import case_search
from reception.errors import ValidationFailed
from reception.privacy import retention
from reception.storage import repository as repo


def _codes(desk, query):
    return [hit.tracking_code for hit in case_search.find(desk.db, query)]


@pytest.fixture
def residents(desk, make_case, clock):
    made = {}
    for name, phone in [("王小明", "13812345678"), ("李秀英", "13900001111"), ("单雄", "075523456789"),
                        ("王芳", "13812349999")]:
        made[name] = desk.record_case(make_case(resident_name=name, phone=phone))
        clock.advance(minutes=5)
    made["匿名"] = desk.record_case(make_case(anonymous=True, resident_name="", phone=""))
    return made


def test_found_by_name_in_characters_pinyin_and_initials(desk, residents):
    wang = residents["王小明"].tracking_code
    assert _codes(desk, "王小明") == [wang]
    assert _codes(desk, "小明") == [wang]
    assert _codes(desk, "wangxiaoming") == [wang]
    assert _codes(desk, "Wang Xiao") == [wang]
    assert _codes(desk, "wxm") == [wang]
    # Both 王s, newest first.
    assert _codes(desk, "王") == [residents["王芳"].tracking_code, wang]
    # A surname with two readings is found by either: 单 shan / dan.
    assert residents["单雄"].tracking_code in _codes(desk, "shanxiong")
    assert residents["单雄"].tracking_code in _codes(desk, "danxiong")


def test_found_by_whole_phone_its_start_or_its_last_digits(desk, residents):
    wang = residents["王小明"].tracking_code
    assert _codes(desk, "138 1234 5678") == [wang]
    assert _codes(desk, "+86 138-1234-5678") == [wang]
    assert _codes(desk, "5678") == [wang]
    assert set(_codes(desk, "13812")) == {wang, residents["王芳"].tracking_code}
    assert _codes(desk, "0755 2345 6789") == [residents["单雄"].tracking_code]
    assert _codes(desk, "6789") == [residents["单雄"].tracking_code]


def test_found_by_code_typed_loosely_or_its_start(desk, residents):
    case = residents["李秀英"]
    assert _codes(desk, case.tracking_code.lower().replace("-", "")) == [case.tracking_code]
    assert case.tracking_code in _codes(desk, case.tracking_code[:6])


def test_results_are_masked_and_anonymous_cases_have_no_keys(desk, residents):
    hit = case_search.find(desk.db, "wangxiaoming")[0]
    assert (hit.name, hit.phone, hit.matched) == ("王*", "138****5678", "pinyin")
    assert "小明" not in repr(hit) and "12345678" not in repr(hit)
    anonymous = residents["匿名"]
    assert desk.db.execute("SELECT COUNT(*) FROM case_search WHERE case_id = ?", (anonymous.id,)).fetchone()[0] == 0
    assert case_search.find(desk.db, anonymous.tracking_code)[0].name == "匿名"


def test_a_correction_replaces_the_keys(desk, residents, make_case):
    case = residents["李秀英"]
    desk.edit_case(case.id, make_case(resident_name="李华", phone="13700002222"))
    assert _codes(desk, "李秀英") == []
    assert _codes(desk, "lihua") == [case.tracking_code]
    assert _codes(desk, "2222") == [case.tracking_code]


def test_a_purged_case_is_found_by_code_only_and_says_so(desk, residents, clock):
    case = residents["王小明"]
    now = clock.now()
    with desk.db.atomic():
        repo.mark_case_synced(desk.db, case.id, now.isoformat(), "closed")
        repo.set_platform_status(desk.db, case.id, "closed", now.isoformat(), True)
    clock.advance(days=400)
    retention.purge(desk, retention_days=180)
    assert _codes(desk, "王小明") == []
    assert _codes(desk, "5678") == []
    hit = case_search.find(desk.db, case.tracking_code)[0]
    assert hit.purged and hit.name == "（已清除）" and hit.phone == "（已清除）"


@pytest.mark.parametrize("query, word", [("", "请输入"), ("   ", "请输入"), ("123", "至少输入 4 位"), ("x" * 41, "太长")])
def test_a_query_that_cannot_find_anything_says_why(desk, query, word):
    with pytest.raises(ValidationFailed) as caught:
        case_search.find(desk.db, query)
    assert word in str(caught.value.errors[0])


def test_nothing_found_is_an_empty_list(desk, residents):
    assert case_search.find(desk.db, "zhaoliu") == []
    assert case_search.find(desk.db, "赵六") == []


def test_the_migration_indexes_cases_recorded_before_it(desk, residents):
    desk.db.execute("DELETE FROM case_search")
    assert case_search.rebuild(desk.db) == len(residents)
    assert _codes(desk, "lxy") == [residents["李秀英"].tracking_code]


def test_a_laptop_that_held_cases_builds_the_index_newest_first_a_batch_at_a_time(desk, residents, make_case):
    # As migration m007 leaves a laptop that already held cases: an empty index, to be built.
    with desk.db.atomic():
        desk.db.execute("DELETE FROM case_search")
        case_search.start_build(desk.db)
    assert case_search.build_progress(desk.db) == case_search.BuildProgress(0, len(residents))
    with desk.db.atomic():
        progress = case_search.build_step(desk.db, 2)
    assert progress == case_search.BuildProgress(2, len(residents))
    # The newest cases come first: the anonymous one and 王芳; 王小明 (the oldest) not yet.
    assert _codes(desk, "wangfang") == [residents["王芳"].tracking_code]
    assert _codes(desk, "wxm") == []
    # A case recorded or corrected meanwhile is indexed at once, and the batch that meets it
    # again changes nothing.
    late = desk.record_case(make_case(resident_name="赵六", phone="13600006666"))
    desk.edit_case(residents["李秀英"].id, make_case(resident_name="李华", phone="13700002222"))
    assert _codes(desk, "zhaoliu") == [late.tracking_code]
    assert desk.build_search_index_step() is None  # the rest in one batch of the desk's size
    assert case_search.build_progress(desk.db) is None
    assert _codes(desk, "wxm") == [residents["王小明"].tracking_code]
    assert _codes(desk, "李秀英") == [] and _codes(desk, "lihua") == [residents["李秀英"].tracking_code]
    assert _codes(desk, "6666") == [late.tracking_code]
    built = set(desk.db.execute("SELECT key, case_id FROM case_search").fetchall())
    with desk.db.atomic():
        case_search.rebuild(desk.db)
    assert set(desk.db.execute("SELECT key, case_id FROM case_search").fetchall()) == built
    assert desk.build_search_index_step() is None  # complete: nothing to do, no write


def test_the_migration_leaves_the_build_to_after_the_unlock(tmp_path, form, clock, make_case):
    from reception.desk import ReceptionDesk
    from reception.storage import open_database
    from reception.storage.schema import MIGRATIONS

    db = open_database(tmp_path / "desk.db")
    desk = ReceptionDesk(db, form, now=clock.now)
    assert case_search.build_progress(db) is None  # a new laptop: nothing to build
    case = desk.record_case(make_case(resident_name="王小明"))
    # Run m007 again as on a laptop that held cases before it (its index table made afresh).
    db.execute("DROP TABLE case_search")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_case_search'")
    MIGRATIONS.apply(db)
    assert case_search.build_progress(db) == case_search.BuildProgress(0, 1)
    assert _codes(desk, "wxm") == []
    while desk.build_search_index_step() is not None:
        pass
    assert _codes(desk, "wxm") == [case.tracking_code]
    db.conn.close()
