"""PDF documents with reportlab and python-barcode: statements, notices, labels (issues 7-9).

Importing the package locks reportlab's URL opener down (no scheme is trusted), so markup that slipped past
escaping can never make a document fetch a remote or local resource (GHSA-mpvw-25mg-59vx).
"""

from reportlab import rl_config

rl_config.trustedSchemes = []
rl_config.trustedHosts = ["nothing.invalid"]
