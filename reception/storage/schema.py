"""Schema, grown by sqlite-utils Migrations: never edit an applied migration, add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("xinan-desk")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["device"].create(
        {"id": int, "device_id": str, "prefix": str, "next_sequence": int, "created_at": str},
        pk="id",
        not_null={"device_id", "prefix", "next_sequence"},
    )
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["sessions"].create(
        {
            "id": str,
            "date": str,
            "venue": str,
            "community": str,
            "team": str,  # JSON list of {"name", "role"}
            "opened_at": str,
            "closed_at": str,
            "visitors": int,
            "household_visits": int,
            "frozen_counts": str,  # JSON, written once when the session closes
        },
        pk="id",
        not_null={"date", "venue", "opened_at", "visitors", "household_visits"},
        defaults={"visitors": 0, "household_visits": 0},
    )
    db["cases"].create(
        {
            "id": str,
            "tracking_code": str,
            "sequence": int,
            "session_id": str,
            "category_code": str,
            "category_name": str,
            "major_code": str,
            "major_name": str,
            "department": str,
            "description": str,
            "anonymous": int,
            "resident_name": str,
            "phone": str,
            "community": str,
            "address": str,
            "urgency": str,
            "outcome": str,
            "outcome_note": str,
            "receptionist": str,
            "created_at": str,
            "updated_at": str,
            "accept_by": str,
            "close_by": str,
            "closed_at": str,
            "voided_at": str,
            "void_reason": str,
            "synced_at": str,
            "platform_status": str,
            "revision": int,
        },
        pk="id",
        not_null={"tracking_code", "category_code", "description", "urgency", "outcome", "created_at"},
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db["cases"].create_index(["tracking_code"], unique=True)
    db["cases"].create_index(["session_id", "created_at"])
    db["cases"].create_index(["created_at"])
    db["photos"].create(
        {
            "id": str,
            "case_id": str,
            "position": int,
            "sha256": str,
            "mime": str,
            "width": int,
            "height": int,
            "size": int,
            "data": bytes,
        },
        pk="id",
        not_null={"case_id", "data"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["photos"].create_index(["case_id", "position"], unique=True)
    # The outbox is what the end-of-night sync drains. It is written in the same transaction as
    # the case, so a case is never recorded without being queued, nor queued without existing.
    db["outbox"].create(
        {
            "id": int,
            "case_id": str,
            "kind": str,  # create | amend | void
            "created_at": str,
            "attempts": int,
            "last_error": str,
            "done_at": str,
        },
        pk="id",
        not_null={"case_id", "kind", "created_at"},
        defaults={"attempts": 0},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["outbox"].create_index(["done_at", "id"])
    db["drafts"].create({"name": str, "payload": str, "updated_at": str}, pk="name")


@MIGRATIONS()
def m002_print_log(db: Database) -> None:
    # Every slip printed or reprinted (and every attempt that failed), so that a reprint can say
    # 补打 N and the team leader can see what went to which printer. No personal data here.
    db["print_log"].create(
        {
            "id": int,
            "case_id": str,
            "printed_at": str,
            "paper": str,  # 80mm | 58mm | a4
            "printer": str,  # CUPS queue name, or '' when only a PDF file was written
            "copy_number": int,  # 1 = the first slip, 2 = 补打 1, ...
            "status": str,  # printed | saved | failed
            "detail": str,  # CUPS job id, file name, or the failure as shown to the volunteer
        },
        pk="id",
        not_null={"case_id", "printed_at", "paper", "copy_number", "status"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["print_log"].create_index(["case_id", "id"])


@MIGRATIONS()
def m003_sync_state(db: Database) -> None:
    # What the end-of-night sync knows about each case: the platform's id for it once the
    # platform has answered, and, when the platform refused it, the platform's own reason.
    db["sync_cases"].create(
        {
            "case_id": str,
            "request_id": str,  # the platform's service_request_id
            "set_aside_reason": str,  # the platform's words when it refused the case
            "set_aside_at": str,
            "last_error": str,  # the last transient failure (network, server busy), for the dialog
            "updated_at": str,
        },
        pk="case_id",
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["sync_cases"].create_index(["request_id"])
    # Progress that came back from the platform (servicerequestupdates), kept as received:
    # statuses the desk does not know are stored and shown as the platform wrote them.
    db["sync_updates"].create(
        {
            "id": int,
            "case_id": str,
            "update_id": str,
            "status": str,
            "description": str,
            "updated_at": str,
            "received_at": str,
        },
        pk="id",
        not_null={"case_id", "status", "received_at"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["sync_updates"].create_index(["case_id", "id"])


@MIGRATIONS()
def m004_privacy(db: Database) -> None:
    # The audit log: who did what to which case, when. Each entry carries the SHA-256 of the one
    # before it (see reception/privacy/audit.py), so an edited or removed entry shows. Entries
    # name cases by tracking code and changed fields by name: never a resident's details.
    db["audit_log"].create(
        {
            "id": int,
            "at": str,  # UTC
            "action": str,  # create | edit | void | print | sync | export | purge | unlock | ...
            "role": str,  # volunteer | leader
            "actor": str,  # the receptionist's name or job number as typed, or ''
            "device": str,  # this laptop's prefix
            "case_code": str,  # tracking code, or ''
            "detail": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="id",
        not_null={"at", "action", "role", "prev_hash", "hash"},
    )
    # PIPL: the resident's consent to the personal fields, an ID-card number only where the street
    # turned that field on, and when the personal fields were purged after the platform closed it.
    db["cases"].add_column("consent", int)
    db["cases"].add_column("id_number", str)
    db["cases"].add_column("purged_at", str)


@MIGRATIONS()
def m005_amendments(db: Database) -> None:
    # When the first attempt to send a case's create began. From then on the platform may hold
    # the case (an answer can be lost after the platform committed), so the laptop no longer
    # edits it in place: a later correction travels as an amendment, never as an overwrite.
    db["outbox"].add_column("started_at", str)
    # The words of each correction (one per 'amend' outbox entry), sent as a platform update.
    db["amendments"].create(
        {"outbox_id": int, "case_id": str, "note": str, "created_at": str},
        pk="outbox_id",
        not_null={"case_id", "note", "created_at"},
        foreign_keys=[("outbox_id", "outbox", "id"), ("case_id", "cases", "id")],
    )


@MIGRATIONS()
def m006_purge_index(db: Database) -> None:
    # The purge runs at every unlock; without this it scanned every case (47 ms at 100,000
    # cases, 4 ms with it). Partial: only cases still holding personal fields are indexed.
    db.execute(
        "CREATE INDEX IF NOT EXISTS cases_purge_due ON cases (closed_at) "
        "WHERE purged_at IS NULL AND synced_at IS NOT NULL"
    )


@MIGRATIONS()
def m007_case_search(db: Database) -> None:
    # Normalised look-up keys for finding a returning resident's case by phone or name (see
    # reception/case_search.py). The keys are personal data: they stay inside the encrypted file
    # and go with the personal fields at purge. The primary key is the index the look-up uses.
    from reception import case_search

    db.execute(
        "CREATE TABLE case_search (key TEXT NOT NULL, case_id TEXT NOT NULL REFERENCES cases(id), "
        "created_at TEXT NOT NULL, PRIMARY KEY (key, case_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX case_search_case ON case_search (case_id)")
    # Cases already on the laptop are indexed after it opens, a batch at a time (at 100,000 cases
    # a whole build here kept the unlock dialog frozen for 12–23 s).
    if db.execute("SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0]:
        case_search.start_build(db)


@MIGRATIONS()
def m008_return_visits(db: Database) -> None:
    # A new petition about the same matter as an earlier case names that case (its tracking code).
    db["cases"].add_column("follows_code", str)
    # The resident's verdict recorded at the stall, one per 'rate' outbox entry, sent to the
    # platform like an amendment.
    db["ratings"].create(
        {"outbox_id": int, "case_id": str, "rating": str, "note": str, "receptionist": str, "created_at": str},
        pk="outbox_id",
        not_null={"case_id", "rating", "created_at"},
        foreign_keys=[("outbox_id", "outbox", "id"), ("case_id", "cases", "id")],
    )
    db["ratings"].create_index(["case_id", "outbox_id"])
    # The platform's view of a case as of the last sync that brought news of it: status,
    # department, due time, light, notes, return visits and ratings (JSON lists, as received).
    db["case_progress"].create(
        {"case_id": str, "status": str, "department": str, "due_at": str, "light": str, "notes": str,
         "visits": str, "ratings": str, "fetched_at": str,
         "update_mark": int},  # the last sync_updates.id seen when it was fetched
        pk="case_id",
        not_null={"fetched_at"},
        foreign_keys=[("case_id", "cases", "id")],
    )


@MIGRATIONS()
def m009_sync_fate(db: Database) -> None:
    # For servers without idempotency keys (docs/protocol.md, "Server profiles"). fate_unknown_since:
    # a create's body may have reached the server and no answer said what became of it (set,
    # committed, before the body leaves): such a case is looked up, never simply sent again.
    # unconfirmed_at: the look-up could not tell, so the case waits for the team leader (待核实).
    # note: what the case synced without (photos the server cannot take), in the desk's words.
    db["sync_cases"].add_column("fate_unknown_since", str)
    db["sync_cases"].add_column("unconfirmed_at", str)
    db["sync_cases"].add_column("note", str)


@MIGRATIONS()
def m010_rating_refusals(db: Database) -> None:
    # The platform's reason when it refused a verdict for good (that closing was rated already on
    # the tracking page, or the case was reopened since): kept on the rating, shown on the case.
    db["ratings"].add_column("refused", str)


@MIGRATIONS()
def m011_amendment_refusals(db: Database) -> None:
    # The platform's reason when it refused a correction for good (a 4xx that a resend would only
    # repeat): kept on the correction and shown to the leader; the correction is not sent again.
    # A new correction of the case (the refused one edited again) goes as its own entry.
    db["amendments"].add_column("refused", str)


@MIGRATIONS()
def m012_held_voids(db: Database) -> None:
    # The platform's reason when it refused a void for good (a 4xx that a resend would only repeat).
    # Unlike a correction, a void cannot be typed again, so its outbox entry stays pending (the void
    # is never lost) but held: no sync and no USB bundle sends it until the team leader sends it
    # again (refused cleared), after the platform's staff have seen to the case.
    db["outbox"].add_column("refused", str)
