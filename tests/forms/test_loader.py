"""Form definition files: the shipped ones load; a street's broken file is named with its line,
and the desk keeps the last good copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms import FormFileError, load_form
from forms.loader import SHIPPED_DIR
from reception.form_definition import Complexity, Urgency

SHIPPED_CATEGORIES = (SHIPPED_DIR / "categories.toml").read_text(encoding="utf-8")

STREET_CATEGORIES = """version = 1

[[category]]
code = "ENV"
name = "环境卫生"
department = "城管办"
  [[category.item]]
  code = "ENV01"
  name = "垃圾清运"
  complexity = "simple"
  urgency = "一般"
  [[category.item]]
  code = "ENV02"
  name = "蚊虫消杀"
  complexity = "simple"
  urgency = "一般"

[[category]]
code = "FAC"
name = "公共设施"
department = "建设办"
  [[category.item]]
  code = "FAC01"
  name = "路灯不亮"
  complexity = "simple"
  urgency = "紧急"
"""


def street_file(data_dir: Path, name: str, text: str) -> Path:
    path = data_dir / "forms" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(needle)


def test_the_shipped_files_load():
    loaded = load_form(None)
    form = loaded.form
    assert loaded.problems == []
    assert len(form.taxonomy.categories) == 13
    assert len(form.taxonomy.items()) == 80
    assert len(form.communities) == 21 and form.street == "新安街道"
    assert form.field_names[:2] == ("category", "description")
    assert set(loaded.sources) == {"intake.toml", "categories.toml", "deadlines.toml", "communities.toml"}
    assert all(path.parent == SHIPPED_DIR for path in loaded.sources.values())


def test_every_shipped_category_has_a_department_and_unique_codes():
    form = load_form(None).form
    codes = [c.code for c in form.taxonomy.categories] + [i.code for _, i in form.taxonomy.items()]
    assert len(codes) == len(set(codes))
    for category in form.taxonomy.categories:
        assert category.department
        for item in category.items:
            assert item.code.startswith(category.code)
            assert isinstance(item.complexity, Complexity) and isinstance(item.urgency, Urgency)


def test_an_empty_data_dir_uses_the_shipped_files(tmp_path: Path):
    loaded = load_form(tmp_path)
    assert loaded.problems == [] and len(loaded.form.taxonomy.items()) == 80


def test_a_street_file_replaces_the_shipped_one_and_is_kept_as_last_good(tmp_path: Path):
    path = street_file(tmp_path, "categories.toml", STREET_CATEGORIES)
    loaded = load_form(tmp_path)
    assert loaded.problems == []
    assert loaded.sources["categories.toml"] == path
    assert [i.code for _, i in loaded.form.taxonomy.items()] == ["ENV01", "ENV02", "FAC01"]
    assert (tmp_path / "forms" / ".last-good" / "categories.toml").read_text(encoding="utf-8") == STREET_CATEGORIES


BROKEN = [
    pytest.param(
        STREET_CATEGORIES.replace('name = "蚊虫消杀"', 'name = "蚊虫消杀'),
        'name = "蚊虫消杀',
        "TOML 格式错误",
        id="toml-syntax",
    ),
    pytest.param(
        STREET_CATEGORIES.replace('complexity = "simple"\n  urgency = "紧急"', 'complexity = "hard"\n  urgency = "紧急"'),
        'complexity = "hard"',
        "complexity 只能是 simple 或 complex",
        id="unknown-complexity",
    ),
    pytest.param(
        STREET_CATEGORIES.replace('code = "ENV02"', 'code = "ENV01"'),
        ('code = "ENV01"', 2),
        "代码 ENV01 重复",
        id="duplicate-code",
    ),
    pytest.param(
        STREET_CATEGORIES.replace('urgency = "紧急"', 'urgency = "很急"'),
        'urgency = "很急"',
        "urgency 只能是",
        id="unknown-urgency",
    ),
    pytest.param(
        STREET_CATEGORIES.replace('department = "建设办"\n', ""),
        ("[[category]]", 2),
        "第 2 个大类缺少 department",
        id="missing-department",
    ),
]


@pytest.mark.parametrize("broken, needle, words", BROKEN)
def test_a_broken_street_file_names_file_and_line_and_the_last_good_copy_is_used(tmp_path, broken, needle, words):
    path = street_file(tmp_path, "categories.toml", STREET_CATEGORIES)
    assert load_form(tmp_path).problems == []

    path.write_text(broken, encoding="utf-8")
    loaded = load_form(tmp_path)
    [problem] = loaded.problems
    needle, occurrence = needle if isinstance(needle, tuple) else (needle, 1)
    assert problem.path == path
    assert problem.line == line_of(broken, needle, occurrence)
    assert words in problem.message
    assert str(problem).startswith(f"{path}，第 {problem.line} 行：")
    # The desk carries on with the street's last good taxonomy, not the shipped one.
    assert loaded.sources["categories.toml"] == tmp_path / "forms" / ".last-good" / "categories.toml"
    assert [i.code for _, i in loaded.form.taxonomy.items()] == ["ENV01", "ENV02", "FAC01"]
    # ... and the broken file does not overwrite the last good copy.
    assert loaded.sources["categories.toml"].read_text(encoding="utf-8") == STREET_CATEGORIES


def test_a_broken_street_file_without_a_last_good_copy_falls_back_to_the_shipped_one(tmp_path):
    path = street_file(tmp_path, "categories.toml", "version = 1\n[[category]\n")
    loaded = load_form(tmp_path)
    [problem] = loaded.problems
    assert problem.path == path and problem.line == 2
    assert len(loaded.form.taxonomy.items()) == 80


def test_an_intake_file_missing_an_essential_field(tmp_path):
    shipped = (SHIPPED_DIR / "intake.toml").read_text(encoding="utf-8")
    start = shipped.index('[[field]]\nname = "receptionist"')
    end = shipped.index("[[field]]", start + 5)
    path = street_file(tmp_path, "intake.toml", shipped[:start] + shipped[end:])
    loaded = load_form(tmp_path)
    [problem] = loaded.problems
    assert problem.path == path
    assert "缺少必需的字段" in problem.message and "receptionist" in problem.message
    assert "receptionist" in loaded.form.field_names  # the shipped form is still in use


def test_an_intake_file_with_an_unknown_field_type(tmp_path):
    shipped = (SHIPPED_DIR / "intake.toml").read_text(encoding="utf-8")
    broken = shipped.replace('type = "phone"', 'type = "telephone"')
    path = street_file(tmp_path, "intake.toml", broken)
    [problem] = load_form(tmp_path).problems
    assert problem.path == path and problem.line == line_of(broken, 'type = "telephone"')
    assert "telephone" in problem.message


def test_a_deadlines_file_with_a_bad_value(tmp_path):
    shipped = (SHIPPED_DIR / "deadlines.toml").read_text(encoding="utf-8")
    broken = shipped.replace("warn_fraction = 0.25", "warn_fraction = 2")
    path = street_file(tmp_path, "deadlines.toml", broken)
    loaded = load_form(tmp_path)
    [problem] = loaded.problems
    assert problem.path == path and problem.line == line_of(broken, "warn_fraction = 2")
    assert loaded.form.deadlines.warn_fraction == 0.25


def test_a_communities_file_with_a_duplicate(tmp_path):
    text = 'version = 1\nstreet = "新安街道"\ncommunities = [\n  "安乐社区",\n  "安乐社区",\n]\n'
    path = street_file(tmp_path, "communities.toml", text)
    [problem] = load_form(tmp_path).problems
    assert problem.path == path and problem.line == 4 and "安乐社区 重复" in problem.message


def test_a_file_that_is_not_utf8(tmp_path):
    path = street_file(tmp_path, "communities.toml", "")
    path.write_bytes('version = 1\nstreet = "新安街道"\n'.encode() + "communities = [\"安乐社区\"]\n".encode("gbk"))
    [problem] = load_form(tmp_path).problems
    assert problem.path == path and problem.line == 3 and "UTF-8" in problem.message


def test_form_file_error_without_a_line():
    error = FormFileError(Path("/x/intake.toml"), None, "坏了")
    assert str(error) == "/x/intake.toml：坏了"


def test_an_unclosed_list_points_at_the_last_line(tmp_path):
    path = street_file(tmp_path, "communities.toml", 'version = 1\nstreet = "新安街道"\ncommunities = [\n  "安乐社区",\n')
    [problem] = load_form(tmp_path).problems
    assert problem.path == path and problem.line == 4 and "TOML 格式错误" in problem.message


def test_the_shipped_form_is_written_in_three_languages():
    form = load_form(None).form
    for spec in form.fields:
        assert {"zh_TW", "en"} <= set(spec.label.translations), spec.name
        for choice in spec.choices:
            assert {"zh_TW", "en"} <= set(choice.translations), (spec.name, str(choice))
    for category, item in form.taxonomy.items():
        for text in (category.name, category.department, item.name):
            assert {"zh_TW", "en"} <= set(text.translations), str(text)
            assert text.in_("en").isascii() and text.in_("zh_TW") != "", str(text)
    assert all({"zh_TW", "en"} <= set(c.translations) for c in form.communities)
    assert form.field("urgency").choices[2].in_("en") == "Emergency"
    assert form.street.in_("en") == "Xin'an Subdistrict"


def test_a_street_file_without_translations_shows_its_chinese_in_every_language(tmp_path):
    text = 'version = 1\nstreet = "西乡街道"\ncommunities = ["固戍社区"]\n'
    street_file(tmp_path, "communities.toml", text)
    form = load_form(tmp_path).form
    assert (form.street.in_("en"), form.communities[0].in_("zh_TW")) == ("西乡街道", "固戍社区")


def test_a_translated_list_must_match_its_list_item_for_item(tmp_path):
    text = 'version = 1\nstreet = "西乡街道"\ncommunities = ["固戍社区", "臣田社区"]\ncommunities_en = ["Gushu"]\n'
    path = street_file(tmp_path, "communities.toml", text)
    [problem] = load_form(tmp_path).problems
    assert problem.path == path and problem.line == 4 and "communities_en" in problem.message
    assert "2 个译文" in problem.message


def test_a_translation_that_is_not_text_names_its_key(tmp_path):
    shipped = (SHIPPED_DIR / "intake.toml").read_text(encoding="utf-8")
    broken = shipped.replace('label_en = "Phone"', "label_en = 7")
    path = street_file(tmp_path, "intake.toml", broken)
    [problem] = load_form(tmp_path).problems
    assert problem.path == path and problem.line == line_of(broken, "label_en = 7")
    assert "label_en" in problem.message
