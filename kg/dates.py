"""Which ISO 8601 times kg accepts, and the XSD datatype each one gets.

A time is a year (``2024``, ``xsd:gYear``), a year and month (``2024-11``,
``xsd:gYearMonth``), a calendar date (``2024-11-08``, ``xsd:date``) or a date
and time with seconds (``2024-11-08T09:30:00``, optionally with a fraction and
a ``Z`` or ``+01:00`` offset, ``xsd:dateTime``). Every form is checked against
the calendar, so ``2024-13`` and ``2024-02-30`` are refused; so are the
compact forms (``20241108``) that Python reads but XSD does not.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["TIME_FORMS", "xsd_time_type"]

#: How the accepted forms are described in messages.
TIME_FORMS = "2024, 2024-11, 2024-11-08 or 2024-11-08T09:30:00"

_YEAR = re.compile(r"-?\d{4}")
_YEAR_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")


def xsd_time_type(value: str) -> str | None:
    """The XSD datatype name of an ISO 8601 time, or None when kg refuses it.

    Args:
        value: the time as written.

    Returns:
        ``gYear``, ``gYearMonth``, ``date`` or ``dateTime``; None for anything
        else, including dates that do not exist.
    """
    if _YEAR.fullmatch(value):
        return "gYear"
    if _YEAR_MONTH.fullmatch(value):
        return "gYearMonth"
    try:
        if _DATE.fullmatch(value):
            date.fromisoformat(value)
            return "date"
        if _DATE_TIME.fullmatch(value):
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            return "dateTime"
    except ValueError:
        return None
    return None
