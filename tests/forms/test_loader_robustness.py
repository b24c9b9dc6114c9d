"""A street's broken form file is named with its file and line, and the desk keeps the last good
form: whatever TOML value sits in whatever position of any of the four files, never a traceback,
and a form that loads can record a case."""

from __future__ import annotations

import json
import math
import tomllib
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms import FormFileError, load_form
from forms.loader import _UNFORESEEN, FILES, SHIPPED_DIR
from reception.deadlines import due_times
from reception.desk import example_case
from reception.errors import ValidationFailed
from reception.form_definition import Complexity, Urgency
from reception.validation import validate

SHIPPED = {name: (SHIPPED_DIR / name).read_text(encoding="utf-8") for name in FILES}


def street_file(data_dir: Path, name: str, text: str) -> Path:
    path = data_dir / "forms" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(data_dir: Path, name: str) -> FormFileError:
    loaded = load_form(data_dir)
    [problem] = loaded.problems
    assert problem.path == data_dir / "forms" / name
    assert loaded.sources[name] == SHIPPED_DIR / name  # the shipped form stands in
    return problem


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


# --- the seven files that crashed the desk -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "needle", "words"),
    [
        ("intake.toml", "version = 1\nfield = [1, 2]\n", "field = ", "[[field]]"),
        ("intake.toml", 'version = 1\nfield = ["category"]\n', "field = ", "[[field]]"),
        ("categories.toml", "version = 1\ncategory = [5]\n", "category = ", "[[category]]"),
        ("intake.toml", SHIPPED["intake.toml"].replace('choices = ["一般", "紧急", "特急"]', "choices = 5", 1),
         "choices = 5", "choices"),
        ("intake.toml", SHIPPED["intake.toml"].replace('required_unless = "anonymous"', "required_when = 3", 1),
         "required_when = 3", "required_when"),
        ("deadlines.toml", 'version = 1\naccept_hours = 1\nwarn_fraction = 0.25\nclosure = "x"\n',
         'closure = "x"', "closure"),
        ("deadlines.toml", SHIPPED["deadlines.toml"].replace("simple_hours = 24", "simple_hours = nan", 1),
         "simple_hours = nan", "simple_hours"),
        ("intake.toml", SHIPPED["intake.toml"].replace('type = "category"', 'type = "text"', 1),
         'type = "text"', "category"),
        ("deadlines.toml", "version = 1\naccept_hours = " + "[" * 5000 + "]" * 5000 + "\n", "accept_hours", "嵌套太深"),
    ],
)
def test_a_broken_file_is_named_with_its_line_and_the_shipped_form_kept(tmp_path, name, text, needle, words):
    street_file(tmp_path, name, text)
    problem = only_problem(tmp_path, name)
    assert problem.line == line_of(text, needle)
    assert words in problem.message
    assert problem.message != _UNFORESEEN


def test_a_nan_time_limit_after_a_good_one_keeps_the_good_one(tmp_path):
    good = SHIPPED["deadlines.toml"].replace("simple_hours = 24", "simple_hours = 30", 1)
    street_file(tmp_path, "deadlines.toml", good)
    assert load_form(tmp_path).form.deadlines.closure[Urgency.ORDINARY].simple_hours == 30
    street_file(tmp_path, "deadlines.toml", good.replace("simple_hours = 30", "simple_hours = nan"))
    loaded = load_form(tmp_path)
    assert loaded.problems and loaded.sources["deadlines.toml"].parent.name == ".last-good"
    assert loaded.form.deadlines.closure[Urgency.ORDINARY].simple_hours == 30


# --- any value in any position --------------------------------------------------------------------


def toml_value(value: Any) -> str:
    """A value in TOML's inline syntax (strings as JSON escapes them, which TOML reads alike)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(data: dict[str, Any]) -> str:
    # Top-level keys one per line, so that a problem's line still points somewhere.
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in data.items())


def positions(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += positions(inner, (*path, key))
        found += [(*path, "extra_key")]
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += positions(inner, (*path, index))
    return found


def replaced(data: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: replaced(data.get(head), rest, new)}
    copy = list(data)
    copy[head] = replaced(copy[head], rest, new)
    return copy


scalars = (
    st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "一般", "特急", "simple", "complex", "category", "text", "choice", "ENV", "ENV01"])
    | st.datetimes(timezones=st.just(timezone.utc))
    | st.dates()
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
    max_leaves=8,
)
PARSED = {name: tomllib.loads(text) for name, text in SHIPPED.items()}
PLACES = [(name, path) for name in FILES for path in positions(PARSED[name])]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(PLACES), value=toml_values)
def test_any_value_in_any_position_never_raises(tmp_path_factory, place, value):
    name, path = place
    data_dir = tmp_path_factory.mktemp("street")
    street_file(data_dir, name, toml_document(replaced(PARSED[name], path, value)))
    loaded = load_form(data_dir)  # must not raise, whatever the value
    for problem in loaded.problems:
        assert problem.path == data_dir / "forms" / name
        assert problem.message != _UNFORESEEN, (path, value)
    form = loaded.form
    # A form that loaded can take a case: its example validates (or is refused field by field)
    # and every urgency has its time limits.
    try:
        validate(example_case(form), form)
    except ValidationFailed:
        pass
    for urgency in Urgency:
        for complexity in Complexity:
            due_times(datetime(2026, 11, 25, tzinfo=timezone.utc), urgency, complexity, form.deadlines)
