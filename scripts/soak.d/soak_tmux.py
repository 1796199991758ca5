"""The dashboard in a tmux pane on a private tmux server (`tmux -L`), as the end-to-end tests do.

The pane runs a small `sh` around the program: it records `stty -g` before and after and the
exit status, then becomes an interactive shell. So after `q` the soak can ask the pane whether
the terminal came back: alternate screen left, cursor shown, modes restored, a prompt answering.
"""

import os
import shlex
import subprocess
import tempfile
import time


class TmuxError(Exception):
    pass


class Pane:
    def __init__(self, workdir, program, environment, width=120, height=40):
        self.workdir = workdir
        self.socket = f"polar-soak-{os.getpid()}-{os.path.basename(workdir)}"
        self.target = "soak"
        self.status_path = os.path.join(workdir, "dashboard.status")
        self.stderr_path = os.path.join(workdir, "dashboard.err")
        self.stty_before_path = os.path.join(workdir, "stty.before")
        self.stty_after_path = os.path.join(workdir, "stty.after")
        config = os.path.join(workdir, "tmux.conf")
        with open(config, "w") as file:
            file.write(
                "set -g status off\n"
                "set -g remain-on-exit on\n"
                "set -g history-limit 0\n"
                "set -g default-terminal screen-256color\n"
            )
        pending = shlex.quote(self.status_path + ".pending")
        wrapper = "; ".join(
            [
                f"stty -g > {shlex.quote(self.stty_before_path)}",
                " ".join(shlex.quote(word) for word in program) + f" 2> {shlex.quote(self.stderr_path)}",
                f"echo $? > {pending}",
                f"stty -g > {shlex.quote(self.stty_after_path)}",
                # Renamed last: a status on disk means everything before it is written.
                f"mv {pending} {shlex.quote(self.status_path)}",
                "PS1='soak$ ' exec sh -i",
            ]
        )
        # tmux hands its own environment to the pane: give it only what the dashboard should see.
        self.environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": workdir,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        if "TMUX_TMPDIR" in os.environ:
            self.environment["TMUX_TMPDIR"] = os.environ["TMUX_TMPDIR"]
        self.environment.update(environment)
        self._tmux(
            ["-f", config, "new-session", "-d", "-s", self.target, "-x", str(width), "-y", str(height),
             "sh -c " + shlex.quote(wrapper)],
            detached_server=True,
        )

    def _tmux(self, arguments, detached_server=False):
        # Output into files, not pipes: the server that new-session forks keeps inherited pipes
        # open for its whole life, and reading them to the end would never finish.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            result = subprocess.run(
                ["tmux", "-L", self.socket] + arguments, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                env=self.environment, timeout=30,
            )
            out.seek(0)
            err.seek(0)
            output = out.read().decode("utf-8", "replace")
            errors = err.read().decode("utf-8", "replace")
        if result.returncode != 0:
            raise TmuxError(f"tmux {' '.join(arguments[:2])} failed ({result.returncode}): {errors.strip()}")
        return output

    def send(self, *keys):
        """tmux key names (`C-s`, `Tab`, `Enter`, `Escape`, `j`…), one per argument."""
        self._tmux(["send-keys", "-t", self.target, "--"] + list(keys))

    def type(self, text):
        """Literal text, as typed."""
        self._tmux(["send-keys", "-t", self.target, "-l", "--", text])

    def capture(self):
        return self._tmux(["capture-pane", "-p", "-t", self.target])

    def resize(self, width, height):
        self._tmux(["resize-window", "-t", self.target, "-x", str(width), "-y", str(height)])

    def format(self, text):
        return self._tmux(["display-message", "-p", "-t", self.target, text]).strip()

    def exit_status(self):
        """The dashboard's exit status once it has exited, else None."""
        try:
            with open(self.status_path) as file:
                return int(file.read().strip())
        except (OSError, ValueError):
            return None

    def wait_for_exit(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.exit_status()
            if status is not None:
                return status
            time.sleep(0.05)
        return None

    def read(self, path):
        try:
            with open(path, encoding="utf-8", errors="replace") as file:
                return file.read()
        except OSError:
            return None

    def close(self):
        try:
            self._tmux(["kill-server"])
        except (TmuxError, subprocess.TimeoutExpired):
            pass
        # tmux leaves its socket file behind when the server is killed.
        directory = self.environment.get("TMUX_TMPDIR", "/tmp")
        try:
            os.remove(os.path.join(directory, f"tmux-{os.getuid()}", self.socket))
        except OSError:
            pass
