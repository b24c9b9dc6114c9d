"""The tracking page and its rating form in a real browser: Debian's headless Chromium driven by
Selenium through chromium-driver, at a phone's size, with JavaScript switched off (the form must
work without it). Its screenshots (tracking-page-rating.png, tracking-page-rated.png) go to the
test's own folder, or to docs/ for the README with
``XINAN_SCREENSHOTS=docs .venv/bin/python -m pytest tests/sync/test_tracking_page_browser.py -k sqlite``."""

from __future__ import annotations

import pytest
from browser_support import chromium, screenshot_dir
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from reception import street_settings
from reception.storage import repository as repo
from reception.tracking_url import tracking_url, tracking_verifier
from sync.service import SyncService
from sync_support import case_raw, client_factory

PHONE = (390, 1200)  # a phone's width in CSS pixels; tall enough to show the whole page
PERSONAL = ("王阿姨", "13812345678", "138****5678", "安乐村12栋", "蟑螂还在")


@pytest.fixture
def browser(tmp_path):
    def phone_without_javascript(options) -> None:
        # A phone's screen: its width in CSS pixels and the page's meta viewport honoured (touch
        # emulation left off: chromedriver 156 hangs on a click with it on).
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 1.0, "touch": False},
            "userAgent": "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "Chrome/120.0 Mobile Safari/537.36"})
        # The resident's phone may have JavaScript off, or an old browser: the page needs none.
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})

    with chromium(tmp_path, phone_without_javascript) as session:
        yield session


def _closed_case(desk, platform, device_token):
    case = desk.record_case(case_raw())
    secret = street_settings.tracking_secret(desk.db)
    SyncService(desk, client_factory(platform.url, device_token),
                verifier_for=lambda c: tracking_verifier(secret, c.id)).run()
    internal = platform.store.get_request(repo.sync_case(desk.db, case.id)["request_id"])["id"]
    loop = platform.app.state.platform.loop
    loop.act(internal, "accept", author="staff")
    loop.act(internal, "dispatch", author="staff", department="综合行政执法队")
    loop.act(internal, "close", author="staff", note="已安排消杀公司上门消杀，楼道已清理")
    return case, internal, tracking_url(platform.url + "t/", case.tracking_code, tracking_verifier(secret, case.id))


def _choose_and_send(browser, rating: str, words: str = "") -> None:
    form = browser.find_element(By.ID, "verdict")
    form.find_element(By.CSS_SELECTOR, f"input[name='rating'][value='{rating}']").click()
    if words:
        form.find_element(By.NAME, "words").send_keys(words)
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    # The click returns before the answer's page has loaded: wait until the form's page is gone.
    WebDriverWait(browser, 30).until(expected_conditions.staleness_of(form))


def test_the_resident_rates_on_a_phone_without_javascript(browser, desk, platform, device_token, tmp_path):
    shots = screenshot_dir(tmp_path)
    case, internal, url = _closed_case(desk, platform, device_token)
    browser.get(url)
    assert "诉求办理进度" in browser.title
    verdict = browser.find_element(By.ID, "verdict")
    assert "您对办理结果满意吗" in verdict.text
    # Fits the phone: nothing wider than the screen, the choices big enough to tap.
    assert verdict.rect["x"] >= 0 and verdict.rect["x"] + verdict.rect["width"] <= PHONE[0]
    for choice in browser.find_elements(By.CSS_SELECTOR, "label.choice"):
        assert choice.rect["height"] >= 40, choice.text
    assert browser.save_screenshot(str(shots / "tracking-page-rating.png"))

    _choose_and_send(browser, "不满意", "蟑螂还在，晚上还是很多")
    thanks = browser.find_element(By.ID, "verdict-thanks")
    assert "退回承办部门重新办理" in thanks.text
    assert "重新办理" in browser.find_element(By.TAG_NAME, "main").text
    assert platform.store.get_request(repo.sync_case(desk.db, case.id)["request_id"])["status"] == "reopened"
    for text in PERSONAL:
        assert text not in browser.page_source
    assert browser.save_screenshot(str(shots / "tracking-page-rated.png"))

    # Reopened: no form until the department closes it again; then one verdict for that closing.
    browser.get(url)
    assert not browser.find_elements(By.ID, "verdict")
    platform.app.state.platform.loop.act(internal, "close", author="staff", note="第二次消杀，并封堵了管道缝隙")
    browser.get(url)
    _choose_and_send(browser, "满意")
    assert "谢谢您的评价" in browser.find_element(By.ID, "verdict-thanks").text
    browser.get(url)
    assert not browser.find_elements(By.ID, "verdict")
    assert [r["rating"] for r in platform.app.state.platform.loop.ratings_of(internal)] == ["不满意", "满意"]


def test_sending_without_a_choice_is_refused_by_the_browser_itself(browser, desk, platform, device_token):
    _, internal, url = _closed_case(desk, platform, device_token)
    browser.get(url)
    browser.find_element(By.CSS_SELECTOR, "#verdict button[type='submit']").click()
    # The radio buttons are required: the browser keeps the form and sends nothing.
    assert browser.find_elements(By.ID, "verdict")
    assert platform.app.state.platform.loop.ratings_of(internal) == []
