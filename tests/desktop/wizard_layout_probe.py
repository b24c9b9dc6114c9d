"""Opens the setup wizard on the X display it is given and reports where each page's controls are.

Run by tests/desktop/test_wizard_layout_1366.py in a child process on Xvfb + openbox (x_display.py):

    python tests/desktop/wizard_layout_probe.py DATA_DIR OUT.json [SHOTS_DIR]

The wizard opens as on a new laptop and is walked through as its IT person does (street, a
passphrase that creates the database, the PIN, 登记到平台, the printer). On each page, in each
language at 100, 150 and 200 % text (theme.apply, as 设置 → 文字大小 does), every label, field,
radio button and button of the page is brought into view by its scroll area as Tab brings it, and
its rectangle on screen and the part its parents let show are written down; so
are the wizard's own buttons, its frame and whether the page scrolls sideways.
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

from layout_probe import _rect, on_screen, settle
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QScrollArea, QWizard

LANGUAGES = ("zh_CN", "zh_TW", "en")
SCALES = (100, 150, 200)
PAGES = ("streetPage", "passphrasePage", "pinPage", "enrolPage", "printerPage")
BUTTONS = {"back": QWizard.WizardButton.BackButton, "next": QWizard.WizardButton.NextButton,
           "commit": QWizard.WizardButton.CommitButton, "finish": QWizard.WizardButton.FinishButton,
           "cancel": QWizard.WizardButton.CancelButton}


def _controls(page) -> dict[str, object]:
    found = {}
    for kind in (QLabel, QLineEdit, QComboBox, QAbstractButton):
        for widget in page.findChildren(kind):
            if widget.isHidden() or widget.parent() is None or (isinstance(widget, QLabel) and not widget.text()):
                continue
            if isinstance(widget.parentWidget(), QComboBox) or widget.objectName().startswith("qt_"):
                continue  # a combo box's own line edit, a scroll area's inner parts
            name = widget.objectName() or f"{type(widget).__name__}: {getattr(widget, 'text', lambda: '')()[:24]}"
            while name in found:
                name += "'"
            found[name] = widget
    return found


def _scroll_of(page) -> QScrollArea | None:
    areas = page.findChildren(QScrollArea)
    return areas[0] if areas else None


def measure(app: QApplication, wizard) -> dict:
    page = wizard.currentPage()
    scroll = _scroll_of(page)
    controls = {}
    for name, widget in _controls(page).items():
        if scroll is not None and scroll.widget().isAncestorOf(widget):
            scroll.ensureWidgetVisible(widget)  # as Tab does (QScrollArea.focusNextPrevChild)
            settle(app, 2)
        controls[name] = on_screen(widget)
    sideways = scroll is not None and scroll.horizontalScrollBar().isVisible()
    buttons = {name: on_screen(wizard.button(which)) for name, which in BUTTONS.items()
               if not wizard.button(which).isHidden()}
    return {"frame": _rect(wizard.frameGeometry()), "available": _rect(wizard.screen().availableGeometry()),
            "controls": controls, "buttons": buttons, "sideways": sideways, "scrolls": scroll is not None}


def refused(app: QApplication, wizard, page, shots: Path | None = None, key: str = "") -> dict:
    """The enrolment page after Next refused one of its longest messages (another Open311 server
    without the laptop's number), said under the fields in the page's language: the message and
    the wizard's buttons, then the page as it was."""
    page.open311.setChecked(True)
    page.server.setText("https://georeport.example.gov.cn/api/georeport/v2/")
    page.api_key.setText("k3-7f9c1e5b2d")
    page.prefix.clear()
    said = page.validatePage()
    settle(app)
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        wizard.screen().grabWindow(0).save(str(shots / f"refused-{key}.png"))
    found = {"accepted": said, "problem": on_screen(page.problem), "text": page.problem.text(),
             "buttons": {name: on_screen(wizard.button(which)) for name, which in BUTTONS.items()
                         if not wizard.button(which).isHidden()},
             "frame": _rect(wizard.frameGeometry()), "available": _rect(wizard.screen().availableGeometry())}
    page.accepted()
    page.later.setChecked(True)
    for edit in (page.server, page.api_key):
        edit.clear()
    settle(app)
    return found


def main(data_dir: Path, out: Path, shots: Path | None) -> int:
    from composition.services import open_services
    from desktop.application import configure, new_application
    from desktop.i18n import switch_language
    from desktop.screenshots import next_wizard_page
    from desktop.setup_wizard import SetupWizard
    from desktop.widgets import theme
    from forms import load_form
    from reception.privacy.keyfile import KdfCost

    app = new_application([sys.argv[0]])  # Fusion made with it, as the desk does
    configure(app)
    data_dir.mkdir(parents=True, exist_ok=True)
    wizard = SetupWizard(data_dir, load_form(data_dir), partial(open_services, kdf_cost=KdfCost(n=2**10)))
    wizard.show()
    settle(app)
    report: dict = {}

    def next_page(name: str) -> None:
        switch_language("zh_CN")
        theme.apply(app, scale=100)
        next_wizard_page(app, wizard, name)

    fill = {
        "streetPage": lambda p: p.community.setCurrentIndex(p.community.findData("海旺社区")),
        "passphrasePage": lambda p: (p.passphrase.setText("layout test only"), p.again.setText("layout test only")),
        "pinPage": lambda p: (p.pin.setText("246813"), p.again.setText("246813")),
        "enrolPage": lambda p: (p.later.setChecked(True), p.prefix.setText("K7Q")),
    }
    for index, name in enumerate(PAGES):
        if index:
            next_page(name)
        page = wizard.currentPage()
        for language in LANGUAGES:
            switch_language(language)
            for scale in SCALES:
                theme.apply(app, scale=scale)
                settle(app)
                report[f"{name}-{language}-{scale}"] = measure(app, wizard)
                if name == "enrolPage":
                    report[f"refused-{language}-{scale}"] = refused(
                        app, wizard, page, shots if scale == 200 else None, f"{language}-{scale}")
                if shots is not None and name == "enrolPage" and scale == 200 and language in ("zh_CN", "en"):
                    shots.mkdir(parents=True, exist_ok=True)
                    scroll = _scroll_of(page)
                    if scroll is not None:
                        scroll.verticalScrollBar().setValue(0)
                    settle(app)
                    wizard.screen().grabWindow(0).save(str(shots / f"enrol-{language}-200.png"))
        if name in fill:
            fill[name](page)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    wizard.reject()
    if wizard.services is not None:
        wizard.services.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(main(Path(args[0]), Path(args[1]), Path(args[2]) if len(args) > 2 else None))
