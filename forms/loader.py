"""Reading the form definition files.

The shipped files sit beside this module. A street overrides any of them by placing a file of
the same name in ``<data dir>/forms/``. When a street's file is broken the desk reports the file
and line and keeps working with the last version that loaded (saved in
``<data dir>/forms/.last-good/``), or with the shipped one.
"""

from __future__ import annotations

import math
import re
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reception import bundle
from reception.errors import DeskError
from reception.form_definition import (
    FIELD_TYPES,
    Category,
    ClosureLimit,
    Complexity,
    DeadlinePolicy,
    FieldSpec,
    FormDefinition,
    Outcome,
    SubCategory,
    Taxonomy,
    Urgency,
)
from reception.local_text import LANGUAGES, SOURCE, LocalText

SHIPPED_DIR = bundle.shipped_forms_dir()
FILES = ("intake.toml", "categories.toml", "deadlines.toml", "communities.toml")
# Fields the desk's logic depends on; a street may drop the others (photos, address, ...).
ESSENTIAL_FIELDS = ("category", "description", "community", "urgency", "outcome", "receptionist")
# A text key of the files (label, help, name, ...) may be followed by the same key with a
# language's suffix, label_zh_TW and label_en: the form in 繁體中文 and English.
TRANSLATED = tuple(language for language in LANGUAGES if language != SOURCE)
# The types the desk's logic needs of them: a category typed "text" would let any word through as
# a category code, and every case add would then fail.
_ESSENTIAL_TYPES = {
    "category": ("category",), "community": ("community",), "urgency": ("choice",), "outcome": ("choice",),
    "description": ("text", "multiline"), "receptionist": ("text",),
}
_ESSENTIAL_WHY = {
    "category": "定办理部门和时限", "community": "统计各社区", "urgency": "定时限", "outcome": "定当晚结果",
    "description": "记下诉求", "receptionist": "记下登记人",
}
_UNFORESEEN = "有一项的写法接访台读不懂：请对照随附的同名文件检查各项的类型（文字、数字、列表、表）"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class FormFileError(DeskError):
    """A definition file that cannot be used: says which file, which line, and what is wrong."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}，第 {line} 行" if line else str(path)
        super().__init__(f"{where}：{message}")


@dataclass
class LoadedForm:
    form: FormDefinition
    problems: list[FormFileError] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)


def load_form(data_dir: Path | None = None) -> LoadedForm:
    """Load the four definition files, preferring the street's, falling back as described."""
    parsed: dict[str, Any] = {}
    problems: list[FormFileError] = []
    sources: dict[str, Path] = {}
    for name in FILES:
        candidates = []
        if data_dir is not None:
            candidates.append((Path(data_dir) / "forms" / name, True))
            candidates.append((Path(data_dir) / "forms" / ".last-good" / name, False))
        candidates.append((SHIPPED_DIR / name, False))
        for path, is_street_file in candidates:
            if not path.exists():
                continue
            try:
                parsed[name] = _BUILDERS[name](path)
            except FormFileError as problem:
                problems.append(problem)
                continue
            except (TypeError, ValueError, AttributeError, KeyError, RecursionError, OverflowError):
                # Every shape the builders know is checked with its line; this is the net under
                # them, so that a shape nobody foresaw still keeps the last good form.
                problems.append(FormFileError(path, None, _UNFORESEEN))
                continue
            sources[name] = path
            if is_street_file:
                _keep_as_last_good(path)
            break
        else:  # pragma: no cover - the shipped files are tested
            raise problems[-1]
    intake = parsed["intake.toml"]
    taxonomy = parsed["categories.toml"]
    deadlines = parsed["deadlines.toml"]
    street, communities, centres, street_centre = parsed["communities.toml"]
    form = FormDefinition(
        fields=intake, taxonomy=taxonomy, deadlines=deadlines, communities=communities, street=street,
        centres=centres, street_centre=street_centre,
    )
    return LoadedForm(form=form, problems=problems, sources=sources)


def _keep_as_last_good(path: Path) -> None:
    target = path.parent / ".last-good" / path.name
    try:
        target.parent.mkdir(exist_ok=True)
        if not target.exists() or target.read_bytes() != path.read_bytes():
            tmp = target.with_suffix(".tmp")
            shutil.copyfile(path, tmp)
            tmp.replace(target)
    except OSError:
        pass  # only a convenience: the street's file itself loaded fine


class _Source:
    """A parsed TOML file that can point at the line a value came from."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            raise FormFileError(path, line, "不是 UTF-8 编码的文本，请用 UTF-8 保存") from None
        except OSError as error:
            raise FormFileError(path, None, f"无法读取（{error.strerror}）") from None
        try:
            self.data = tomllib.loads(self.text)
        except RecursionError:
            # tomllib parses nested arrays by recursion: thousands of "[" exhaust the stack.
            raise FormFileError(path, _deepest_line(self.text), "数组或表嵌套太深：请检查方括号是否配对") from None
        except tomllib.TOMLDecodeError as error:
            match = _TOML_POSITION.search(str(error))
            line = int(match.group(1)) if match else None
            if match is None and "(at end of document)" in str(error):
                # An unclosed list or table: the problem shows at the file's last line.
                line = max(1, len(self.text.splitlines()))
            reason = _TOML_POSITION.sub("", str(error)).replace("(at end of document)", "").strip()
            raise FormFileError(path, line, f"TOML 格式错误：{reason}") from None
        self.lines = self.text.splitlines()

    def fail(self, message: str, near: str | None = None, header: str | None = None, index: int = 0) -> FormFileError:
        return FormFileError(self.path, self.line_of(near, header, index), message)

    def line_of(self, near: str | None, header: str | None, index: int) -> int | None:
        """Line of the index-th ``[[header]]`` table, or of the first line holding ``near``."""
        if header is not None:
            seen = -1
            pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
            for number, line in enumerate(self.lines, start=1):
                if pattern.match(line):
                    seen += 1
                    if seen == index:
                        if near is None:
                            return number
                        for offset, later in enumerate(self.lines[number:], start=number + 1):
                            if later.strip().startswith("[["):
                                break
                            if near in later and not _is_comment(later):
                                return offset
                        return number
        if near is not None:
            for number, line in enumerate(self.lines, start=1):
                if near in line and not _is_comment(line):
                    return number
        return None

    def version(self) -> None:
        if self.data.get("version") != 1:
            raise self.fail("缺少 version = 1 或版本不受支持", near="version")


def _deepest_line(text: str) -> int | None:
    """The first line that opens more than a few dozen brackets: where runaway nesting starts."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count("[") + line.count("{") > 32:
            return number
    return None


def _tables(src: _Source, value: Any, table: str, what: str, **where: Any) -> list[dict[str, Any]]:
    """``value`` as a non-empty list of tables (``[[table]]``), or the error naming the line."""
    key = table.rsplit(".", 1)[-1]
    if not isinstance(value, list) or not value:
        raise src.fail(f"没有任何 [[{table}]] {what}", near=key, **where)
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise src.fail(f"第 {position} 个{what}应写成 [[{table}]] 表（现在是{_kind(item)}）", near=key, **where)
    return value


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _kind(value: Any) -> str:
    """What a TOML value is, in a team leader's words."""
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, int | float):
        return "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "表"
    return "日期时间"


def _is_comment(line: str) -> bool:
    # The shipped files explain their keys in comments; point at the key itself, not its comment.
    return line.lstrip().startswith("#")


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _local(src: _Source, table: dict[str, Any], key: str, where: dict[str, Any]) -> LocalText:
    """``key`` (Simplified Chinese) with its translations ``key_zh_TW`` and ``key_en``, if given."""
    translations = {}
    for language in TRANSLATED:
        value = table.get(f"{key}_{language}")
        if value is None:
            continue
        if _text(value) is None:
            raise src.fail(f"{key}_{language} 应为文字（{key} 的译文）", near=f"{key}_{language}", **where)
        translations[language] = value.strip()
    return LocalText((table.get(key) or "").strip(), translations)


def _local_list(src: _Source, table: dict[str, Any], key: str, where: dict[str, Any]) -> tuple[LocalText, ...]:
    """A list of texts and, in ``key_zh_TW`` / ``key_en``, the same list translated item by item."""
    items = [str(v).strip() for v in table.get(key, ())]
    translated: dict[str, list[str]] = {}
    for language in TRANSLATED:
        values = table.get(f"{key}_{language}")
        if values is None:
            continue
        if not isinstance(values, list) or len(values) != len(items) or not all(_text(v) for v in values):
            raise src.fail(f"{key}_{language} 应为与 {key} 一一对应的 {len(items)} 个译文", near=f"{key}_{language}", **where)
        translated[language] = [v.strip() for v in values]
    return tuple(
        LocalText(item, {language: values[i] for language, values in translated.items()})
        for i, item in enumerate(items)
    )


def _load_categories(path: Path) -> Taxonomy:
    src = _Source(path)
    src.version()
    raw = _tables(src, src.data.get("category"), "category", "分类")
    seen_codes: set[str] = set()
    categories = []
    item_index = -1
    for index, cat in enumerate(raw):
        for key in ("code", "name", "department"):
            if _text(cat.get(key)) is None:
                raise src.fail(f"第 {index + 1} 个大类缺少 {key}", header="category", index=index)
        code = cat["code"].strip()
        if not re.fullmatch(r"[A-Z]{2,4}", code):
            raise src.fail(f"大类代码 {code!r} 应为 2–4 个大写字母", near=f'"{code}"')
        if code in seen_codes:
            raise src.fail(f"代码 {code} 重复", header="category", index=index, near=f'"{code}"')
        seen_codes.add(code)
        items_raw = cat.get("item")
        if not isinstance(items_raw, list) or not items_raw:
            raise src.fail(f"大类 {code} 没有任何 [[category.item]] 小类", header="category", index=index)
        items_raw = _tables(src, items_raw, "category.item", f"大类 {code} 的小类", header="category", index=index)
        items = []
        for item in items_raw:
            item_index += 1
            for key in ("code", "name", "complexity", "urgency"):
                if _text(item.get(key)) is None:
                    raise src.fail(f"大类 {code} 的小类缺少 {key}", header="category.item", index=item_index)
            item_code = item["code"].strip()
            where = dict(header="category.item", index=item_index)
            if not re.fullmatch(r"[A-Z0-9]{2,8}", item_code):
                raise src.fail(f"小类代码 {item_code!r} 应为 2–8 个大写字母或数字", near="code", **where)
            if item_code in seen_codes:
                raise src.fail(f"代码 {item_code} 重复", near="code", **where)
            seen_codes.add(item_code)
            try:
                complexity = Complexity(item["complexity"].strip())
            except ValueError:
                raise src.fail("complexity 只能是 simple 或 complex", near="complexity", **where) from None
            try:
                urgency = Urgency(item["urgency"].strip())
            except ValueError:
                raise src.fail("urgency 只能是 一般、紧急 或 特急", near="urgency", **where) from None
            keywords = item.get("keywords", [])
            if not _strings(keywords):
                raise src.fail("keywords 应为文字列表，如 [\"单车\"]", near="keywords", **where)
            name = _local(src, item, "name", where)
            items.append(SubCategory(item_code, name, complexity, urgency, tuple(keywords)))
        here = dict(header="category", index=index)
        categories.append(Category(code, _local(src, cat, "name", here), _local(src, cat, "department", here), tuple(items)))
    return Taxonomy(tuple(categories))


def _load_intake(path: Path) -> tuple[FieldSpec, ...]:
    src = _Source(path)
    src.version()
    raw = _tables(src, src.data.get("field"), "field", "字段")
    specs: list[FieldSpec] = []
    for index, f in enumerate(raw):
        where = dict(header="field", index=index)
        name, label, type_ = _text(f.get("name")), _text(f.get("label")), _text(f.get("type"))
        if not name or not label or not type_:
            raise src.fail(f"第 {index + 1} 个字段缺少 name、label 或 type", **where)
        if type_ not in FIELD_TYPES:
            raise src.fail(f"字段 {name} 的类型 {type_!r} 不支持（可用：{', '.join(FIELD_TYPES)}）", near="type", **where)
        if any(s.name == name for s in specs):
            raise src.fail(f"字段名 {name} 重复", near="name", **where)
        if not _strings(f.get("choices", [])):
            raise src.fail(f"字段 {name} 的 choices 应为文字列表，如 [\"一般\", \"紧急\"]", near="choices", **where)
        choices = _local_list(src, f, "choices", where)
        if name == "urgency" and not set(choices) <= {u.value for u in Urgency}:
            raise src.fail("urgency 的选项只能是 一般、紧急、特急", near="choices", **where)
        if name == "outcome" and not set(choices) <= {o.value for o in Outcome}:
            raise src.fail("outcome 的选项只能是 当场解决、转平台办理、解释说明", near="choices", **where)
        if type_ == "choice" and not choices:
            raise src.fail(f"选择字段 {name} 缺少 choices", **where)
        when = f.get("required_when", {})
        if not isinstance(when, dict) or not all(_strings(v) for v in when.values()):
            raise src.fail("required_when 应为 { 字段 = [取值, ...] }", near="required_when", **where)
        for key in ("min_length", "max_length", "max_count"):
            if key in f and (not isinstance(f[key], int) or isinstance(f[key], bool) or not 0 <= f[key] <= 100_000):
                raise src.fail(f"{key} 应为 0 到 100000 之间的整数", near=key, **where)
        for key in ("required", "personal"):
            if key in f and not isinstance(f[key], bool):
                raise src.fail(f"{key} 应为 true 或 false", near=key, **where)
        for key in ("help", "required_unless"):
            if key in f and not isinstance(f[key], str):
                raise src.fail(f"{key} 应为文字", near=key, **where)
        needed = _ESSENTIAL_TYPES.get(name)
        if needed is not None and type_ not in needed:
            raise src.fail(f"字段 {name} 的类型应为 {' 或 '.join(needed)}（接访台靠它{_ESSENTIAL_WHY[name]}）", near="type", **where)
        specs.append(
            FieldSpec(
                name=name,
                label=_local(src, f, "label", where),
                type=type_,
                required=bool(f.get("required", False)),
                required_unless=_text(f.get("required_unless")),
                required_when={k: tuple(v) for k, v in when.items()},
                min_length=f.get("min_length"),
                max_length=f.get("max_length"),
                max_count=f.get("max_count"),
                choices=choices,
                personal=bool(f.get("personal", False)),
                help=_local(src, f, "help", where),
            )
        )
    names = {s.name for s in specs}
    missing = [n for n in ESSENTIAL_FIELDS if n not in names]
    if missing:
        raise src.fail("缺少必需的字段：" + "、".join(missing))
    return tuple(specs)


def _load_deadlines(path: Path) -> DeadlinePolicy:
    src = _Source(path)
    src.version()
    data = src.data

    def hours(value: Any, key: str) -> float:
        # nan passes both comparisons below, so finiteness is checked first: a nan limit would
        # make every case add fail at its due time.
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value) or not 0 <= value <= 24 * 365:
            raise src.fail(f"{key} 应为 0 到 8760 之间的小时数", near=key)
        return float(value)

    accept = hours(data.get("accept_hours"), "accept_hours")
    warn = data.get("warn_fraction")
    if not isinstance(warn, int | float) or isinstance(warn, bool) or not 0 < warn < 1:
        raise src.fail("warn_fraction 应为 0 到 1 之间的小数，如 0.25", near="warn_fraction")
    closure_raw = data.get("closure", {})
    if not isinstance(closure_raw, dict):
        raise src.fail("closure 应为时限表：[closure.\"一般\"] simple_hours = 24 …", near="closure")
    closure = {}
    for urgency in Urgency:
        limit = closure_raw.get(urgency.value)
        if not isinstance(limit, dict):
            raise src.fail(f"缺少 [closure.\"{urgency.value}\"] 时限表", near="closure")
        closure[urgency] = ClosureLimit(
            simple_hours=hours(limit.get("simple_hours"), "simple_hours"),
            complex_hours=hours(limit.get("complex_hours"), "complex_hours"),
            accept_hours=hours(limit["accept_hours"], "accept_hours") if "accept_hours" in limit else None,
        )
    return DeadlinePolicy(accept_hours=accept, warn_fraction=float(warn), closure=closure)


def _load_communities(path: Path) -> tuple[str, tuple[str, ...], dict[str, tuple[float, float]], tuple[float, float] | None]:
    src = _Source(path)
    src.version()
    street = _text(src.data.get("street"))
    if not street:
        raise src.fail("缺少 street（街道名称）", near="street")
    names = src.data.get("communities")
    if not isinstance(names, list) or not names or not all(_text(n) for n in names):
        raise src.fail("communities 应为社区名称的列表", near="communities")
    cleaned = _local_list(src, src.data, "communities", {})
    for name in cleaned:
        if cleaned.count(name) > 1:
            raise src.fail(f"社区 {name} 重复", near=f'"{name}"')
    street_centre = _centre(src, src.data["street_centre"], "street_centre") if "street_centre" in src.data else None
    table = src.data.get("centres", {})
    if not isinstance(table, dict):
        raise src.fail("centres 应为 社区名 = [纬度, 经度] 的表", near="centres")
    centres = {}
    for name, value in table.items():
        if name not in cleaned:
            raise src.fail(f"centres 里的 {name} 不在 communities 列表中", near=f'"{name}"')
        centres[name] = _centre(src, value, name)
    return _local(src, src.data, "street", {}), cleaned, centres, street_centre


def _centre(src: _Source, value: Any, near: str) -> tuple[float, float]:
    """[latitude, longitude] in degrees (WGS-84), as a map shows them."""
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        raise src.fail(f"{near} 的坐标应为 [纬度, 经度]，如 [22.5553, 113.8830]", near=near)
    lat, lon = float(value[0]), float(value[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise src.fail(f"{near} 的坐标超出范围：纬度在 -90 到 90 之间，经度在 -180 到 180 之间", near=near)
    return lat, lon


_BUILDERS: dict[str, Callable[[Path], Any]] = {
    "intake.toml": _load_intake,
    "categories.toml": _load_categories,
    "deadlines.toml": _load_deadlines,
    "communities.toml": _load_communities,
}
