"""A random user of the dashboard, weighted toward real use, who keeps a ledger of what the
dashboard reported as done.

Every choice comes from one seeded `random.Random`. Text is typed only after the screen shows
that a text field has the focus, so a letter can never land on the list as a command. A save
or a delete is never cancelled in flight: each one ends in a report (done or failed) before
the next key, which is what makes the ledger exact. Before a tracked change the user waits for
the status line to be empty, so no other request's message can be mistaken for its outcome.
"""

import os
import re
import time

from soak_screen import Screen

# A screen change caused by a key alone (no network) must show within this; longer is a stall.
STALL_SECONDS = 20
# A save, delete or toggle must end, done or failed, within this (retries and Retry-After included).
OUTCOME_SECONDS = 180
POLL_SECONDS = 0.04

USABLE_SIZES = [(120, 40)] * 4 + [(100, 30), (80, 24), (140, 45), (90, 28), (60, 15), (160, 50)]
TOO_SMALL_SIZES = [(50, 12), (80, 14), (59, 24)]

# How often each action is picked from the endpoint list.
ACTIONS = {
    "navigate": 24,
    "move_focus": 5,
    "create": 13,
    "edit": 7,
    "delete": 6,
    "toggle": 3,
    "reset_secret": 1,
    "secret_keys": 2,
    "filter": 5,
    "reload": 4,
    "impatient_reload": 1,
    "help": 4,
    "deliveries": 9,
    "resize": 3,
    "redraw": 1,
    "organization": 1,
    "stray_key": 1,
}


def says(status, words):
    """Whether the status line shows `words`, also when a narrow window cut the line short
    (with "…") somewhere after the words began."""
    if words in status:
        return True
    if not status.endswith("…"):
        return False
    head = status[:-1]
    for start in range(len(head)):
        tail = head[start:]
        if len(tail) >= 12 and words.startswith(tail):
            return True
    return False


class Stall(Exception):
    """The dashboard did not show what a key should have shown within STALL_SECONDS."""


class RandomUser:
    def __init__(self, pane, rng, ledger, seed, workdir, log):
        self.pane = pane
        self.rng = rng
        self.ledger = ledger
        self.seed = seed
        self.workdir = workdir
        self.log = log
        self.keys_sent = 0
        self.actions = {}
        self.stalls = []
        self.notes = []
        self.creates_started = 0
        self.renames_started = 0
        self.size = (120, 40)
        self.maybe_busy = True  # the first load is in flight at the start
        self.slowest_local = 0.0  # seconds from a key to its screen, for keys that need no network
        self.started = time.monotonic()

    # -- keys and screens -------------------------------------------------------------------

    def elapsed(self):
        return time.monotonic() - self.started

    def write_log(self, text):
        self.log.write(f"{self.elapsed():9.3f} {text}\n")

    def press(self, *keys):
        for key in keys:
            self.pane.send(key)
            self.keys_sent += 1
            self.write_log(f"key {key}")
            time.sleep(self.rng.uniform(0.02, 0.09))

    def type_text(self, text):
        """Types `text` a few characters at a time, as fast typing arrives."""
        position = 0
        while position < len(text):
            chunk = text[position:position + self.rng.randint(1, 3)]
            self.pane.type(chunk)
            self.keys_sent += len(chunk)
            self.write_log(f"type {chunk!r}")
            position += len(chunk)
            time.sleep(self.rng.uniform(0.01, 0.05))

    def screen(self):
        return Screen(self.pane.capture())

    def wait(self, condition, timeout):
        """The first screen for which `condition` holds, or None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if condition(screen):
                return screen
            if time.monotonic() >= deadline:
                return None
            time.sleep(POLL_SECONDS)

    def expect(self, condition, what, timeout=STALL_SECONDS):
        """Waits for a screen that a key alone should bring; a stall is recorded and raised."""
        began = time.monotonic()
        screen = self.wait(condition, timeout)
        if screen is None:
            self.record_stall(what)
            raise Stall(what)
        self.slowest_local = max(self.slowest_local, time.monotonic() - began)
        return screen

    def record_stall(self, what):
        path = os.path.join(self.workdir, f"stall-{len(self.stalls) + 1}.txt")
        with open(path, "w") as file:
            file.write(self.pane.capture())
        self.stalls.append(f"{self.elapsed():.1f} s: {what} (screen in {path})")
        self.write_log(f"STALL {what}")

    def note(self, text):
        self.notes.append(f"{self.elapsed():.1f} s: {text}")
        self.write_log(f"NOTE {text}")

    # -- getting back to the list -----------------------------------------------------------

    def to_list(self, tries=15):
        """Esc, n and friends until the endpoint list shows; its screen, or a Stall."""
        for _ in range(tries):
            screen = self.screen()
            mode = screen.mode
            if mode == "list" and not screen.editing_filter:
                return screen
            if mode == "too_small":
                self.resize_to(*self.rng.choice(USABLE_SIZES))
            elif mode == "dialog":
                title, _ = screen.dialog()
                # Leaving a form that failed to save loses nothing the ledger counts on.
                self.press("y" if title == "Discard changes" else "n")
            elif mode == "unknown":
                time.sleep(0.2)
                continue
            else:
                # help, a form with nothing in flight, deliveries, the filter field
                self.press("Escape")
            began = time.monotonic()
            changed = self.wait(lambda s, before=screen.text: s.text != before, 5)
            self.write_log(f"to_list: {mode} {'changed' if changed else 'unchanged'} after "
                           f"{time.monotonic() - began:.2f} s")
        self.record_stall("could not get back to the endpoint list")
        raise Stall("back to the list")

    def wait_quiet(self):
        """Waits (bounded) until no request is in flight: in the list, an empty status row
        shows exactly that (a request without a message over it shows a spinner)."""
        if not self.maybe_busy:
            return
        deadline = time.monotonic() + OUTCOME_SECONDS
        while time.monotonic() < deadline:
            screen = self.to_list()
            if not screen.status or screen.status_is_notice:
                self.maybe_busy = False
                return
            if screen.status[:1] in ("✗", "!") or screen.status.startswith("✓ Created"):
                self.press("C-l")  # a message that waits for a key
            time.sleep(0.1)
        self.note("the status line never emptied (a request in flight for minutes?)")

    # -- the loop ---------------------------------------------------------------------------

    def step(self):
        """One action from the endpoint list."""
        names = list(ACTIONS)
        action = self.rng.choices(names, weights=[ACTIONS[name] for name in names])[0]
        self.actions[action] = self.actions.get(action, 0) + 1
        self.write_log(f"action {action}")
        try:
            self.to_list()
            getattr(self, action)()
        except Stall:
            # Recorded already; try to carry on from the list.
            try:
                self.to_list()
            except Stall:
                pass

    # -- actions ----------------------------------------------------------------------------

    def navigate(self):
        keys = ["j", "k", "g", "G", "NPage", "PPage", "C-d", "C-u", "Down", "Up"]
        weights = [8, 5, 1, 1, 2, 1, 1, 1, 2, 1]
        self.press(*self.rng.choices(keys, weights=weights, k=self.rng.randint(1, 6)))

    def move_focus(self):
        self.press(self.rng.choice(["Enter", "Tab", "Escape", "Tab", "Enter"]))
        self.maybe_busy = True  # Esc cancels loads; harmless, but a message may follow

    def create(self):
        self.wait_quiet()
        self.creates_started += 1
        number = self.creates_started
        url = f"https://soak-{self.seed}-{number}.example.com/hook"
        name = f"soak {self.seed} {number}"
        self.press("n")
        self.expect(lambda s: s.form_title == "New endpoint", "n opens the form")
        if self.rng.random() < 0.1:
            # A URL the form refuses before sending, then the right one.
            self.type_text("http://soak.example.com")
            self.press("C-s")
            self.expect(lambda s: s.status.startswith("✗ Not saved: URL"), "a bad URL is refused locally")
            self.press("C-u")
        if self.rng.random() < 0.3:
            cut = self.rng.randint(8, len(url) - 1)
            self.type_text(url[:cut] + "x")
            self.press("BSpace")
            self.type_text(url[cut:])
        else:
            self.type_text(url)
        self.press("Tab")
        self.type_text(name)
        if self.rng.random() < 0.4:
            # Format, Secret, Events: toggle a group of events.
            self.press("Tab", "Tab", "Tab")
            self.press(*self.rng.choices(["j", "Space", "Enter"], k=self.rng.randint(1, 4)))
        outcome = self.save_form("create", f"create {url}", success_words=f"Created {url}")
        if outcome == "saved":
            self.ledger.record_created(url, name)
        elif outcome == "stuck":
            self.ledger.mark_uncertain(url, "its save never ended")

    def edit(self):
        self.wait_quiet()
        self.press("e")
        screen = self.expect(
            lambda s: s.form_title is not None or "No endpoint to edit" in s.status, "e opens the form")
        if screen.form_title is None:
            return
        shown = screen.form_title[len("Edit "):]
        url = self.ledger.url_for(shown)
        choice = self.rng.random()
        if url is None or choice < 0.15:
            # A title cut short (…) or a name the ledger cannot place: look, then leave unchanged.
            if url is None and not shown.endswith("…"):
                self.note(f"edit of an endpoint the ledger cannot place: {shown!r}; left unchanged")
            self.press("Tab", "Escape")
            self.expect(lambda s: s.mode != "form", "Esc closes an unchanged form")
            return
        if choice < 0.3:
            # Change, then cancel and discard.
            self.press("Tab")
            self.type_text(" draft")
            self.cancel_form()
            return
        if choice < 0.45:
            # Events only: Name, Format, Secret, Events.
            self.press("Tab", "Tab", "Tab", "Tab", "Space")
            self.save_form("edit", f"edit events of {url}", success_words="Saved ")
            return
        self.renames_started += 1
        new_name = f"soak {self.seed} r{self.renames_started}"
        self.press("Tab", "C-e", "C-u")
        self.type_text(new_name)
        outcome = self.save_form("rename", f"rename {url}", success_words=f"Saved {new_name}")
        if outcome == "saved":
            self.ledger.record_renamed(url, new_name)
        elif outcome == "stuck":
            self.ledger.mark_uncertain(url, "its rename never ended")

    def save_form(self, kind, what, success_words):
        """Ctrl-S until saved or given up: 'saved', 'failed' (form discarded) or 'stuck'.

        `kind` is the ledger's word for a failure: create, rename or edit."""
        for attempt in range(1, 6):
            if self.screen().status and not self.screen().status_is_notice:
                # Clear an old message first, so that a message seen after Ctrl-S is new.
                self.press("C-l")
                self.expect(lambda s: not s.status_is_error, "Ctrl-L clears an error message")
            self.press("C-s")
            outcome, screen = self.save_outcome(success_words, strict=kind == "create")
            if outcome == "stuck":
                self.record_stall(f"{what}: Ctrl-S got no outcome within {OUTCOME_SECONDS} s")
                self.note(f"{what}: the save never ended; cancelled, its outcome unknown")
                self.press("Escape")
                self.cancel_form()
                return "stuck"
            if outcome == "saved":
                if not says(screen.status, success_words):
                    self.note(f"{what}: the form closed, the status said {screen.status!r}")
                self.write_log(f"saved {what}")
                return "saved"
            self.write_log(f"save failed ({attempt}) {what}: {screen.status}")
            self.ledger.record_failure(kind)
            if attempt == 5 or self.rng.random() < 0.25:
                break
            time.sleep(self.rng.uniform(0.2, 2.5))
        self.cancel_form()
        return "failed"

    def save_outcome(self, success_words, strict):
        """Polls after Ctrl-S: ('saved' | 'failed' | 'stuck', screen).

        A form that stays open with an error has failed. A form that closed has saved; the
        status says so. A create's "Created …" stays until the next key, so a create needs
        it (`strict`); an edit's "Saved …" lasts seconds, so a closed form seen twice,
        half a second apart, also counts (a half-drawn frame is never seen twice)."""
        deadline = time.monotonic() + OUTCOME_SECONDS
        closed_since = None
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen.form_title is not None:
                closed_since = None
                if screen.mode == "form" and screen.status_is_error:
                    return "failed", screen
            elif screen.mode == "list":
                if says(screen.status, success_words) or "Nothing changed" in screen.status:
                    return "saved", screen
                if not strict:
                    closed_since = closed_since or time.monotonic()
                    if time.monotonic() - closed_since >= 0.5:
                        return "saved", screen
            time.sleep(POLL_SECONDS)
        return "stuck", None

    def cancel_form(self):
        """Esc on a form with nothing in flight; discards changes when asked."""
        self.press("Escape")
        screen = self.expect(lambda s: s.mode in ("dialog", "list"), "Esc leaves the form or asks")
        if screen.mode == "dialog":
            if self.rng.random() < 0.2:
                self.press("n")
                self.expect(lambda s: s.mode == "form", "n keeps the form")
                self.press("Escape")
                self.expect(lambda s: s.mode == "dialog", "Esc asks again")
            self.press("y")
            self.expect(lambda s: s.mode == "list", "y discards the form")

    def confirm_dialog(self, key, titles, nothing_words):
        """`key` on the selected endpoint; the dialog's (title, message), or None (empty list)."""
        self.press(key)
        screen = self.expect(
            lambda s: (s.dialog() and s.dialog()[0] in titles) or nothing_words in s.status,
            f"{key} asks first")
        return screen.dialog() if screen.mode == "dialog" else None

    def delete(self):
        self.wait_quiet()
        dialog = self.confirm_dialog("d", ["Delete endpoint"], "No endpoint to delete")
        if dialog is None:
            return
        match = re.match(r"Delete (.*?)\? No new events", dialog[1])
        url = self.ledger.url_for(match.group(1)) if match else None
        if url is None or self.rng.random() < 0.3:
            if url is None:
                self.note(f"delete dialog names an endpoint the ledger cannot place: {dialog[1]!r}")
            self.press(self.rng.choice(["n", "Escape"]))
            self.expect(lambda s: s.mode == "list", "n closes the dialog")
            return
        name = match.group(1)
        self.press("y")
        screen = self.wait(
            lambda s: f"✓ Deleted {name}" in s.status or s.status.startswith(f"✗ Deleting {name} failed"),
            OUTCOME_SECONDS)
        if screen is None:
            self.record_stall(f"delete {url}: no outcome within {OUTCOME_SECONDS} s")
            self.ledger.mark_uncertain(url, "its delete never reported an outcome")
            self.maybe_busy = True
        elif screen.status.startswith("✓"):
            self.write_log(f"deleted {url}")
            self.ledger.record_deleted(url)
        else:
            self.write_log(f"delete failed {url}: {screen.status}")
            self.ledger.record_failure("delete")

    def toggle(self):
        self.toggle_like("t", ["Enable endpoint", "Disable endpoint"], "No endpoint to enable",
                         ("✓ Enabled ", "✓ Disabled ", "✗ Enabling ", "✗ Disabling "))

    def reset_secret(self):
        self.toggle_like("R", ["Reset secret"], "No endpoint to reset",
                         ("! New secret for ", "✗ Resetting the secret"))

    def toggle_like(self, key, titles, nothing_words, outcomes):
        self.wait_quiet()
        dialog = self.confirm_dialog(key, titles, nothing_words)
        if dialog is None:
            return
        if self.rng.random() < 0.35:
            self.press(self.rng.choice(["n", "Escape", "Enter"]))
            self.expect(lambda s: s.mode == "list", "the dialog closes on no")
            return
        self.press("y")
        if self.wait(lambda s: s.status.startswith(outcomes), OUTCOME_SECONDS) is None:
            self.record_stall(f"{key}: no outcome within {OUTCOME_SECONDS} s")
        self.maybe_busy = True

    def secret_keys(self):
        self.press(self.rng.choice(["s", "s", "y"]))

    def filter(self):
        self.press("/")
        self.expect(lambda s: s.editing_filter, "/ opens the filter")
        self.type_text(self.rng.choice(["soak", "hook", "s", "Order", "zz", str(self.seed), "polar"]))
        if self.rng.random() < 0.3:
            self.press("BSpace")
        self.press(self.rng.choice(["Enter", "Enter", "Escape"]))
        self.expect(lambda s: not s.editing_filter, "Enter or Esc leaves the filter")

    def reload(self):
        self.press("r")
        self.maybe_busy = True

    def impatient_reload(self):
        """r again and again, as someone does who waits for a change: it meets the rate limit."""
        for _ in range(self.rng.randint(3, 10)):
            self.press("r")
            time.sleep(self.rng.uniform(0.1, 0.6))
        self.maybe_busy = True

    def help(self):
        self.press("?")
        self.expect(lambda s: s.help_open, "? opens help")
        self.press(*self.rng.choices(["j", "k", "NPage", "Down"], k=self.rng.randint(0, 3)))
        self.press(self.rng.choice(["Escape", "?", "q"]))
        self.expect(lambda s: not s.help_open, "Esc closes help")

    def deliveries(self):
        self.press("D")
        screen = self.expect(
            lambda s: s.in_deliveries or "No endpoint to show the deliveries" in s.status, "D opens deliveries")
        self.maybe_busy = True
        if not screen.in_deliveries:
            return
        for _ in range(self.rng.randint(2, 10)):
            screen = self.screen()
            if not screen.in_deliveries or screen.mode != "deliveries":
                break
            self.delivery_step(screen)
        self.to_list()

    def delivery_step(self, screen):
        choice = self.rng.choices(
            ["move", "status", "class", "detail", "redeliver", "redeliver_failed", "types", "search", "reload"],
            weights=[6, 2, 2, 3, 2, 1, 1, 1, 1])[0]
        self.write_log(f"deliveries {choice}")
        if choice == "move":
            self.press(*self.rng.choices(["j", "k", "G", "g", "NPage"], weights=[5, 3, 1, 1, 1],
                                         k=self.rng.randint(1, 4)))
        elif choice == "status":
            self.press("f")
        elif choice == "class":
            self.press("c")
        elif choice == "detail":
            self.press("Enter")
            if self.wait(lambda s: s.top_title() and s.top_title().startswith("Delivery "), 1.5):
                self.press(*self.rng.choices(["j", "k", "r"], weights=[4, 2, 1], k=self.rng.randint(0, 3)))
                self.press("Escape")
                self.expect(lambda s: s.top_title() and s.top_title().startswith("Deliveries of"),
                            "Esc leaves the delivery detail")
        elif choice == "redeliver":
            self.press("r")
        elif choice == "redeliver_failed":
            self.press("B")
            asked = self.wait(lambda s: s.mode == "dialog", 2)
            if asked:
                self.press("y" if self.rng.random() < 0.3 else "n")
                self.expect(lambda s: s.mode == "deliveries", "the redeliver dialog closes")
        elif choice == "types":
            self.press("T")
            self.expect(lambda s: "┌ Event types" in s.text, "T opens the type picker")
            self.press(*self.rng.choices(["j", "Space", "a"], weights=[3, 2, 1], k=self.rng.randint(1, 4)))
            self.press(self.rng.choice(["Enter", "Escape"]))
            self.expect(lambda s: "┌ Event types" not in s.text, "the type picker closes")
        elif choice == "search":
            self.press("/")
            self.expect(lambda s: s.editing_search, "/ opens the delivery search")
            self.type_text(self.rng.choice(["200", "order", "zz", "5"]))
            self.press(self.rng.choice(["Enter", "Escape"]))
            self.expect(lambda s: not s.editing_search, "the delivery search closes")
        else:
            self.press("C-r")

    def resize(self):
        if self.rng.random() < 0.25:
            self.resize_to(*self.rng.choice(TOO_SMALL_SIZES))
            self.expect(lambda s: s.too_small, "a small window says so")
            self.press(*self.rng.choices(["j", "Enter", "?"], k=self.rng.randint(0, 2)))
        self.resize_to(*self.rng.choice(USABLE_SIZES))
        self.expect(lambda s: s.mode != "too_small" and len(s.lines) == self.size[1], "the layout follows")

    def resize_to(self, width, height):
        self.write_log(f"resize {width}x{height}")
        self.pane.resize(width, height)
        self.size = (width, height)

    def redraw(self):
        self.press("C-l")

    def organization(self):
        self.press("o")

    def stray_key(self):
        self.press(self.rng.choice(["x", "Z", "F5", "%", "Left", "Right", "BTab"]))
