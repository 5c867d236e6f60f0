"""The Receivables dock (issue 8): aging with the user's buckets and the per-customer summary."""
