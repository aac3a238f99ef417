"""What the self-assessment pages add to the shared GOV.UK plumbing in `putright.ui.forms`.

Their field templates number a group's options Django's way (`id_rag_0`), and their date
messages give an example rather than GOV.UK's separate wording for numbers and the year.
"""

from __future__ import annotations

from putright.ui import forms as ui


class DateField(ui.DateField):
    """The GOV.UK date input, a date not in numbers worded with an example, as the hint is."""

    not_numbers_message = short_year_message = "{What} must be a real date, for example 31 3 2027"


class AssessmentForm(ui.GovukForm):
    """A GOV.UK form that places the services' errors. `error_fields` maps service keys to fields."""

    first_option_suffix = "_0"
