"""Report endpoints (issue: governance). Registered on the API in putright.api.app."""

from ninja import Router

router = Router(tags=["reports"])
