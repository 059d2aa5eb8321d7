#!/usr/bin/env python3
"""Every page of every role under load (issue 24).

Starts the web app in Release on the demo (SQLite, a fresh data folder), signs in as each demo role, crawls every
same-site link from the home page the way EveryPageTests does (one address per page type: the path, plus the page
handler when there is one), warms every page up (WARMUP seconds each, so that no page carries the JIT's tiers), then
drives each page with wrk at CONNECTIONS (32) for DURATION (5) seconds after another warm-up, and prints one markdown
table per role: requests/s, p50, p99, errors; a page whose p99 exceeds 50 ms is marked SLOW. Needs wrk (Debian
package) and a built Release app:

    dotnet build -c Release src/SecondSource.Web && bench/load/pages.py
    ROLES=admin DURATION=10 bench/load/pages.py
    APP=/path/to/an/older/build/SecondSource.Web.dll ONLY='^/health$' bench/load/pages.py     # the same pages on another build
    DATA=/work/scale/sqlite-100 bench/load/pages.py     # a scaled installation (bench -- scale): its credentials.txt signs in
    APP_ARGS="--Database:Provider Postgres --ConnectionStrings:SecondSource Host=…;Database=…" bench/load/pages.py   # on PostgreSQL

Only GET pages that answer HTML are driven (downloads and PDF packs are other work, measured in docs/performance.md).
Then the API ("api" in ROLES, there by default): as each station key the sign-ins list, every GET endpoint of /api/v1
with addresses found through the API itself (the key's identity, the product's BOM revisions and their diff, the vault
package and a revision's content, the firmware releases) and the device CA's certificate and CRL the admin's crawl
found. On a scaled installation the API reads the preferred product (its code ends PREFER), the vault the demo's.
"""

import html
import http.cookiejar
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APP = os.environ.get("APP") or os.path.join(ROOT, "artifacts", "bin", "SecondSource.Web", "release", "SecondSource.Web.dll")
ONLY = re.compile(os.environ.get("ONLY", ""))  # drive only the page types this matches (e.g. ONLY='^/health$')
PORT = int(os.environ.get("PORT", "5188"))
BASE = f"http://127.0.0.1:{PORT}"
DURATION = int(os.environ.get("DURATION", "5"))
WARMUP = int(os.environ.get("WARMUP", "2"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "32"))
DATA = os.environ.get("DATA")  # an existing data folder (a scaled installation) instead of a fresh demo
APP_ARGS = shlex.split(os.environ.get("APP_ARGS", ""))  # more settings for the app (the database provider and connection)
# Of several addresses of one page type, drive the one that names these records (ids or codes, a regex): on a scaled
# installation, its first generated program rather than the demo's (the generator writes them to DATA/prefer.txt).
_prefer = os.environ.get("PREFER") or (open(os.path.join(DATA, "prefer.txt")).read().strip() if DATA and os.path.exists(os.path.join(DATA, "prefer.txt")) else "")
PREFER = re.compile(_prefer, re.I) if _prefer else None
SLOW_MS = 50.0
API_LINKS = set()  # the anonymous CA addresses the crawl saw (the pages link them)
ROLES = {
    "admin": "admin@aurora-medical.example",
    "engineer": "engineer@aurora-medical.example",
    "viewer": "viewer@aurora-medical.example",
    "primary member": "member@pearlriver-ems.example",
    "second-line member": "member@vistula-ems.example",
}
# Links that act rather than show, or leave the HTML pages.
SKIP = re.compile(r"^/(Account/Logout|api/|Vault/Download|Vault/Link)|handler=(Pdf|Csv|Download|Checkpoint)|/Download\b", re.I)


def page_type(url):
    parts = urllib.parse.urlsplit(url)
    handler = urllib.parse.parse_qs(parts.query).get("handler", [""])[0]
    return (parts.path.rstrip("/").lower() or "/") + ("?handler=" + handler.lower() if handler else "")


def sign_in(email, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(BASE + "/Account/Login").read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"Email": email, "Password": password, "__RequestVerificationToken": token}).encode()
    opener.open(BASE + "/Account/Login", data)
    session = next(c for c in jar if c.name == "SecondSource.Session")
    return opener, f"{session.name}={session.value}"


def preferred(url):
    return PREFER is not None and PREFER.search(url) is not None


def crawl(opener, limit=400):
    seen, pages, queue = set(), {}, ["/"]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        kind = page_type(url)
        # A page type is visited once, or once more for an address that names the preferred records.
        if kind in seen and not (preferred(url) and kind in pages and not preferred(pages[kind])):
            continue
        seen.add(kind)
        try:
            response = opener.open(BASE + url)
        except Exception:  # a 404 or 403 link is the crawl tests' business, not the load test's
            continue
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        pages[kind] = url
        for href in re.findall(r'href="(/[^"#]*)"', response.read().decode(errors="replace")):
            href = html.unescape(href)
            if href.startswith("/api/v1/provisioning/cas/"):
                API_LINKS.add(href)
            if not SKIP.search(href) and (page_type(href) not in seen or preferred(href)):
                queue.append(href)
    return pages


def wrk(url, cookie, seconds, header=None):
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-H", header or f"Cookie: {cookie}", BASE + url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def ms(label):
        found = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if found is None or rps == 0:
            # Not one request answered within the run: slower than the run itself.
            return seconds * 1000.0
        value, unit = found.groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return rps, ms("50%"), ms("99%"), errors


def api_get(key, url):
    request = urllib.request.Request(BASE + url, headers={"X-Api-Key": key})
    return json.load(urllib.request.urlopen(request))


def api_addresses(key, product):
    """The GET endpoints of the API for one station key, their ids found through the API itself."""
    urls = ["/api/v1/me", f"/api/v1/boms/products/{product}/revisions", "/api/v1/vault/products/AUR-VSM200/package", "/api/v1/firmware/releases"]
    revisions = api_get(key, urls[1])
    if len(revisions) >= 2:
        urls.append(f"/api/v1/boms/products/{product}/diff?before={revisions[1]['id']}&after={revisions[0]['id']}")
    package = api_get(key, urls[2])
    if package:
        urls.append(f"/api/v1/vault/revisions/{package[0]['revisionId']}/content")
    return urls + sorted(API_LINKS)


def kind_of(url):
    return "GET " + re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "{id}", url.split("?")[0])


def drive_api(text, slow):
    keys = re.findall(r"^\s*API key\s+Machine\s+(.+?)\s{2,}(.+?)\s{2,}(ssk_\S+)\s*$", text, re.M)
    product = _prefer.split("|")[-1] if _prefer else "AUR-VSM200"
    for party, name, key in keys:
        print(f"\n### API, station key of {party} ({name}): {CONNECTIONS} connections, {DURATION} s each\n")
        print("| endpoint | requests/s | p50 ms | p99 ms | errors |")
        print("|---|---:|---:|---:|---:|")
        urls = [u for u in api_addresses(key, product) if ONLY.search(kind_of(u))]
        for url in urls:
            wrk(url, None, WARMUP, header=f"X-Api-Key: {key}")
        for url in urls:
            kind = kind_of(url)
            wrk(url, None, WARMUP, header=f"X-Api-Key: {key}")
            rps, p50, p99, errors = wrk(url, None, DURATION, header=f"X-Api-Key: {key}")
            mark = " **SLOW**" if p99 > SLOW_MS else ""
            if mark:
                slow.append((f"API ({name})", kind, p99))
            print(f"| {kind}{mark} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {errors} |", flush=True)


def main():
    if not os.path.exists(APP):
        sys.exit(f"{APP} is missing: dotnet build -c Release src/SecondSource.Web")
    data = DATA or tempfile.mkdtemp(prefix="ss-pages-")
    log = open(os.path.join(tempfile.mkdtemp(prefix="ss-pages-log-"), "app.log"), "w+")
    # The sign-in and per-key rate limits are raised for the run: it measures the pages and the API, not the limiters.
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", RateLimits__SignInPerMinute="10000", RateLimits__ApiKeyPerMinute="100000000", Scheduling__Enabled="false")
    app = subprocess.Popen(["dotnet", APP, *([] if DATA else ["--seed-demo"]), "--data", data, "--urls", BASE, *APP_ARGS], cwd=os.path.join(ROOT, "src", "SecondSource.Web"),
                           stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        for _ in range(240):
            log.seek(0)
            text = log.read()
            if "Now listening" in text:
                break
            time.sleep(1)
        if DATA:
            text = open(os.path.join(DATA, "credentials.txt")).read()
        wanted = [r.strip() for r in os.environ.get("ROLES", ",".join([*ROLES, "api"])).split(",")]
        slow = []
        for role in [r for r in wanted if r != "api"]:
            email = ROLES[role]
            password = re.search(rf"{re.escape(email)}\s+(\S+)\s*$", text, re.M).group(1)
            opener, cookie = sign_in(email, password)
            pages = crawl(opener)
            print(f"\n### {role}: {len(pages)} page types, {CONNECTIONS} connections, {DURATION} s each\n")
            print("| page | requests/s | p50 ms | p99 ms | errors |")
            print("|---|---:|---:|---:|---:|")
            driven = sorted((k, u) for k, u in pages.items() if ONLY.search(k))
            # Every page is warmed up before any is measured: the first pages would otherwise carry the JIT's tiers.
            for kind, url in driven:
                wrk(url, cookie, WARMUP)
            for kind, url in driven:
                wrk(url, cookie, WARMUP)
                rps, p50, p99, errors = wrk(url, cookie, DURATION)
                mark = " **SLOW**" if p99 > SLOW_MS else ""
                if mark:
                    slow.append((role, kind, p99))
                print(f"| {kind}{mark} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {errors} |", flush=True)
        if "api" in wanted:
            drive_api(text, slow)
        print(f"\nPages and endpoints above {SLOW_MS:.0f} ms p99: {len(slow)}")
        for role, kind, p99 in slow:
            print(f"- {role}: {kind} {p99:.0f} ms")
    finally:
        app.terminate()
        app.wait()


if __name__ == "__main__":
    main()
