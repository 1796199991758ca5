"""What the endpoints on the server should be, from what the dashboard reported as done.

Endpoints are known by URL: every create gets a URL of its own, and the soak's edits change
names, never URLs. Dialogs and statuses name an endpoint by its display name (its name, or
its URL without one), so names are kept unique too and a display name leads back to the URL.
"""


def display_name(url, name):
    return name if name else url


class Ledger:
    def __init__(self, initial_endpoints):
        # url -> name (None without one)
        self.expected = {}
        for endpoint in initial_endpoints:
            if endpoint["url"] in self.expected:
                raise ValueError(f"two endpoints share the URL {endpoint['url']} before the soak started")
            self.expected[endpoint["url"]] = endpoint.get("name")
        self.initial_count = len(self.expected)
        # URLs whose fate the dashboard could not tell (e.g. a save that never ended): not judged.
        self.uncertain = {}
        self.created = []
        self.deleted = []
        self.renamed = []
        self.failed = {"create": 0, "delete": 0, "rename": 0, "edit": 0}

    def url_for(self, shown_name):
        """The URL of the one endpoint shown as `shown_name`, or None if none or several."""
        matches = [url for url, name in self.expected.items() if display_name(url, name) == shown_name]
        return matches[0] if len(matches) == 1 else None

    def names_in_use(self):
        return {display_name(url, name) for url, name in self.expected.items()}

    def record_created(self, url, name):
        self.created.append(url)
        self.expected[url] = name

    def record_deleted(self, url):
        self.deleted.append(url)
        del self.expected[url]

    def record_renamed(self, url, new_name):
        self.renamed.append((url, self.expected[url], new_name))
        self.expected[url] = new_name

    def record_failure(self, kind):
        self.failed[kind] += 1

    def mark_uncertain(self, url, why):
        self.uncertain[url] = why
        self.expected.pop(url, None)

    def compare(self, server_endpoints):
        """Differences between the server and the ledger, as sentences; empty when they agree."""
        problems = []
        seen = {}
        for endpoint in server_endpoints:
            seen.setdefault(endpoint["url"], []).append(endpoint)
        for url, copies in sorted(seen.items()):
            if len(copies) > 1:
                ids = ", ".join(copy["id"] for copy in copies)
                problems.append(f"duplicate: {len(copies)} endpoints with URL {url} ({ids})")
        deleted = set(self.deleted)
        for url, name in sorted(self.expected.items()):
            if url not in seen:
                how = "created and reported done" if url in self.created else "there before the soak"
                problems.append(f"lost: {url} ({how}) is not on the server")
            elif not any((copy.get("name") or None) == (name or None) for copy in seen[url]):
                names = ", ".join(repr(copy.get("name")) for copy in seen[url])
                problems.append(f"wrong name: {url} should be named {name!r}, the server has {names}")
        for url in sorted(seen):
            if url in self.expected or url in self.uncertain:
                continue
            if url in deleted:
                problems.append(f"not deleted: {url} was reported deleted but is still on the server")
            else:
                problems.append(f"unexpected: {url} is on the server but no create of it was reported")
        return problems
