"""lossmon: follow a training log, extract its metrics and flag loss-curve pathologies."""

import sys

if sys.version_info < (3, 11):  # possessive quantifiers and atomic groups: re reads them from 3.11
    from lossmon.regex_compat import install

    install()

__version__ = "0.1.0"
