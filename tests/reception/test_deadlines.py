"""Due times from urgency and complexity (forms/deadlines.toml) and the traffic light."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

import forms
from reception.deadlines import Light, due_times, plain_words, traffic_light
from reception.form_definition import Complexity, Urgency

from reception_support import START

SHIPPED = tomllib.loads((Path(forms.__file__).parent / "deadlines.toml").read_text(encoding="utf-8"))


def expected_hours(urgency: Urgency, complexity: Complexity) -> tuple[float, float]:
    table = SHIPPED["closure"][urgency.value]
    accept = table.get("accept_hours", SHIPPED["accept_hours"])
    return accept, table[f"{complexity.value}_hours"]


def test_the_shipped_defaults_follow_the_articles():
    # Xin'an: accepted within 1 hour, simple matters in 24 hours, complex ones in 3 days.
    assert SHIPPED["accept_hours"] == 1
    assert SHIPPED["closure"]["一般"]["simple_hours"] == 24
    assert SHIPPED["closure"]["一般"]["complex_hours"] == 72
    # Yantian: urgent within 3 natural days at most; extra-urgent at once.
    assert SHIPPED["closure"]["紧急"]["complex_hours"] <= 72
    assert SHIPPED["closure"]["特急"]["accept_hours"] == 0


@pytest.mark.parametrize("urgency", list(Urgency))
@pytest.mark.parametrize("complexity", list(Complexity))
def test_due_times_per_urgency_and_complexity(form, urgency, complexity):
    accept, close = expected_hours(urgency, complexity)
    due = due_times(START, urgency, complexity, form.deadlines)
    assert due.accept_by - START == timedelta(hours=accept)
    assert due.close_by - START == timedelta(hours=close)


@pytest.mark.parametrize(
    "category, urgency",
    [("ENV03", "一般"), ("ENV07", "一般"), ("NOI02", "紧急"), ("LAB01", "紧急"), ("FAC02", "特急"), ("SAF04", "特急")],
)
def test_a_recorded_case_gets_its_due_times_from_its_category(desk, form, make_case, category, urgency):
    _, item = form.taxonomy.find(category)
    accept, close = expected_hours(Urgency(urgency), item.complexity)
    case = desk.record_case(make_case(category=category, urgency=urgency))
    assert case.accept_by - case.created_at == timedelta(hours=accept)
    assert case.close_by - case.created_at == timedelta(hours=close)


def light_at(form, hours_after: float, closed=False, voided=False, limit_hours=24.0) -> Light:
    return traffic_light(
        created_at=START,
        close_by=START + timedelta(hours=limit_hours),
        closed=closed,
        voided=voided,
        now=START + timedelta(hours=hours_after),
        warn_fraction=form.deadlines.warn_fraction,
    )


def test_the_light_at_each_boundary(form):
    warn = form.deadlines.warn_fraction
    yellow_from = 24 * (1 - warn)
    second = 1 / 3600
    assert light_at(form, 0) is Light.NONE
    assert light_at(form, yellow_from - second) is Light.NONE
    assert light_at(form, yellow_from) is Light.YELLOW
    assert light_at(form, 24 - second) is Light.YELLOW
    assert light_at(form, 24) is Light.RED
    assert light_at(form, 24 * 30) is Light.RED


def test_closed_is_green_even_when_late_and_void_wins_over_everything(form):
    assert light_at(form, 0, closed=True) is Light.GREEN
    assert light_at(form, 100, closed=True) is Light.GREEN
    assert light_at(form, 100, voided=True) is Light.VOID
    assert light_at(form, 1, closed=True, voided=True) is Light.VOID


def test_a_forwarded_case_turns_yellow_then_red_as_the_clock_moves(desk, form, clock, make_case):
    case = desk.record_case(make_case(outcome="转平台办理"))
    window = case.close_by - case.created_at
    warn = form.deadlines.warn_fraction
    assert case.light(clock.now(), warn) is Light.NONE
    assert case.light(case.close_by - window * warn - timedelta(seconds=1), warn) is Light.NONE
    assert case.light(case.close_by - window * warn, warn) is Light.YELLOW
    assert case.light(case.close_by, warn) is Light.RED


def test_a_case_solved_at_the_stall_is_green(desk, form, clock, make_case):
    case = desk.record_case(make_case(outcome="当场解决", outcome_note="当场打电话给物业，已安排明早消杀"))
    assert case.closed_at == clock.now()
    assert case.light(case.close_by + timedelta(days=3), form.deadlines.warn_fraction) is Light.GREEN


@pytest.mark.parametrize("hours, words", [(0, "立即办理"), (2, "立即办理"), (12, "12小时内"), (24, "1天内"), (72, "3天内"), (36, "36小时内")])
def test_plain_words(hours, words):
    assert plain_words(START + timedelta(hours=hours), START) == words
