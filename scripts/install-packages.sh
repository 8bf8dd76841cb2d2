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
