"""List every webhook endpoint with the official Python SDK (polar-sdk 1.0.2, API 2026-10).

Prints the count and the seconds spent iterating, so the caller can check it saw them all.
Usage: sdk_list.py BASE_URL TOKEN
"""

import sys
import time

from polar.v2026_10.client import Polar

base_url, token = sys.argv[1], sys.argv[2]
started = time.monotonic()
with Polar(token, base_url=base_url, timeout=60.0) as polar:
    # The SDK's own paginating iterator; 100 is the largest page the API allows (default 10).
    count = sum(1 for _ in polar.webhooks.iter_list_webhook_endpoints(limit=100))
print(count, f"{time.monotonic() - started:.3f}")
