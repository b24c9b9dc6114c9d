"""Tonight's session (夜话): who received residents where, and what the night counted."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

TEAM_ROLES = ("街道干部", "社区党委书记", "人大代表", "党代表", "政协委员", "志愿者")


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str


@dataclass(frozen=True)
class SessionCounts:
    """The figures a street reports for a night."""

    visitors: int  # 接待人次
    household_visits: int  # 走访家数
    petitions: int  # 收集诉求（条），作废的不计
    solved_on_spot: int
    forwarded: int
    explained: int
    voided: int

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Session:
    id: str
    date: str
    venue: str
    community: str
    team: tuple[TeamMember, ...]
    opened_at: datetime
    closed_at: datetime | None
    counts: SessionCounts = field(compare=False)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
