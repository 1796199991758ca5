"""Dashboard figures: bytes per key, bytes per frame, idle output and CPU, time to first frame.

The dashboard runs under a pseudo-terminal (120x40, TERM=xterm-256color); every byte it
writes is read from the master side and counted. A pyte screen follows the output so the
script knows when the list has really been drawn (ncurses sends only changed cells, so a
string need not appear whole in the byte stream).
"""

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import tempfile
import termios
import time

import pyte

from emulator import Emulator

COLUMNS, ROWS = 120, 40
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Dashboard:
    """The dashboard in a pty, with a byte counter and a screen model."""

    def __init__(self, binary, url, token, arguments=()):
        self.config_home = tempfile.TemporaryDirectory(prefix="polar-bench-")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.config_home.name,
            "XDG_CONFIG_HOME": self.config_home.name,
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "POLAR_API_URL": url,
            "POLAR_ACCESS_TOKEN": token,
        }
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execve(binary, [binary, *arguments], env)
        self.pid, self.fd = pid, fd
        self.total = 0
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    def read_for(self, seconds):
        """Reads whatever arrives for `seconds`; returns the byte count."""
        deadline = time.monotonic() + seconds
        count = 0
        while (left := deadline - time.monotonic()) > 0:
            count += self._read_once(left)
        return count

    def read_until_quiet(self, quiet=0.15, limit=10.0):
        """Reads until nothing arrives for `quiet` seconds; returns (bytes, time of last byte)."""
        deadline = time.monotonic() + limit
        count, last = 0, time.monotonic()
        while time.monotonic() < deadline:
            got = self._read_once(quiet)
            if got == 0:
                break
            count += got
            last = time.monotonic()
        return count, last

    def read_until_screen(self, predicate, limit=30.0):
        """Reads until `predicate(rows)` holds; returns (bytes, time it first held)."""
        deadline = time.monotonic() + limit
        count = 0
        while not predicate(self.screen.display):
            if time.monotonic() > deadline:
                raise TimeoutError("the screen never showed what was expected:\n" + "\n".join(self.screen.display))
            count += self._read_once(deadline - time.monotonic())
        return count, time.monotonic()

    def _read_once(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return 0
        self.total += len(data)
        self.stream.feed(data)
        return len(data)

    def send(self, data):
        os.write(self.fd, data)

    def cpu_seconds(self):
        """utime + stime of the dashboard process, in seconds."""
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        # After the ")" the fields start at #3 (state); utime is #14 and stime #15.
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
        self.config_home.cleanup()


def header_shows(count):
    return lambda rows: f"{count} endpoints" in rows[0] and " of " not in rows[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--endpoints", type=int, default=200)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--idle", type=float, default=5.0)
    args = parser.parse_args()

    with Emulator(args.bin, "--no-sample-data", "--seed-endpoints", str(args.endpoints)) as emulator:
        # Background refresh off: these figures are about drawing; scripts/bench.d/live.py
        # measures what watching costs.
        dashboard = Dashboard(args.bin, emulator.url, "polar_oat_emulator", arguments=["--refresh", "0"])
        try:
            _, shown_at = dashboard.read_until_screen(header_shows(args.endpoints))
            dashboard.read_until_quiet(quiet=0.5)
            first_frame_bytes = dashboard.total
            time_to_frame = shown_at - dashboard.started

            # One full repaint (Ctrl-L clears and redraws everything).
            dashboard.send(b"\x0c")
            full_repaint, _ = dashboard.read_until_quiet(quiet=0.3)

            per_press = []
            for _ in range(args.presses):
                dashboard.send(b"j")
                count, _ = dashboard.read_until_quiet(quiet=0.1)
                per_press.append(count)

            # Let any status message time out before measuring idle.
            dashboard.read_until_quiet(quiet=1.0, limit=15.0)
            cpu_before = dashboard.cpu_seconds()
            idle_bytes = dashboard.read_for(args.idle)
            idle_cpu = dashboard.cpu_seconds() - cpu_before
        finally:
            dashboard.stop()

    print(f"terminal                         {COLUMNS}x{ROWS}, TERM=xterm-256color, {args.endpoints} endpoints")
    print(f"time from start to first frame   {time_to_frame * 1000:.0f} ms (header shows '{args.endpoints} endpoints')")
    print(f"bytes until first frame settled  {first_frame_bytes} (setup sequences, loading frames, the list)")
    print(f"bytes of a full repaint (Ctrl-L) {full_repaint}")
    print(
        f"bytes per j (median of {args.presses})       {statistics.median(per_press):.0f}"
        f"  (min {min(per_press)}, max {max(per_press)})"
    )
    print(f"bytes while idle for {args.idle:.0f} s         {idle_bytes}  (goal 0)")
    print(f"CPU while idle for {args.idle:.0f} s           {idle_cpu * 1000:.0f} ms  (goal <= 50 ms; clock tick {1000 / CLOCK_TICKS:.0f} ms)")


if __name__ == "__main__":
    main()
