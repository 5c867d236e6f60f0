"""The stocktake dock (issue 9): sessions, the scan field and its queue, census, review, labels."""
