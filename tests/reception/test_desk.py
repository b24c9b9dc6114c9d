"""The reception desk: sessions and their counts, recording, editing and voiding cases, drafts."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from reception.errors import CaseLocked, SessionError, StorageError, UnknownCase, ValidationFailed
from reception.form_definition import Outcome
from reception.storage.connection import DATABASE_ERRORS
from reception.tracking_codes import TrackingCodeError, parse


def count(desk, table: str) -> int:
    return desk.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def mark_synced(desk, case_id: str) -> None:
    # What the sync job does once the platform has the case (the sync issue owns that code).
    desk.db.execute("UPDATE cases SET synced_at = '2026-11-25T14:00:00+00:00' WHERE id = ?", (case_id,))


# --- the laptop -------------------------------------------------------------------------------

def test_a_new_laptop_gets_a_provisional_prefix_until_the_street_assigns_one(desk):
    assert desk.prefix_is_provisional
    provisional = desk.device_prefix
    assert len(provisional) == 3
    desk.set_device_prefix(" k7q ")
    assert desk.device_prefix == "K7Q" and not desk.prefix_is_provisional


@pytest.mark.parametrize("prefix", ["", "K7", "K7QQ", "K7U", "中文字"])
def test_a_bad_prefix_is_refused(desk, prefix):
    with pytest.raises(ValidationFailed, match="本机编号"):
        desk.set_device_prefix(prefix)


# --- sessions ---------------------------------------------------------------------------------

def test_open_a_session(desk, open_session, clock):
    assert open_session.is_open
    assert open_session.venue == "新安广场" and open_session.community == "安乐社区"
    assert [m.role for m in open_session.team] == ["社区党委书记", "志愿者"]
    assert open_session.opened_at == clock.now()
    assert desk.current_session() == open_session
    assert open_session.counts.as_dict() == dict.fromkeys(
        ("visitors", "household_visits", "petitions", "solved_on_spot", "forwarded", "explained", "voided"), 0
    )


def test_only_one_session_is_open_at_a_time(desk, open_session):
    with pytest.raises(SessionError, match="已有一场夜话正在进行"):
        desk.open_session(date="2026-11-25", venue="文汇广场", community="文汇社区", team=[])
    assert len(desk.recent_sessions()) == 1


def test_session_fields_are_checked(desk):
    with pytest.raises(ValidationFailed) as caught:
        desk.open_session(date="25/11/2026", venue="  ", community="火星社区", team=[])
    assert {e.field for e in caught.value.errors} == {"date", "venue", "community"}
    with pytest.raises(ValidationFailed, match="太长"):
        desk.open_session(date="2026-11-25", venue="广" * 61, community="安乐社区", team=[])
    assert desk.current_session() is None


def test_counting_needs_an_open_session(desk):
    with pytest.raises(SessionError, match="还没开始"):
        desk.count_visitor()


def test_counts_during_the_night(desk, open_session, make_case):
    for _ in range(5):
        desk.count_visitor()
    desk.count_household_visit(3)
    desk.record_case(make_case())
    desk.record_case(make_case(outcome="当场解决", outcome_note="电话联系物业，当场答应清理"))
    desk.record_case(make_case(outcome="解释说明", outcome_note="属私人产权纠纷，已解释"))
    voided = desk.record_case(make_case())
    desk.void_case(voided.id, "重复登记")
    counts = desk.current_session().counts
    assert (counts.visitors, counts.household_visits) == (5, 3)
    assert (counts.petitions, counts.solved_on_spot, counts.forwarded, counts.explained, counts.voided) == (3, 1, 1, 1, 1)


def test_counters_never_go_below_zero(desk, open_session):
    desk.count_visitor(2)
    assert desk.count_visitor(-5).counts.visitors == 0
    assert desk.count_household_visit(-1).counts.household_visits == 0
    assert desk.count_visitor(1).counts.visitors == 1


def test_an_absurd_count_step_is_refused(desk, open_session):
    for delta in (1001, -1001, 10**30):
        with pytest.raises(ValidationFailed, match="计数增减"):
            desk.count_visitor(delta)
    assert desk.count_visitor(1000).counts.visitors == 1000


def test_closing_freezes_the_counts(desk, open_session, clock, make_case):
    desk.count_visitor(4)
    first = desk.record_case(make_case())
    second = desk.record_case(make_case())
    clock.advance(hours=3)
    closed = desk.close_session()
    assert not closed.is_open and closed.closed_at == clock.now()
    frozen = closed.counts
    assert (frozen.visitors, frozen.petitions, frozen.voided) == (4, 2, 0)

    # After the close: a case voided, another recorded, a counter touched: the night's figures stay.
    desk.void_case(first.id, "居民撤回诉求")
    later = desk.record_case(make_case())
    assert later.session_id is None
    with pytest.raises(SessionError):
        desk.count_visitor()
    assert desk.session(open_session.id).counts == frozen
    assert desk.case(second.id).session_id == open_session.id
    with pytest.raises(SessionError, match="没有正在进行"):
        desk.close_session()


def test_a_new_session_after_closing(desk, open_session, clock):
    desk.close_session()
    clock.advance(days=7)
    again = desk.open_session(date="2026-12-02", venue="文汇广场", community="文汇社区", team=[])
    assert desk.current_session() == again
    assert [s.id for s in desk.recent_sessions()] == [again.id, open_session.id]


# --- recording --------------------------------------------------------------------------------

def test_record_a_case(desk, open_session, clock, make_case):
    desk.set_device_prefix("K7Q")
    case = desk.record_case(make_case())
    assert case.tracking_code == parse(case.tracking_code).display
    assert case.tracking_code.startswith("K7Q-0001-")
    assert case.session_id == open_session.id
    assert case.category_code == "ENV03" and case.department == "城市管理办公室"
    assert case.phone == "+8613812345678"
    assert case.created_at == clock.now() and case.revision == 1
    assert case.outcome is Outcome.FORWARDED and case.closed_at is None
    assert case.is_editable
    assert desk.find_case(case.tracking_code) == case
    assert desk.pending_sync_count() == 1
    outbox = desk.db.execute("SELECT case_id, kind FROM outbox").fetchall()
    assert outbox == [(case.id, "create")]


def test_ids_are_uuid7_and_codes_strictly_increase(desk, make_case):
    cases = [desk.record_case(make_case()) for _ in range(30)]
    sequences = [parse(c.tracking_code).sequence for c in cases]
    assert sequences == list(range(1, 31))
    assert all(c.id[14] == "7" for c in cases)  # the UUID version digit
    assert len({c.id for c in cases}) == 30


def test_invalid_input_writes_nothing(desk, make_case):
    before = {t: count(desk, t) for t in ("cases", "outbox", "photos")}
    with pytest.raises(ValidationFailed):
        desk.record_case(make_case(phone="12345"))
    assert {t: count(desk, t) for t in ("cases", "outbox", "photos")} == before
    assert parse(desk.record_case(make_case()).tracking_code).sequence == 1


def test_case_and_outbox_are_written_in_one_transaction(desk, make_case):
    desk.record_case(make_case())
    # The outbox refuses the next insert mid-transaction, after the case row has gone in. An
    # error the desk does not know (a constraint) is a bug: it goes up as it is, not as a
    # StorageError, and the transaction is rolled back all the same.
    desk.db.execute(
        "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    with pytest.raises(DATABASE_ERRORS, match="database or disk is full") as raised:
        desk.record_case(make_case(description="第二条：路灯不亮已经一周了"))
    assert not isinstance(raised.value, StorageError)
    assert not desk.db.conn.in_transaction
    assert count(desk, "cases") == 1 and count(desk, "outbox") == 1
    assert desk.db.execute("SELECT COUNT(*) FROM cases WHERE description LIKE '第二条%'").fetchone()[0] == 0
    desk.db.execute("DROP TRIGGER refuse_outbox")
    # The failed attempt's sequence was rolled back with it: no code was ever shown for it.
    assert parse(desk.record_case(make_case()).tracking_code).sequence == 2


def test_a_full_disk_is_named_and_nothing_is_half_written(desk, make_case):
    desk.record_case(make_case())
    before = {t: count(desk, t) for t in ("cases", "outbox", "photos")}
    pages = desk.db.execute("PRAGMA page_count").fetchone()[0]
    # SQLite itself reports SQLITE_FULL once the file may not grow: a real full disk, in small.
    desk.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match="磁盘已满"):
        for n in range(200):
            desk.record_case(make_case(description=f"第{n}条：" + "楼道灯坏了很久，晚上老人上下楼看不清。" * 50))
    assert not desk.db.conn.in_transaction
    assert count(desk, "cases") == count(desk, "outbox")
    desk.db.execute("PRAGMA max_page_count = 1073741823")
    after = desk.record_case(make_case())
    assert desk.find_case(after.tracking_code) == after
    assert count(desk, "cases") > before["cases"]


def test_photos_go_in_the_same_transaction(desk, make_case, tmp_path):
    from PIL import Image

    path = tmp_path / "p.png"
    Image.new("RGB", (3000, 2000), "green").save(path)
    desk.db.execute(
        "CREATE TRIGGER refuse_photos BEFORE INSERT ON photos BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    with pytest.raises(DATABASE_ERRORS):
        desk.record_case(make_case(photos=[str(path)]))
    assert (count(desk, "cases"), count(desk, "photos"), count(desk, "outbox")) == (0, 0, 0)
    desk.db.execute("DROP TRIGGER refuse_photos")
    case = desk.record_case(make_case(photos=[str(path), str(path)]))
    assert [(p.position, p.width, p.height) for p in case.photos] == [(1, 1600, 1067), (2, 1600, 1067)]
    assert desk.photo_data(case.photos[0].id)[:3] == b"\xff\xd8\xff"


def test_a_saved_case_discards_its_draft_in_the_same_transaction(desk, make_case):
    desk.save_draft({"description": "楼道"})
    desk.record_case(make_case(), discard_draft="intake")
    assert desk.load_draft() is None


# --- finding ----------------------------------------------------------------------------------

def test_find_case_forgives_case_and_dashes_but_not_a_wrong_check(desk, make_case):
    case = desk.record_case(make_case())
    compact = parse(case.tracking_code).compact
    assert desk.find_case(compact.lower()).id == case.id
    assert desk.find_case(" ".join(compact)).id == case.id
    wrong = compact[:-1] + ("0" if compact[-1] != "0" else "1")
    with pytest.raises(TrackingCodeError, match="校验位"):
        desk.find_case(wrong)


def test_no_mistyped_code_ever_finds_another_case(desk, make_case):
    from reception.tracking_codes import ALPHABET

    cases = [desk.record_case(make_case()) for _ in range(40)]
    for case in cases:
        compact = parse(case.tracking_code).compact
        typos = {compact[:i] + ch + compact[i + 1 :] for i in range(len(compact)) for ch in ALPHABET}
        typos |= {compact[:i] + compact[i + 1] + compact[i] + compact[i + 2 :] for i in range(len(compact) - 1)}
        typos.discard(compact)
        for typo in typos:
            with pytest.raises(TrackingCodeError):
                desk.find_case(typo)


def test_an_unknown_code_is_an_unknown_case(desk):
    from reception.tracking_codes import TrackingCode

    code = TrackingCode.make(desk.device_prefix, 999)
    with pytest.raises(UnknownCase, match=code.display):
        desk.find_case(code.compact)


# --- editing and voiding ----------------------------------------------------------------------

def test_edit_keeps_code_and_creation_time(desk, clock, make_case):
    case = desk.record_case(make_case())
    clock.advance(minutes=10)
    edited = desk.edit_case(case.id, make_case(category="FAC02", urgency="特急", description="井盖没了，晚上很危险"))
    assert edited.tracking_code == case.tracking_code
    assert edited.created_at == case.created_at and edited.updated_at == clock.now()
    assert edited.revision == 2 and edited.category_code == "FAC02"
    assert edited.close_by - edited.created_at == timedelta(hours=2)
    assert desk.case_count() == 1 and desk.pending_sync_count() == 1


def test_edit_to_solved_closes_and_back_reopens(desk, clock, make_case):
    case = desk.record_case(make_case())
    clock.advance(minutes=5)
    solved = desk.edit_case(case.id, make_case(outcome="当场解决", outcome_note="已电话联系"))
    assert solved.closed_at == clock.now()
    reopened = desk.edit_case(case.id, make_case())
    assert reopened.closed_at is None


def test_edit_is_refused_once_synced(desk, make_case):
    case = desk.record_case(make_case())
    mark_synced(desk, case.id)
    with pytest.raises(CaseLocked, match="已同步"):
        desk.edit_case(case.id, make_case(description="改一下内容再保存"))
    assert desk.case(case.id).description == case.description


def test_edit_is_refused_once_voided(desk, make_case):
    case = desk.record_case(make_case())
    desk.void_case(case.id, "登记错了")
    with pytest.raises(CaseLocked, match="已作废"):
        desk.edit_case(case.id, make_case())


def test_edit_with_bad_input_changes_nothing(desk, make_case):
    case = desk.record_case(make_case())
    with pytest.raises(ValidationFailed):
        desk.edit_case(case.id, make_case(description=""))
    assert desk.case(case.id) == case


def test_void_needs_a_reason_and_never_deletes(desk, clock, make_case):
    case = desk.record_case(make_case())
    for reason in ("", " ", "错"):
        with pytest.raises(ValidationFailed, match="作废原因"):
            desk.void_case(case.id, reason)
    with pytest.raises(ValidationFailed, match="太长"):
        desk.void_case(case.id, "因" * 201)
    assert not desk.case(case.id).is_voided
    voided = desk.void_case(case.id, "  居民  撤回 ")
    assert voided.is_voided and voided.void_reason == "居民 撤回" and voided.voided_at == clock.now()
    assert not voided.is_editable
    assert desk.case_count() == 1
    assert desk.find_case(case.tracking_code).is_voided
    assert [k for (k,) in desk.db.execute("SELECT kind FROM outbox ORDER BY id")] == ["create", "void"]
    with pytest.raises(CaseLocked, match="已经作废"):
        desk.void_case(case.id, "再作废一次")
    with pytest.raises(UnknownCase):
        desk.void_case("no-such-id", "原因写清楚")


def test_a_voided_sequence_is_never_reused(desk, make_case):
    first = desk.record_case(make_case())
    desk.void_case(first.id, "重复登记")
    second = desk.record_case(make_case())
    assert parse(second.tracking_code).sequence == 2
    assert len({first.tracking_code, second.tracking_code}) == 2


def test_session_and_recent_lists(desk, open_session, clock, make_case):
    cases = []
    for _ in range(3):
        cases.append(desk.record_case(make_case()))
        clock.advance(minutes=2)
    assert [c.id for c in desk.session_cases(open_session.id)] == [c.id for c in reversed(cases)]
    assert [c.id for c in desk.recent_cases(2)] == [cases[2].id, cases[1].id]


# --- drafts -----------------------------------------------------------------------------------

def test_drafts_survive_reopening(db_path, form, clock):
    from reception.desk import ReceptionDesk
    from reception.storage import open_database

    half_typed = {"category": "CTY01", "description": "地铁口单车", "resident_name": "李伯", "photos": []}
    db = open_database(db_path)
    ReceptionDesk(db, form, now=clock.now).save_draft(half_typed)
    db.conn.close()
    db = open_database(db_path)
    try:
        desk = ReceptionDesk(db, form, now=clock.now)
        assert desk.load_draft() == half_typed
        desk.save_draft({**half_typed, "description": "地铁口单车乱停"})
        assert desk.load_draft()["description"] == "地铁口单车乱停"
        assert desk.load_draft("another") is None
        desk.discard_draft()
        assert desk.load_draft() is None
        assert json.loads(json.dumps(half_typed)) == half_typed
    finally:
        db.conn.close()


def test_a_draft_keeps_the_earlier_case_it_follows_across_reopening(db_path, form, clock, make_case):
    from reception.desk import ReceptionDesk
    from reception.storage import open_database

    db = open_database(db_path)
    desk = ReceptionDesk(db, form, now=clock.now)
    earlier = desk.record_case(make_case())
    half_typed = {"description": "上次反映的蟑螂又出现了", "photos": []}
    desk.save_draft(half_typed, follows=earlier.id)
    db.conn.close()
    db = open_database(db_path)
    try:
        desk = ReceptionDesk(db, form, now=clock.now)
        assert desk.load_draft() == half_typed  # the form's values only
        assert desk.draft_follows().tracking_code == earlier.tracking_code
        # Typed on after the restore, the link goes to the case with the rest of the draft.
        later = desk.record_case(make_case(**desk.load_draft()), discard_draft="intake", follows=desk.draft_follows().id)
        assert later.follows_code == earlier.tracking_code and desk.draft_follows() is None
        desk.save_draft(half_typed)  # unlinked (不接续)
        assert desk.draft_follows() is None
        desk.save_draft(half_typed, follows="no-such-case")
        assert desk.draft_follows() is None and desk.load_draft() == half_typed
    finally:
        db.conn.close()
