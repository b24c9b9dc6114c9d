"""Hot topics: recurring petitions grouped by their words and their (neighbouring) community,
measured on the labelled petitions, and the desk's topics and 议事会 list."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone
from itertools import combinations

from reception_support import valid_case

from reception.intake_hints.desk_topics import council_list, desk_topics, put_on_council_list
from reception.intake_hints.topics import Petition, find_topics, neighbours_from_pairs, shipped_neighbours
from test_intake_hints import petitions

START = datetime(2026, 10, 7, 12, tzinfo=timezone.utc)


def _labelled(form):
    rows = petitions()
    ps = [Petition(str(i), f"C{i}", community, code, START + timedelta(weeks=week - 1, minutes=i), text)
          for i, (code, community, _topic, week, text) in enumerate(rows)]
    return ps, {str(i): row[2] for i, row in enumerate(rows)}


def test_topics_found_on_the_labelled_set(form):
    """Measured: 23 topics, 16 of them one labelled matter (70 %), 15 of the 18 matters found
    (83 %); 75 % of the petitions put in topics recur, 73 % of the recurring ones are put in one."""
    ps, label = _labelled(form)
    topics = find_topics(ps, shipped_neighbours(), place_names=form.communities)
    labelled = {t for t in label.values() if t != "-"}
    pure, found = 0, set()
    for topic in topics:
        name, n = Counter(label[p.key] for p in topic.petitions).most_common(1)[0]
        if name != "-" and n > topic.count / 2:
            pure += 1
            found.add(name)
    members = [p.key for t in topics for p in t.petitions]
    recurring = sum(1 for k in label if label[k] != "-")
    member_precision = sum(1 for k in members if label[k] != "-") / len(members)
    member_recall = sum(1 for k in members if label[k] != "-") / recurring
    assert pure / len(topics) >= 0.65 and len(found) / len(labelled) >= 0.8, (pure, len(topics), len(found))
    assert member_precision >= 0.7 and member_recall >= 0.7, (member_precision, member_recall)
    true_pairs = {frozenset((a.key, b.key)) for a, b in combinations(ps, 2)
                  if label[a.key] != "-" and label[a.key] == label[b.key]}
    found_pairs = {frozenset((a.key, b.key)) for t in topics for a, b in combinations(t.petitions, 2)}
    assert len(found_pairs & true_pairs) / len(found_pairs) >= 0.7  # measured 77.8 %, recall 57 %


def _p(key, community, text, week=1, category="路灯不亮"):
    return Petition(key, key, community, category, START + timedelta(weeks=week), text)


def test_same_category_is_not_enough_and_neighbours_count():
    neighbours = neighbours_from_pairs([("翻身社区", "大浪社区")])
    topics = find_topics([
        _p("a", "翻身社区", "翻身路那段路灯坏了，晚上黑漆漆的"),
        _p("b", "翻身社区", "公园步道的灯太暗了，晚上散步看不清路"),
        _p("c", "大浪社区", "翻身路那段路灯坏了，晚上很黑没人修", week=2),
        _p("d", "海富社区", "翻身路那段路灯坏了，晚上很黑", week=3),
    ], neighbours, place_names=["翻身社区", "大浪社区", "海富社区"])
    assert [sorted(p.key for p in t.petitions) for t in topics] == [["a", "c"]]
    assert topics[0].latest == START + timedelta(weeks=2) and "路灯" in topics[0].title


def test_topics_rank_by_count_then_recency():
    ps = [_p(f"x{i}", "宝民社区", "地铁B出口共享单车堆满了", week=i, category="共享单车乱停放") for i in range(3)]
    ps += [_p(f"y{i}", "宝民社区", "小区电梯又坏了困人", week=5 + i, category="电梯故障与维保") for i in range(2)]
    ps += [_p(f"z{i}", "宝民社区", "楼下烧烤油烟太大", week=i, category="餐饮油烟与异味") for i in range(2)]
    topics = find_topics(ps, {})
    assert [t.petitions[0].key[0] for t in topics] == ["x", "y", "z"]


def test_the_desk_shows_tonights_topics_and_keeps_a_council_list(desk, clock, open_session):
    for n in range(3):
        clock.advance(days=7)
        desk.record_case(valid_case(community="安乐社区", category="ENV03",
                                    description=f"安乐村{n + 10}栋楼道蟑螂太多，希望统一消杀"))
    desk.record_case(valid_case(community="安乐社区", category="FAC01", description="巷子里没有路灯，晚上回家很害怕"))
    found = desk_topics(desk)
    assert found.community == "安乐社区"
    assert [t.count for t in found.topics] == [3]
    assert found.tonights() == list(found.topics)
    entry = put_on_council_list(desk, found.topics[0], found.community)
    again = put_on_council_list(desk, found.topics[0], found.community)
    assert entry == again and len(council_list(desk)) == 1
    assert entry["count"] == 3 and len(entry["cases"]) == 3 and "蟑螂" in entry["title"]
    assert "王阿姨" not in str(entry) and "13812345678" not in str(entry)
