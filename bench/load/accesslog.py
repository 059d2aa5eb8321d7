#!/usr/bin/env python3
"""What the access log page costs a person on a long log (issue 24, ADR 0018), one request at a time.

Starts the web app on an existing data folder (a scaled installation from `bench -- scale`, whose credentials.txt signs
in), signs in as the buyer's administrator and the second line's member, and times, each RUNS (5) times, median:
  first   the page's first showing in the process (the full check of the chain)
  after   the page right after the member's package view added an entry (every new entry)
  deep    a page far back in the log (entry 1,000 from the start: page=N on builds before ADR 0018, next= after)

    DATA=/work/scale/sqlite-100 bench/load/accesslog.py
    DATA=… APP=/path/to/an/older/build/SecondSource.Web.dll bench/load/accesslog.py
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import pages  # noqa: E402  (the load script's app start, sign-in and addresses)

RUNS = int(os.environ.get("RUNS", "5"))


def timed(opener, path):
    start = time.perf_counter()
    body = opener.open(pages.BASE + path).read().decode(errors="replace")
    return (time.perf_counter() - start) * 1000.0, body


def main():
    data = pages.DATA or sys.exit("DATA=an existing data folder (bench -- scale) is required")
    text = open(os.path.join(data, "credentials.txt")).read()
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", RateLimits__SignInPerMinute="10000", Scheduling__Enabled="false")
    log = open(os.path.join(tempfile.mkdtemp(prefix="ss-accesslog-"), "app.log"), "w+")
    app = subprocess.Popen(["dotnet", pages.APP, "--data", data, "--urls", pages.BASE], cwd=os.path.join(pages.ROOT, "src", "SecondSource.Web"),
                           stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        for _ in range(240):
            log.seek(0)
            if "Now listening" in log.read():
                break
            time.sleep(1)

        def password(email):
            return re.search(rf"{re.escape(email)}\s+(\S+)\s*$", text, re.M).group(1)

        admin, _ = pages.sign_in(pages.ROLES["admin"], password(pages.ROLES["admin"]))
        member, _ = pages.sign_in(pages.ROLES["second-line member"], password(pages.ROLES["second-line member"]))
        # The member's package of the demo product (the first product link of its vault page).
        vault = member.open(pages.BASE + "/Vault").read().decode(errors="replace")
        granted = re.search(r'href="(/Vault/Granted\?product=[^"]+)"', vault).group(1)
        first, body = timed(admin, "/Admin/AccessLog")
        newer_build = "log-next" in body or "next=" in body
        size = int(re.search(r"([\d,]+) entries", body).group(1).replace(",", "")) if re.search(r"([\d,]+) entries", body) else 0
        after, deep = [], []
        for _ in range(RUNS):
            member.open(pages.BASE + granted).read()  # a logged view: one new entry
            after.append(timed(admin, "/Admin/AccessLog")[0])
            target = f"/Admin/AccessLog?next={size - 1000 * 100}" if newer_build else f"/Admin/AccessLog?page={1000}"
            deep.append(timed(admin, target)[0])
        print(f"| {os.path.basename(pages.APP)} ({'cursor' if newer_build else 'page numbers'}) | {first:,.0f} ms | {statistics.median(after):,.0f} ms | {statistics.median(deep):,.0f} ms |")
    finally:
        app.terminate()
        app.wait()


if __name__ == "__main__":
    main()
