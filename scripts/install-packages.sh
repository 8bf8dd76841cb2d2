#!/usr/bin/env bash
# Installs the Debian packages GridMap builds, runs and is checked with (idempotent).
# Swift 6 itself is not a Debian package: it must be on PATH already (https://swift.org/install).
set -euo pipefail

packages=(
    # build and run: SpatiaLite (with its SQLite module), GEOS, PROJ, found through pkg-config
    pkg-config libsqlite3-dev libspatialite-dev libsqlite3-mod-spatialite libgeos-dev libproj-dev zlib1g-dev
    # the sample-data generator (Debian's python3 with shapely), checks (GDAL, OWSLib) and benchmarks
    python3-shapely python3-pyproj python3-owslib spatialite-bin gdal-bin curl wrk
    # the web console's map library, and its browser tests (headless Chromium, Selenium, a CJK font)
    libjs-leaflet chromium chromium-driver python3-selenium fonts-wqy-microhei
    # spreadsheets (考核, reports): libxlsxwriter to write .xlsx, openpyxl to read them back in tests; the 统计 charts
    libxlsxwriter-dev python3-openpyxl libjs-chart.js
    # a venv for the PyPI oracles and peers (Shapely 2, pyproj, jenkspy): .build-oracles/venv
    python3-venv
)

if ! command -v swift >/dev/null; then
    echo "error: swift not found; install a Swift 6 toolchain first (https://swift.org/install)" >&2
    exit 1
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# PyPI oracles and peers for tests and benchmarks, in a venv of Debian's python3 (pinned versions).
venv="$(cd "$(dirname "$0")/.." && pwd)/.build-oracles/venv"
oracles=(shapely==2.2.0 numpy==2.4.6 pyproj==3.7.2 jenkspy==0.4.1)
if ! "$venv/bin/python" -c 'import shapely, numpy, pyproj, jenkspy' 2>/dev/null; then
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${oracles[@]}"
fi
