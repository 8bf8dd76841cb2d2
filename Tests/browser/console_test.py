"""Drives GridMap's web console in headless Chromium as a dispatcher and a planner would.

Run by the Swift test suite (BrowserTests) against a live server; prints one JSON object with
what the page showed. On failure it keeps a screenshot (and the page's console log) in the
directory given and exits 1.

usage: console_test.py CONFIG_JSON
  {"url", "screenshots", "dispatcher_token", "planner_token" (for the script's own API reads),
   "dispatcher": [name, password], "planner": [name, password] (the accounts the page signs in with),
   "click": [lon, lat], "paste": [lon, lat] (GCJ-02), "category", "split_grid", "drag_grid",
   "merge_grid" (a neighbour of drag_grid in its village), "merge_points": [[lon, lat] inside each],
   "towns": {code: [west, south, east, north]} (each town's extent), "town": the town the rest happens in}
"""
import json
import math
import os
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

config = json.loads(sys.argv[1])
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 20)
result = {}
step = "start"


def api(path, token, body=None):
    """GET `path`, or POST `body` as JSON to it, with a bearer token; the JSON answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(config["url"].rstrip("/") + path, data=data,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def text(element_id):
    return driver.find_element(By.ID, element_id).text


def wait_text(element_id, fragment):
    wait.until(lambda d: fragment in d.find_element(By.ID, element_id).text)
    return text(element_id)


def click_map(lon, lat):
    """Clicks the map where (lon, lat) is drawn, as a mouse would."""
    x, y = driver.execute_script("const p = window.gridmap.map.latLngToContainerPoint([arguments[1], arguments[0]]); return [p.x, p.y];", lon, lat)
    element = driver.find_element(By.ID, "map")
    size = element.size
    ActionChains(driver).move_to_element_with_offset(element, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


def answers_shown():
    """How many resolutions the panel has shown."""
    return int(driver.find_element(By.ID, "resolution").get_attribute("data-answers") or 0)


def view_fits(code):
    """True when the map shows town `code` whole and as large as a zoom level allows: its extent
    inside the view (to 1e-6°) and filling more than half of the view's width or height (at the
    next zoom it would not fit)."""
    west, south, east, north = driver.execute_script(
        "const b = window.gridmap.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];")
    w, s, e, n = config["towns"][code]
    inside = west <= w + 1e-6 and south <= s + 1e-6 and east >= e - 1e-6 and north >= n - 1e-6
    return inside and ((e - w) / (east - west) > 0.5 or (n - s) / (north - south) > 0.5)


def click_fresh(css):
    """Clicks what `css` finds, finding it again while a re-render (after signing in, say) replaces it."""
    for _ in range(50):
        try:
            driver.find_element(By.CSS_SELECTOR, css).click()
            return
        except StaleElementReferenceException:
            time.sleep(0.1)
    raise StaleElementReferenceException(css)


def sign_in(account):
    """Signs in through the page's form (signing out whoever is signed in first)."""
    name, password = account
    if driver.find_element(By.ID, "signed-in").is_displayed():
        driver.find_element(By.ID, "signout-btn").click()
        wait.until(lambda d: d.find_element(By.ID, "signin-form").is_displayed())
    driver.find_element(By.ID, "signin-name").clear()
    driver.find_element(By.ID, "signin-name").send_keys(name)
    driver.find_element(By.ID, "signin-password").clear()
    driver.find_element(By.ID, "signin-password").send_keys(password)
    driver.find_element(By.ID, "signin-btn").click()
    wait.until(lambda d: d.find_element(By.ID, "signed-in").is_displayed())
    return text("whoami")


try:
    step = "load"
    driver.get(config["url"])
    wait.until(lambda d: d.execute_script("return document.body.dataset.eventsReady === 'true'"))
    result["first_render_ms"] = driver.execute_script("return window.gridmap.ready")
    result["events_listed"] = len(driver.find_elements(By.CSS_SELECTOR, "#event-list li"))

    step = "town picker"
    first = sorted(config["towns"])[0]
    picker = Select(driver.find_element(By.ID, "town-select"))
    result["towns_offered"] = [option.get_attribute("value") for option in picker.options]
    result["initial_town"] = picker.first_selected_option.get_attribute("value")
    result["initial_view_fits"] = view_fits(first)
    picker.select_by_value(config["town"])
    result["chosen_view_fits"] = view_fits(config["town"]) and not view_fits(first)
    driver.refresh()
    wait.until(lambda d: d.execute_script("return document.body.dataset.eventsReady === 'true'"))
    result["remembered_town"] = Select(driver.find_element(By.ID, "town-select")).first_selected_option.get_attribute("value")
    result["remembered_view_fits"] = view_fits(config["town"])

    step = "filter events"
    items = driver.find_elements(By.CSS_SELECTOR, "#event-list li")
    result["first_listed_overdue"] = "overdue" in items[0].get_attribute("class")
    result["overdue_listed"] = len(driver.find_elements(By.CSS_SELECTOR, "#event-list li.overdue"))
    before = text("event-count")
    Select(driver.find_element(By.ID, "filter-category")).select_by_value("fire")
    driver.find_element(By.ID, "filter-apply").click()
    wait.until(lambda d: d.find_element(By.ID, "event-count").text != before)
    result["fire_events_listed"] = len(driver.find_elements(By.CSS_SELECTOR, "#event-list li"))
    Select(driver.find_element(By.ID, "filter-category")).select_by_value("")
    driver.find_element(By.ID, "filter-apply").click()
    wait.until(lambda d: d.find_element(By.ID, "event-count").text == before)

    step = "click a point"
    lon, lat = config["click"]
    driver.execute_script("window.gridmap.map.setView([arguments[1], arguments[0]], 15, {animate: false})", lon, lat)
    click_map(lon, lat)
    wait.until(lambda d: answers_shown() > 0)
    result["clicked_grid"] = text("res-grid")
    result["clicked_people"] = len(driver.find_elements(By.CSS_SELECTOR, "#res-people li"))
    result["anonymous_people"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#res-people li")]

    step = "paste GCJ-02"
    driver.find_element(By.ID, "coord-input").send_keys("%s,%s" % tuple(config["paste"]))
    Select(driver.find_element(By.ID, "crs-select")).select_by_value("gcj02")
    answers = answers_shown()
    driver.find_element(By.ID, "locate-btn").click()
    wait.until(lambda d: answers_shown() > answers)
    result["pasted_grid"] = text("res-grid")

    step = "sign in"
    driver.find_element(By.ID, "signin-name").send_keys(config["dispatcher"][0])
    driver.find_element(By.ID, "signin-password").send_keys("wrong password")
    driver.find_element(By.ID, "signin-btn").click()
    result["wrong_password_status"] = wait_text("signin-status", "错误")
    result["whoami"] = sign_in(config["dispatcher"])
    result["stored_keys"] = driver.execute_script("return Object.keys(localStorage).concat(Object.keys(sessionStorage))")
    result["cookie_visible_to_script"] = "gridmap_session" in driver.execute_script("return document.cookie")

    step = "create an event"
    wait.until(lambda d: len(Select(d.find_element(By.ID, "category-select")).options) > 1)
    Select(driver.find_element(By.ID, "category-select")).select_by_value(config["category"])
    wait.until(lambda d: "选择类别后显示" not in d.find_element(By.ID, "res-platform").text)
    result["platform"] = text("res-platform")
    driver.find_element(By.ID, "description").send_keys("浏览器测试：楼道堆放杂物")
    driver.find_element(By.ID, "create-event-btn").click()
    status = wait_text("event-status", "已创建事件 #")
    event_id = int(status.split("#")[1].split("：")[0])
    result["event_id"] = event_id
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#event-list li[data-id='%d']" % event_id))
    result["event_api_grid"] = api("/v1/events/%d" % event_id, config["dispatcher_token"])["grid"]

    step = "an event created elsewhere appears without reload"
    driver.execute_script("window.__sameDocument = true")
    lon, lat = config["click"]
    elsewhere = api("/v1/events", config["dispatcher_token"], {"category": config["category"], "description": "浏览器测试：热线来电",
                                                             "lon": lon, "lat": lat, "source": "hotline_12345", "reporter": "市民"})
    started = time.time()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#event-list li[data-id='%d']" % elsewhere["id"]))
    result["live_event_seconds"] = time.time() - started
    result["live_same_document"] = driver.execute_script("return window.__sameDocument === true")
    result["live_received"] = driver.execute_script("return window.gridmap.live.received")
    result["live_status"] = text("live-status")
    api("/v1/events/%d/supervisions" % elsewhere["id"], config["dispatcher_token"], {"level": 2, "note": "浏览器测试：督办"})
    wait.until(lambda d: d.find_element(By.ID, "live-cue").is_displayed())
    result["live_cue"] = text("live-cue")

    step = "move the event along the loop"
    api("/v1/events/%d/consultations" % event_id, config["dispatcher_token"],
        {"participants": ["派出所", "应急管理站"], "decision": "先核实再派遣"})
    driver.find_element(By.CSS_SELECTOR, "#event-list li[data-id='%d']" % event_id).click()
    result["consultations_shown"] = wait_text("detail-consultations", "先核实再派遣")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail-actions button[data-to=triaged]"))
    driver.find_element(By.ID, "detail-note").send_keys("属实，转派出所")
    wait.until(lambda d: len(Select(d.find_element(By.ID, "triage-office")).options) > 1)
    Select(driver.find_element(By.ID, "triage-office")).select_by_value("派出所")
    driver.find_element(By.ID, "triage-apply").click()
    result["moved_status"] = wait_text("detail-status", "改派")
    result["next_actions"] = [b.get_attribute("data-to") for b in driver.find_elements(By.CSS_SELECTOR, "#detail-actions button")]
    driver.find_element(By.ID, "detail-note").clear()
    driver.find_element(By.CSS_SELECTOR, "#detail-actions button[data-to=dispatched]").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail-tasks li[data-lead=true] button[data-to=accepted]"))
    result["task_offices"] = [li.get_attribute("data-office") for li in driver.find_elements(By.CSS_SELECTOR, "#detail-tasks li")]
    result["task_form_shown"] = driver.find_element(By.ID, "task-form").is_displayed()
    driver.find_element(By.CSS_SELECTOR, "#detail-tasks li[data-lead=true] button[data-to=accepted]").click()
    result["lead_accepted_status"] = wait_text("detail-status", "处置")
    result["lead_task_moves"] = [b.get_attribute("data-to") for b in
                                 driver.find_elements(By.CSS_SELECTOR, "#detail-tasks li[data-lead=true] button")]
    step = "supervise, answer and ask for more time from the card"
    result["light_shown"] = text("supervision-light")
    result["leader_level_offered_to_dispatcher"] = bool(driver.find_elements(By.CSS_SELECTOR, "#supervision-actions button[data-level='3']"))
    driver.find_element(By.ID, "detail-note").send_keys("请今日办结")
    driver.find_element(By.CSS_SELECTOR, "#supervision-actions button[data-level='2']").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#supervision-records li button[data-action=reply]"))
    driver.find_element(By.ID, "detail-note").send_keys("已安排民警")
    driver.find_element(By.CSS_SELECTOR, "#supervision-records li button[data-action=reply]").click()
    result["record_shown"] = wait_text("supervision-records", "答复：已安排民警")
    driver.execute_script("document.getElementById('supervision-date').value = arguments[0]", config["extension_day"])
    driver.find_element(By.ID, "detail-note").send_keys("需协调消防")
    driver.find_element(By.CSS_SELECTOR, "#supervision-actions button[data-action=extend]").click()
    result["extension_shown"] = wait_text("supervision-extensions", "待审批")

    step = "a leader approves the extension from the waiting list"
    sign_in(config["leader"])
    result["pending_shown"] = wait_text("pending-list", "#%d" % event_id)
    click_fresh("#pending-list li[data-event='%d']" % event_id)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#supervision-extensions button[data-action=approve]"))
    driver.find_element(By.CSS_SELECTOR, "#supervision-extensions button[data-action=approve]").click()
    result["extension_decided"] = wait_text("supervision-extensions", "已批准")
    result["leader_level_offered"] = bool(driver.find_elements(By.CSS_SELECTOR, "#supervision-actions button[data-level='3']"))
    sign_in(config["dispatcher"])
    # The card's tasks emptied, so that the wait below sees the card shown again for the dispatcher.
    driver.execute_script("document.getElementById('detail-tasks').replaceChildren()")
    click_fresh("#event-list li[data-id='%d']" % event_id)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail-tasks button[data-to=done]"))

    # The offices finish their tasks, the event is resolved and evaluated from its card.
    while True:
        buttons = driver.find_elements(By.CSS_SELECTOR, "#detail-tasks button[data-to=accepted], #detail-tasks button[data-to=done]")
        if not buttons:
            break
        buttons[0].click()
        wait.until(EC.staleness_of(buttons[0]))
    driver.find_element(By.CSS_SELECTOR, "#detail-actions button[data-to=resolved]").click()
    wait.until(lambda d: d.find_element(By.ID, "evaluation-form").is_displayed())
    result["evaluated_offered_as_plain_move"] = bool(driver.find_elements(By.CSS_SELECTOR, "#detail-actions button[data-to=evaluated]"))
    Select(driver.find_element(By.ID, "evaluation-score")).select_by_value("4")
    Select(driver.find_element(By.ID, "evaluation-satisfaction")).select_by_value("basically_satisfied")
    driver.find_element(By.ID, "detail-note").send_keys("处理及时")
    driver.find_element(By.ID, "evaluation-apply").click()
    result["evaluated_status"] = wait_text("detail-status", "考核")
    result["evaluations_shown"] = text("detail-evaluations")

    step = "heatmap"
    driver.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=heat]").click()
    driver.find_element(By.ID, "heat-grids").click()
    wait.until(lambda d: d.find_element(By.ID, "legend").is_displayed())
    result["legend_classes"] = len(driver.find_elements(By.CSS_SELECTOR, "#legend .legend-row"))
    result["heat_status"] = wait_text("heat-status", "个单元")
    driver.find_element(By.ID, "heat-kde").click()
    result["kde_status"] = wait_text("heat-status", "等值带")
    driver.find_element(By.ID, "heat-hex").click()
    result["hex_status"] = wait_text("heat-status", "个单元")

    step = "patrol coverage"
    driver.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=patrol]").click()
    driver.find_element(By.ID, "coverage-toggle").click()
    result["coverage_status"] = wait_text("coverage-status", "个网格")
    driver.find_element(By.ID, "gaps-toggle").click()
    result["gaps_status"] = wait_text("coverage-status", "个盲区")

    step = "planner split"
    result["planner_whoami"] = sign_in(config["planner"])
    driver.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=plan]").click()
    grid = config["split_grid"]
    feature = api("/v1/grids/" + grid, config["planner_token"])
    ring = feature["geometry"]["coordinates"][0][0]
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    middle = (min(ys) + max(ys)) / 2
    centre = ((min(xs) + max(xs)) / 2, middle)
    driver.execute_script("window.gridmap.map.fitBounds([[arguments[1], arguments[0]], [arguments[3], arguments[2]]], {animate: false, padding: [80, 80]})",
                          min(xs), min(ys), max(xs), max(ys))
    click_map(*centre)
    wait_text("plan-grid", grid)
    driver.find_element(By.ID, "draw-split").click()
    wait_text("plan-mode", "画一条")
    span = max(xs) - min(xs)
    click_map(min(xs) - span * 0.05, middle)
    click_map(max(xs) + span * 0.05, middle)
    driver.find_element(By.ID, "preview-btn").click()
    wait.until(lambda d: d.find_element(By.ID, "plan-result").is_displayed() or "error" in d.find_element(By.ID, "plan-status").get_attribute("class"))
    result["preview"] = text("plan-result")
    driver.find_element(By.ID, "commit-reason").send_keys("浏览器测试：超过500户，拆分")
    driver.find_element(By.ID, "commit-btn").click()
    result["commit_status"] = wait_text("plan-status", "已提交变更 #")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#history-list li")) >= 2)
    result["history"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#history-list li")]
    result["api_history_reasons"] = [(f["properties"]["change"] or {}).get("reason") for f in api("/v1/grids/%s/history" % grid, config["planner_token"])["features"]]

    step = "drag a vertex"
    feature = api("/v1/grids/" + config["drag_grid"], config["planner_token"])
    ring = feature["geometry"]["coordinates"][0][0]
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    driver.execute_script("window.gridmap.map.fitBounds([[arguments[1], arguments[0]], [arguments[3], arguments[2]]], {animate: false, padding: [80, 80]})",
                          min(xs), min(ys), max(xs), max(ys))
    click_map((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    wait_text("plan-grid", config["drag_grid"])
    driver.find_element(By.ID, "edit-vertices").click()
    handles = driver.find_elements(By.CSS_SELECTOR, ".vertex-handle")
    result["vertex_handles"] = len(handles)
    # As a hand drags: press, several moves, release (Leaflet moves the marker on animation frames).
    ActionChains(driver).click_and_hold(handles[len(handles) // 2]).move_by_offset(5, 3).pause(0.1) \
        .move_by_offset(7, 5).pause(0.1).release().perform()
    driver.find_element(By.ID, "preview-btn").click()
    wait.until(lambda d: d.find_element(By.ID, "plan-result").is_displayed() or "error" in d.find_element(By.ID, "plan-status").get_attribute("class"))
    result["drag_preview"] = text("plan-result") or text("plan-status")

    step = "merge"
    driver.find_element(By.ID, "plan-cancel").click()
    centres = []
    for code in (config["drag_grid"], config["merge_grid"]):
        ring = api("/v1/grids/" + code, config["planner_token"])["geometry"]["coordinates"][0][0]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        centres.append((min(xs), min(ys), max(xs), max(ys)))
    box = (min(c[0] for c in centres), min(c[1] for c in centres), max(c[2] for c in centres), max(c[3] for c in centres))
    driver.execute_script("window.gridmap.map.fitBounds([[arguments[1], arguments[0]], [arguments[3], arguments[2]]], {animate: false, padding: [40, 40]})", *box)
    click_map(*config["merge_points"][0])
    wait_text("plan-grid", config["drag_grid"])
    driver.find_element(By.ID, "merge-select").click()
    click_map(*config["merge_points"][1])
    wait_text("plan-status", "并入")
    driver.find_element(By.ID, "preview-btn").click()
    wait.until(lambda d: "撤销" in d.find_element(By.ID, "plan-result").text or "error" in d.find_element(By.ID, "plan-status").get_attribute("class"))
    result["merge_preview"] = text("plan-result") or text("plan-status")
    driver.find_element(By.ID, "commit-reason").send_keys("浏览器测试：合并")
    driver.find_element(By.ID, "commit-btn").click()
    result["merge_status"] = wait_text("plan-status", "已提交变更 #")

    step = "statistics"
    driver.find_element(By.CSS_SELECTOR, "#tabs button[data-tab='stats']").click()
    driver.execute_script("document.getElementById('stats-month').value = '2025-11'")
    driver.find_element(By.ID, "stats-load").click()
    # The month's charts take about twenty requests (three assessments among them): more time than one step.
    WebDriverWait(driver, 60).until(lambda d: "2025-11" in d.find_element(By.ID, "stats-status").text)
    town = driver.execute_script("return window.gridmap.town")
    drawn = driver.execute_script("return window.gridmap.stats.drawn")
    platforms = api("/v1/stats?by=platform&from=2025-11-01&to=2025-12-01&town=" + town, config["dispatcher_token"])
    ranking = api("/v1/assessments?period=2025-11&subject=grid&town=" + town, config["dispatcher_token"])
    result["stats_chart_closure"] = drawn["chart-platforms"]["data"][0]
    # Per cent to one decimal, rounded half up as the page's Math.round does.
    result["stats_api_closure"] = [math.floor(g["closure_rate"] * 1000 + 0.5) / 10 for g in platforms["groups"]]
    result["stats_chart_ranking"] = [row[1] for row in drawn["ranking-grid"]]
    result["stats_api_ranking"] = [s["code"] for s in ranking["subjects"]]
    result["stats_charts"] = driver.execute_script(
        "return ['chart-weekly', 'chart-platforms', 'chart-offices', 'chart-lights', 'chart-satisfaction'].filter((id) => Chart.getChart(id)).length")
    driver.find_element(By.ID, "score-toggle").click()
    result["stats_score_grids"] = driver.execute_script("return window.gridmap.stats.scoreLayer.getLayers().length")
    outlines = driver.execute_script("return window.gridmap.layers.grids.getLayers().map((l) => l.feature.properties.code)")
    result["stats_scored_outlines"] = len(set(outlines) & set(result["stats_api_ranking"]))

    step = "wall screen"
    # The console's log and errors first: the wall screen is another page.
    result["page_errors"] = driver.execute_script("return window.gridmap.errors")
    console_log = driver.get_log("browser")
    driver.get(config["url"].rstrip("/") + "/screen")
    wait.until(lambda d: d.execute_script("return (window.gridmap && window.gridmap.screen.updates) || 0") >= 1)
    wait.until(lambda d: "实时" in d.find_element(By.ID, "screen-live").text)
    lon, lat = config["click"]
    walled = api("/v1/events", config["dispatcher_token"], {"category": config["category"], "description": "浏览器测试：大屏",
                                                          "lon": lon, "lat": lat, "source": "hotline_12345", "reporter": "市民"})
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#screen-events li[data-id='%d']" % walled["id"]))
    result["screen_platform_rows"] = len(driver.find_elements(By.CSS_SELECTOR, "#screen-platforms tr"))
    result["screen_received_today"] = sum(int(row.find_elements(By.TAG_NAME, "td")[1].text)
                                          for row in driver.find_elements(By.CSS_SELECTOR, "#screen-platforms tr"))
    result["screen_coverage"] = text("screen-coverage-summary")
    result["screen_errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]

    step = "console"
    # The browser logs every 4xx as an error; the one wrong password was tried on purpose.
    result["console_errors"] = [entry["message"] for entry in console_log if entry["level"] == "SEVERE"
                                and not ("/v1/session" in entry["message"] and "401" in entry["message"])]
    print(json.dumps(result, ensure_ascii=False))
except Exception as error:  # keep what the page showed
    os.makedirs(config["screenshots"], exist_ok=True)
    shot = os.path.join(config["screenshots"], "console-%s.png" % step.replace(" ", "-"))
    driver.save_screenshot(shot)
    log = [entry["message"] for entry in driver.get_log("browser")]
    print("failed at step '%s': %r; screenshot %s; so far %s; console %s" % (step, error, shot, json.dumps(result, ensure_ascii=False), log), file=sys.stderr)
    sys.exit(1)
finally:
    driver.quit()
