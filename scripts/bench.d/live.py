"""Background refresh figures: requests a minute it spends, and what an idle, live dashboard
costs the terminal and the processor.

For 5, 50 and 500 endpoints (an emulator with no traffic, so nothing new ever happens), the
dashboard runs in a 120x40 pty with the default refresh (every 15 s, a budget of 20 requests
a minute). The emulator's health route counts every /v1 request; after the first load and a
settling period, the requests of one minute are background refresh alone. The same minute's
terminal bytes and CPU time are the price of watching.

Settling means: every endpoint row on screen shows its first health reading (`idle` here, as
nothing was ever delivered), then one more refresh interval. Rows below the screen keep being
read in the window (N/budget minutes for all N), but a reading that changes nothing on screen
writes nothing, which is what the byte figure is meant to show.
"""

import argparse
import json
import time
import urllib.request

from dashboard import COLUMNS, ROWS, Dashboard, header_shows
from emulator import Emulator


def requests_served(url):
    with urllib.request.urlopen(url + "/_emulator/health", timeout=10) as answer:
        return json.load(answer)["requests"]


def every_row_has_health(rows):
    """True when no endpoint row on screen still shows `…` (no reading yet) for its health."""
    endpoint_rows = [row for row in rows[1:-1] if "Seeded endpoint" in row]
    return bool(endpoint_rows) and not any("…" in row for row in endpoint_rows)


def measure(binary, endpoints, settle, window, refresh, budget):
    with Emulator(binary, "--no-sample-data", "--seed-endpoints", str(endpoints)) as emulator:
        arguments = ["--refresh", str(refresh), "--refresh-budget", str(budget)]
        dashboard = Dashboard(binary, emulator.url, "polar_oat_emulator", arguments=arguments)
        try:
            dashboard.read_until_screen(header_shows(endpoints), limit=60.0)
            # The rows on screen get their first reading first (the budget's round-robin starts
            # at the top); at 20 requests a minute, 30 rows take about two minutes.
            limit = 60.0 + 60.0 * min(endpoints, ROWS) / budget * 2
            _, filled = dashboard.read_until_screen(every_row_has_health, limit=limit)
            print(f"  {endpoints} endpoints: rows on screen read {filled - dashboard.started:.0f} s after start")
            dashboard.read_for(settle)
            requests_before = requests_served(emulator.url)
            cpu_before = dashboard.cpu_seconds()
            started = time.monotonic()
            written = dashboard.read_for(window)
            elapsed = time.monotonic() - started
            cpu = dashboard.cpu_seconds() - cpu_before
            requests = requests_served(emulator.url) - requests_before
        finally:
            dashboard.stop()
    per_minute = 60 / elapsed
    return requests * per_minute, written * per_minute, cpu / elapsed * 100


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--counts", default="5,50,500")
    parser.add_argument("--settle", type=float, default=15.0)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--refresh", type=float, default=15.0)
    parser.add_argument("--budget", type=int, default=20)
    args = parser.parse_args()

    print(
        f"terminal {COLUMNS}x{ROWS}; --refresh {args.refresh:g} --refresh-budget {args.budget}; "
        f"every row on screen read, then {args.settle:.0f} s more, then a {args.window:.0f} s window; no traffic (nothing new)"
    )
    print(f"{'endpoints':>9}  {'requests/min':>12}  {'terminal bytes/min':>18}  {'CPU % of a core':>15}")
    for count in (int(part) for part in args.counts.split(",")):
        requests, written, cpu = measure(args.bin, count, args.settle, args.window, args.refresh, args.budget)
        print(f"{count:>9}  {requests:>12.1f}  {written:>18.0f}  {cpu:>15.2f}")
    print(f"goals: requests/min <= {args.budget} (the budget); bytes/min <= 200; CPU <= 1 %")


if __name__ == "__main__":
    main()
