"""The emulator under the soak: started as `polar-hooks emulator`, asked over HTTP.

The soak's own questions to the API go through the same faults and rate limit as the
dashboard's, so every call here retries within a deadline and says plainly when it gave up.
"""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request

ORGANIZATION_TOKEN = "polar_oat_emulator"
LISTENING_PREFIX = "Polar emulator listening on "


class EmulatorError(Exception):
    pass


class Emulator:
    """`polar-hooks emulator --port 0 …` as a child process, its output in files."""

    def __init__(self, binary, workdir, arguments):
        self.stdout_path = os.path.join(workdir, "emulator.out")
        self.stderr_path = os.path.join(workdir, "emulator.err")
        self.command = [binary, "emulator", "--port", "0"] + arguments
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(
                self.command, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        self.url = self._wait_for_url(timeout=60)

    def _wait_for_url(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(self.stdout_path, encoding="utf-8", errors="replace") as file:
                text = file.read()
            if "\n" in text:
                first = text.split("\n", 1)[0]
                if not first.startswith(LISTENING_PREFIX):
                    self.stop()
                    raise EmulatorError(f"the emulator's first line is not '{LISTENING_PREFIX}…': {first}")
                return first[len(LISTENING_PREFIX):].strip()
            if self.process.poll() is not None:
                raise EmulatorError(f"the emulator exited ({self.process.returncode}): {self.errors()}")
            time.sleep(0.05)
        self.stop()
        raise EmulatorError(f"the emulator printed no URL within {timeout} s")

    def errors(self):
        with open(self.stderr_path, encoding="utf-8", errors="replace") as file:
            return file.read()

    def is_alive(self):
        return self.process.poll() is None

    def health(self, timeout=10):
        """`GET /_emulator/health` (no token, no faults): a dict, or None when it does not answer."""
        try:
            with urllib.request.urlopen(self.url + "/_emulator/health", timeout=timeout) as response:
                return json.loads(response.read())
        except (OSError, ValueError):
            return None

    def list_endpoints(self, token=ORGANIZATION_TOKEN, deadline_seconds=300):
        """Every endpoint the token sees, page by page, retrying faults and 429s until the deadline."""
        deadline = time.monotonic() + deadline_seconds
        items, page = [], 1
        while True:
            body = self._get_json(f"/v1/webhooks/endpoints?limit=100&page={page}", token, deadline)
            items += body["items"]
            max_page = body["pagination"]["max_page"]
            # A bound of our own too: the emulator is ours, but a loop over network data has one.
            if page >= max_page or not body["items"] or page >= 1000:
                return items
            page += 1

    def _get_json(self, path, token, deadline):
        last_problem = "no attempt"
        while time.monotonic() < deadline:
            request = urllib.request.Request(self.url + path, headers={"Authorization": f"Bearer {token}"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return json.loads(response.read())
            except urllib.error.HTTPError as error:
                last_problem = f"HTTP {error.code}"
                if error.code == 429:
                    wait = int(error.headers.get("retry-after") or 1)
                    time.sleep(min(max(wait, 1), 61, max(0.0, deadline - time.monotonic())))
                    continue
                if error.code >= 500:
                    time.sleep(0.3)
                    continue
                raise EmulatorError(f"GET {path} answered {error.code}: {error.read()[:300]!r}")
            except (OSError, ValueError) as error:
                # A dropped connection (one of the injected faults), or a reset.
                last_problem = str(error)
                time.sleep(0.3)
        raise EmulatorError(f"GET {path} did not succeed before the deadline (last: {last_problem})")

    def stop(self):
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
