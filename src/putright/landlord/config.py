"""The cache of the rarely-changing configuration rows read on every request (ADR 8).

The landlord's settings (`LandlordSettings.current`), the closure days
(`landlord.selectors.closure_days_from`) and the active webhook endpoints (the webhooks
app's event hook) are read through `CONFIG`, keyed by the token of `landlord_configversion`,
which triggers on those three tables replace on every change (migration 0007); the API's
token check keeps valid tokens here too (`putright.api.auth`, triggers in accounts 0007).
A new table read through `CONFIG` needs the same trigger, or its changes go unseen.
"""

from __future__ import annotations

from putright.core.config_cache import ConfigCache

CONFIG = ConfigCache("landlord_configversion")
