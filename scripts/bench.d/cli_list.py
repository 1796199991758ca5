"""CLI figures: `polar-hooks endpoints list --json` against the official Python SDK.

Both list every endpoint of the same emulator (seeded with --seed-endpoints N, no sample
data). Wall time is the whole process, start to exit, median of --runs; our peak memory is
the maximum resident set size reported by /usr/bin/time -v.
"""

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from emulator import Emulator

TOKEN = "polar_oat_emulator"
HERE = os.path.dirname(os.path.abspath(__file__))


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, env, cpu=None):
    """Runs `command`; returns (seconds, stdout). Appends its CPU seconds to `cpu` if given."""
    cpu_before = children_cpu()
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, check=True)
    elapsed = time.monotonic() - started
    if cpu is not None:
        cpu.append(children_cpu() - cpu_before)
    return elapsed, result.stdout


def max_rss_kb(command, env):
    result = subprocess.run(["/usr/bin/time", "-v", *command], env=env, capture_output=True, check=True)
    match = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    if not match:
        sys.exit("could not read the maximum resident set size from /usr/bin/time -v")
    return int(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--sdk-python", required=True)
    parser.add_argument("--endpoints", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="polar-bench-") as config_home, Emulator(
        args.bin, "--no-sample-data", "--seed-endpoints", str(args.endpoints)
    ) as emulator:
        env = dict(os.environ, XDG_CONFIG_HOME=config_home, POLAR_API_URL=emulator.url, POLAR_ACCESS_TOKEN=TOKEN)
        ours = [args.bin, "endpoints", "list", "--json"]
        sdk = [args.sdk_python, os.path.join(HERE, "sdk_list.py"), emulator.url, TOKEN]

        # One warm-up run of each, which also checks that both saw every endpoint.
        _, output = timed(ours, env)
        ours_count = len(json.loads(output))
        _, output = timed(sdk, env)
        sdk_count = int(output.split()[0])
        if ours_count != args.endpoints or sdk_count != args.endpoints:
            sys.exit(f"expected {args.endpoints} endpoints, got ours={ours_count} sdk={sdk_count}")

        # Alternate the two so neither gets a warmer machine.
        ours_times, sdk_times, sdk_loop_times, ours_cpu, sdk_cpu = [], [], [], [], []
        for _ in range(args.runs):
            seconds, _ = timed(ours, env, ours_cpu)
            ours_times.append(seconds)
            seconds, output = timed(sdk, env, sdk_cpu)
            sdk_times.append(seconds)
            sdk_loop_times.append(float(output.split()[1]))
        rss = max_rss_kb(ours, env)

    ours_median = statistics.median(ours_times)
    sdk_median = statistics.median(sdk_times)
    print(f"endpoints listed                 {args.endpoints} (both saw all of them)")
    print(f"polar-hooks endpoints list --json {ours_median * 1000:.0f} ms median of {args.runs}"
          f"  (runs: {', '.join(f'{t * 1000:.0f}' for t in ours_times)})")
    print(f"polar-sdk 1.0.2 iter_list_webhook_endpoints(limit=100) {sdk_median * 1000:.0f} ms median of {args.runs}"
          f"  (of which iterating {statistics.median(sdk_loop_times) * 1000:.0f} ms; the rest is Python start-up and imports)")
    print(f"ratio ours / SDK                 {ours_median / sdk_median:.2f}  (goal <= 0.25)")
    print(f"CPU (user+sys) median            ours {statistics.median(ours_cpu) * 1000:.0f} ms,"
          f" SDK {statistics.median(sdk_cpu) * 1000:.0f} ms (the emulator's own CPU not counted)")
    print(f"peak memory of ours (max RSS)    {rss / 1024:.1f} MB  (goal <= 60 MB)")


if __name__ == "__main__":
    main()
