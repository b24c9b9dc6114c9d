"""Finding a category by typing hanzi, full pinyin or pinyin initials."""

from __future__ import annotations

import pytest

from reception.category_search import CategoryIndex


@pytest.fixture(scope="module")
def index(form) -> CategoryIndex:
    return CategoryIndex(form.taxonomy)


def codes(index: CategoryIndex, query: str) -> list[str]:
    return [item.code for _, item in index.search(query)]


@pytest.mark.parametrize(
    "query, first",
    [
        ("单车", "CTY01"),
        ("dc", "CTY01"),
        ("danche", "CTY01"),
        ("DanChe", "CTY01"),
        ("dan che", "CTY01"),
        ("wenchong", "ENV03"),
        ("灭鼠", "ENV03"),  # a keyword, not in the name
        ("env03", "ENV03"),
        ("井盖", "FAC02"),
        ("hld", "TRF02"),  # 红绿灯, a keyword
        ("欠薪", "LAB01"),
    ],
)
def test_the_best_match_comes_first(index, query, first):
    assert codes(index, query)[0] == first


@pytest.mark.parametrize("query, expected", [("zaoyin", {"NOI01", "NOI02", "NOI03", "NOI04", "NOI05"}), ("gcw", {"NOI01"})])
def test_pinyin_finds_every_matching_item(index, query, expected):
    assert expected <= set(codes(index, query))


def test_a_category_name_finds_all_its_items(index, form):
    found = set(codes(index, "噪音扰民"))
    noise = next(c for c in form.taxonomy.categories if c.name == "噪音扰民")
    assert {i.code for i in noise.items} <= found


def test_name_start_ranks_before_pinyin(index):
    found = codes(index, "电梯")
    assert found[0] == "PRP03"  # 电梯故障与维保 starts with the query
    assert "HSG02" in found  # 加装电梯 has it inside


def test_empty_query_lists_everything_in_order_and_limit_applies(index, form):
    assert codes(index, "") == [item.code for _, item in form.taxonomy.items()]
    assert len(codes(index, "  ")) == 80
    assert len(index.search("d", limit=5)) == 5


def test_nothing_matches_nonsense(index):
    assert codes(index, "zzzq") == []
    assert codes(index, "🙂") == []


def test_a_desk_in_traditional_chinese_or_english_finds_categories_in_its_language(index):
    assert codes(index, "單車")[0] == "CTY01"  # 共享單車亂停放
    assert codes(index, "bike")[:2] == ["CTY01", "CTY02"]  # shared bikes, e-bikes
    assert codes(index, "e-bike")[0] == "CTY02"
    assert codes(index, "lift")[0] == "PRP03"
    # English matches start at a word, so pinyin initials keep their meaning ("dc" = 单车).
    assert codes(index, "dc")[0] == "CTY01"
