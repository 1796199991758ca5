#!/usr/bin/env python3
"""Start time of short commands: runs each one N times (after one warm-up run, so the file
cache is warm for all alike) and prints the median, the fastest and the slowest wall time.

    startup.py --runs 20 --label "installed --version" -- /path/polar-hooks --version \
               --label "swift run --version" -- swift run polar-hooks --version

Commands alternate run by run, so a busy moment of the machine falls on all of them alike.
Each runs with stdin from /dev/null and its output discarded; a command that fails stops
the benchmark with its output shown.
"""
import argparse
import statistics
import subprocess
import sys
import time


def parse(argv):
    """--runs N and --cwd DIR first, then one "--label NAME -- COMMAND ..." per command."""
    split = argv.index("--label") if "--label" in argv else len(argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cwd", default=None, help="directory to run the commands in")
    args = parser.parse_args(argv[:split])
    commands = []
    remaining = argv[split:]
    while remaining:
        if len(remaining) < 4 or remaining[0] != "--label" or remaining[2] != "--":
            parser.error("expected --label NAME -- COMMAND ... for each command")
        end = remaining.index("--label", 3) if "--label" in remaining[3:] else len(remaining)
        commands.append((remaining[1], remaining[3:end]))
        remaining = remaining[end:]
    if not commands:
        parser.error("no command given")
    return args, commands


def run_once(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout.decode()}{result.stderr.decode()}")
    return elapsed


def main():
    args, commands = parse(sys.argv[1:])
    times = {label: [] for label, _ in commands}
    for label, command in commands:
        run_once(command, args.cwd)
    for _ in range(args.runs):
        for label, command in commands:
            times[label].append(run_once(command, args.cwd))
    width = max(len(label) for label, _ in commands)
    print(f"{'command':<{width}}  median     fastest    slowest    (runs: {args.runs} each)")
    for label, _ in commands:
        values = times[label]
        print(
            f"{label:<{width}}  {statistics.median(values) * 1000:7.1f} ms {min(values) * 1000:7.1f} ms"
            f" {max(values) * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    main()
