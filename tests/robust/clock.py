"""A fake clock for the guard's deadlines (extract/guard.py): no test reads real time."""

from __future__ import annotations

from collections.abc import Callable


class FakeClock:
    """A clock that stands still until a page starts; page n then takes cost(n) seconds.

    Give it as ``read_in_process(clock=clock, on_page_start=clock.page)``.
    """

    def __init__(self, cost: Callable[[int], float] = lambda page: 0.0, start: float = 0.0):
        self.now = start
        self.cost = cost

    def __call__(self) -> float:
        return self.now

    def page(self, number: int, _limit=None) -> None:
        self.now += self.cost(number)
