"""Competencies made visible: a pack's framework, a learner's evidence, peers and facilitators."""
