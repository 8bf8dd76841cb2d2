"""First render of the web console in headless Chromium: milliseconds from navigation start to the
outlines drawn (window.gridmap.ready) and to the event list filled, over several loads.
usage: bench-web.py URL [LOADS]"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

url, loads = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    for load in range(1, loads + 1):
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.get(url)
        while not driver.execute_script("return document.body.dataset.eventsReady === 'true'"):
            time.sleep(0.02)
        ready, listed = driver.execute_script(
            "return [window.gridmap.ready, performance.getEntriesByType('resource').reduce((m, e) => Math.max(m, e.responseEnd), 0)]")
        print("  load %d: map drawn %.0f ms, every request done %.0f ms" % (load, ready, listed))
finally:
    driver.quit()
