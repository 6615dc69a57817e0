"""Exports of the learner's writing: Markdown folder, one HTML file, Leap2A zip, notes."""
