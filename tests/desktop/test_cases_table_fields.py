"""Tonight's list shows the fields the one description names (reception/case_fields.TABLE), in
its order, each cell the case's own value, then the light; no personal field is shown."""

from __future__ import annotations

from desktop_driving import fresh_desk
from PySide6.QtCore import Qt

from desktop.widgets.cases_table import CasesModel
from reception import case_fields, clock
from reception_support import valid_case


def test_the_lists_columns_are_the_descriptions_table_fields_then_the_light(make_window, qtbot, data_dir):
    with fresh_desk(data_dir) as desk:
        case = desk.record_case(valid_case(resident_name="王阿姨"))
    window = make_window()
    qtbot.waitUntil(lambda: window.cases_model.rowCount() == 1)
    model = window.cases_model
    assert model.columnCount() == len(case_fields.TABLE) + 1
    assert not {f.name for f in case_fields.PERSONAL} & set(case_fields.TABLE)
    shown = {name: model.data(model.index(0, i)) for i, name in enumerate(case_fields.TABLE)}
    assert shown == {
        "created_at": clock.local_text(case.created_at, with_date=False),
        "tracking_code": case.tracking_code,
        "category_name": window.case_texts.category(case),
        "outcome": window.case_texts.outcome(case),
    }
    assert shown["category_name"] == case.category_name and shown["outcome"]
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["时间", "查询码", "诉求类别", "处理结果", "状态"]
    assert model.data(model.index(0, case_fields.TABLE.index("tracking_code")), Qt.ItemDataRole.FontRole).bold()
    assert CasesModel.COLUMNS[-1] == "状态"
