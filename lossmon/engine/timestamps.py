"""The time a log line was written, from the timestamp at its start (Python logging, loguru,
hydra, DeepSpeed, Megatron, mmengine, glog, Primus...), in seconds on a naive clock: only
differences between lines of one log matter, so time zones are ignored.

A stamp without a date (``12:34:56``) or without a year (mmengine's ``07/03 13:04:17``, glog's
``I0703 13:04:17``) wraps around: :class:`LineClock` adds a day (a year) when such a stamp goes
back by more than half of one, and never lets the time go backwards (ranks writing to one file
are a few milliseconds out of order).
"""

from __future__ import annotations

import re
from datetime import date

DAY = 86_400.0
YEAR = 365 * DAY
_NO_YEAR = 2000  # a leap year: 02/29 is a valid stamp

# A launcher's rank prefix ([rank0]:, [default0]:, srun's "1: ") and an opening bracket.
_LEAD = r"\s*+(?:\[(?:rank|default)\d+\]:\s*+|\d{1,5}: ++)?\[?\s*+"
_FRACTION = r"(?:[.,](?P<frac>\d{1,9}))?"
_STAMPS = re.compile(
    _LEAD
    + r"(?:"
    + r"(?P<Y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})[ T_]?\s?(?P<H>\d{1,2}):(?P<M>\d{2}):(?P<S>\d{2})" + _FRACTION
    + r"|(?P<Y2>\d{4})(?P<m2>\d{2})(?P<d2>\d{2})[ T](?P<H2>\d{2}):(?P<M2>\d{2}):(?P<S2>\d{2})"  # Primus
    + r"|(?P<m3>\d{2})\.(?P<d3>\d{2})\.(?P<y3>\d{2,4})\|(?P<H3>\d{2}):(?P<M3>\d{2}):(?P<S3>\d{2})"  # st-gcn [03.24.23|09:56:31]
    + r"|[IWEF](?P<m4>\d{2})(?P<d4>\d{2}) (?P<H4>\d{2}):(?P<M4>\d{2}):(?P<S4>\d{2})(?:\.(?P<frac4>\d{1,9}))?"  # glog
    + r"|(?P<m5>\d{2})/(?P<d5>\d{2}) (?P<H5>\d{2}):(?P<M5>\d{2}):(?P<S5>\d{2})"  # mmengine console
    + r"|(?P<H6>\d{2}):(?P<M6>\d{2}):(?P<S6>\d{2})(?:[.,](?P<frac6>\d{1,9}))?(?![\d:])"  # a time of day
    + r")"
)


def stamp(text: str) -> tuple[float, float] | None:
    """(seconds, wrap period) of the timestamp that starts ``text``; the period is 0 for a full
    date, a day for a time of day, a year for a date without its year. None without one."""
    match = _STAMPS.match(text)
    if match is None:
        return None
    g = match.groupdict()
    try:
        if g["Y"] is not None:
            return _seconds(int(g["Y"]), int(g["m"]), int(g["d"]), g["H"], g["M"], g["S"], g["frac"]), 0.0
        if g["Y2"] is not None:
            return _seconds(int(g["Y2"]), int(g["m2"]), int(g["d2"]), g["H2"], g["M2"], g["S2"], None), 0.0
        if g["y3"] is not None:
            year = int(g["y3"]) + (2000 if len(g["y3"]) == 2 else 0)
            return _seconds(year, int(g["m3"]), int(g["d3"]), g["H3"], g["M3"], g["S3"], None), 0.0
        if g["m4"] is not None:
            return _seconds(_NO_YEAR, int(g["m4"]), int(g["d4"]), g["H4"], g["M4"], g["S4"], g["frac4"]), YEAR
        if g["m5"] is not None:
            return _seconds(_NO_YEAR, int(g["m5"]), int(g["d5"]), g["H5"], g["M5"], g["S5"], None), YEAR
        return _clock(g["H6"], g["M6"], g["S6"], g["frac6"]), DAY
    except ValueError:  # 13/45 is not a date
        return None


def _seconds(year: int, month: int, day: int, hours: str, minutes: str, seconds: str, fraction: str | None) -> float:
    return date(year, month, day).toordinal() * DAY + _clock(hours, minutes, seconds, fraction)


def _clock(hours: str, minutes: str, seconds: str, fraction: str | None) -> float:
    h, m, s = int(hours), int(minutes), int(seconds)
    if h > 23 or m > 59 or s > 60:
        raise ValueError("not a time of day")
    return h * 3600.0 + m * 60.0 + s + (float("0." + fraction) if fraction else 0.0)


class LineClock:
    """Turns the stamps of one log's lines, in line order, into a time that never goes back."""

    __slots__ = ("last", "_offset")

    def __init__(self) -> None:
        self.last: float | None = None
        self._offset = 0.0

    def time(self, text: str) -> float | None:
        found = stamp(text)
        if found is None:
            return None
        seconds, period = found
        now = seconds + self._offset
        if self.last is not None and period and now < self.last - period / 2:
            self._offset += period  # past midnight (past new year)
            now += period
        if self.last is not None and now < self.last:
            now = self.last
        self.last = now
        return now
