"""The emulator under the soak: started as `polar-hooks emulator`, asked over HTTP.

The soak's own questions to the API go through the same faults and rate limit as the
dashboard's, so every call here retries within a deadline and says plainly when it gave up.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))

from emulator_process import EmulatorError, EmulatorProcess  # noqa: E402,F401 (EmulatorError is re-exported)

ORGANIZATION_TOKEN = "polar_oat_emulator"


class Emulator(EmulatorProcess):
    """`polar-hooks emulator --port 0 …` as a child process, its output kept in the soak's files."""

    def __init__(self, binary, workdir, arguments):
        super().__init__(
            binary, arguments, timeout=60,
            stdout_path=os.path.join(workdir, "emulator.out"),
            stderr_path=os.path.join(workdir, "emulator.err"))

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
