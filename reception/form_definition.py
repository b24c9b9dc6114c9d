"""The shapes a form definition takes once loaded (the files themselves live in ``forms/``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Urgency(str, Enum):
    ORDINARY = "一般"
    URGENT = "紧急"
    EXTRA_URGENT = "特急"


class Outcome(str, Enum):
    SOLVED_ON_SPOT = "当场解决"
    FORWARDED = "转平台办理"
    EXPLAINED = "解释说明"

    @property
    def closes_case(self) -> bool:
        # Solved or explained at the stall: the petition has its answer tonight.
        return self is not Outcome.FORWARDED


class Complexity(str, Enum):
    SIMPLE = "simple"
    COMPLEX = "complex"


# consent: the resident agreed to the personal fields being kept (a checkbox that must be ticked
# unless the case is anonymous); id_card: a mainland ID-card number, checked by its check digit.
FIELD_TYPES = ("category", "text", "multiline", "phone", "choice", "community", "bool", "photos", "consent", "id_card")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    type: str
    required: bool = False
    required_unless: str | None = None
    required_when: dict[str, tuple[str, ...]] = field(default_factory=dict)
    min_length: int | None = None
    max_length: int | None = None
    max_count: int | None = None
    choices: tuple[str, ...] = ()
    personal: bool = False
    help: str = ""


@dataclass(frozen=True)
class SubCategory:
    code: str
    name: str
    complexity: Complexity
    urgency: Urgency
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    department: str
    items: tuple[SubCategory, ...]


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Category, ...]

    def find(self, code: str) -> tuple[Category, SubCategory] | None:
        for category in self.categories:
            for item in category.items:
                if item.code == code:
                    return category, item
        return None

    def items(self) -> list[tuple[Category, SubCategory]]:
        return [(c, i) for c in self.categories for i in c.items]


@dataclass(frozen=True)
class ClosureLimit:
    simple_hours: float
    complex_hours: float
    accept_hours: float | None = None  # overrides the general acceptance limit


@dataclass(frozen=True)
class DeadlinePolicy:
    accept_hours: float
    warn_fraction: float
    closure: dict[Urgency, ClosureLimit]


@dataclass(frozen=True)
class FormDefinition:
    fields: tuple[FieldSpec, ...]
    taxonomy: Taxonomy
    deadlines: DeadlinePolicy
    communities: tuple[str, ...]
    street: str
    # (latitude, longitude) sent as a case's location to a platform that requires one: the
    # community's centre where communities.toml gives it, else the street's (docs/protocol.md).
    centres: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    street_centre: tuple[float, float] | None = None

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)

    # A stored value (Simplified Chinese, as cases keep it) as the form file's text, which
    # carries its translations; a value the form no longer has comes back as it is.

    def choice_text(self, field_name: str, value: str) -> str:
        choices = next((spec.choices for spec in self.fields if spec.name == field_name), ())
        return next((choice for choice in choices if choice == value), value)

    def community_text(self, name: str) -> str:
        return next((community for community in self.communities if community == name), name)
