"""Property tests of the staff loop's state machine: nothing the loop forbids can happen."""

from __future__ import annotations

from hypothesis import given, strategies as st

from sync.platform import loop
from sync.platform.loop import LoopRefused, LoopState

actions = st.tuples(
    st.sampled_from(loop.ACTIONS),
    st.sampled_from(["", "城市管理办", "社区工作站"]),
    st.sampled_from(["", *loop.RATINGS, "还行"]),
    st.booleans(),
)


@given(st.sampled_from(["open", "closed"]), st.lists(actions, max_size=40))
def test_no_sequence_of_actions_breaks_the_loop(start, steps):
    state = loop.initial(start)
    for action, department, rating, reached in steps:
        before = state
        try:
            state = loop.step(state, action, department=department, rating=rating, reached=reached)
        except LoopRefused as refusal:
            assert str(refusal), "a refusal says why"
            state = before
            continue
        verdict = action == "rate" or (action == "visit" and rating)
        # No verdict before a closing, none twice for one closing, none but the known three.
        if verdict:
            assert before.status == "closed" and before.rated_closing < before.closings
            assert rating in loop.RATINGS
            assert state.rated_closing == before.closings
        else:
            assert state.rated_closing == before.rated_closing
        # Only a 不满意 reopens, and the second one escalates.
        if state.status in ("reopened", "escalated") and before.status not in ("reopened", "escalated"):
            assert verdict and rating == loop.UNSATISFIED
            assert state.status == ("reopened" if state.unsatisfied == 1 else "escalated")
        assert state.unsatisfied == before.unsatisfied + (1 if verdict and rating == loop.UNSATISFIED else 0)
        # Nothing moves a voided case; a closing needs the department to have had it.
        assert before.status != "voided"
        if state.closings > before.closings:
            assert action == "close" and before.status in loop.WORKING
        if action == "dispatch":
            assert department and before.status not in ("open", "closed")
        assert state.rated_closing <= state.closings


@given(st.lists(st.sampled_from(loop.RATINGS), min_size=1, max_size=6))
def test_every_closing_takes_exactly_one_verdict(verdicts):
    state = loop.initial("open")
    state = loop.step(state, "accept")
    state = loop.step(state, "dispatch", department="城市管理办")
    for n, verdict in enumerate(verdicts, start=1):
        if state.status != "closed":
            state = loop.step(state, "close")
        assert state.awaiting_verdict
        state = loop.step(state, "rate", rating=verdict)
        assert not state.awaiting_verdict
        for again in loop.RATINGS:
            try:
                loop.step(state, "rate", rating=again)
            except LoopRefused:
                pass
            else:
                raise AssertionError("a second verdict on one closing was accepted")
        if verdict in loop.SATISFIED:
            break
    assert state.escalated == (sum(v == loop.UNSATISFIED for v in verdicts[:n]) >= 2)


def test_the_refusals_say_what_to_do():
    fresh = loop.initial("open")
    for action, words in [("dispatch", "先受理"), ("close", "先受理"), ("rate", "办结之后"), ("visit", "办结之后")]:
        try:
            loop.step(fresh, action, department="城市管理办", rating="满意")
        except LoopRefused as refusal:
            assert words in str(refusal), (action, str(refusal))
        else:
            raise AssertionError(action)
    assert loop.step(LoopState(status="closed", closings=1), "visit", reached=False).visits == 1
