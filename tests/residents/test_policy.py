"""The timescales residents are told come from the landlord's settings, never longer than the Code."""

from __future__ import annotations

from putright.landlord.models import LandlordSettings
from putright.residents.policy import policy_timescales


def test_shorter_landlord_timescales_are_used_code_3_4(db):
    landlord = LandlordSettings.current()
    landlord.stage1_acknowledge_days = 3
    landlord.stage2_respond_days = 15
    landlord.save()
    t = policy_timescales()
    assert (t.stage1_acknowledge, t.stage1_respond, t.stage2_respond) == (3, 10, 15)


def test_a_setting_longer_than_the_code_is_shown_as_the_codes_limit_code_6_3_6_14(db):
    landlord = LandlordSettings.current()
    landlord.stage1_respond_days = 15
    landlord.stage2_respond_days = 30
    landlord.save()
    t = policy_timescales()
    assert (t.stage1_respond, t.stage2_respond, t.stage1_extension, t.stage2_extension) == (10, 20, 10, 20)
