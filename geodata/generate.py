#!/usr/bin/python3
"""Generate the GridMap sample datasets for 大港头镇 (莲都区) and 澉浦镇 (海盐县).

Names and codes of towns and villages are real; every town, village and grid
polygon, grid name, household count, person and phone number is synthetic.
Reads only geodata/reference/ and is deterministic: rerunning rewrites the
outputs byte for byte.  Run with Debian's python (python3-shapely 1.8,
python3-pyproj):

    /usr/bin/python3 geodata/generate.py
"""
import csv
import datetime
import itertools
import json
import math
import random
from pathlib import Path

from pyproj import Transformer
from shapely.affinity import scale
from shapely.geometry import LineString, MultiPoint, Point, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, transform, unary_union, voronoi_diagram
from shapely.prepared import prep

HERE = Path(__file__).resolve().parent
REF = HERE / "reference"
DATASETS = [  # (output directory, town name, platform model, villages expected, first phone suffix)
    ("dagangtou", "大港头镇", "2022", 11, 0),
    ("ganpu", "澉浦镇", "2016", 14, 5000),
]
VALID_FROM = "2024-01-01T00:00:00Z"
SEED = 2                      # every random choice derives from "gridmap:<dataset>:<SEED>"
DIGITS = 7                    # coordinate precision of every output (~1 cm)
GRIDS_PER_VILLAGE = (4, 8)
MIN_SEAT_SPACING = 0.5        # village seats, as a fraction of sqrt(mean village area)
WIGGLE_AMPLITUDE = 0.12       # max midpoint offset, as a fraction of the segment being split
# Metric work: CGCS2000 3-degree Gauss-Krueger, CM 120E (both towns are within 1 degree).
TO_METRES = Transformer.from_crs("EPSG:4326", "EPSG:4549", always_xy=True).transform
TO_LONLAT = Transformer.from_crs("EPSG:4549", "EPSG:4326", always_xy=True).transform

SURNAMES = "王陈张李吴周徐朱刘叶潘毛蓝雷俞沈钱金胡杨黄郑何陆姚应施项季梁傅"
GIVEN = "建国伟芳丽华军明强秀英敏静丹海涛林斌燕霞平红晓志勇杰娟玲俊峰磊辉琴慧颖婷卫东春梅云亮"


def rounded(geom):
    """Round every coordinate to DIGITS decimals (the only rounding in the pipeline)."""
    return transform(lambda xs, ys: ([round(x, DIGITS) for x in xs],
                                     [round(y, DIGITS) for y in ys]), geom)


def polygons(geom):
    """The polygons of a Polygon, MultiPolygon or GeometryCollection."""
    if isinstance(geom, Polygon):
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]


def load_reference(town_name):
    """Read the county outline (WGS84), town bbox, town row and villages of one town."""
    bbox = next(f for f in json.loads((REF / "town_bboxes.geojson").read_text("utf-8"))["features"]
                if f["properties"]["name"] == town_name)
    with open(REF / "towns.csv", encoding="utf-8", newline="") as f:
        town = next(r for r in csv.DictReader(f) if r["town_name"] == town_name)
    county = next(f for f in json.loads((REF / "counties_liandu_haiyan.geojson").read_text("utf-8"))["features"]
                  if f["properties"]["adcode"] == town["county_adcode"])
    with open(REF / "villages_dagangtou_ganpu.csv", encoding="utf-8", newline="") as f:
        villages = [dict(code=r["village_code12"],
                         name=short_name(r["village_name"], town_name, town["county"]),
                         kind="community" if r["unit_type"].startswith("居委会") else "village")
                    for r in csv.DictReader(f) if r["town_name"] == town_name]
    return shape(county["geometry"]), shape(bbox["geometry"]), town, sorted(villages, key=lambda v: v["code"])


def short_name(raw, town_name, county_name):
    """'海盐县澉浦镇澉川社区居民委员会' -> '澉川社区', '石候村委会' -> '石候村', '大港头居委会' -> '大港头社区'."""
    name = raw.removeprefix(county_name).removeprefix(town_name)
    for suffix, short in (("社区居民委员会", "社区"), ("居民委员会", "社区"), ("居委会", "社区"),
                          ("村民委员会", "村"), ("村委会", "村")):
        if name.endswith(suffix):
            return name[: -len(suffix)] + short
    return name


def town_outline(county, bbox, rng, samples=720):
    """Irregular town outline: a noisy super-ellipse inscribed in the bbox, clipped to the county.

    The county is shrunk by ~0.1 m first so the rounded outline stays strictly inside it.
    """
    minx, miny, maxx, maxy = bbox.bounds
    cx, cy, ax, ay = (minx + maxx) / 2, (miny + maxy) / 2, (maxx - minx) / 2, (maxy - miny) / 2
    waves = [(k, rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 1.0) * 0.09 * k ** -1.3) for k in range(2, 120)]
    ring = []
    for i in range(samples):
        t = 2 * math.pi * i / samples
        r = min(0.999, 0.97 + sum(a * math.sin(k * t + ph) for k, ph, a in waves))
        c, s = math.cos(t), math.sin(t)
        ring.append((cx + ax * r * math.copysign(abs(c) ** 0.6, c), cy + ay * r * math.copysign(abs(s) ** 0.6, s)))
    clipped = Polygon(ring).intersection(county.buffer(-1e-6, join_style=2))
    outline = rounded(Polygon(max(polygons(clipped), key=lambda p: p.area).exterior))
    assert outline.is_valid and outline.within(county)
    return outline


def spread_points(region, n, rng, candidates=30):
    """n well-spaced points in region (Mitchell's best-candidate sampling)."""
    inside, (minx, miny, maxx, maxy) = prep(region), region.bounds
    points = []
    while len(points) < n:
        tries = (Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy)) for _ in range(candidates))
        best = max((p for p in tries if inside.contains(p)),
                   key=lambda p: min((p.distance(q) for q in points), default=0.0), default=None)
        if best is not None:
            points.append(best)
    return points


def voronoi_cells(points, region):
    """Voronoi cell of each point (same order), clipped to region, keeping the part with the point."""
    cells = voronoi_diagram(MultiPoint(points)).geoms
    return [next(p for c in cells if c.contains(pt) for p in polygons(c.intersection(region)) if p.intersects(pt))
            for pt in points]


def grid_seeds(outline, villages, rng):
    """Village seats, then per village 4-8 grid seeds clustered around its seat (metres).

    Grid seeds lie in the seat's Voronoi cell shrunk towards the seat and are
    relaxed with a few Lloyd steps, so each village's grids form one block.
    Returns (village, seed) pairs grouped by village, north-west first.
    """
    mean_area = outline.area / len(villages)
    seats = spread_points(outline.buffer(-0.25 * math.sqrt(mean_area)), len(villages), rng)
    assert min(a.distance(b) for a, b in itertools.combinations(seats, 2)) >= MIN_SEAT_SPACING * math.sqrt(mean_area)
    cells = voronoi_cells(seats, outline)
    seeds = []
    for village, seat, cell in zip(villages, seats, cells):
        lo, hi = GRIDS_PER_VILLAGE
        n = min(hi, max(lo, round(6 * cell.area / mean_area + rng.uniform(-1.2, 1.2))))
        region = scale(cell, 0.9, 0.9, origin=seat).intersection(outline)
        region = next(p for p in polygons(region) if p.intersects(seat))
        points = spread_points(region, n, rng)
        for _ in range(3):  # Lloyd relaxation inside the village region
            points = [c.centroid if c.centroid.within(region) else c.representative_point()
                      for c in voronoi_cells(points, region)]
        points.sort(key=lambda p: (-round(p.y), round(p.x)))  # number grids north-west first
        seeds += [(village, p) for p in points]
    return seeds


def wiggle(p, q, spacing, max_scale):
    """Midpoint-displacement polyline from p to q, a hand-drawn-looking boundary.

    Each split moves the midpoint by up to WIGGLE_AMPLITUDE times the segment
    length (capped at max_scale).  The noise is keyed by the (sorted) endpoints, so
    an edge always gets the same shape; offsets are perpendicular to p-q, so the
    line never crosses itself.
    """
    a, b = sorted([p, q])
    rng = random.Random("edge:%.3f,%.3f,%.3f,%.3f" % (*a, *b))
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    offsets = [0.0, 0.0]
    for level in range(max(0, math.ceil(math.log2(length / spacing)))):
        amplitude = WIGGLE_AMPLITUDE * min(length / 2 ** level, max_scale)
        refined = [offsets[0]]
        for o0, o1 in zip(offsets, offsets[1:]):
            refined += [(o0 + o1) / 2 + rng.uniform(-amplitude, amplitude), o1]
        offsets = refined
    n = len(offsets) - 1
    inner = [(a[0] + dx * i / n - dy / length * o, a[1] + dy * i / n + dx / length * o)
             for i, o in enumerate(offsets)][1:-1]
    return LineString([a, *inner, b])


def build_faces(outline, seeds):
    """Perturbed Voronoi of the seeds, noded with the outline: rounded faces with their seed index.

    A face holding a seed belongs to it; a face without one (a fragment cut off by
    the outline) joins the neighbour it shares the longest boundary with.
    """
    outline_m = transform(TO_METRES, outline)
    size = math.sqrt(outline_m.area / len(seeds))
    frame = box(*outline_m.buffer(size).bounds)  # cut the diagram's far-reaching outer edges
    edges = voronoi_diagram(MultiPoint([p for _, p in seeds]), edges=True).geoms[0].intersection(frame)
    lines = [transform(TO_LONLAT, wiggle(*e.coords, spacing=size / 22, max_scale=size)) for e in edges.geoms]
    noded = unary_union(lines + [outline.exterior])
    faces = [f for f in polygonize(noded) if outline.contains(f.representative_point())]
    assert abs(sum(f.area for f in faces) - outline.area) <= 1e-9 * outline.area
    faces = [f for f in map(rounded, faces) if f.area > 0]
    assert all(f.is_valid for f in faces)
    owner = [None] * len(faces)
    for i, (_, seed) in enumerate(seeds):
        point = Point(TO_LONLAT(seed.x, seed.y))
        (hit,) = [j for j, f in enumerate(faces) if f.contains(point)]
        assert owner[hit] is None
        owner[hit] = i
    while None in owner:
        for j in [j for j, o in enumerate(owner) if o is None]:
            shared = [(faces[j].boundary.intersection(faces[k].boundary).length, owner[k])
                      for k, o in enumerate(owner) if o is not None and faces[j].intersects(faces[k])]
            best = max(shared, default=(0, None))
            if best[0] > 0:
                owner[j] = best[1]
    return faces, owner


def check_partition(parent, children, what):
    """Assert children are valid, non-overlapping, covered by parent and sum to its area."""
    assert parent.is_valid and all(c.is_valid for c in children), what
    for c1, c2 in itertools.combinations(children, 2):
        assert c1.intersection(c2).area == 0, what
    assert all(parent.covers(c) for c in children), what
    assert abs(sum(c.area for c in children) - parent.area) <= 1e-9 * parent.area, what


def people(villages, grids, rng, phone_base):
    """Rows of people.csv: one 村干部 and one 联村干部 per village, one 网格员 per grid."""
    names = set()
    while len(names) < 2 * len(villages) + len(grids):
        names.add(rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2)))))
    names = sorted(names)
    rng.shuffle(names)
    phones = rng.sample(range(phone_base, phone_base + 5000), len(names))
    rows = []
    for v in villages:
        rows += [("村干部", "", v["code"]), ("联村干部", "", v["code"])]
        rows += [("网格员", g["code"], "") for g in grids if g["village_code"] == v["code"]]
    return [(role, names[i], "1390000%04d" % phones[i], grid, village, "A")
            for i, (role, grid, village) in enumerate(rows)]


def backups(directory, grids):
    """B posts (AB岗): a backup 网格员 for every grid, named when the primary is absent. Drawn
    from their own generator so the rest of the output does not move."""
    rng = random.Random(f"gridmap:{directory}:backups")
    phones = rng.sample(range(10000), len(grids))
    return [("网格员", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), "1390001%04d" % phones[i],
             g["code"], "", "B") for i, g in enumerate(grids)]


def duty_roster(directory):
    """值班领导: the town's leaders take the command room in turn, a day each, 2025-2026."""
    rng = random.Random(f"gridmap:{directory}:duty")
    leaders = [(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), "1390002%04d" % rng.randrange(10000))
               for _ in range(5)]
    day, rows = datetime.date(2025, 1, 1), []
    while day.year <= 2026:
        name, phone = leaders[day.toordinal() % len(leaders)]
        rows.append((day.isoformat(), name, phone))
        day += datetime.timedelta(days=1)
    return rows


def write_geojson(path, features):
    """RFC 7946 FeatureCollection of polygons, one feature per line, counter-clockwise exteriors."""
    lines = [json.dumps({"type": "Feature", "properties": props, "geometry": mapping(orient(geom))},
                        ensure_ascii=False, separators=(",", ":")) for props, geom in features]
    path.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", "utf-8")


def generate(directory, town_name, model, village_count, phone_base):
    """Build, check and write one dataset; return a summary for the console."""
    county, bbox, town, villages = load_reference(town_name)
    rng = random.Random("gridmap:%s:%d" % (directory, SEED))
    outline = town_outline(county, bbox, rng)
    seeds = grid_seeds(transform(TO_METRES, outline), villages, rng)
    faces, owner = build_faces(outline, seeds)
    grids, village_geoms = [], {}
    for v in villages:
        members = [i for i, (village, _) in enumerate(seeds) if village is v]
        shapes = [rounded(unary_union([f for f, o in zip(faces, owner) if o == i])) for i in members]
        village_geoms[v["code"]] = rounded(unary_union(shapes))
        check_partition(village_geoms[v["code"]], shapes, v["name"])
        assert GRIDS_PER_VILLAGE[0] <= len(shapes) <= GRIDS_PER_VILLAGE[1]
        assert all(s.geom_type == "Polygon" for s in shapes) and village_geoms[v["code"]].geom_type == "Polygon"
        for n, geom in enumerate(shapes, 1):
            grids.append(dict(code="%s%03d" % (v["code"], n), name="%s第%d网格" % (v["name"], n),
                              village_code=v["code"], households=rng.randint(300, 500), geom=geom))
    town_geom = rounded(unary_union(list(village_geoms.values())))
    check_partition(town_geom, list(village_geoms.values()), town_name)
    assert town_geom.within(county) and len(villages) == village_count

    out = HERE / directory
    out.mkdir(exist_ok=True)
    write_geojson(out / "towns.geojson", [(dict(code=town["town_code12"], name=town_name,
                                                county_code=town["county_adcode"], county=town["county"]), town_geom)])
    write_geojson(out / "villages.geojson", [(dict(code=v["code"], name=v["name"], town_code=town["town_code12"],
                                                   kind=v["kind"]), village_geoms[v["code"]]) for v in villages])
    write_geojson(out / "grids.geojson", [({k: g[k] for k in ("code", "name", "village_code", "households")},
                                           g["geom"]) for g in grids])
    with open(out / "people.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["role", "name", "phone", "grid_code", "village_code", "post"])
        writer.writerows(people(villages, grids, rng, phone_base) + backups(directory, grids))
    with open(out / "duty.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["date", "name", "phone"])
        writer.writerows(duty_roster(directory))
    (out / "dataset.json").write_text(json.dumps(
        dict(name=directory, town_code=town["town_code12"], valid_from=VALID_FROM, platform_model=model),
        ensure_ascii=False, indent=2) + "\n", "utf-8")

    vertices = [len(g["geom"].exterior.coords) - 1 for g in grids]
    land = bbox.intersection(county).area
    return ("%s: %d villages, %d grids, vertices/grid min %d avg %.0f max %d, outline = %.0f%% of bbox land, bbox %s"
            % (directory, len(villages), len(grids), min(vertices), sum(vertices) / len(vertices), max(vertices),
               100 * town_geom.area / land, ", ".join("%.5f" % c for c in town_geom.bounds)))


if __name__ == "__main__":
    for dataset in DATASETS:
        print(generate(*dataset))
