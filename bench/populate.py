"""A database of 100,000 realistic cases over ~500 sessions, written in one transaction.

The rows are built with the domain's own pieces (tracking codes, due times, phone numbers) and
inserted with sqlite-utils in bulk: going through record_case 100,000 times with synchronous=FULL
would take minutes and measure the disk, not the start-up we want to measure.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

from uuid6 import uuid7

from forms import load_form
from reception import clock
from reception.deadlines import due_times
from reception.desk import ReceptionDesk
from reception.form_definition import Outcome, Urgency
from reception.paths import database_path
from reception.storage import open_database
from reception.storage import repository as repo
from reception.tracking_codes import TrackingCode

PREFIX = "K7Q"
PROBLEMS = [
    "地铁C出口共享单车乱停放，挡住盲道，老人推车过不去",
    "楼道里蟑螂很多，晚上到处爬，希望安排消杀",
    "广场舞音响太大声，晚上十点后还在跳，影响孩子休息",
    "小区电梯经常停，老人上下楼很困难",
    "路灯坏了一个多月，晚上回家很黑",
    "篮球场地面破损，孩子打球容易摔倒",
    "人行道砖松动，下雨天踩上去溅一身水",
    "希望增加社区运动场地，现在晚上没有地方锻炼",
]
NAMES = ["王阿姨", "李伯", "张先生", "陈女士", "刘师傅", "黄小姐", "林叔", "吴老师"]
NOTES = {Outcome.SOLVED_ON_SPOT: "当场电话联系物业，已答应明天处理", Outcome.EXPLAINED: "属业主自治事项，已解释相关规定", Outcome.FORWARDED: ""}


def populate(data_dir: Path, cases: int = 100_000, sessions: int = 500, seed: int = 2026) -> Path:
    rng = random.Random(seed)
    form = load_form(data_dir).form
    path = database_path(data_dir)
    db = open_database(path)
    try:
        desk = ReceptionDesk(db, form)
        desk.set_device_prefix(PREFIX)
        items = form.taxonomy.items()
        start = clock.now() - timedelta(days=7 * sessions)
        session_rows, case_rows, outbox_rows = [], [], []
        per_session = cases // sessions
        sequence = 0
        for s in range(sessions):
            opened = start + timedelta(days=7 * s, hours=11, minutes=30)
            last = s == sessions - 1
            session_id = str(uuid7())
            counts = {"visitors": 0, "household_visits": rng.randint(0, 20), "petitions": 0, "solved_on_spot": 0,
                      "forwarded": 0, "explained": 0, "voided": 0}
            n = per_session if not last else cases - per_session * (sessions - 1)
            for i in range(n):
                sequence += 1
                major, item = rng.choice(items)
                urgency = rng.choice([Urgency.ORDINARY] * 8 + [Urgency.URGENT, Urgency.EXTRA_URGENT])
                outcome = rng.choice([Outcome.FORWARDED] * 3 + [Outcome.SOLVED_ON_SPOT, Outcome.EXPLAINED])
                created = opened + timedelta(seconds=40 * i + rng.randint(0, 30))
                due = due_times(created, urgency, item.complexity, form.deadlines)
                voided = rng.random() < 0.01
                case_id = str(uuid7())
                anonymous = rng.random() < 0.1
                case_rows.append({
                    "id": case_id,
                    "tracking_code": TrackingCode.make(PREFIX, sequence).display,
                    "sequence": sequence,
                    "session_id": session_id,
                    "category_code": item.code, "category_name": item.name,
                    "major_code": major.code, "major_name": major.name, "department": major.department,
                    "description": rng.choice(PROBLEMS),
                    "anonymous": int(anonymous),
                    "resident_name": "" if anonymous else rng.choice(NAMES),
                    "phone": "" if anonymous else f"+86138{rng.randint(0, 99_999_999):08d}",
                    "community": rng.choice(form.communities),
                    "address": f"{rng.randint(1, 40)}栋",
                    "urgency": urgency.value, "outcome": outcome.value, "outcome_note": NOTES[outcome],
                    "receptionist": "志愿者 李明",
                    "created_at": clock.to_text(created), "updated_at": clock.to_text(created),
                    "accept_by": clock.to_text(due.accept_by), "close_by": clock.to_text(due.close_by),
                    "closed_at": clock.to_text(created) if outcome.closes_case else (None if last else clock.to_text(created + timedelta(hours=20))),
                    "voided_at": clock.to_text(created) if voided else None,
                    "void_reason": "重复登记" if voided else "",
                    "synced_at": None if last else clock.to_text(opened + timedelta(hours=4)),
                    "platform_status": "" if last else "已办结",
                    "revision": 1,
                })
                outbox_rows.append({"case_id": case_id, "kind": "create", "created_at": clock.to_text(created),
                                    "attempts": 0 if last else 1,
                                    "done_at": None if last else clock.to_text(opened + timedelta(hours=4))})
                counts["visitors"] += 1
                if voided:
                    counts["voided"] += 1
                else:
                    counts["petitions"] += 1
                    key = {Outcome.SOLVED_ON_SPOT: "solved_on_spot", Outcome.FORWARDED: "forwarded", Outcome.EXPLAINED: "explained"}[outcome]
                    counts[key] += 1
            session_rows.append({
                "id": session_id, "date": clock.local(opened).date().isoformat(), "venue": "新安广场",
                "community": rng.choice(form.communities),
                "team": json.dumps([{"name": "陈书记", "role": "社区党委书记"}, {"name": "李明", "role": "志愿者"}], ensure_ascii=False),
                "opened_at": clock.to_text(opened),
                "closed_at": None if last else clock.to_text(opened + timedelta(hours=3)),
                "visitors": counts["visitors"], "household_visits": counts["household_visits"],
                "frozen_counts": None if last else json.dumps(counts, ensure_ascii=False),
            })
        with db.atomic():
            db["sessions"].insert_all(session_rows, batch_size=500)
            db["cases"].insert_all(case_rows, batch_size=2000)
            db["outbox"].insert_all(outbox_rows, batch_size=2000)
            db.execute("UPDATE device SET next_sequence = ? WHERE id = 1", (sequence + 1,))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert repo.count_cases(db) == cases
    finally:
        db.conn.close()
    return path
