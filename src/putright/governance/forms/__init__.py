"""Governance forms: GOV.UK components, errors beside their fields."""

from putright.governance.forms.governance import *  # noqa: F403
from putright.governance.forms.governance import __all__ as _forms

__all__ = list(_forms)
