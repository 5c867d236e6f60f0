"""The order dock: order list, order entry grid, credit display (issue 6)."""
