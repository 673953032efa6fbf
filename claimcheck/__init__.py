"""claimcheck: a claim-and-figure consistency checker for news."""

__version__ = "0.1.0"
