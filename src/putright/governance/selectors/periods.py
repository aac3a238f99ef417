"""Reporting periods: inclusive date ranges, quarters and financial years (April to March)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts {self.start} after it ends {self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before: the previous quarter, year, or same number of days."""
        if is_quarter(self):
            return quarter_containing(self.start - timedelta(days=1))
        if _is_whole_months(self):
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            start = _add_months(self.start, -months)
            return Period(start, self.start - timedelta(days=1))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def label(self) -> str:
        if is_quarter(self):
            return quarter_label(self)
        if _is_whole_months(self) and self.days > 360 and self.start.month == 4:
            return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y} (financial year {self.start.year}/{str(self.end.year)[2:]})"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date) -> date:
    return _add_months(day, 1) - timedelta(days=1)


def _is_whole_months(period: Period) -> bool:
    return period.start.day == 1 and period.end == _month_end(period.end)


def quarter_containing(day: date) -> Period:
    """The calendar quarter holding `day` (January-March, April-June, ...)."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    return Period(start, _month_end(_add_months(start, 2)))


def is_quarter(period: Period) -> bool:
    return quarter_containing(period.start) == period


def quarter_label(period: Period) -> str:
    """Quarters named as landlords do: financial-year quarters, Q1 being April to June."""
    fy_start = period.start.year if period.start.month >= 4 else period.start.year - 1
    number = ((period.start.month - 4) % 12) // 3 + 1
    return f"Q{number} {fy_start}/{str(fy_start + 1)[2:]} ({period.start:%B} to {period.end:%B %Y})"


def last_full_quarter(today: date) -> Period:
    """The last quarter that has ended by `today`."""
    return quarter_containing(quarter_containing(today).start - timedelta(days=1))


def financial_year(day: date) -> Period:
    """The financial year (1 April to 31 March) holding `day`."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return Period(date(start_year, 4, 1), date(start_year + 1, 3, 31))


def last_full_financial_year(today: date) -> Period:
    return financial_year(financial_year(today).start - timedelta(days=1))
