"""The street's bulletin on the staff pages in a real browser: Debian's headless Chromium driven by
Selenium, at a laptop's size (1366 px wide). A staff member logs in through the form, finds the
bulletin from the handling page, asks for the hand-counted week (tests/sync/bulletin_week.py) and
reads the figures and charts as drawn; the download links work with the browser's own session;
another street's staff see nothing of it. One browser for the module, a fresh platform per test,
on both databases. The screenshot (staff-bulletin.png) goes to the test's folder, or to docs/ with
``XINAN_SCREENSHOTS=docs .venv/bin/python -m pytest tests/sync/test_staff_pages_browser.py -k sqlite``."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime, timezone

import pytest
import requests
from browser_support import chromium, screenshot_dir
from bulletin_week import fill_week
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from sync.platform.pages import STAFF_COOKIE

LAPTOP = (1366, 768)
PASSWORD = "correct horse battery"
PERSONAL = ("王阿姨", "13812345678", "安乐村1")
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def chromium_session(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium"),
                  lambda options: options.add_argument(f"--window-size={LAPTOP[0]},{LAPTOP[1]}")) as session:
        yield session


@pytest.fixture
def browser(chromium_session):
    # Every test's platform is on 127.0.0.1, and cookies do not tell ports apart: no session
    # carries over from the test before.
    chromium_session.execute_cdp_cmd("Network.clearBrowserCookies", {})
    return chromium_session


@pytest.fixture
def street_week(platform):
    """The default street's hand-counted weeks, its staff member, and a second street with its own."""
    fill_week(platform.store)
    platform.store.add_staff("zhangsan", PASSWORD)
    other, _ = platform.store.add_street("XB", "海山街道")
    platform.store.add_staff("wangwu", PASSWORD, street=other)
    return platform


def _log_in(browser, platform, username: str) -> None:
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    browser.get(platform.url + "staff/login")
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/staff/login']")
    form.find_element(By.NAME, "username").send_keys(username)
    form.find_element(By.NAME, "password").send_keys(PASSWORD)
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    WebDriverWait(browser, 30).until(expected_conditions.url_to_be(platform.url + "staff"))


def _submit(browser, button) -> None:
    """Press a button and wait until the answer's page has replaced this one."""
    page = browser.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(browser, 30).until(expected_conditions.staleness_of(page))


def _open_week(browser, week: str) -> None:
    """From the handling page: the bulletin's link, then the week typed into its form."""
    _submit(browser, browser.find_element(By.LINK_TEXT, "通报（周报、月报）"))
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/staff/bulletin']")
    form.find_element(By.NAME, "week").send_keys(week)
    _submit(browser, form.find_element(By.TAG_NAME, "button"))


def _figures(browser) -> dict[str, str]:
    """The headline as a reader sees it: each figure's caption → its number."""
    return {box.find_element(By.TAG_NAME, "small").text: box.find_element(By.TAG_NAME, "strong").text
            for box in browser.find_elements(By.CSS_SELECTOR, "#bulletin-figures .figure")}


def _bars(chart) -> list[tuple[str, str]]:
    """A bar chart's rows as drawn, top first: each line's label and the count at its end (the
    chart writes text in runs, so a line is the texts whose middles are level)."""
    lines: list[list[tuple[float, str]]] = []
    middles: list[float] = []
    for t in chart.find_elements(By.CSS_SELECTOR, "text"):
        if not t.text.strip():
            continue
        middle = t.rect["y"] + t.rect["height"] / 2
        at = next((i for i, m in enumerate(middles) if abs(m - middle) < 3), None)
        if at is None:
            middles.append(middle)
            lines.append([])
            at = len(lines) - 1
        lines[at].append((t.rect["x"], t.text))
    ordered = [sorted(line) for _, line in sorted(zip(middles, lines))]
    rows = []
    for line in ordered[1:]:  # the first line is the chart's title
        *label, (_, count) = line
        rows.append(("".join(s for _, s in label), count))
    return rows


def _table(browser, card: str) -> list[list[str]]:
    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(By.CSS_SELECTOR, f"#{card} tr")][1:]


def _download(browser, caption: str) -> requests.Response:
    """A download link fetched as the browser would, with the staff session's cookie."""
    href = browser.find_element(By.LINK_TEXT, caption).get_attribute("href")
    cookie = browser.get_cookie(STAFF_COOKIE)
    assert cookie and cookie["httpOnly"], "the staff session is an HttpOnly cookie"
    answer = requests.get(href, cookies={STAFF_COOKIE: cookie["value"]}, timeout=30)
    assert answer.status_code == 200, (caption, answer.status_code)
    return answer


def _full_page_screenshot(browser, path) -> None:
    """The whole page at the laptop's width, however tall it is."""
    height = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": LAPTOP[0], "height": int(height) + 1, "deviceScaleFactor": 1, "mobile": False})
    try:
        assert browser.save_screenshot(str(path))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_staff_read_the_hand_counted_week_in_the_browser(browser, street_week, tmp_path):
    _log_in(browser, street_week, "zhangsan")
    _open_week(browser, "2026-W48")
    assert "/staff/bulletin?week=2026-W48" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "默认街道 2026-W48（11-23至11-29）周报"

    # 5 petitions, 3 closed; of the 4 whose accept-by time came, 2 taken on in time (bulletin_week.py).
    figures = _figures(browser)
    assert {k: figures[k] for k in ("收集诉求（条）", "办结（件）", "办结率", "签收及时率", "回访率", "满意率")} == {
        "收集诉求（条）": "5", "办结（件）": "3", "办结率": "60.00%", "签收及时率": "50.00%",
        "回访率": "33.33%", "满意率": "50.00%"}
    # Overdue as of now (the page's clock, not the fixture's): p1 and r2, and r4 once 12-05 has passed.
    overdue = ["K7Q-p1", "K7Q-r2"] + (["K7Q-r4"] if datetime.now(timezone.utc) > datetime(2026, 12, 5, 12, tzinfo=timezone.utc) else [])
    assert figures["超时未办结"] == str(len(overdue))
    assert [row[0] for row in _table(browser, "bulletin-overdue")] == overdue
    assert _table(browser, "bulletin-trend") == [
        ["收集诉求（条）", "5", "2", "增加 3"], ["办结率", "60.00%", "50.00%", "提高 10.00 个百分点"],
        ["签收及时率", "50.00%", "100.00%", "下降 50.00 个百分点"]]

    # The charts: drawn, of a size a reader can see, with the hand count on their bars.
    charts = browser.find_elements(By.CSS_SELECTOR, "#bulletin-charts svg")
    assert len(charts) == 3
    for chart in charts:
        assert chart.rect["width"] > 300 and chart.rect["height"] > 60, chart.rect
        assert chart.rect["x"] >= 0 and chart.rect["x"] + chart.rect["width"] <= LAPTOP[0]
        assert chart.find_elements(By.CSS_SELECTOR, "rect")
    # Drawn in points for the PDF, the charts are scaled up on a laptop's screen so that their
    # labels read like the page's small print (at 1 px a point their text boxes were 10 px high).
    labels = [t for t in charts[0].find_elements(By.CSS_SELECTOR, "text") if t.text == "环境卫生"]
    assert labels and labels[0].rect["height"] >= 12, labels[0].rect if labels else None
    # Each chart clips to its own frame: an id used twice on the page would have the later charts
    # clipped by the first one's (the history chart lost its title and its tallest bar's count so).
    ids = [e.get_attribute("id") for e in browser.find_elements(By.CSS_SELECTOR, "#bulletin-charts [id]")]
    assert ids and len(ids) == len(set(ids)), ids
    for chart in charts:
        for use in chart.find_elements(By.CSS_SELECTOR, "[clip-path]"):
            target = use.get_attribute("clip-path").removeprefix("url(#").removesuffix(")").strip('"')
            assert chart.find_elements(By.ID, target), target
    by_type, by_community, history = charts
    assert _bars(by_type) == [("环境卫生", "3"), ("噪音扰民", "1"), ("市容与违规停放", "1")]
    assert _bars(by_community) == [("安乐社区", "3"), ("宝民社区", "1"), ("海旺社区", "1")]
    weeks = "".join(t.text for t in history.find_elements(By.CSS_SELECTOR, "text"))
    assert "近8周收集诉求（条）" in weeks.replace(" ", "") and "W41" in weeks and "2W475W48" in weeks

    # The files, fetched with the browser's own session.
    csv_file = _download(browser, "CSV")
    assert csv_file.content.startswith(BOM) and "2026-W48-bulletin.csv" in csv_file.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    assert ["收集诉求（条）", "5", "2", "增加 3"] in rows and ["环境卫生", "3"] in rows
    xlsx = _download(browser, "XLSX")
    assert xlsx.content.startswith(b"PK\x03\x04")
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as book:
        workbook = book.read("xl/workbook.xml").decode()
    assert all(f'name="{sheet}"' in workbook for sheet in ("概况", "诉求类型", "各社区", "超时未办结"))
    assert _download(browser, "PDF").content.startswith(b"%PDF")
    for text in PERSONAL:
        assert text not in browser.page_source and text not in csv_file.content.decode("utf-8-sig")

    _full_page_screenshot(browser, screenshot_dir(tmp_path) / "staff-bulletin.png")

    # The first hot topic onto the 议事会 list, from its button.
    _submit(browser, browser.find_element(By.CSS_SELECTOR, "#bulletin-topics button"))
    assert browser.current_url == street_week.url + "staff/council"
    entries = _table(browser, "council-list")
    assert len(entries) == 1 and "蟑螂" in entries[0][1] and entries[0][2] == "3" and entries[0][5] == "2026-W48"


def test_another_streets_staff_cannot_see_the_bulletin(browser, street_week):
    _log_in(browser, street_week, "zhangsan")
    _open_week(browser, "2026-W48")
    _submit(browser, browser.find_element(By.CSS_SELECTOR, "#bulletin-topics button"))
    default_street = street_week.store.list_streets()[0]["code"]

    _log_in(browser, street_week, "wangwu")
    for query in ("week=2026-W48", f"week=2026-W48&street={default_street}"):
        browser.get(street_week.url + f"staff/bulletin?{query}")
        assert browser.find_element(By.TAG_NAME, "h1").text == "海山街道 2026-W48（11-23至11-29）周报"
        assert _figures(browser)["收集诉求（条）"] == "0"
        assert "K7Q-" not in browser.page_source and "环境卫生" not in browser.page_source
        assert "默认街道" not in browser.page_source
        assert "增加" not in _download(browser, "CSV").content.decode("utf-8-sig")
    browser.get(street_week.url + f"staff/council?street={default_street}")
    assert "议事会清单还是空的" in browser.find_element(By.ID, "council-list").text

    # Logged out, the links lead to the login form, not to the files.
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    browser.get(street_week.url + "staff/bulletin/file?week=2026-W48&format=csv")
    assert browser.current_url == street_week.url + "staff/login"
