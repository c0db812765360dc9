"""The summary's radar chart stays inside its box whatever the counts."""

from __future__ import annotations

from deckgame.model import IntimacyType
from deckgame.ui.chart import radar_points


def test_points_stay_within_the_radius_for_any_count() -> None:
    values = dict.fromkeys(IntimacyType, 3)
    values[IntimacyType.EMOTIONAL] = -(10**40)  # a tampered save: never outside the chart
    values[IntimacyType.PHYSICAL] = 10**40
    for x, y in radar_points(values, (100.0, 100.0), 50.0):
        assert (x - 100) ** 2 + (y - 100) ** 2 <= 50.0**2 + 1e-6


def test_the_largest_count_reaches_the_outer_ring() -> None:
    values = {IntimacyType.PHYSICAL: 4, IntimacyType.EMOTIONAL: 2}
    points = radar_points(values, (0.0, 0.0), 10.0)
    assert abs(points[0][0]) < 1e-9 and points[0][1] == -10.0  # physical, at the top
    assert abs(points[1][0] ** 2 + points[1][1] ** 2 - 25.0) < 1e-9
