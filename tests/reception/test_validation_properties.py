"""Hypothesis: whatever lands in any field, validate() gives a CaseInput or clear field errors.

Never another exception, every error names a real field in Chinese, and no message repeats what
was typed (it may be a resident's name, phone or address).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reception.cases import CaseInput
from reception.errors import ValidationFailed
from reception.validation import validate

from reception_support import valid_case

HAN = re.compile(r"[\u4e00-\u9fff]")
FIELDS = list(valid_case())

# Text of every kind people paste: CJK (simplified and traditional), emoji, controls, lone
# surrogates, combining marks, right-to-left marks.
any_text = st.text(
    alphabet=st.characters(codec=None, categories=None),
    max_size=60,
)
chinese = st.text(alphabet=st.sampled_from("楼道蟑螂單車亂停放噪音擾民廣場舞垃圾電梯壞了臺灣繁體字"), max_size=40)
emoji = st.text(alphabet=st.sampled_from("😀🙏🏻👨‍👩‍👧🚲🔥❤️\u200d\u200b\u202e"), max_size=20)
controls = st.text(alphabet=st.sampled_from("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\r\n\t"), min_size=1, max_size=5)
lone_surrogate = st.sampled_from(["\ud800", "\udfff", "\udc80"])
huge = st.builds(lambda ch, n: ch * n, st.sampled_from(["字", "a", "😀", " ", "\n"]), st.integers(1_000, 100_000))
phone_like = st.text(alphabet=st.sampled_from("0123456789+-() 　x#＋０１３８"), max_size=25)
wrong_types = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), st.lists(st.text(max_size=5), max_size=8),
)
mixed_text = st.builds(
    lambda a, b, c: a + b + c,
    st.one_of(chinese, any_text, emoji),
    st.one_of(st.just(""), controls, lone_surrogate, emoji),
    st.one_of(chinese, st.just("")),
)
any_value = st.one_of(any_text, chinese, emoji, mixed_text, huge, phone_like, wrong_types, st.just(""))
# What a hand-written JSON file may give as photo paths: text with controls (a NUL cannot be in
# a path at all), lone surrogates, directories, names that do not exist.
path_like = st.one_of(
    any_text, mixed_text, st.builds(lambda a, b: a + b, any_text, controls), lone_surrogate,
    st.sampled_from([".", "/", "", "..", "~", "/dev/null"]),
)
photo_lists = st.lists(st.one_of(path_like, wrong_types), max_size=7)


def check_outcome(raw, form) -> None:
    try:
        result = validate(raw, form)
    except ValidationFailed as failure:
        assert failure.errors, "a failure names at least one field"
        for error in failure.errors:
            assert error.field in form.field_names, error
            assert error.label == form.field(error.field).label
            assert HAN.search(error.message), error.message
            value = raw.get(error.field)
            if isinstance(value, str) and len(value.strip()) >= 8:
                assert value.strip() not in error.message
                assert value.strip() not in str(failure)
        return
    assert isinstance(result, CaseInput)
    assert result.description and result.category_code and result.receptionist


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
@given(data=st.data())
def test_any_value_in_any_field(form, data):
    raw = valid_case()
    for name in data.draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4, unique=True)):
        raw[name] = data.draw(any_value, label=name)
    check_outcome(raw, form)


@settings(max_examples=300, deadline=None)
@given(photos=photo_lists)
def test_photo_lists_of_any_paths(form, photos):
    check_outcome(valid_case(photos=photos), form)


@settings(max_examples=300, deadline=None)
@given(phone=phone_like)
def test_random_phone_strings(form, phone):
    check_outcome(valid_case(phone=phone), form)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
@given(description=st.one_of(huge, mixed_text, chinese, st.just("")))
def test_descriptions_of_any_size(form, description):
    check_outcome(valid_case(description=description), form)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(chinese, emoji).filter(lambda t: 4 <= len(t.strip()) <= 2000 and "\u202e" not in t))
def test_printable_cjk_and_emoji_descriptions_are_kept(form, text):
    # Traditional characters and emoji are a resident's words: stored, not refused.
    try:
        values = validate(valid_case(description=text), form)
    except ValidationFailed as failure:
        assert [e.field for e in failure.errors] == ["description"]
        assert "太短" in failure.errors[0].message  # only when NFC/strip left too little
        return
    assert values.description


@settings(max_examples=200, deadline=None)
@given(raw=st.one_of(st.none(), st.integers(), st.lists(any_value, max_size=3), any_text,
                     st.dictionaries(st.sampled_from(FIELDS), any_value, max_size=len(FIELDS))))
def test_whole_payloads_of_any_shape(form, raw):
    try:
        validate(raw, form)
    except ValidationFailed as failure:
        for error in failure.errors:
            assert error.field in form.field_names or error.field == "-"
            assert HAN.search(error.message)
