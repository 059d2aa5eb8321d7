#!/usr/bin/env bash
# Load test of the web app on the demo data (issues 12 and 24): first every page type of every demo role and every GET
# endpoint of the API as each station key, at 32 connections (bench/load/pages.py: a page is SLOW above 50 ms p99);
# then the app in Release on loopback, signed in as the demo's buyer admin, three key pages driven by wrk at 8, 32 and
# 128 connections for DURATION seconds after a WARMUP at 32 (not reported: the JIT's tiers), then the test-data ingest
# API (a new unit of 20 measurements a request, bench/load/ingest.lua), then (SQLite) a SOAK of the dashboard at 32
# connections with the app's resident memory every 30 s. PAGES=0 leaves out the first part.
# Prints markdown tables: requests/s, p50 and p99 latency, errors (non-2xx and socket errors), memory.
#   bench/load/run.sh                     SQLite (a fresh data folder)
#   SECONDSOURCE_BENCH_POSTGRES="Host=…;Username=…;Password=…;Database=postgres" bench/load/run.sh   PostgreSQL too
# Needs wrk and curl (Debian packages). DURATION (10), WARMUP (5), SOAK (300) and CONNECTIONS ("8 32 128") can be set.
# The per-API-key rate limit is raised for the run: the ingest leg measures ingest, not the limiter.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-8 32 128}"
WARMUP="${WARMUP:-5}"
SOAK="${SOAK:-300}"
PORT="${PORT:-5187}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
dotnet build -c Release src/SecondSource.Web -v q -nologo >/dev/null
dotnet build -c Release src/SecondSource.Cli -v q -nologo >/dev/null
ROOT="$PWD"
APP="$ROOT/artifacts/bin/SecondSource.Web/release/SecondSource.Web.dll"
CLI="$ROOT/artifacts/bin/SecondSource.Cli/release/secondsource.dll"

# One wrk run as a table row: page, connections, requests/s, p50, p99, errors.
row() {
  local label="$1" c="$2"; shift 2
  local out rps p50 p99 non2xx sock
  out="$(wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"; p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"; sock="$(awk '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out" | tr -d ',')"
  echo "| $label | $c | $rps | $p50 | $p99 | $(( ${non2xx:-0} + ${sock:-0} )) |"
}

# A new database on the server SECONDSOURCE_BENCH_POSTGRES names (prefix + a random number); prints its connection string.
new_database() {
  local db="$1_$RANDOM" field
  field() { tr ';' '\n' <<<"$SECONDSOURCE_BENCH_POSTGRES" | sed -n "s/^$1=//Ip" | head -1; }
  PGHOST="$(field Host)" PGPORT="$(field Port)" PGUSER="$(field Username)" PGPASSWORD="$(field Password)" PGDATABASE="$(field Database)" \
    psql -qc "CREATE DATABASE $db" >/dev/null
  sed "s/Database=[^;]*/Database=$db/" <<<"$SECONDSOURCE_BENCH_POSTGRES"
}

run_provider() {
  local provider="$1" data log pid base cookie token admin password
  data="$(mktemp -d)"; log="$data/app.log"; base="http://127.0.0.1:$PORT"
  local web_extra=() cli_extra=()
  if [[ "$provider" == "Postgres" ]]; then
    local connection; connection="$(new_database ssload)"
    # The app's pool stays under the server's max_connections (100 on Debian), leaving room for the CLI.
    web_extra=(--Database:Provider Postgres --ConnectionStrings:SecondSource "$connection;Maximum Pool Size=40")
    cli_extra=(--provider Postgres --connection "$connection")
  fi
  # Started from the project folder, as `dotnet run` is: its appsettings.json (log levels) and wwwroot are the content root.
  (cd src/SecondSource.Web && exec env ASPNETCORE_ENVIRONMENT=Production RateLimits__ApiKeyPerMinute=100000000 \
    dotnet "$APP" --seed-demo --data "$data" --urls "$base" "${web_extra[@]}" >"$log" 2>&1) &
  pid=$!
  trap "kill $pid 2>/dev/null || true" RETURN EXIT
  for _ in $(seq 1 240); do grep -q "Now listening" "$log" && break; sleep 1; done
  admin="$(grep -m1 -o 'admin@[^ ]*' "$log")"; password="$(grep -m1 "$admin" "$log" | awk '{print $NF}')"
  cookie="$data/cookies"
  token="$(curl -s -c "$cookie" -b "$cookie" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$cookie" -b "$cookie" --data-urlencode "Email=$admin" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  local session; session="$(awk '$6 == "SecondSource.Session" {print $6"="$7}' "$cookie")"
  local pack bom
  pack="$(curl -s -b "$cookie" "$base/Reviews" | grep -o '/Reviews/Pack?id=[0-9a-f-]*' | head -1)"
  bom="$(curl -s -b "$cookie" "$base/Products" | grep -o '/Products/Bom?id=[0-9a-f-]*' | head -1)"
  local revision; revision="$(curl -s -b "$cookie" "$base$bom" | grep -o '/Products/Revision?id=[0-9a-f-]*' | head -1)"
  local rss_before; rss_before="$(ps -o rss= -p $pid)"
  echo
  echo "### $provider ($DURATION s a run, 2 wrk threads)"
  echo
  echo "| page | connections | requests/s | p50 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  # Warm-up of every page first: the JIT's tiers and the caches settle before anything is measured.
  for page in "/" "$revision" "$pack" "/" "$revision" "$pack"; do wrk -t2 -c32 -d"${WARMUP}s" -H "Cookie: $session" "$base$page" >/dev/null; done
  for page in "/" "$revision" "$pack"; do
    for c in $CONNECTIONS; do row "${page%%\?*}" "$c" -H "Cookie: $session" "$base$page"; done
  done

  # Ingest: the second line's latest production batch, its station key; every request a new unit.
  local key line batch
  key="$(grep -o 'ssk_[^ ]*' "$log" | tail -1)"
  read -r line batch < <(dotnet "$CLI" testdata batches AUR-VSM200 --data "$data" "${cli_extra[@]}" --json | python3 -c \
    "import json,sys; b=[x for x in json.load(sys.stdin)['items'] if x['name'].startswith('VE-') and x['kind']=='Production'][-1]; print(b['lineId'], b['name'])")
  for c in $CONNECTIONS; do
    INGEST_KEY="$key" INGEST_BATCH="$batch" row "POST /api/v1/testdata/lines/{line}/results" "$c" -s bench/load/ingest.lua "$base/api/v1/testdata/lines/$line/results"
  done
  echo
  echo "Resident memory of the app: $((rss_before / 1024)) MiB before the runs, $(( $(ps -o rss= -p $pid) / 1024 )) MiB after."

  if (( SOAK > 0 )) && [[ "$provider" == "Sqlite" ]]; then
    echo
    echo "Soak: the dashboard at 32 connections for $SOAK s; resident memory (MiB) every 30 s:"
    wrk -t2 -c32 -d"${SOAK}s" --latency -H "Cookie: $session" "$base/" >"$data/soak.txt" &
    local soak=$! samples=()
    while kill -0 $soak 2>/dev/null; do samples+=("$(( $(ps -o rss= -p $pid) / 1024 ))"); sleep 30; done
    echo "${samples[*]}"
    awk '/Requests\/sec/ {print "requests/s " $2} $1 == "99%" {print "p99 " $2} /Non-2xx|Socket errors/ {print}' "$data/soak.txt"
  fi
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
}

# Every page and endpoint (bench/load/pages.py) on a fresh demo of the provider.
every_page() {
  local provider="$1"
  echo
  echo "## Every page and API endpoint, $provider"
  if [[ "$provider" == "Postgres" ]]; then
    APP="$APP" APP_ARGS="--Database:Provider Postgres --ConnectionStrings:SecondSource '$(new_database sspages);Maximum Pool Size=40'" \
      python3 bench/load/pages.py
  else
    APP="$APP" python3 bench/load/pages.py
  fi
}

if [[ "${PAGES:-1}" != "0" ]]; then
  every_page Sqlite
  if [[ -n "${SECONDSOURCE_BENCH_POSTGRES:-}" ]]; then every_page Postgres; fi
fi
run_provider Sqlite
if [[ -n "${SECONDSOURCE_BENCH_POSTGRES:-}" ]]; then run_provider Postgres; fi
