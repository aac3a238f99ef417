"""Kept only until the parallel branches merge: import from `putright.core.errors` instead."""

from putright.core.errors import ActionRefused, CaseError, EditConflict, InvalidInput

__all__ = ["ActionRefused", "CaseError", "EditConflict", "InvalidInput"]
