"""The platform's schema, as one ordered list of migrations that runs on SQLite and PostgreSQL.

Why a list and not Alembic: five of us add tables to this store on the same afternoon. Alembic
chains revisions by ``down_revision``; two branches that each add one land as two heads that
git merges without a conflict and ``alembic upgrade head`` then refuses. Appending to one list
makes the same situation an ordinary textual conflict on rebase, resolved by keeping both.
Tables are declared with SQLAlchemy Core, so the DDL is each dialect's own (SERIAL or
AUTOINCREMENT, BYTEA or BLOB); plain ``ALTER TABLE ... ADD COLUMN`` runs on both.

To add a migration: append ``Migration("NNN_what", function)`` to MIGRATIONS (never edit one that
has landed); the function gets a Connection inside the migration's transaction. See
docs/platform.md.

Every worker runs ``migrate`` when it starts; the first takes a lock (PostgreSQL's advisory
lock, SQLite's write lock) and the others wait, then find nothing left to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (
    Column, Connection, Engine, Float, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint, Table,
    Text, inspect, text,
)

from sync.platform import database

# Any constant the migrations of this platform agree on; pg_advisory_xact_lock takes a bigint.
_ADVISORY_LOCK = 20261201_14
DEFAULT_STREET = "XA"


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _m001_initial(conn: Connection) -> None:
    # A platform created before this list (sqlite-utils Migrations) already has these tables.
    if inspect(conn).has_table("requests"):
        return
    meta = MetaData()
    Table("devices", meta,
          Column("id", Integer, primary_key=True), Column("name", Text, nullable=False), Column("prefix", Text),
          Column("token_sha256", Text, unique=True), Column("enrolment_sha256", Text, unique=True),
          Column("device_id", Text), Column("created_at", Text, nullable=False), Column("enrolled_at", Text),
          Column("revoked_at", Text))
    requests = Table(
        "requests", meta,
        Column("id", Integer, primary_key=True),
        Column("service_request_id", Text, nullable=False, unique=True),
        Column("idempotency_key", Text, nullable=False, unique=True),
        Column("content_sha256", Text, nullable=False),
        Column("device", Integer, ForeignKey("devices.id")),
        *(Column(name, Text) for name in (
            "service_code", "service_name", "group_name", "department", "description", "address_string",
            "first_name", "phone", "attributes", "tracking_code", "verifier", "requested_datetime",
            "accept_by", "close_by")),
        Column("status", Text, nullable=False),
        *(Column(name, Text) for name in ("status_notes", "created_at", "updated_at", "closed_at")),
    )
    Index("idx_requests_tracking_code", requests.c.tracking_code)
    Table("media", meta,
          Column("request", Integer, ForeignKey("requests.id")), Column("position", Integer),
          Column("sha256", Text), Column("size", Integer), Column("received", Integer), Column("complete", Integer),
          PrimaryKeyConstraint("request", "sha256"))
    updates = Table(
        "updates", meta,
        Column("id", Integer, primary_key=True), Column("request", Integer, ForeignKey("requests.id"), nullable=False),
        Column("status", Text, nullable=False), Column("description", Text), Column("author", Text),
        Column("idempotency_key", Text, unique=True), Column("created_at", Text, nullable=False),
    )
    Index("idx_updates_request_id", updates.c.request, updates.c.id)
    Table("staff", meta, Column("username", Text, primary_key=True), Column("salt", Text),
          Column("password_sha", Text), Column("created_at", Text))
    Table("staff_sessions", meta, Column("token_sha256", Text, primary_key=True), Column("username", Text),
          Column("csrf", Text), Column("expires_at", Text))
    meta.create_all(conn)


def _m002_streets(conn: Connection) -> None:
    """Several streets on one platform; what was there becomes the default street's."""
    meta = MetaData()
    Table("streets", meta,
          Column("id", Integer, primary_key=True), Column("code", Text, nullable=False, unique=True),
          Column("name", Text, nullable=False), Column("hotline", Text), Column("created_at", Text, nullable=False))
    meta.create_all(conn)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    conn.execute(text("INSERT INTO streets (code, name, created_at) VALUES (:code, '默认街道', :now)"),
                 {"code": DEFAULT_STREET, "now": now})
    default = conn.execute(text("SELECT id FROM streets WHERE code = :code"), {"code": DEFAULT_STREET}).scalar_one()
    for table in ("devices", "requests", "staff"):
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN street INTEGER REFERENCES streets (id)"))
    conn.execute(text("UPDATE devices SET street = :s"), {"s": default})
    conn.execute(text("UPDATE requests SET street = :s"), {"s": default})
    # A staff account made before streets existed keeps seeing what it saw: the default street.
    conn.execute(text("UPDATE staff SET street = :s"), {"s": default})
    # 'street': one street's cases; 'district': every street's, and the sums.
    conn.execute(text("ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'street'"))
    conn.execute(text("CREATE INDEX idx_requests_street_id ON requests (street, id)"))
    conn.execute(text("CREATE INDEX idx_devices_prefix ON devices (prefix)"))


def _m003_rate_limits(conn: Connection) -> None:
    """Token buckets in the database, so every worker counts the same client's requests."""
    meta = MetaData()
    Table("rate_limits", meta, Column("bucket", Text, primary_key=True), Column("tokens", Float, nullable=False),
          Column("updated_at", Float, nullable=False))
    meta.create_all(conn)


def _m004_return_visits(conn: Connection) -> None:
    """The staff loop's own state per request, the residents' verdicts (one per closing) and the
    return-visit calls (sync/platform/loop_store.py)."""
    meta = MetaData()
    Table("requests", meta, Column("id", Integer, primary_key=True))  # referenced only, exists already
    state = Table("loop_state", meta,
          Column("request", Integer, ForeignKey("requests.id"), primary_key=True),
          *(Column(name, Integer, nullable=False, server_default="0")
            for name in ("closings", "rated_closing", "unsatisfied", "visits")),
          *(Column(name, Text) for name in ("started_at", "due_at", "accepted_at", "reopened_at", "updated_at")))
    ratings = Table("loop_ratings", meta,
                    Column("id", Integer, primary_key=True),
                    Column("request", Integer, ForeignKey("requests.id"), nullable=False),
                    Column("closing", Integer, nullable=False), Column("rating", Text, nullable=False),
                    Column("words", Text), Column("source", Text, nullable=False),
                    Column("created_at", Text, nullable=False))
    # One verdict per closing, whichever way it comes (page, stall, call), even from two workers.
    Index("idx_loop_ratings_closing", ratings.c.request, ratings.c.closing, unique=True)
    visits = Table("loop_visits", meta,
                   Column("id", Integer, primary_key=True),
                   Column("request", Integer, ForeignKey("requests.id"), nullable=False),
                   Column("caller", Text, nullable=False), Column("called_at", Text, nullable=False),
                   Column("reached", Integer, nullable=False), Column("rating", Text), Column("words", Text),
                   Column("created_at", Text, nullable=False))
    Index("idx_loop_visits_request", visits.c.request, visits.c.id)
    meta.create_all(conn, tables=[state, ratings, visits])


def _m_tracking_codes_unique(conn: Connection) -> None:
    """A resident's tracking code names one case of its street (issue 12: a forged second row
    under a seen code made the tracking page show the forgery). Partial: requests without a code
    (a third-party client's) are many."""
    conn.execute(text("CREATE UNIQUE INDEX ux_requests_street_tracking_code ON requests (street, tracking_code) "
                      "WHERE tracking_code <> ''"))


def _m006_council_items(conn: Connection) -> None:
    """The 议事会 list: recurring topics a street's staff put on the party-resident council's
    agenda, with the requests they gather (ids, not words)."""
    meta = MetaData()
    Table("streets", meta, Column("id", Integer, primary_key=True))  # referenced only, exists already
    items = Table("council_items", meta,
                  Column("id", Integer, primary_key=True),
                  Column("street", Integer, ForeignKey("streets.id"), nullable=False),
                  *(Column(name, Text, nullable=False) for name in (
                      "title", "communities", "request_ids", "period", "added_by", "added_at")),
                  Column("count", Integer, nullable=False),
                  Column("cases_key", Text, nullable=False))
    # One entry per street and set of requests, however often (or by however many) it is added.
    Index("idx_council_items_cases", items.c.street, items.c.cases_key, unique=True)
    meta.create_all(conn, tables=[items])


def _m_audit_heads(conn: Connection) -> None:
    """Each laptop's audit-log heads as they arrive with its syncs (sync/platform/audit_api.py)."""
    meta = MetaData()
    Table("devices", meta, Column("id", Integer, primary_key=True))  # referenced only, exists already
    heads = Table("audit_heads", meta,
                  Column("id", Integer, primary_key=True),
                  Column("device", Integer, ForeignKey("devices.id"), nullable=False),
                  Column("entry_id", Integer, nullable=False), Column("hash", Text, nullable=False),
                  Column("fingerprint", Text), Column("received_at", Text, nullable=False))
    Index("idx_audit_heads_device", heads.c.device, heads.c.id)
    meta.create_all(conn, tables=[heads])


MIGRATIONS: list[Migration] = [
    Migration("001_initial", _m001_initial),
    Migration("002_streets", _m002_streets),
    Migration("003_rate_limits", _m003_rate_limits),
    Migration("004_return_visits", _m004_return_visits),
    Migration("005_tracking_codes_unique", _m_tracking_codes_unique),
    Migration("006_council_items", _m006_council_items),
    Migration("007_audit_heads", _m_audit_heads),
]


def migrate(engine: Engine, migrations: list[Migration] = MIGRATIONS) -> list[str]:
    """Apply what is missing, in order, in one transaction; the names applied now."""
    names = [m.name for m in migrations]
    assert len(set(names)) == len(names), "two migrations share a name"
    with database.write(engine) as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
        meta = MetaData()
        Table("schema_migrations", meta, Column("name", Text, primary_key=True),
              Column("applied_at", Text, nullable=False))
        meta.create_all(conn)
        done = {row[0] for row in conn.execute(text("SELECT name FROM schema_migrations"))}
        applied = []
        for migration in migrations:
            if migration.name in done:
                continue
            migration.apply(conn)
            conn.execute(text("INSERT INTO schema_migrations (name, applied_at) VALUES (:n, :t)"),
                         {"n": migration.name, "t": datetime.now(timezone.utc).isoformat(timespec="seconds")})
            applied.append(migration.name)
    return applied
