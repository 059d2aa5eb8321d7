#!/usr/bin/env bash
# Load test of the web app on the demo data (issue 12): the app in Release on loopback, signed in as the demo's buyer
# admin, each page driven by wrk at 8, 32 and 128 connections for DURATION seconds. Prints a markdown table:
# requests/s, p50 and p99 latency, errors (non-2xx and socket errors), and the app's resident memory before and after.
#   bench/load/run.sh                     SQLite (a fresh data folder)
#   SECONDSOURCE_BENCH_POSTGRES="Host=…;Username=…;Password=…;Database=postgres" bench/load/run.sh   PostgreSQL too
# Needs wrk and curl (Debian packages). DURATION (default 10) and CONNECTIONS ("8 32 128") can be set.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-8 32 128}"
PORT="${PORT:-5187}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
dotnet build -c Release src/SecondSource.Web -v q -nologo >/dev/null
APP="artifacts/bin/SecondSource.Web/release/SecondSource.Web.dll"

run_provider() {
  local provider="$1" data log pid base cookie token admin password
  data="$(mktemp -d)"; log="$data/app.log"; base="http://127.0.0.1:$PORT"
  local extra=()
  if [[ "$provider" == "Postgres" ]]; then
    local db="ssload_$RANDOM"
    PGPASSWORD="$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$SECONDSOURCE_BENCH_POSTGRES")" psql "$(sed 's/;/ /g; s/Host=/host=/; s/Username=/user=/; s/Password=[^ ]*//; s/Database=/dbname=/' <<<"$SECONDSOURCE_BENCH_POSTGRES")" -qc "CREATE DATABASE $db" >/dev/null
    extra=(--provider Postgres --connection "$(sed "s/Database=[^;]*/Database=$db/" <<<"$SECONDSOURCE_BENCH_POSTGRES")")
  fi
  ASPNETCORE_ENVIRONMENT=Production dotnet "$APP" --seed-demo --data "$data" --urls "$base" "${extra[@]}" >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
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
  for page in "/" "$revision" "$pack"; do
    for c in $CONNECTIONS; do
      local out; out="$(wrk -t2 -c"$c" -d"${DURATION}s" --latency -H "Cookie: $session" "$base$page")"
      local rps p50 p99 non2xx sock
      rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
      p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"; p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
      non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"; sock="$(awk '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out" | tr -d ',')"
      echo "| ${page%%\?*} | $c | $rps | $p50 | $p99 | $(( ${non2xx:-0} + ${sock:-0} )) |"
    done
  done
  echo
  echo "Resident memory of the app: $((rss_before / 1024)) MiB before, $(( $(ps -o rss= -p $pid) / 1024 )) MiB after."
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
}

run_provider Sqlite
if [[ -n "${SECONDSOURCE_BENCH_POSTGRES:-}" ]]; then run_provider Postgres; fi
