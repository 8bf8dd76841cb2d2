#!/usr/bin/env bash
# Sessions and 保密管理 under load (issue 18): GET /v1/resolve (with its people) under wrk on the
# two sample towns, anonymously (people masked), with a gis session (masked), with a dispatcher's
# session (in full, each request queued for the audit log) and with a dispatcher's bearer token.
# A request with credentials must cost no database read; the target is ≥ 90 % of the anonymous rate.
# Needs curl and wrk (scripts/setup.sh installs them).
source "$(dirname "$0")/bench-lib.sh"
port=${PORT:-18081}
db="$out/session.sqlite"

sample_database "$db"
password=bench-password-1
for role in gis dispatcher; do
    printf '%s\n' "$password" | "$gridmap" user create --db "$db" --name "bench-$role" --role "$role" --password-stdin 2>/dev/null
done
token=$("$gridmap" token create --db "$db" --role dispatcher --name bench-token)
serve "$db" "$port" "$out/session-serve.log"

cookie() {  # the session cookie of account $1
    curl -sf -o /dev/null -c - -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"password\":\"$password\"}" \
        "http://127.0.0.1:$port/v1/session" | awk '$6 == "gridmap_session" { print "gridmap_session=" $7 }'
}
gis_cookie=$(cookie bench-gis)
dispatcher_cookie=$(cookie bench-dispatcher)

# Random points over both towns' extents (some outside every grid, as clicks on a map are).
cat >"$out/session-resolve.lua" <<'LUA'
math.randomseed(1)
local boxes = { {119.60, 28.15, 119.85, 28.40}, {120.80, 30.27, 121.00, 30.48} }
request = function()
  local b = boxes[math.random(2)]
  local lon = b[1] + math.random() * (b[3] - b[1])
  local lat = b[2] + math.random() * (b[4] - b[2])
  return wrk.format("GET", string.format("/v1/resolve?lon=%.7f&lat=%.7f", lon, lat))
end
LUA

: >"$out/session-wrk.txt"
rate() { wrk -t2 -c64 -d"${seconds}s" -s "$out/session-resolve.lua" "$@" "http://127.0.0.1:$port" \
    | tee -a "$out/session-wrk.txt" | sed -n 's/^Requests\/sec: *//p'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rate >/dev/null  # warm-up
none=() gis=() dispatcher=() bearer=() gis_pct=() dispatcher_pct=() bearer_pct=()
# Rounds alternating the four callers: on two cores shared with wrk one run swings by a fifth
# either way, and the machine drifts. Each caller's share is taken within its round (runs seconds
# apart), then the median over the rounds; every other round runs them in reverse order, so a
# drift favours none.
for round in $(seq "${ROUNDS:-9}"); do
    if ((round % 2)); then
        n=$(rate) g=$(rate -H "Cookie: $gis_cookie") d=$(rate -H "Cookie: $dispatcher_cookie") b=$(rate -H "Authorization: Bearer $token")
    else
        b=$(rate -H "Authorization: Bearer $token") d=$(rate -H "Cookie: $dispatcher_cookie") g=$(rate -H "Cookie: $gis_cookie") n=$(rate)
    fi
    none+=("$n") gis+=("$g") dispatcher+=("$d") bearer+=("$b")
    gis_pct+=("$(awk -v a="$g" -v n="$n" 'BEGIN { print 100 * a / n }')")
    dispatcher_pct+=("$(awk -v a="$d" -v n="$n" 'BEGIN { print 100 * a / n }')")
    bearer_pct+=("$(awk -v a="$b" -v n="$n" 'BEGIN { print 100 * a / n }')")
done
curl -sf -H "Cookie: $dispatcher_cookie" "http://127.0.0.1:$port/v1/resolve?lon=119.72&lat=28.27" | grep -q '"phone":"1[3-9][0-9]\{9\}"' \
    || { echo "the dispatcher's answers were not in full" >&2; exit 1; }
curl -sf "http://127.0.0.1:$port/v1/resolve?lon=119.72&lat=28.27" | grep -q '\*\*\*\*' \
    || { echo "the anonymous answers were not masked" >&2; exit 1; }
sleep 1  # the last queued audit rows
printf 'medians of %d rounds of %ss each (a share is a round'"'"'s rate over that round'"'"'s anonymous one)\n' "${ROUNDS:-9}" "$seconds"
printf 'GET /v1/resolve, anonymous (masked):           %8.0f requests/s\n' "$(median "${none[@]}")"
printf '  gis session (masked):                        %8.0f requests/s (%.0f%%)\n' "$(median "${gis[@]}")" "$(median "${gis_pct[@]}")"
printf '  dispatcher session (in full, audited):       %8.0f requests/s (%.0f%%)\n' "$(median "${dispatcher[@]}")" "$(median "${dispatcher_pct[@]}")"
printf '  dispatcher bearer token (in full, audited):  %8.0f requests/s (%.0f%%)\n' "$(median "${bearer[@]}")" "$(median "${bearer_pct[@]}")"
echo "audit log: $("$gridmap" audit verify --db "$db")"
