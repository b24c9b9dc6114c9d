"""A real X server for layout tests: Xvfb at the stall laptop's 1366×768, managed by openbox.

The rest of the desktop tests run on Qt's offscreen platform, which has no window manager: a
window there is never maximised, has no title bar and no taskbar takes room from it. These
tests start Xvfb on a free display (``-displayfd``: the server picks it), openbox with a bottom
margin of 40 pixels where a laptop's taskbar would be (so the work area is 1366×728, as on the
volunteers' laptops), and run the desk in a child process on that display (a process holds one
QApplication, on one platform; the suite's own stays offscreen).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCREEN = (1366, 768)
TASKBAR = 40  # the height a taskbar keeps for itself at the bottom of the screen
OPENBOX_RC = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <theme><name>Clearlooks</name><titleLayout>NLIMC</titleLayout></theme>
  <margins><top>0</top><bottom>{taskbar}</bottom><left>0</left><right>0</right></margins>
  <desktops><number>1</number></desktops>
  <applications><application class="*"><decor>yes</decor></application></applications>
</openbox_config>
"""


ROOT = Path(__file__).resolve().parents[2]
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir></fontconfig>
"""


@dataclass(frozen=True)
class XDisplay:
    name: str  # ":N"
    work_area: tuple[int, int, int, int]  # x, y, width, height the window manager leaves free

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env.update(DISPLAY=self.name, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        return env


def _need(command: str) -> str:
    found = shutil.which(command)
    if found is None:
        raise RuntimeError(
            f"{command} is needed by the layout tests: scripts/install-system-deps.sh test installs it"
        )
    return found


def _work_area(display: str) -> tuple[int, int, int, int] | None:
    done = subprocess.run([_need("xprop"), "-root", "_NET_WORKAREA"], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=10)
    numbers = [int(n) for n in re.findall(r"\d+", done.stdout.partition("=")[2])]
    return tuple(numbers[:4]) if len(numbers) >= 4 else None  # type: ignore[return-value]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def x_display(folder: Path, timeout: float = 20.0) -> Iterator[XDisplay]:
    """Xvfb at 1366×768 with openbox managing it, until the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    logs = [(folder / "xvfb.log").open("wb"), (folder / "openbox.log").open("wb")]
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        [_need("Xvfb"), "-displayfd", str(write_end), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=logs[0],
    )
    os.close(write_end)
    openbox = None
    try:
        ready, _, _ = select.select([read_end], [], [], timeout)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            raise RuntimeError(f"Xvfb did not start (see {folder / 'xvfb.log'})")
        display = f":{number}"
        rc = folder / "openbox-rc.xml"
        rc.write_text(OPENBOX_RC.format(taskbar=TASKBAR), encoding="utf-8")
        # The title bar in Chinese too: openbox finds the desk's own CJK font.
        fonts = folder / "fonts.conf"
        fonts.write_text(FONTS_CONF.format(fonts=ROOT / "assets" / "fonts"), encoding="utf-8")
        openbox = subprocess.Popen(
            [_need("openbox"), "--config-file", str(rc)],
            env={**os.environ, "DISPLAY": display, "FONTCONFIG_FILE": str(fonts)},
            stdout=subprocess.DEVNULL, stderr=logs[1],
        )
        wanted = (0, 0, SCREEN[0], SCREEN[1] - TASKBAR)
        deadline = time.monotonic() + timeout
        area = None
        while area != wanted:
            if openbox.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"openbox did not manage {display} (work area {area}; see {folder})")
            time.sleep(0.1)
            area = _work_area(display)
        yield XDisplay(display, area)
    finally:
        os.close(read_end)
        if openbox is not None:
            _stop(openbox)
        _stop(xvfb)
        for log in logs:
            log.close()


if __name__ == "__main__":
    # python tests/desktop/x_display.py COMMAND...: run COMMAND on a fresh 1366×768 display with
    # openbox (make screenshots takes the docs' screenshots so).
    import sys
    import tempfile

    if len(sys.argv) < 2:
        raise SystemExit("usage: python tests/desktop/x_display.py COMMAND [ARGS...]")
    with tempfile.TemporaryDirectory(prefix="xinan-x-") as folder, x_display(Path(folder)) as display:
        raise SystemExit(subprocess.run(sys.argv[1:], env=display.env()).returncode)
