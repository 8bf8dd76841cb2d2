#!/usr/bin/env bash
# 考核, reports and spreadsheets over loopback (issue 21), the server as run (release build), on
# 大港头镇 with its sample year of events, the loop played (simulate-loop) and a month of patrols:
# each request's whole time with curl (the first apart: it computes the month's patrol coverage),
# then the events sheet (.xlsx) beside openpyxl writing the same rows (scripts/peers/xlsx_openpyxl.py).
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18087}
db="$out/assess.sqlite"
if [ ! -e "$db" ]; then
    "$gridmap" import geodata/dagangtou --db "$db" >/dev/null
    "$gridmap" events import geodata/dagangtou/events.csv --db "$db" >/dev/null
    "$gridmap" events simulate-loop --db "$db" --dataset dagangtou --from 2025-10-01 --days 92 >/dev/null
    "$gridmap" patrols simulate --db "$db" --dataset dagangtou --from 2025-11-01 --days 30 >/dev/null
fi
serve "$db" "$port" "$out/assess-server.log"
base="http://127.0.0.1:$port"
town=331102102000

# time LABEL URL: the first request, then five more sorted.
time_request() {
    local first rest
    first=$(curl -s -o "$out/answer" -w '%{time_total}' "$2")
    rest=$(for _ in 1 2 3 4 5; do curl -s -o "$out/answer" -w '%{time_total} ' "$2"; done | tr ' ' '\n' | sort -n | tr '\n' ' ')
    printf '%-36s first %6.3f s, then %s s (%s bytes)\n' "$1" "$first" "$rest" "$(stat -c %s "$out/answer")"
}
for subject in grid member village platform office; do
    time_request "assessment $subject 2025-11" "$base/v1/assessments?period=2025-11&subject=$subject&town=$town"
done
time_request "assessment grid 2025 (year)" "$base/v1/assessments?period=2025&subject=grid&town=$town"
time_request "assessment grid 2025-11 xlsx" "$base/v1/assessments?period=2025-11&subject=grid&town=$town&format=xlsx"
time_request "monthly report html" "$base/v1/reports/monthly?town=$town&month=2025-11"
time_request "monthly report xlsx" "$base/v1/reports/monthly?town=$town&month=2025-11&format=xlsx"
time_request "events of 2025 xlsx" "$base/v1/events?from=2025-01-01&to=2026-01-01&format=xlsx"
time_request "events of 2025 csv" "$base/v1/events?from=2025-01-01&to=2026-01-01&format=csv"

curl -s -o "$out/events.csv" "$base/v1/events?from=2025-01-01&to=2026-01-01&format=csv"
echo "openpyxl (write-only) writing the same $(($(wc -l <"$out/events.csv") - 1)) events, whole process:"
for _ in 1 2 3; do /usr/bin/time -f '  %e s' /usr/bin/python3 scripts/peers/xlsx_openpyxl.py "$out/events.csv" "$out/peer.xlsx"; done
