"""Chinese line breaking for slips: 禁则 (no closing punctuation at a line start) and whole codes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reception.slips.linebreak import NO_LINE_END, NO_LINE_START, break_lines

CODE = "K7Q-00A3-X"
FORBIDDEN_STARTS = "，。、；：？！）》」"


def width(text: str) -> float:
    """Chinese characters one unit, ASCII half a unit, as on a real slip."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


def test_a_short_text_is_one_line():
    assert break_lines("请保管好凭条", 10, width) == ["请保管好凭条"]


def test_closing_punctuation_moves_down_with_the_character_before_it():
    # Greedy filling would put "，" at the start of line two; it takes "多" along instead.
    lines = break_lines("蟑螂很多，晚上到处爬", 4, width)
    assert lines == ["蟑螂很", "多，晚上", "到处爬"]


def test_a_run_of_closing_punctuation_stays_together():
    lines = break_lines("他说「好的。」然后走了", 6, width)
    assert all(line[0] not in FORBIDDEN_STARTS for line in lines)
    assert "".join(lines) == "他说「好的。」然后走了"


def test_opening_brackets_never_end_a_line():
    lines = break_lines("办结时间（11月28日前）", 5, width)
    assert all(line[-1] not in NO_LINE_END for line in lines)
    assert "".join(lines) == "办结时间（11月28日前）"


def test_a_number_stays_with_its_unit():
    lines = break_lines("请在11月24日前办结", 4.5, width)
    assert not any(line.startswith(("月", "日")) for line in lines)


def test_the_tracking_code_is_never_split_even_when_it_barely_fits():
    text = f"请拨打热线，报上查询码{CODE}，我们帮您查"
    for max_width in range(5, 20):
        lines = break_lines(text, max_width, width, keep_together=[CODE])
        assert sum(CODE in line for line in lines) == 1, (max_width, lines)


def test_a_protected_code_wider_than_the_line_gets_its_own_line_uncut():
    lines = break_lines(f"查询码{CODE}", 3, width, keep_together=[CODE])
    assert CODE in lines or any(line.startswith(CODE) for line in lines)


def test_an_over_long_url_that_is_not_protected_is_cut_by_character():
    url = "HTTPS://XINAN.EXAMPLE.GOV.CN/T/K7Q00A3X/7G2M9QX4ZP"
    lines = break_lines(url, 10, width)
    assert "".join(lines) == url
    assert all(width(line) <= 10 for line in lines)


def test_explicit_line_breaks_are_kept():
    assert break_lines("第一行\n第二行", 10, width) == ["第一行", "第二行"]


def test_spaces_at_a_break_are_dropped():
    lines = break_lines("反映人：王*　电话：138****5678", 8, width)
    assert all(line == line.strip(" ") for line in lines)


chinese = st.sampled_from(list("街道将在小时内受理天办结并电话告知您结果蟑螂楼道噪音停车"))
punctuation = st.sampled_from(list(FORBIDDEN_STARTS + "（《「"))
pieces = st.lists(st.one_of(chinese, chinese, chinese, punctuation, st.just(CODE), st.just("0755")), min_size=1, max_size=60)


@settings(max_examples=300, deadline=None)
@given(pieces, st.integers(min_value=6, max_value=30))
def test_no_line_starts_with_closing_punctuation_and_nothing_is_lost(parts, max_width):
    text = "".join(parts)
    lines = break_lines(text, max_width, width, keep_together=[CODE])
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, (text, lines)
    for line in lines[:-1]:
        assert line[-1] not in NO_LINE_END, (text, lines)
    # Every occurrence of the code survives whole.
    assert sum(line.count(CODE) for line in lines) == text.count(CODE)
    for line in lines:
        if width(line) > max_width:
            # Only an unbreakable piece may overflow: the code, or one character, with the
            # punctuation glued to it.
            rest = line.replace(CODE, "", 1)
            rest = "".join(ch for ch in rest if ch not in NO_LINE_START and ch not in NO_LINE_END)
            assert len(rest) <= (0 if CODE in line else 1) or rest == "0755", (text, lines)
