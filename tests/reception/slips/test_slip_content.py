"""What a slip says: masked personal data and plain words about what happens next."""

from __future__ import annotations

from reception_support import valid_case

from reception import street_settings
from reception.slips import content


def test_names_are_masked_to_the_surname_and_one_star():
    assert content.mask_name("张先生", False) == "张*"
    assert content.mask_name("欧阳娜娜", False) == "欧*"
    assert content.mask_name("王", False) == "王*"
    assert content.mask_name("王阿姨", True) == "匿名"
    assert content.mask_name("  ", False) == "匿名"


def test_a_long_petition_is_summarised_on_one_line_with_an_ellipsis():
    text = "楼道里蟑螂很多，\n晚上到处爬，希望安排消杀"
    assert content.summarise(text, 100) == "楼道里蟑螂很多， 晚上到处爬，希望安排消杀"
    short = content.summarise(text, 8)
    assert short == "楼道里蟑螂很多…"
    assert len(short) <= 8


def test_durations_read_the_way_the_street_promises_them():
    assert content.duration_words(1) == "1小时"
    assert content.duration_words(24) == "24小时"
    assert content.duration_words(72) == "3天"
    assert content.duration_words(12) == "12小时"
    assert content.duration_words(0.5) == "0.5小时"


def test_a_forwarded_simple_case_is_accepted_in_an_hour_and_closed_in_24_hours(desk, clock):
    case = desk.record_case(valid_case())  # ENV03: simple, 一般
    # Recorded Wednesday 19:30 in Shenzhen; due Thursday 19:30. The stall is offline: the slip
    # does not promise acceptance within the hour from now, but from the end-of-night sync.
    assert content.next_steps(case) == (
        "今晚已登记，夜话结束后录入街道平台；录入后1小时内受理，24小时内（11月26日晚上7点30分前）办结，"
        "并打电话告诉您结果。"
    )


def test_a_slip_reprinted_after_the_sync_says_the_case_is_on_the_platform(desk, clock):
    from dataclasses import replace

    case = desk.record_case(valid_case())
    synced = replace(case, synced_at=case.created_at)
    assert content.next_steps(synced).startswith("已录入街道平台；录入后1小时内受理，24小时内")


def test_a_forwarded_complex_case_says_three_days(desk, clock):
    case = desk.record_case(valid_case(category="ENV07"))
    assert content.next_steps(case).startswith(
        "今晚已登记，夜话结束后录入街道平台；录入后1小时内受理，3天内（11月28日晚上7点30分前）办结")


def test_an_extra_urgent_case_is_accepted_at_once(desk, clock):
    case = desk.record_case(valid_case(urgency="特急"))
    assert content.next_steps(case).startswith(
        "今晚已登记，夜话结束后录入街道平台；录入后立即受理，2小时内（11月25日晚上9点30分前）办结")


def test_an_anonymous_resident_is_told_to_scan_not_to_wait_for_a_call(desk, clock):
    case = desk.record_case(valid_case(anonymous=True, resident_name="", phone=""))
    assert content.next_steps(case).endswith("办结。结果请扫码查看。")


def test_solved_and_explained_cases_are_settled_tonight(desk, clock):
    solved = desk.record_case(valid_case(outcome="当场解决", outcome_note="已电话联系物业清理"))
    explained = desk.record_case(valid_case(outcome="解释说明", outcome_note="按规定不能在此处设摊"))
    assert "今晚已当场解决" in content.next_steps(solved)
    assert "此事已办结" in content.next_steps(explained)
    assert "解释说明" in content.next_steps(explained)


def test_morning_and_afternoon_times_are_said_in_words(desk, clock):
    from datetime import timedelta

    case = desk.record_case(valid_case())
    assert content.moment_words(case.created_at - timedelta(hours=11, minutes=25)) == "11月25日上午8点5分"
    assert content.moment_words(case.created_at - timedelta(hours=5, minutes=30)) == "11月25日下午2点"
    assert content.moment_words(case.created_at + timedelta(hours=6)) == "11月26日凌晨1点30分"


def test_the_slip_content_carries_masked_data_and_the_stall(desk, clock, open_session):
    case = desk.record_case(valid_case())
    settings = street_settings.load(desk.db, desk.form.street)
    slip = content.build(case, open_session, settings, "HTTPS://X.CN/T/ABC/DEF", 1)
    assert slip.name == "王*"
    assert slip.phone == "138****5678"
    assert slip.stall == "新安广场（安乐社区）"
    assert slip.when == "2026年11月25日 星期三 19:30"
    assert slip.street == "新安街道"
    assert slip.reprint == 0 and slip.reprint_mark == ""
    assert content.build(case, open_session, settings, "U", 3).reprint_mark == "补打 2"


def test_the_follow_up_names_the_hotline_only_once_it_is_set():
    assert "热线" not in content.follow_up("")
    assert "拨打热线 0755-27891234，报上查询码" in content.follow_up("0755-27891234")
