"""Service areas on complaints: chosen when logged, moved as one action with its event."""

from __future__ import annotations

from datetime import date

import pytest

from putright.cases import services
from putright.cases.models import CaseEvent, EventAction
from putright.core.errors import InvalidInput
from putright.landlord.models import ServiceArea
from putright.landlord.service_areas import service_area_add, service_area_set_active, service_area_update
from tests.cases.factories import at, log

pytestmark = pytest.mark.django_db
RECEIVED = date(2026, 11, 23)


@pytest.fixture
def areas(officer):
    repairs = service_area_add(actor=officer, name="Repairs", owner_id=officer.pk)
    lettings = service_area_add(actor=officer, name="Lettings", owner_id=officer.pk)
    return repairs, lettings


def test_a_complaint_logged_with_a_service_area_carries_it(officer, areas):
    complaint = log(officer, RECEIVED, service_area="repairs")
    assert complaint.service_area == areas[0]


def test_logging_with_an_unknown_or_deactivated_service_area_is_a_field_error(officer, areas):
    with pytest.raises(InvalidInput) as unknown:
        log(officer, RECEIVED, service_area="gardening")
    assert "service_area" in unknown.value.errors
    service_area_set_active(actor=officer, area_id=areas[1].pk, active=False)
    with pytest.raises(InvalidInput) as deactivated:
        log(officer, RECEIVED, service_area="lettings")
    assert "service_area" in deactivated.value.errors


def test_moving_a_complaint_between_service_areas_writes_one_event_naming_both(officer, areas):
    complaint = log(officer, RECEIVED, service_area="repairs")
    before = CaseEvent.objects.filter(complaint=complaint).count()
    moved = services.complaint_set_service_area(
        actor=officer, now=at(RECEIVED, 14), complaint_id=complaint.pk, service_area="lettings"
    )
    assert moved.service_area == areas[1]
    events = list(CaseEvent.objects.filter(complaint=complaint).order_by("id"))
    assert len(events) == before + 1
    event = events[-1]
    assert event.action == EventAction.SERVICE_AREA_CHANGED
    assert event.summary == "Service area changed from Repairs to Lettings"
    assert (event.before["service_area"], event.after["service_area"]) == ("repairs", "lettings")


def test_a_service_area_can_be_set_on_a_complaint_without_one_and_removed_again(officer, areas):
    complaint = log(officer, RECEIVED)
    services.complaint_set_service_area(
        actor=officer, now=at(RECEIVED, 14), complaint_id=complaint.pk, service_area="repairs"
    )
    cleared = services.complaint_set_service_area(
        actor=officer, now=at(RECEIVED, 15), complaint_id=complaint.pk, service_area=None
    )
    assert cleared.service_area is None
    summaries = list(
        CaseEvent.objects.filter(complaint=complaint, action=EventAction.SERVICE_AREA_CHANGED).values_list(
            "summary", flat=True
        )
    )
    assert summaries == [
        "Service area changed from none to Repairs",
        "Service area changed from Repairs to none",
    ]


def test_moving_a_complaint_to_the_area_it_is_in_is_refused_and_records_nothing(officer, areas):
    complaint = log(officer, RECEIVED, service_area="repairs")
    with pytest.raises(InvalidInput) as refused:
        services.complaint_set_service_area(
            actor=officer, now=at(RECEIVED, 14), complaint_id=complaint.pk, service_area="repairs"
        )
    assert "already in Repairs" in refused.value.errors["service_area"][0]
    assert not CaseEvent.objects.filter(complaint=complaint, action=EventAction.SERVICE_AREA_CHANGED).exists()


def test_a_service_area_needs_a_name_and_an_active_owner(officer, make_user):
    leaver = make_user()
    leaver.is_active = False
    leaver.save()
    with pytest.raises(InvalidInput) as refused:
        service_area_add(actor=officer, name="  ", owner_id=leaver.pk)
    assert set(refused.value.errors) == {"name", "owner"}


def test_two_service_areas_cannot_share_a_name_whatever_its_case(officer, areas):
    with pytest.raises(InvalidInput) as refused:
        service_area_add(actor=officer, name="repairs", owner_id=officer.pk)
    assert "already a service area" in refused.value.errors["name"][0]


def test_renaming_a_service_area_keeps_its_slug_and_gives_it_a_new_owner(officer, handler, areas):
    renamed = service_area_update(
        actor=officer, area_id=areas[0].pk, name="Responsive repairs", owner_id=handler.pk
    )
    assert (renamed.slug, renamed.name, renamed.owner) == ("repairs", "Responsive repairs", handler)
    assert ServiceArea.objects.get(pk=areas[0].pk).name == "Responsive repairs"
