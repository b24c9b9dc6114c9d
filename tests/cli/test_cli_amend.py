"""xinan-desk case amend: corrections to a case the platform may already hold."""

from __future__ import annotations

from reception.storage import repository as repo
from reception_support import open_test_database

from cli_runner import cli  # noqa: F401  (the fixture)

NOTE = "居民补充：地点是C出口东侧"


def test_amend_waits_for_sync_then_records_the_note(cli):
    code = cli.add(cli.json("case", "template"))
    early = cli.run("case", "amend", code, "--note", NOTE)
    assert early.returncode == 1 and "直接修改" in early.stderr

    db = open_test_database(cli.data_dir)
    try:
        [entry] = [r for r in repo.pending_outbox(db) if r["kind"] == "create"]
        with db.atomic():
            repo.mark_create_started(db, entry["id"], "2026-11-25T12:00:00+00:00")
    finally:
        db.conn.close()

    assert cli.ok("case", "amend", code.lower(), "--note", NOTE, "--receptionist", "李明").strip() == code
    shown = cli.json("case", "show", code, "--json")
    assert [a["note"] for a in shown["amendments"]] == [NOTE]
    assert shown["amendments"][0]["sent_at"] is None


def test_a_too_short_note_is_refused_naming_the_field(cli):
    code = cli.add(cli.json("case", "template"))
    result = cli.run("case", "amend", code, "--note", "改")
    assert result.returncode == 2 and "更正说明" in result.stderr
