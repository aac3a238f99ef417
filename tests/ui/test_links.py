"""`link` gives exactly the path Django's `reverse` gives, for one id or two, under any prefix."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from putright.ui.links import link


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("staff:case", (1,)),
        ("staff:case", (1234567,)),
        ("staff:action_update", (42, 7)),
        ("staff:hazard_detail", (9,)),
    ],
)
def test_a_link_is_the_path_reverse_gives(name, ids):
    assert link(name, *ids) == reverse(name, args=list(ids))


def test_a_link_follows_the_script_prefix_the_site_is_served_under():
    set_script_prefix("/landlord/")
    try:
        assert link("staff:case", 5) == reverse("staff:case", args=[5]) == "/landlord/staff/complaints/5/"
    finally:
        clear_script_prefix()
    assert link("staff:case", 5) == "/staff/complaints/5/"


def test_the_link_tag_draws_the_same_path_as_the_url_tag():
    drawn = Template("{% load ui_links %}{% link 'staff:case' pk %}|{% url 'staff:case' pk %}").render(
        Context({"pk": 31})
    )
    one, two = drawn.split("|")
    assert one == two == "/staff/complaints/31/"


def test_a_link_refuses_the_wrong_number_of_ids():
    with pytest.raises(NoReverseMatch):
        link("staff:case", 1, 2)
