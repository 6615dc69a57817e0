"""Helpers for the packaging tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QImage


def mean_difference(a: QImage, b: QImage) -> float:
    """Average absolute difference per channel, 0..255, of two images of the same size."""
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    assert (a.width(), a.height()) == (b.width(), b.height())
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


@pytest.fixture
def image_difference() -> Callable[[QImage, QImage], float]:
    """`mean_difference`, for tests to compare renderings with some tolerance."""
    return mean_difference
