"""PDF documents with reportlab and python-barcode: statements, notices, labels (issues 7-9)."""
