"""The checks after the keys: responsive, terminal restored, server as reported, no crash."""

import os
import time

from soak_emulator import EmulatorError
from soak_user import Stall

# Words a crashing Swift program (or the kernel, through the shell) leaves on stderr.
CRASH_MARKERS = [
    "Fatal error", "fatal error", "Program crashed", "Crash", "Segmentation fault", "Illegal instruction",
    "Trace/breakpoint trap", "Aborted", "Bus error", "Current stack trace", "Thread 0 crashed",
]


class Report:
    def __init__(self):
        self.lines = []
        self.passed = True
        self.server_count = "?"

    def ok(self, text):
        self.lines.append(f"ok:   {text}")

    def fail(self, text):
        self.lines.append(f"FAIL: {text}")
        self.passed = False


def final_checks(user, pane, emulator, ledger, seed, ended_early):
    report = Report()
    if ended_early:
        report.fail(f"the soak stopped early: {ended_early}")
    if user.stalls:
        report.fail(f"{len(user.stalls)} stall(s): a key did not change the screen within the bound")
    check_responsive(user, pane, report)
    check_exit_and_terminal(user, pane, seed, report)
    check_no_crash(pane, emulator, report)
    check_server(emulator, ledger, report)
    return report


def check_responsive(user, pane, report):
    if pane.exit_status() is not None:
        report.fail("the dashboard was no longer running when the soak ended")
        return
    try:
        user.to_list()
        began = time.monotonic()
        user.press("?")
        user.expect(lambda s: s.help_open, "? opens help (final check)", timeout=10)
        opened = time.monotonic() - began
        user.press("Escape")
        user.expect(lambda s: not s.help_open, "Esc closes help (final check)", timeout=10)
        report.ok(f"responsive: ? opened help in {opened:.2f} s and Esc closed it")
    except Stall as stall:
        report.fail(f"not responsive at the end: {stall}")
    began = time.monotonic()
    user.press("q")
    status = pane.wait_for_exit(15)
    if status is None:
        report.fail("q did not end the dashboard within 15 s")
    else:
        report.ok(f"q ended the dashboard in {time.monotonic() - began:.2f} s")


def check_exit_and_terminal(user, pane, seed, report):
    status = pane.exit_status()
    if status is None:
        return
    if status == 0:
        report.ok("exit status 0")
    else:
        report.fail(f"exit status {status}" + (f" (signal {status - 128})" if status > 128 else ""))
    alternate = pane.format("#{alternate_on}")
    cursor = pane.format("#{cursor_flag}")
    if alternate == "0" and cursor == "1":
        report.ok("terminal: alternate screen left, cursor visible")
    else:
        report.fail(f"terminal not restored: alternate_on={alternate} cursor_flag={cursor}")
    before, after = pane.read(pane.stty_before_path), pane.read(pane.stty_after_path)
    if before and before == after:
        report.ok("terminal: stty modes as before")
    else:
        report.fail(f"terminal modes changed: before {before!r}, after {after!r}")
    marker = f"soak-done-{seed}"
    user.type_text(f"echo {marker}")
    user.press("Enter")
    if user.wait(lambda s: any(line.strip() == marker for line in s.lines), 10):
        report.ok("terminal: the shell prompt answers")
    else:
        report.fail("terminal: the shell did not answer an echo within 10 s")


def check_no_crash(pane, emulator, report):
    errors = pane.read(pane.stderr_path) or ""
    found = [marker for marker in CRASH_MARKERS if marker in errors]
    if found:
        report.fail(f"crash in the dashboard's stderr ({', '.join(found)}): {errors[-2000:]}")
    elif errors.strip():
        report.ok(f"no crash; the dashboard's stderr has {len(errors.splitlines())} line(s): {errors[:300]!r}")
    else:
        report.ok("no crash: the dashboard's stderr is empty")
    emulator_errors = emulator.errors()
    if not emulator.is_alive():
        report.fail(f"the emulator died (status {emulator.process.returncode}): {emulator_errors[-2000:]}")
    elif emulator.health() is None:
        report.fail("the emulator is running but /_emulator/health does not answer")
    elif any(marker in emulator_errors for marker in CRASH_MARKERS):
        report.fail(f"crash words in the emulator's stderr: {emulator_errors[-2000:]}")
    else:
        report.ok("the emulator is alive and answers")


def check_server(emulator, ledger, report):
    try:
        endpoints = emulator.list_endpoints()
    except EmulatorError as error:
        report.fail(f"could not list the server's endpoints: {error}")
        return
    report.server_count = len(endpoints)
    problems = ledger.compare(endpoints)
    for problem in problems:
        report.fail(problem)
    if not problems:
        report.ok(
            f"server matches the dashboard's reports: {len(ledger.created)} creates, {len(ledger.deleted)} "
            f"deletes, {len(ledger.renamed)} renames; no duplicate, none lost")


def machine_state():
    """Cores, load and memory, for the figures."""
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    memory = {}
    try:
        with open("/proc/meminfo") as file:
            for line in file:
                key, value = line.split(":", 1)
                memory[key] = int(value.split()[0]) // 1024
    except (OSError, ValueError):
        pass
    return (f"{os.cpu_count()} cores, load average {load}, "
            f"memory {memory.get('MemAvailable', '?')} MiB available of {memory.get('MemTotal', '?')} MiB")
