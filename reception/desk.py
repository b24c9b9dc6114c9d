"""The reception desk's operations, shared by the Qt desk, the command line and the tests.

Each public method is one unit of work in one transaction. The desk calls them from a worker
thread (see desktop/operations.py), so nothing here may touch the UI.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database
from uuid6 import uuid7

from reception import case_fields, case_search, clock, text_rules, tracking_codes
from reception.cases import Case, CaseInput, PhotoInfo, PhotoInput
from reception.deadlines import due_times
from reception.errors import CaseLocked, SessionError, UnknownCase, ValidationFailed, FieldError
from reception.form_definition import FormDefinition
from reception.messages import t
from reception.privacy import audit
from reception.sessions import Session, SessionCounts, TeamMember
from reception.storage import repository as repo
from reception.storage.writing import writing
from reception.validation import validate

INTAKE_DRAFT = "intake"
# Inside a draft's payload, beside the form's fields: the id of the earlier case it follows.
# (A form field's name is a plain identifier; a leading underscore keeps the two apart.)
DRAFT_FOLLOWS = "_follows"
_AMEND_HOW = "请用“补充更正”写明更正内容，它会作为更正说明发送到平台"
AMEND_INSTEAD = "该诉求已开始同步到街道平台，不能再直接修改：" + _AMEND_HOW
AMEND_SYNCED = "该诉求已同步到街道平台，平台为准，不能再直接修改：" + _AMEND_HOW
MAX_COUNT_STEP = 1000


class ReceptionDesk:
    def __init__(
        self, db: Database, form: FormDefinition, now: Callable[[], datetime] = clock.now
    ) -> None:
        self.db = db
        self.form = form
        self.now = now
        # Who is at the keyboard, for the audit log: "volunteer", or "leader" once the team
        # leader's PIN was given (reception/privacy/roles.py). The front ends enforce the roles.
        self.role = "volunteer"
        self._ensure_device()

    # --- the laptop ------------------------------------------------------------------------------

    def _ensure_device(self) -> None:
        with self._writing():
            if repo.get_device(self.db) is None:
                # Until the street assigns this laptop its prefix, use a random one and say so.
                prefix = "".join(secrets.choice(tracking_codes.ALPHABET) for _ in range(3))
                repo.create_device(self.db, str(uuid7()), prefix, clock.to_text(self.now()))
                repo.set_setting(self.db, "prefix_provisional", True)

    @property
    def device_prefix(self) -> str:
        device = repo.get_device(self.db)
        assert device is not None
        return device["prefix"]

    @property
    def prefix_is_provisional(self) -> bool:
        return bool(repo.get_setting(self.db, "prefix_provisional"))

    def set_device_prefix(self, prefix: str) -> None:
        prefix = prefix.strip().upper()
        if not tracking_codes.is_valid_prefix(prefix):
            raise ValidationFailed(
                [FieldError("prefix", "本机编号", "应为3位数字或字母（不含 I、L、O、U），由街道统一分配")]
            )
        with self._writing():
            repo.set_device_prefix(self.db, prefix)
            repo.set_setting(self.db, "prefix_provisional", False)

    # --- sessions --------------------------------------------------------------------------------

    def open_session(
        self, *, date: str, venue: str, community: str, team: list[TeamMember] | list[dict[str, str]]
    ) -> Session:
        errors = []
        venue = " ".join(text_rules.strip_format_characters(venue).split())
        if not venue:
            errors.append(FieldError("venue", t("地点"), t("必须填写")))
        elif len(venue) > 60:
            errors.append(FieldError("venue", t("地点"), t("太长：最多 {max} 字，现有 {n} 字").fill(max=60, n=len(venue))))
        if community not in self.form.communities:
            errors.append(FieldError("community", t("社区"), t("不是本街道的社区")))
        try:
            datetime.strptime(date, "%Y-%m-%d")
        except ValueError:
            errors.append(FieldError("date", t("日期"), t("应为 年-月-日，如 2026-11-25")))
        members = [m if isinstance(m, TeamMember) else TeamMember(m["name"], m["role"]) for m in team]
        members = [TeamMember(" ".join(m.name.split()), m.role) for m in members if m.name.strip()]
        if errors:
            raise ValidationFailed(errors)
        session_id = str(uuid7())
        with self._writing():
            if repo.get_open_session(self.db) is not None:
                raise SessionError("已有一场夜话正在进行：请先结束它，再开始新的一场")
            repo.insert_session(
                self.db,
                {
                    "id": session_id,
                    "date": date,
                    "venue": venue,
                    "community": community,
                    "team": json.dumps([m.__dict__ for m in members], ensure_ascii=False),
                    "opened_at": clock.to_text(self.now()),
                },
            )
        return self.session(session_id)

    def current_session(self) -> Session | None:
        row = repo.get_open_session(self.db)
        return None if row is None else self._session_from_row(row)

    def session(self, session_id: str) -> Session:
        row = repo.get_session(self.db, session_id)
        if row is None:
            raise SessionError("找不到这一场夜话")
        return self._session_from_row(row)

    def recent_sessions(self, limit: int = 20) -> list[Session]:
        return [self._session_from_row(r) for r in repo.list_sessions(self.db, limit)]

    def count_visitor(self, delta: int = 1) -> Session:
        return self._count("visitors", delta)

    def count_household_visit(self, delta: int = 1) -> Session:
        return self._count("household_visits", delta)

    def _count(self, column: str, delta: int) -> Session:
        # A slip of the finger (or a script) must not put an absurd figure into the night's report,
        # nor a number SQLite cannot store.
        if not -MAX_COUNT_STEP <= delta <= MAX_COUNT_STEP:
            raise ValidationFailed([FieldError("delta", "计数增减", f"一次最多增减 {MAX_COUNT_STEP}")])
        with self._writing():
            row = repo.get_open_session(self.db)
            if row is None:
                raise SessionError("今晚的夜话还没开始：请先开始夜话")
            repo.add_to_counter(self.db, row["id"], column, delta)
        return self.session(row["id"])

    def close_session(self) -> Session:
        """End the night: its counts are frozen as they stand now."""
        with self._writing():
            row = repo.get_open_session(self.db)
            if row is None:
                raise SessionError("没有正在进行的夜话")
            counts = self._live_counts(row)
            repo.close_session(self.db, row["id"], clock.to_text(self.now()), counts.as_dict())
        return self.session(row["id"])

    def _live_counts(self, row: Mapping[str, Any]) -> SessionCounts:
        c = repo.session_case_counts(self.db, row["id"])
        return SessionCounts(
            visitors=row["visitors"],
            household_visits=row["household_visits"],
            petitions=c["petitions"],
            solved_on_spot=c["solved_on_spot"],
            forwarded=c["forwarded"],
            explained=c["explained"],
            voided=c["voided"],
        )

    def _session_from_row(self, row: Mapping[str, Any]) -> Session:
        if row["frozen_counts"]:
            counts = SessionCounts(**json.loads(row["frozen_counts"]))
        else:
            counts = self._live_counts(row)
        return Session(
            id=row["id"],
            date=row["date"],
            venue=row["venue"],
            community=row["community"] or "",
            team=tuple(TeamMember(**m) for m in json.loads(row["team"] or "[]")),
            opened_at=clock.from_text(row["opened_at"]),
            closed_at=clock.from_text(row["closed_at"]) if row["closed_at"] else None,
            counts=counts,
        )

    # --- cases -----------------------------------------------------------------------------------

    def record_case(self, raw: Mapping[str, Any], *, discard_draft: str | None = None,
                    follows: str | None = None) -> Case:
        """Validate and store a new case with its photos and its outbox entry, atomically.

        ``discard_draft`` names the autosaved draft this case came from; it is deleted in the
        same transaction, so a crash can leave either the draft or the case, never both.
        ``follows`` is the id of an earlier case about the same matter (a returning resident).
        """
        values = validate(raw, self.form)
        major, item = self._category(values)
        created = self.now()
        due = due_times(created, values.urgency, item.complexity, self.form.deadlines)
        case_id = str(uuid7())
        with self._writing():
            follows_code = None
            if follows is not None:
                earlier = repo.get_case(self.db, follows)
                if earlier is None:
                    raise UnknownCase("找不到要续办的前次诉求")
                follows_code = earlier["tracking_code"]
            session = repo.get_open_session(self.db)
            prefix, sequence = repo.take_sequence(self.db)
            code = tracking_codes.TrackingCode.make(prefix, sequence)
            repo.insert_case(
                self.db,
                {
                    **self._case_columns(values, major, item),
                    "id": case_id,
                    "tracking_code": code.display,
                    "sequence": sequence,
                    "session_id": session["id"] if session else None,
                    "created_at": clock.to_text(created),
                    "updated_at": clock.to_text(created),
                    "accept_by": clock.to_text(due.accept_by),
                    "close_by": clock.to_text(due.close_by),
                    "closed_at": clock.to_text(created) if values.outcome.closes_case else None,
                    "voided_at": None,
                    "void_reason": "",
                    "synced_at": None,
                    "platform_status": "",
                    "revision": 1,
                    "purged_at": None,
                    "follows_code": follows_code,
                },
            )
            self._store_photos(case_id, values.photos)
            case_search.index_case(self.db, case_id, values.resident_name, values.phone,
                                   values.anonymous, clock.to_text(created))
            repo.enqueue(self.db, case_id, "create", clock.to_text(created))
            audit.append(self.db, "create", audit.Actor(self.role, values.receptionist),
                         case_code=code.display, at=created)
            if discard_draft:
                repo.delete_draft(self.db, discard_draft)
        return self.case(case_id)

    def edit_case(self, case_id: str, raw: Mapping[str, Any], *, discard_draft: str | None = None) -> Case:
        """Correct a case that has not been synced yet. Its tracking code stays the same."""
        current = self.case(case_id)
        if not current.is_editable:
            raise CaseLocked(
                AMEND_SYNCED if current.is_synced else "该诉求已作废，不能修改"
            )
        if repo.create_sending_started(self.db, case_id):
            raise CaseLocked(AMEND_INSTEAD)
        values = validate(raw, self.form)
        major, item = self._category(values)
        due = due_times(current.created_at, values.urgency, item.complexity, self.form.deadlines)
        now = self.now()
        changes = {
            **self._case_columns(values, major, item),
            "updated_at": clock.to_text(now),
            "accept_by": clock.to_text(due.accept_by),
            "close_by": clock.to_text(due.close_by),
            "closed_at": (
                (clock.to_text(current.closed_at or now)) if values.outcome.closes_case else None
            ),
        }
        with self._writing():
            row = repo.get_case(self.db, case_id)
            if row is None or row["synced_at"] or row["voided_at"]:
                raise CaseLocked("该诉求刚刚已同步或作废，不能再修改")
            if repo.create_sending_started(self.db, case_id):
                raise CaseLocked(AMEND_INSTEAD)
            if not repo.update_case(self.db, case_id, changes, row["revision"]):
                raise CaseLocked("该诉求刚被别处修改过，请重新打开后再改")
            repo.delete_photos(self.db, case_id)
            self._store_photos(case_id, values.photos)
            case_search.index_case(self.db, case_id, values.resident_name, values.phone,
                                   values.anonymous, row["created_at"])
            # Which fields changed, by name: the values may be a resident's details.
            changed = [k for k, v in changes.items() if k in row and row[k] != v and not k.endswith(("_at", "_by"))]
            if [p.sha256 for p in current.photos] != [p.sha256 for p in values.photos]:
                changed.append("photos")
            audit.append(self.db, "edit", audit.Actor(self.role, values.receptionist),
                         case_code=current.tracking_code, detail="改动：" + ("、".join(changed) or "无"), at=now)
            if discard_draft:
                repo.delete_draft(self.db, discard_draft)
        return self.case(case_id)

    def can_edit(self, case_id: str) -> bool:
        """Whether the case may still be corrected in place (else: amend_case)."""
        case = self.case(case_id)
        return case.is_editable and not repo.create_sending_started(self.db, case_id)

    def amend_case(self, case_id: str, note: str, receptionist: str = "") -> Case:
        """Record a correction to a case the platform may already hold, and queue it to be sent.

        The platform owns a synced case, so the laptop never overwrites it: the correction travels
        as an update on the platform's case, after its create, in the words the volunteer wrote.
        """
        note, problem = text_rules.clean(note, multiline=True)
        if problem:
            raise ValidationFailed([FieldError("note", t("更正说明"), t(problem))])
        if len(note) < 4:
            raise ValidationFailed([FieldError("note", t("更正说明"), t("太短：至少 4 字，写清楚更正了什么"))])
        if len(note) > 1000:
            raise ValidationFailed([FieldError("note", t("更正说明"), t("太长：最多 {max} 字，现有 {n} 字").fill(max=1000, n=len(note)))])
        with self._writing():
            row = repo.get_case(self.db, case_id)
            if row is None:
                raise UnknownCase("找不到该诉求")
            if row["voided_at"]:
                raise CaseLocked("该诉求已作废，不能再更正")
            if not row["synced_at"] and not repo.create_sending_started(self.db, case_id):
                raise CaseLocked("该诉求还没有同步，直接修改即可")
            now = clock.to_text(self.now())
            outbox_id = repo.enqueue(self.db, case_id, "amend", now)
            repo.insert_amendment(self.db, outbox_id, case_id, note, now)
            state = repo.sync_case(self.db, case_id)
            if row["synced_at"] and state and state["set_aside_reason"]:
                # On a synced case only a refused correction or void sets it aside: this new
                # correction answers it. A void still refused says so again at the next sync.
                repo.upsert_sync_case(self.db, case_id, {"set_aside_reason": None, "set_aside_at": None}, now)
            audit.append(self.db, "amend", audit.Actor(self.role, receptionist),
                         case_code=row["tracking_code"], at=now)
        return self.case(case_id)

    def amendments(self, case_id: str) -> list[dict[str, Any]]:
        return repo.list_amendments(self.db, case_id)

    def void_case(self, case_id: str, reason: str) -> Case:
        """Void a case (never delete it): it stays on the list, greyed, with the reason."""
        reason = " ".join(text_rules.strip_format_characters(reason).split())
        if len(reason) < 2:
            raise ValidationFailed([FieldError("reason", t("作废原因"), t("必须填写（至少2个字）"))])
        if len(reason) > 200:
            raise ValidationFailed([FieldError("reason", t("作废原因"), t("太长：最多 {max} 字，现有 {n} 字").fill(max=200, n=len(reason)))])
        with self._writing():
            row = repo.get_case(self.db, case_id)
            if row is None:
                raise UnknownCase("找不到该诉求")
            if row["voided_at"]:
                raise CaseLocked("该诉求已经作废")
            now = clock.to_text(self.now())
            repo.update_case(self.db, case_id, {"voided_at": now, "void_reason": reason, "updated_at": now}, row["revision"])
            # A synced case is voided on the platform too; an unsynced one still goes up, marked
            # void, so that the street's record of the night has no gaps in its numbering.
            repo.enqueue(self.db, case_id, "void", now)
            # The reason stays on the case, not in the log: a volunteer may have written a name in it.
            audit.append(self.db, "void", audit.Actor(self.role), case_code=row["tracking_code"], at=now)
        return self.case(case_id)

    def case(self, case_id: str) -> Case:
        row = repo.get_case(self.db, case_id)
        if row is None:
            raise UnknownCase("找不到该诉求")
        return self._cases_from_rows([row])[0]

    def find_case(self, code_text: str) -> Case:
        """Look a case up by the code a person typed; a wrong check character is an error."""
        code = tracking_codes.parse(code_text)
        row = repo.get_case_by_code(self.db, code.display)
        if row is None:
            raise UnknownCase(f"本机没有查询码为 {code.display} 的诉求")
        return self._cases_from_rows([row])[0]

    def session_cases(self, session_id: str) -> list[Case]:
        return self._cases_from_rows(repo.list_session_cases(self.db, session_id))

    def recent_cases(self, limit: int = 200) -> list[Case]:
        return self._cases_from_rows(repo.list_recent_cases(self.db, limit))

    def photo_data(self, photo_id: str) -> bytes:
        data = repo.get_photo_data(self.db, photo_id)
        if data is None:
            raise UnknownCase("找不到该照片")
        return data

    def pending_sync_count(self) -> int:
        return repo.count_pending_outbox(self.db)

    def case_count(self) -> int:
        return repo.count_cases(self.db)

    # --- drafts ----------------------------------------------------------------------------------

    def save_draft(self, payload: Mapping[str, Any], name: str = INTAKE_DRAFT, *,
                   follows: str | None = None) -> None:
        """Keep the half-typed form; ``follows``: the earlier case it is linked to (登记续诉),
        which a restored draft must link again, as record_case(follows=...) would."""
        stored = {k: v for k, v in payload.items() if k != DRAFT_FOLLOWS}
        if follows is not None:
            stored[DRAFT_FOLLOWS] = follows
        with self._writing():
            repo.save_draft(self.db, name, stored, clock.to_text(self.now()))

    def load_draft(self, name: str = INTAKE_DRAFT) -> dict[str, Any] | None:
        """The form's values as saved (without the link: see draft_follows)."""
        draft = repo.get_draft(self.db, name)
        if draft is None:
            return None
        return {k: v for k, v in draft["payload"].items() if k != DRAFT_FOLLOWS}

    def draft_follows(self, name: str = INTAKE_DRAFT) -> Case | None:
        """The earlier case the draft's petition follows, if it was linked to one that still exists."""
        draft = repo.get_draft(self.db, name)
        case_id = draft["payload"].get(DRAFT_FOLLOWS) if draft is not None else None
        if not isinstance(case_id, str) or repo.get_case(self.db, case_id) is None:
            return None
        return self.case(case_id)

    def discard_draft(self, name: str = INTAKE_DRAFT) -> None:
        with self._writing():
            repo.delete_draft(self.db, name)

    def build_search_index_step(self) -> case_search.BuildProgress | None:
        """One batch of the look-up index a laptop that already held cases still has to build;
        None when it is complete (see case_search.build_step)."""
        if case_search.build_progress(self.db) is None:
            return None  # read only: no write lock taken once the index is complete
        with self._writing():
            return case_search.build_step(self.db)

    # --- helpers ---------------------------------------------------------------------------------

    def template(self) -> dict[str, Any]:
        return example_case(self.form)

    def _category(self, values: CaseInput):
        found = self.form.taxonomy.find(values.category_code)
        assert found is not None  # validate() checked it
        return found

    @staticmethod
    def _case_columns(values: CaseInput, major, item) -> dict[str, Any]:
        # What was typed, column by column as the description stores it; the category's names
        # and department come from the street's taxonomy.
        return {
            **case_fields.input_columns(values),
            "category_code": item.code,
            "category_name": item.name,
            "major_code": major.code,
            "major_name": major.name,
            "department": major.department,
        }

    def _store_photos(self, case_id: str, photos: tuple[PhotoInput, ...]) -> None:
        for position, photo in enumerate(photos, start=1):
            repo.insert_photo(
                self.db,
                {
                    "id": str(uuid7()),
                    "case_id": case_id,
                    "position": position,
                    "sha256": photo.sha256,
                    "mime": photo.mime,
                    "width": photo.width,
                    "height": photo.height,
                    "size": len(photo.data),
                    "data": photo.data,
                },
            )

    def _cases_from_rows(self, rows: list[dict[str, Any]]) -> list[Case]:
        photos: dict[str, list[PhotoInfo]] = {}
        for p in repo.list_photos(self.db, [r["id"] for r in rows]):
            photos.setdefault(p["case_id"], []).append(
                PhotoInfo(p["id"], p["position"], p["sha256"], p["mime"], p["width"], p["height"], p["size"])
            )
        return [case_from_row(r, tuple(photos.get(r["id"], ()))) for r in rows]

    def _writing(self):
        return writing(self.db)



def example_case(form: FormDefinition) -> dict[str, Any]:
    """A valid example case, field names as in the form definition.

    Needs no database: ``xinan-desk case template`` runs before the desk is unlocked.
    """
    major, item = form.taxonomy.find("CTY01") or form.taxonomy.items()[0]
    example = {
        "category": item.code,
        "description": "地铁C出口共享单车乱停放，挡住盲道，老人推车过不去",
        "anonymous": False,
        "resident_name": "张先生",
        "phone": "13812345678",
        "community": form.communities[0],
        "address": "地铁站C出口",
        "urgency": item.urgency.value,
        "outcome": "转平台办理",
        "outcome_note": "",
        "receptionist": "志愿者 李明",
        "photos": [],
        "consent": True,  # after the volunteer read out the notice (xinan-desk notice)
    }
    # A street's own form may lack a field (photos, address, consent...): leave those out.
    return {name: value for name, value in example.items() if name in form.field_names}


def case_from_row(row: Mapping[str, Any], photos: tuple[PhotoInfo, ...] = ()) -> Case:
    # The columns and how each reads are the description's (reception/case_fields.py).
    return Case(**case_fields.stored_values(row), photos=photos)
