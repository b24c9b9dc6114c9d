"""Turning what a volunteer typed (or a JSON file held) into a CaseInput, or saying why not.

Every error names its field by the label the volunteer sees and says what to do; no message
repeats the value, because the value may be a resident's personal information.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reception import phones, photos, text_rules
from reception.privacy import id_cards
from reception.cases import CaseInput, PhotoInput
from reception.errors import FieldError, ValidationFailed
from reception.form_definition import FieldSpec, FormDefinition, Outcome, Urgency
from reception.local_text import LocalText, join
from reception.messages import t

_DIGITS = re.compile(r"\d")


def _is_required(spec: FieldSpec, raw: Mapping[str, Any]) -> bool:
    if spec.required_unless and raw.get(spec.required_unless) is True:
        return False
    if spec.required_when:
        return any(raw.get(name) in values for name, values in spec.required_when.items())
    return spec.required


def validate(raw: Mapping[str, Any], form: FormDefinition) -> CaseInput:
    """Check every field and report all problems at once, in the form's order."""
    errors: list[FieldError] = []
    values: dict[str, Any] = {}

    if not isinstance(raw, Mapping):
        raise ValidationFailed([FieldError("-", t("登记内容"), t("应为一个对象（JSON 的 {...}）"))])
    for key in raw:
        if key not in form.field_names:
            errors.append(FieldError(str(key)[:40], str(key)[:40], t("不是登记表中的字段")))

    for spec in form.fields:
        value = raw.get(spec.name)
        try:
            values[spec.name] = _check_field(spec, value, raw, form)
        except _Problem as problem:
            errors.append(FieldError(spec.name, spec.label, problem.message))

    if not errors and values.get("anonymous"):
        for name in ("resident_name", "phone"):
            if name in values and values[name]:
                spec = form.field(name)
                errors.append(FieldError(name, spec.label, t("匿名反映时不应填写，请清空或取消匿名")))
    if errors:
        raise ValidationFailed(errors)
    return CaseInput(
        category_code=values["category"],
        description=values["description"],
        anonymous=bool(values.get("anonymous", False)),
        resident_name=values.get("resident_name", "") or "",
        phone=values.get("phone", "") or "",
        community=values["community"],
        address=values.get("address", "") or "",
        urgency=Urgency(values["urgency"]),
        outcome=Outcome(values["outcome"]),
        outcome_note=values.get("outcome_note", "") or "",
        receptionist=values["receptionist"],
        photos=tuple(values.get("photos") or ()),
        consent=bool(values.get("consent", False)),
        id_number=values.get("id_number", "") or "",
    )


class _Problem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        # A message from the catalogue keeps its translations; any other is looked up there.
        self.message = message if isinstance(message, LocalText) else t(message)


def _check_field(spec: FieldSpec, value: Any, raw: Mapping[str, Any], form: FormDefinition) -> Any:
    required = _is_required(spec, raw)
    if spec.type == "bool":
        if value is None:
            return False
        if not isinstance(value, bool):
            raise _Problem(t("应为 true 或 false"))
        return value
    if spec.type == "photos":
        return _check_photos(spec, value)
    if spec.type == "consent":
        # Personal information is kept only with the resident's agreement (PIPL art. 13–14).
        if value is None:
            value = False
        if not isinstance(value, bool):
            raise _Problem(t("应为 true 或 false"))
        if required and not value:
            raise _Problem(t("须先向居民说明个人信息的用途并征得同意（按 F1 显示告知书）；不同意可改为匿名反映"))
        return value
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _Problem(t("应为文字"))
    text, problem = text_rules.clean(value, multiline=spec.type == "multiline")
    if problem:
        raise _Problem(problem)
    if not text:
        if required:
            raise _Problem(t("必须填写") if spec.type not in ("choice", "category", "community") else t("必须选择"))
        return ""
    if spec.max_length is not None and len(text) > spec.max_length:
        raise _Problem(t("太长：最多 {max} 字，现有 {n} 字").fill(max=spec.max_length, n=len(text)))
    if spec.min_length is not None and len(text) < spec.min_length:
        raise _Problem(t("太短：至少 {min} 字，请写清楚是什么事").fill(min=spec.min_length))

    if spec.type == "category":
        found = form.taxonomy.find(text.upper())
        if found is None:
            raise _Problem(t("不是分类目录中的小类代码（如 ENV03）"))
        return found[1].code
    if spec.type == "community":
        if text not in form.communities:
            raise _Problem(t("不是本街道的社区"))
        return text
    if spec.type == "choice":
        if text not in spec.choices:
            raise _Problem(t("只能是：{choices}").fill(choices=join(list(spec.choices), " / ")))
        return text
    if spec.type == "phone":
        try:
            return phones.normalise(text)
        except phones.PhoneError as error:
            raise _Problem(error.message) from None
    if spec.type == "id_card":
        try:
            return id_cards.normalise(text)
        except id_cards.IdCardError as error:
            raise _Problem(str(error)) from None
    if spec.name == "resident_name" and _DIGITS.search(text):
        raise _Problem(t("不应含数字（电话请填在「联系电话」）"))
    return text


def _check_photos(spec: FieldSpec, value: Any) -> tuple[PhotoInput, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise _Problem(t("应为图片文件路径的列表"))
    if spec.max_count is not None and len(value) > spec.max_count:
        raise _Problem(t("最多 {max} 张，现有 {n} 张").fill(max=spec.max_count, n=len(value)))
    loaded = []
    for position, item in enumerate(value, start=1):
        if isinstance(item, PhotoInput):
            loaded.append(item)
            continue
        if not isinstance(item, str | Path):
            raise _Problem(t("第 {n} 张应为文件路径").fill(n=position))
        try:
            loaded.append(photos.load(item))
        except photos.PhotoError as error:
            raise _Problem(t("第 {n} 张{problem}").fill(n=position, problem=t(str(error)))) from None
    return tuple(loaded)
