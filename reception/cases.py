"""A petition as the desk records it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reception.deadlines import Light, traffic_light
from reception.form_definition import Outcome, Urgency


@dataclass(frozen=True)
class PhotoInput:
    """A photo after downscaling, ready to store."""

    data: bytes
    sha256: str
    mime: str
    width: int
    height: int


@dataclass(frozen=True)
class CaseInput:
    """Validated values of the intake form."""

    category_code: str
    description: str
    anonymous: bool
    resident_name: str
    phone: str  # E.164 or empty
    community: str
    address: str
    urgency: Urgency
    outcome: Outcome
    outcome_note: str
    receptionist: str
    photos: tuple[PhotoInput, ...] = ()
    consent: bool = False  # the resident agreed to the personal fields being kept (PIPL)
    id_number: str = ""  # only where a street turned the ID-card field on


@dataclass(frozen=True)
class PhotoInfo:
    id: str
    position: int
    sha256: str
    mime: str
    width: int
    height: int
    size: int


@dataclass(frozen=True)
class Case:
    id: str
    tracking_code: str  # display form, K7Q-00A3-X
    session_id: str | None
    category_code: str
    category_name: str
    major_code: str
    major_name: str
    department: str
    description: str
    anonymous: bool
    resident_name: str
    phone: str
    community: str
    address: str
    urgency: Urgency
    outcome: Outcome
    outcome_note: str
    receptionist: str
    created_at: datetime
    updated_at: datetime
    accept_by: datetime
    close_by: datetime
    closed_at: datetime | None
    voided_at: datetime | None
    void_reason: str
    synced_at: datetime | None
    platform_status: str
    revision: int
    photos: tuple[PhotoInfo, ...] = field(default=())
    consent: bool = False
    id_number: str = ""
    purged_at: datetime | None = None  # personal fields removed after the platform closed it
    follows_code: str = ""  # the earlier case this petition follows up (same matter)

    @property
    def is_purged(self) -> bool:
        return self.purged_at is not None

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None

    @property
    def is_synced(self) -> bool:
        return self.synced_at is not None

    @property
    def is_editable(self) -> bool:
        return not self.is_voided and not self.is_synced

    def light(self, now: datetime, warn_fraction: float) -> Light:
        return traffic_light(
            created_at=self.created_at,
            close_by=self.close_by,
            closed=self.closed_at is not None,
            voided=self.is_voided,
            now=now,
            warn_fraction=warn_fraction,
        )
