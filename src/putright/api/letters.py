"""Letter endpoints (issue: letters). Registered on the API in putright.api.app."""

from ninja import Router

router = Router(tags=["letters"])
