"""The benchmarks' emulator: `polar-hooks emulator --port 0` through scripts/lib."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))

from emulator_process import EmulatorProcess  # noqa: E402


class Emulator(EmulatorProcess):
    """`Emulator(binary, "--seed-endpoints", "50")`: started, with its base URL in `url`."""

    def __init__(self, binary, *arguments, timeout=30.0):
        super().__init__(binary, arguments, timeout=timeout)
