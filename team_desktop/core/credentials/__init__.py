"""Verifiable attestations: Open Badges 3.0 credentials signed as JWTs (`vc+jwt`), status lists."""
