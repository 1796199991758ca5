"""What a captured dashboard screen says: where the user is, the status line, dialog words.

The words matched here are the dashboard's own (Sources/Dashboard/Views and
Update/Update+Results.swift); if those change, this file is the one place to follow them.
"""

import unicodedata

DIALOG_TITLES = [
    "Delete endpoint",
    "Reset secret",
    "Enable endpoint",
    "Disable endpoint",
    "Redeliver failed events",
    "Discard changes",
    "Quit",
]
SPINNER = set("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")


def cell_width(character):
    if unicodedata.combining(character):
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def cut(line, start, end):
    """The characters of `line` between terminal columns `start` (inclusive) and `end`."""
    column, kept = 0, []
    for character in line:
        if start <= column < end:
            kept.append(character)
        column += cell_width(character)
    return "".join(kept)


def column_of(line, index):
    return sum(cell_width(character) for character in line[:index])


class Screen:
    def __init__(self, text):
        self.text = text
        # capture-pane prints one line per row, each ending in a newline.
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()

    def line(self, index):
        return self.lines[index] if -len(self.lines) <= index < len(self.lines) else ""

    @property
    def status(self):
        """The status line (the last row), without the padding."""
        return self.line(-1).strip()

    @property
    def footer(self):
        return self.line(-2).strip()

    @property
    def status_is_error(self):
        """A message of the moment that Ctrl-L clears; not the notice that stays while Polar
        keeps an endpoint disabled (the sample data has one)."""
        return self.status.startswith("✗") and not self.status_is_notice

    @property
    def status_is_notice(self):
        """The notice that stays while Polar keeps an endpoint disabled: shown when nothing
        else is, so the row is otherwise empty (no message, no request in flight)."""
        return self.status.startswith("✗ Polar disabled")

    @property
    def busy(self):
        """A request in flight and no message over it: the status row shows a spinner."""
        return self.status[:1] in SPINNER

    @property
    def too_small(self):
        return "Terminal too small" in self.text

    @property
    def help_open(self):
        return any("┌ Keys ─" in line for line in self.lines[:3])

    def top_title(self):
        """The title of the box in the first body row, e.g. 'Endpoints' or 'New endpoint'."""
        line = self.line(1)
        if not line.startswith("┌ "):
            return None
        rest = line[2:]
        for end in (" ─", " ┐"):
            if end in rest:
                rest = rest.split(end, 1)[0]
        return rest

    @property
    def form_title(self):
        title = self.top_title()
        if title and (title == "New endpoint" or title.startswith("Edit ")):
            return title
        return None

    @property
    def in_deliveries(self):
        title = self.top_title()
        return bool(title) and (title.startswith("Deliveries of ") or title.startswith("Delivery"))

    @property
    def editing_filter(self):
        return "Enter keep" in self.footer and "Esc clear" in self.footer

    @property
    def editing_search(self):
        return "Enter search" in self.footer

    def dialog(self):
        """(title, message) of the dialog on screen, or None. The message is the dialog's text
        rows joined by spaces (the dialog wraps at spaces, so this undoes the wrapping)."""
        for row, line in enumerate(self.lines):
            for title in DIALOG_TITLES:
                marker = f"┌ {title} "
                index = line.find(marker)
                if index < 0:
                    continue
                end_index = line.find("┐", index)
                if end_index < 0:
                    continue
                left, right = column_of(line, index), column_of(line, end_index)
                words = []
                for below in self.lines[row + 1:]:
                    inner = cut(below, left + 1, right).strip()
                    if inner.startswith("└") or "└" in cut(below, left, left + 1):
                        break
                    if "[ " in inner and " ]" in inner:
                        break  # the buttons
                    if inner:
                        words.append(inner)
                return title, " ".join(words)
        return None

    @property
    def mode(self):
        """One of: too_small, help, dialog, form, deliveries, list, unknown."""
        if self.too_small:
            return "too_small"
        if self.help_open:
            return "help"
        if self.dialog():
            return "dialog"
        if self.form_title:
            return "form"
        if self.in_deliveries:
            return "deliveries"
        if self.line(0).startswith(" polar-hooks"):
            return "list"
        return "unknown"
