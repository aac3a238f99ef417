from __future__ import annotations

import pytest

from tests.privacy.story import Story, build_story


@pytest.fixture
def story(handler, reviewer, now) -> Story:
    return build_story(handler, reviewer, now)


@pytest.fixture
def story_with_letter(handler, reviewer, now) -> Story:
    return build_story(handler, reviewer, now, issue_letter=True)
