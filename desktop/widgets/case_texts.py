"""A stored case's category, department and outcome in the desk's language.

Cases keep these as the Simplified Chinese of the day they were recorded (the platform and the
slips need that); the window shows them through the form file, whose names carry their
translations. A category the form no longer has is shown as the case stored it.
"""

from __future__ import annotations

from desktop.i18n import local
from reception.cases import Case
from reception.form_definition import FormDefinition


class CaseTexts:
    def __init__(self, definition: FormDefinition | None) -> None:
        self._definition = definition

    def _found(self, case: Case):
        return self._definition.taxonomy.find(case.category_code) if self._definition is not None else None

    def category(self, case: Case) -> str:
        found = self._found(case)
        return local(found[1].name) if found else case.category_name

    def department(self, case: Case) -> str:
        found = self._found(case)
        return local(found[0].department) if found else case.department

    def outcome(self, case: Case) -> str:
        if self._definition is None:
            return case.outcome.value
        return local(self._definition.choice_text("outcome", case.outcome.value))
