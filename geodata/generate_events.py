#!/usr/bin/python3
"""Generate a year (2025) of sample events for each sample dataset: geodata/<town>/events.csv.

Synthetic but shaped like a town command room's load (about 12-16 events a day):
- space: each grid's share follows its households times a hotspot factor; inside a grid most
  events cluster around one or two hotspots (a market, a lane of old houses), the rest anywhere;
- time: weekdays busier than weekends, daytime hours, seasons per category (floods and typhoons
  June-September, fire hazards in winter, pollution in summer);
- category mix by village type: communities (社区) report more livelihood, fire and disputes,
  villages more land disputes, illegal building and pollution;
- source: grid members and the app report from phones in GCJ-02, the 12345 hotline and patrols
  give WGS84 (geocoded by the dispatcher);
- loop: events older than a few deadlines are closed (resolved or evaluated) after a log-normal
  handling time around half their deadline, some late; recent events are still open.
Deterministic; run with Debian's python (python3-shapely): /usr/bin/python3 geodata/generate_events.py
"""
import csv
import json
import math
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from shapely.geometry import Point, shape

HERE = Path(__file__).resolve().parent
YEAR = 2025
END = datetime(YEAR + 1, 1, 1, tzinfo=timezone.utc)
CST = timezone(timedelta(hours=8))
DATASETS = [("dagangtou", 12.0), ("ganpu", 16.0)]   # (directory, events per day)

# category → (weight in a community, weight in a village, season: month → factor)
SUMMER = {6: 1.8, 7: 2.0, 8: 1.9, 9: 1.4}
WINTER = {12: 1.7, 1: 1.8, 2: 1.5, 11: 1.2}
MIX = {
    "dispute": (20, 18, {}), "public_security": (10, 6, {}), "work_safety": (4, 8, {}),
    "fire": (15, 8, WINTER), "food_safety": (10, 4, SUMMER), "environment": (8, 16, SUMMER),
    "illegal_building": (4, 14, {3: 1.4, 4: 1.5, 5: 1.3}), "livelihood": (25, 18, {}),
    "party": (4, 5, {7: 1.5}), "flood": (0.5, 3, {6: 8, 7: 10, 8: 9, 9: 5}),
}
SOURCES = [("grid_member", 55), ("hotline_12345", 20), ("app", 15), ("patrol", 10)]
DESCRIPTIONS = {
    "dispute": ["邻里因排水问题发生争执", "宅基地界址争议", "家庭矛盾需调解", "工资拖欠纠纷", "山林承包边界纠纷"],
    "public_security": ["出租房人员信息未登记", "夜间有可疑人员徘徊", "群众反映疑似电信诈骗"],
    "work_safety": ["小作坊消防器材过期", "施工现场未设防护栏", "瓶装液化气违规存放"],
    "fire": ["楼道堆放杂物堵塞消防通道", "电动自行车楼道内充电", "老旧线路私拉乱接"],
    "food_safety": ["小餐馆后厨卫生差", "农贸市场售卖过期食品", "流动摊贩无证经营"],
    "environment": ["溪流出现异常泡沫", "工地扬尘较大", "路边垃圾乱堆放", "养殖废水直排"],
    "illegal_building": ["农户未批先建", "屋顶新增违章搭建", "河道旁违规建房"],
    "livelihood": ["路灯损坏", "道路坑洼影响通行", "自来水水压不足", "困难家庭申请救助"],
    "party": ["流动党员组织关系转接", "村党支部换届材料报送"],
    "flood": ["强降雨致道路积水", "山塘水位上涨", "台风过境树木倒伏"],
}


def gcj02(lon, lat):
    """WGS84 → GCJ-02, the published forward transform (Krasovsky ellipsoid)."""
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lon - 105.0, lat - 35.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
            + (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
            + (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
            + (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
            + (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
            + (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
            + (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - ee * math.sin(rad) ** 2
    dlat = (dlat * 180.0) / ((a * (1 - ee)) / (magic * math.sqrt(magic)) * math.pi)
    dlon = (dlon * 180.0) / (a / math.sqrt(magic) * math.cos(rad) * math.pi)
    return lon + dlon, lat + dlat


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for value, w in pairs:
        r -= w
        if r <= 0:
            return value
    return pairs[-1][0]


def point_in(rng, polygon, hotspots):
    """A point in the polygon: near a hotspot (σ ≈ 60 m) 65 % of the time, else uniform."""
    minx, miny, maxx, maxy = polygon.bounds
    for _ in range(1000):
        if hotspots and rng.random() < 0.65:
            hx, hy = rng.choice(hotspots)
            p = Point(rng.gauss(hx, 0.0006), rng.gauss(hy, 0.0006))
        else:
            p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if polygon.contains(p):
            return p.x, p.y
    raise RuntimeError("no point found")


def generate(directory, per_day):
    rng = random.Random(f"gridmap-events:{directory}:1")
    root = HERE / directory
    grids = json.loads((root / "grids.geojson").read_text())["features"]
    villages = {f["properties"]["code"]: f["properties"]["name"] for f in
                json.loads((root / "villages.geojson").read_text())["features"]}
    platforms = json.loads((root / "platforms.json").read_text())
    children = {}
    for c in platforms["categories"]:
        children.setdefault(c.get("parent") or c["code"], []).append(c["code"])
    members = {}
    with open(root / "people.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["role"] == "网格员":
                members.setdefault(row["grid_code"], row["name"])
    deadlines = {}
    for c in platforms["categories"]:
        deadlines[c["code"]] = c.get("deadline_hours") or deadlines.get(c.get("parent"), 72)

    cells = []
    for g in grids:
        props = g["properties"]
        inner = shape(g["geometry"]).buffer(-0.00008)   # ~8 m inside: phone offsets never leave the grid
        if inner.is_empty:
            continue
        hotspots = [point_in(rng, inner, []) for _ in range(rng.choice([1, 1, 2]))]
        community = villages[props["village_code"]].endswith("社区")
        weight = props.get("households", 400) * rng.lognormvariate(0, 0.6) * (1.6 if community else 1.0)
        cells.append((props, inner, hotspots, community, weight))
    total_weight = sum(c[4] for c in cells)

    rows = []
    day = datetime(YEAR, 1, 1, tzinfo=CST)
    while day.year == YEAR:
        weekday = day.weekday() < 5
        count = rng.gauss(per_day * (1.15 if weekday else 0.65), math.sqrt(per_day))
        for _ in range(max(0, round(count))):
            props, inner, hotspots, community, _ = weighted(rng, [(c, c[4] / total_weight) for c in cells])
            top = weighted(rng, [(k, (v[0] if community else v[1]) * v[2].get(day.month, 1.0)) for k, v in MIX.items()])
            category = rng.choice(children[top])
            hour = min(23, max(0, round(rng.gauss(13, 3.5))))
            reported = day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
            source = weighted(rng, SOURCES)
            lon, lat = point_in(rng, inner, hotspots)
            crs = "gcj02" if source in ("grid_member", "app") else "wgs84"
            if crs == "gcj02":
                lon, lat = gcj02(lon, lat)
            reporter = {"grid_member": members.get(props["code"], "网格员"), "hotline_12345": "12345热线",
                        "app": "浙里办用户", "patrol": "综合巡查"}[source]
            deadline = timedelta(hours=deadlines[category])
            handling = deadline * rng.lognormvariate(math.log(0.5), 0.7)
            closed = reported + handling
            if closed < END - timedelta(days=2) and rng.random() < 0.97:
                status = "evaluated" if closed < END - timedelta(days=20) and rng.random() < 0.7 else "resolved"
                closed_at = closed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            else:
                status, closed_at = rng.choice(["received", "triaged", "dispatched", "in_progress"]), ""
            rows.append([category, rng.choice(DESCRIPTIONS[top]), f"{lon:.7f}", f"{lat:.7f}", crs,
                         reported.isoformat(), source, reporter, status, closed_at])
        day += timedelta(days=1)
    rows.sort(key=lambda r: r[5])
    with open(root / "events.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["category", "description", "lon", "lat", "crs", "reported_at", "source", "reporter",
                         "status", "closed_at"])
        writer.writerows(rows)
    print(f"{directory}: {len(rows)} events")


if __name__ == "__main__":
    for directory, per_day in DATASETS:
        generate(directory, per_day)
