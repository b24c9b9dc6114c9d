"""Debian's headless Chromium driven by Selenium through chromium-driver, for the platform's web
pages (the tracking page, the staff pages). Shared by the browser tests of tests/sync."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]


def screenshot_dir(fallback: Path) -> Path:
    """docs/ (or the folder named) with XINAN_SCREENSHOTS=docs, for the README; else the test's own folder."""
    return REPO / os.environ["XINAN_SCREENSHOTS"] if os.environ.get("XINAN_SCREENSHOTS") else fallback


@contextmanager
def chromium(folder: Path, configure: Callable[[webdriver.ChromeOptions], None] | None = None
             ) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with its profile and driver log in ``folder``; ``configure`` adds the
    page's own options (a phone's screen, JavaScript off...)."""
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver, "Chromium and its driver are needed: scripts/install-system-deps.sh test"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers on the network
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", f"--user-data-dir={folder / 'profile'}",
                 "--lang=zh-CN", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    if configure is not None:
        configure(options)
    session = webdriver.Chrome(service=Service(executable_path=driver, log_output=str(folder / "chromedriver.log")),
                               options=options)
    try:
        yield session
    finally:
        session.quit()
