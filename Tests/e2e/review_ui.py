"""End-to-end test of the review UI in a real headless Chromium (Selenium + chromedriver).

Signs in, opens the flagged document from the queue, corrects every flagged field with the keyboard only
(typing the printed value from the label, Enter to save, which brings the next flagged field into focus),
accepts with Ctrl+Enter, and checks the document has left the queue. Saves a screenshot of the document page.
Prints one JSON object: what it did, for the Swift test to check against the ledger.

    python review_ui.py BASE_URL USER PASSWORD DOCUMENT_ID LABEL_JSON SCREENSHOT_PNG
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def submitted(driver, action):
    """Runs `action` (a key press that submits a form) and waits for the next page and its focus."""
    page = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def main():
    base, user, password, document_id, label_path, screenshot = sys.argv[1:7]
    label = json.load(open(label_path, encoding="utf-8"))["fields"]
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1200"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    done = {"corrected": [], "confirmed": []}
    try:
        driver.get(base + "/login")
        name = driver.switch_to.active_element  # the name field has autofocus
        submitted(driver, lambda: name.send_keys(user, Keys.TAB, password, Keys.ENTER))
        assert driver.current_url.endswith("/queue"), driver.current_url
        link = driver.find_element(By.CSS_SELECTOR, 'a[href="/documents/%s"]' % document_id)
        submitted(driver, link.click)
        driver.save_screenshot(screenshot)
        done["flaggedAtStart"] = len(driver.find_elements(By.CSS_SELECTOR, "tr.flagged input.field"))
        for _ in range(40):
            if not driver.find_elements(By.CSS_SELECTOR, "tr.flagged input.field"):
                break
            active = driver.switch_to.active_element
            field = active.get_attribute("data-field")
            assert field, "the focus is not on a field: %s" % active.tag_name
            box = driver.find_elements(By.CSS_SELECTOR, '.box.focus[data-field="%s"]' % field)
            done.setdefault("boxHighlighted", []).append(bool(box))
            printed = label.get(field)
            if printed is not None and printed != active.get_attribute("value"):
                active.send_keys(Keys.CONTROL, "a")
                submitted(driver, lambda: active.send_keys(printed, Keys.ENTER))
                done["corrected"].append(field)
            else:
                submitted(driver, lambda: active.send_keys(Keys.ENTER))
                done["confirmed"].append(field)
        submitted(driver, lambda: ActionChains(driver).key_down(Keys.CONTROL).send_keys(Keys.ENTER)
                  .key_up(Keys.CONTROL).perform())
        done["urlAfterAccept"] = driver.current_url
        notice = driver.find_elements(By.ID, "notice")
        done["notice"] = notice[0].text if notice else None
        driver.get(base + "/queue")
        done["stillQueued"] = bool(driver.find_elements(By.CSS_SELECTOR, 'a[href="/documents/%s"]' % document_id))
    finally:
        driver.quit()
    print(json.dumps(done, ensure_ascii=False))


if __name__ == "__main__":
    main()
