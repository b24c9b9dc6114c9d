"""Hypothesis through the command line: any JSON a person or script hands to ``case add`` either
records exactly one case or exits 2 naming the field, with the database unchanged."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms import load_form
from reception.errors import ValidationFailed
from reception.validation import validate
from reception_support import valid_case

from cli_runner import Desk

FORM = load_form(None).form
FIELDS = list(valid_case())

values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("楼道單車噪音擾民😀🙏🏻\u200b\x00\x07\x1b\n"), max_size=30),
    st.sampled_from(["\ud800", "abc\udfff", "字" * 3000, "", " ", "0755", "+852", "1381234567"]),
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_case_add_with_any_values(data):
    raw = valid_case()
    for name in data.draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3, unique=True)):
        raw[name] = data.draw(values, label=name)
    try:
        validate(raw, FORM)
        expected_errors = []
    except ValidationFailed as failure:
        expected_errors = failure.errors

    with tempfile.TemporaryDirectory() as tmp:
        desk = Desk(Path(tmp) / "data")
        # Any command that opens the database (case template no longer does) creates it first.
        first = desk.run("case", "list")
        assert first.returncode == 0
        before = desk.table_counts()
        source = Path(tmp) / "case.json"
        # ensure_ascii keeps lone surrogates representable as \\ud800 escapes, as a script might.
        source.write_text(json.dumps(raw), encoding="utf-8")
        result = desk.run("case", "add", "--json", str(source))
        after = desk.table_counts()

    assert "Traceback" not in result.stderr
    if expected_errors:
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert after == before
        for error in expected_errors:
            assert f"  {error.field}: 「{error.label}」" in result.stderr
        for name, value in raw.items():
            if isinstance(value, str) and len(value.strip()) >= 8:
                assert value.strip() not in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert after["cases"] == before.get("cases", 0) + 1 and after["outbox"] == before.get("outbox", 0) + 1
