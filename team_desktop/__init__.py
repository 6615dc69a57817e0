"""TEAM Desktop: the offline course companion of the MOOC TEAM."""

__version__ = "0.1.0"
