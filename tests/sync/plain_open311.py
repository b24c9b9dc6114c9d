"""A plain third-party Open311 GeoReport v2 server, for testing the desk against a server we did
not write. It behaves the way a typical implementation (a Django REST framework app) does, and
not like the reference platform:

- its own API root, /api/georeport/v2/ (not /open311/v2/);
- ignores Idempotency-Key: every POST that arrives creates a request;
- no servicerequestupdates, no media extension, no device enrolment;
- requires the Open311 api_key on POST; reading is public, descriptions included;
- requires a location (lat/long) and reads ``address`` (not ``address_string``);
- keeps no custom attributes;
- errors in DRF's nested shape: {"code": 400, "detail": {"lat": ["This field is required."]}};
- answers a create with 201 and one object, not an array.

It keeps its requests in its own SQLite file (WAL, synchronous=FULL, committed before it
answers), so a test can ``kill -9`` it and start it again on the same data. For fault tests it
can kill itself with SIGKILL on the Nth create, just after committing (the answer never leaves)
or just before.

Run: python plain_open311.py --data DIR --api-key KEY --services ENV03,NOI01 [--port N]
     [--private] [--die-after-commit N | --die-before-commit N]
It prints "READY <port>" once it listens.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = "/api/georeport/v2/"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Store:
    """The server's requests. Tests open it too, as the server's own staff pages would."""

    def __init__(self, data_dir: Path) -> None:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(Path(data_dir) / "georeport.db", check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA busy_timeout=5000")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, service_code TEXT NOT NULL, "
            "description TEXT NOT NULL, address TEXT, lat REAL, long REAL, first_name TEXT, phone TEXT, "
            "status TEXT NOT NULL, status_notes TEXT NOT NULL DEFAULT '', requested_datetime TEXT NOT NULL, "
            "updated_datetime TEXT NOT NULL)"
        )
        self.lock = threading.Lock()

    def close(self) -> None:
        self.conn.close()

    def create(self, fields: dict[str, str]) -> str:
        now = _now()
        with self.lock:
            cursor = self.conn.execute(
                "INSERT INTO requests (service_code, description, address, lat, long, first_name, phone, status, "
                "requested_datetime, updated_datetime) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                (fields["service_code"], fields["description"], fields.get("address", ""), float(fields["lat"]),
                 float(fields["long"]), fields.get("first_name", ""), fields.get("phone", ""), now, now),
            )
        return str(1000 + cursor.lastrowid)

    def set_status(self, request_id: str, status: str, notes: str) -> None:
        with self.lock:
            self.conn.execute("UPDATE requests SET status = ?, status_notes = ?, updated_datetime = ? WHERE id = ?",
                              (status, notes, _now(), int(request_id) - 1000))

    def rows(self) -> list[dict]:
        self.conn.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in self.conn.execute("SELECT * FROM requests ORDER BY id")]
        finally:
            self.conn.row_factory = None


class Server:
    def __init__(self, store: Store, api_key: str, services: list[str], private: bool,
                 die_after: int, die_before: int) -> None:
        self.store, self.api_key, self.services, self.private = store, api_key, services, private
        self.die_after, self.die_before = die_after, die_before
        self.creates = 0

    def public(self, row: dict) -> dict:
        item = {
            "service_request_id": str(1000 + row["id"]), "status": row["status"], "status_notes": row["status_notes"],
            "service_name": row["service_code"], "service_code": row["service_code"],
            "agency_responsible": "", "service_notice": "", "address_id": None, "zipcode": None,
            "requested_datetime": row["requested_datetime"], "updated_datetime": row["updated_datetime"],
            "expected_datetime": None, "address": row["address"], "lat": row["lat"], "long": row["long"],
            "media_url": "",
        }
        if not self.private:
            item["description"] = row["description"]
        return item


def make_handler(server: Server):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _send(self, status: int, body) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Vary", "Accept")
            self.end_headers()
            self.wfile.write(data)

        def _not_found(self) -> None:
            self._send(404, {"detail": "Not found."})

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if not parts.path.startswith(ROOT):
                return self._not_found()
            path = parts.path[len(ROOT):]
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            if path == "services.json":
                return self._send(200, [{"service_code": code, "service_name": code, "description": "",
                                         "metadata": False, "type": "realtime", "keywords": "", "group": ""}
                                        for code in server.services])
            if path == "requests.json":
                return self._send(200, [server.public(r) for r in server.store.rows() if self._matches(r, query)])
            if path.startswith("requests/") and path.endswith(".json"):
                wanted = path[len("requests/"):-len(".json")]
                rows = [r for r in server.store.rows() if str(1000 + r["id"]) == wanted]
                return self._send(200, [server.public(rows[0])]) if rows else self._not_found()
            self._not_found()

        def _matches(self, row: dict, query: dict) -> bool:
            if "service_request_id" in query:
                return str(1000 + row["id"]) in {i.strip() for i in query["service_request_id"].split(",")}
            if "service_code" in query and row["service_code"] != query["service_code"]:
                return False
            if "status" in query and row["status"] != query["status"]:
                return False
            moment = _moment(row["requested_datetime"])
            start, end = _moment(query.get("start_date", "")), _moment(query.get("end_date", ""))
            return not ((start and moment < start) or (end and moment > end))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            if len(body.encode()) < length:
                return  # the client went away mid-body: nothing to store
            if urlsplit(self.path).path != ROOT + "requests.json":
                return self._not_found()
            fields = {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}
            if fields.get("api_key") != server.api_key:
                return self._send(403, {"detail": "Invalid api_key."})
            errors: dict[str, list[str]] = {}
            for name in ("service_code", "description", "lat", "long"):
                if not fields.get(name, "").strip():
                    errors[name] = ["This field is required."]
            if errors:
                return self._send(400, {"code": 400, "detail": errors})
            if fields["service_code"] not in server.services:
                return self._send(400, {"code": 400, "detail": {"non_field_errors": [
                    f"Service code {fields['service_code']} is invalid"]}})
            try:
                float(fields["lat"]), float(fields["long"])
            except ValueError:
                return self._send(400, {"code": 400, "detail": {"lat": ["A valid number is required."]}})
            server.creates += 1
            if server.creates == server.die_before:
                os.kill(os.getpid(), signal.SIGKILL)
            request_id = server.store.create(fields)
            if server.creates == server.die_after:
                os.kill(os.getpid(), signal.SIGKILL)  # committed, and the answer never leaves
            self._send(201, {"service_request_id": request_id, "service_notice": "", "account_id": None})

    return Handler


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client cut mid-request (the fault proxy's resets) is expected here


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--services", required=True)
    parser.add_argument("--private", action="store_true")
    parser.add_argument("--die-after-commit", type=int, default=0)
    parser.add_argument("--die-before-commit", type=int, default=0)
    args = parser.parse_args(argv)
    store = Store(Path(args.data))
    server = Server(store, args.api_key, args.services.split(","), args.private,
                    args.die_after_commit, args.die_before_commit)
    httpd = _Quiet(("127.0.0.1", args.port), make_handler(server))
    print(f"READY {httpd.server_address[1]}", flush=True)
    try:
        httpd.serve_forever()
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
