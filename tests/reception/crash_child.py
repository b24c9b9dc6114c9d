"""The process the crash test kills: records cases (or saves drafts, or runs whole sessions) on
a real database file and acknowledges each one on stdout only after the desk has returned.

It runs as a zygote so that 200+ kills do not pay 200 interpreter start-ups: it imports the
domain once, then for every ``<mode> <database> <seed>`` line on stdin forks a worker, reports
``pid <n>``, waits for the worker to die (the test SIGKILLs it) and reports ``reaped``. A worker
writes each acknowledgement with one os.write of a short line, which a pipe delivers whole or
not at all. Uses the domain only: no Qt.
"""

from __future__ import annotations

import os
import random
import sys

# reception_support comes from tests/, which the test puts on PYTHONPATH: the example case
# follows the form as it evolves.
from forms import load_form
from reception.desk import ReceptionDesk
from reception.storage import open_database
from reception_support import valid_case

FORM = load_form(None).form
OUTCOMES = [("转平台办理", ""), ("当场解决", "电话联系物业，已当场处理"), ("解释说明", "属私人纠纷，已解释相关政策")]
CATEGORIES = [item.code for _, item in FORM.taxonomy.items()]


def ack(text: str) -> None:
    os.write(1, (text + "\n").encode())


def record_cases(desk: ReceptionDesk, rng: random.Random) -> None:
    while True:
        outcome, note = rng.choice(OUTCOMES)
        case = desk.record_case(
            valid_case(
                category=rng.choice(CATEGORIES),
                description="楼道灯坏了很久，晚上老人上下楼看不清" + "。" * rng.randint(0, 400),
                phone=f"138{rng.randint(0, 99_999_999):08d}",
                community=rng.choice(FORM.communities),
                urgency=rng.choice(["一般", "紧急", "特急"]),
                outcome=outcome,
                outcome_note=note,
            ),
            discard_draft="intake",
        )
        ack(f"case {case.tracking_code}")


def save_drafts(desk: ReceptionDesk, rng: random.Random) -> None:
    number = int(rng.random() * 1_000_000)
    while True:
        number += 1
        # A draft of realistic size: the half-typed form, description growing as it is typed.
        desk.save_draft({"n": number, "description": "居民反映" * rng.randint(1, 500), "photos": []})
        ack(f"draft {number}")


def run_sessions(desk: ReceptionDesk, rng: random.Random) -> None:
    while True:
        if desk.current_session() is None:
            session = desk.open_session(date="2026-11-25", venue="新安广场", community="安乐社区", team=[])
            ack(f"opened {session.id}")
        for _ in range(rng.randint(0, 3)):
            desk.count_visitor()
        closed = desk.close_session()
        c = closed.counts
        ack(f"closed {closed.id} {c.visitors} {c.petitions}")


MODES = {"cases": record_cases, "drafts": save_drafts, "sessions": run_sessions}


def worker(mode: str, path: str, seed: int) -> None:
    rng = random.Random(seed)
    desk = ReceptionDesk(open_database(path), FORM)
    MODES[mode](desk, rng)


def main() -> None:
    for line in sys.stdin:
        mode, path, seed = line.split()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                worker(mode, path, int(seed))
            except BaseException as error:  # shown to the test, which then fails
                ack(f"error {type(error).__name__}: {error}")
                code = 1
            finally:
                os._exit(code)
        ack(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        ack(f"reaped {status}")


if __name__ == "__main__":
    main()
