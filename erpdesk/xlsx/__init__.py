"""Excel in and out: openpyxl and python-calamine behind safety caps (issue 5)."""
