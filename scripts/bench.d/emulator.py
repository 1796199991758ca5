"""Start `polar-hooks emulator --port 0` and read its URL from the first stdout line."""

import subprocess
import tempfile
import time

PREFIX = "Polar emulator listening on "


class Emulator:
    def __init__(self, binary, *arguments, timeout=30.0):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [binary, "emulator", "--port", "0", *arguments],
            stdout=subprocess.PIPE,
            stderr=self.log,
            stdin=subprocess.DEVNULL,
        )
        # readline blocks until the line is there; the deadline covers a silent crash.
        deadline = time.monotonic() + timeout
        line = self.process.stdout.readline().decode()
        if not line.startswith(PREFIX) or time.monotonic() > deadline:
            self.stop()
            self.log.seek(0)
            raise RuntimeError(f"emulator did not start: {line!r} {self.log.read().decode()!r}")
        self.url = line[len(PREFIX):].strip()
        # Keep draining stdout so a chatty emulator never blocks on a full pipe.
        import threading

        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for _ in self.process.stdout:
            pass

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
