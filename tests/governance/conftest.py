from __future__ import annotations

from typing import Any

import pytest

from tests.governance.scenario import Scenario, build


@pytest.fixture
def scenario(handler: Any, reviewer: Any) -> Scenario:
    return build(handler, reviewer)
