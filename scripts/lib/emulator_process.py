"""`polar-hooks emulator --port 0` as a child process: started, its URL read, stopped.

The one way the contract tests, the benchmarks and the soak start an emulator. It needs only
the standard library, so each of them can import it from its own environment.
"""

import os
import queue
import re
import subprocess
import tempfile
import threading

READY_LINE = re.compile(r"^Polar emulator listening on (http://\S+?)/?$")


class EmulatorError(RuntimeError):
    """The emulator did not start, or an exchange with it failed; the message says how."""


class EmulatorProcess:
    """A running emulator. `url` is its base URL; `stop()` ends it (also on `with` exit).

    stdout is read by a thread from the start, so a chatty emulator never blocks on a full pipe;
    with `stdout_path` every line is kept in that file too. stderr goes to `stderr_path`, or to
    an unnamed temporary file, and `errors()` reads it back.
    """

    def __init__(self, binary, arguments=(), *, timeout=30.0, stdout_path=None, stderr_path=None):
        self.command = [str(binary), "emulator", "--port", "0", *arguments]
        self._stdout_path = stdout_path
        self._stderr = open(stderr_path, "w+b") if stderr_path else tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            self.command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr)
        self.url = self._read_url(timeout)

    def _read_url(self, timeout):
        first_line = queue.Queue()
        threading.Thread(target=self._pump, args=(first_line,), daemon=True).start()
        try:
            first = first_line.get(timeout=timeout)
        except queue.Empty:
            self.stop()
            raise EmulatorError(f"the emulator printed nothing within {timeout:.0f} s") from None
        text = (first or b"").decode("utf-8", errors="replace").rstrip("\n")
        match = READY_LINE.match(text)
        if match is None:
            self.stop()
            status = "" if first else f" (it exited with status {self.process.returncode})"
            raise EmulatorError(
                f"the emulator's first line is not 'Polar emulator listening on …': {text!r}{status}; "
                f"stderr: {self.errors()[-2000:]!r}")
        return match.group(1)

    def _pump(self, first_line):
        sink = open(self._stdout_path, "ab") if self._stdout_path else None
        waiting = True
        for line in self.process.stdout:
            if sink:
                sink.write(line)
                sink.flush()
            if waiting:
                first_line.put(line)
                waiting = False
        if waiting:
            first_line.put(None)
        if sink:
            sink.close()

    def errors(self):
        """What the emulator wrote to stderr so far."""
        # pread, not seek: the child shares this file's offset, and moving it would make the
        # child write over what it wrote before.
        descriptor = self._stderr.fileno()
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode("utf-8", errors="replace")

    def is_alive(self):
        return self.process.poll() is None

    def stop(self, grace=10):
        """SIGTERM, then SIGKILL if it has not ended within `grace` seconds."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=grace)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
