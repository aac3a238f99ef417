def test_a_service_request_is_reviewed_and_closed_from_its_page_code_1_4(client, handler, now):
    from putright.cases import services
    from putright.cases.models import Resident

    resident = Resident.objects.create(name="Rae Review")
    request = services.service_request_create(
        actor=handler, resident=resident, description="Fence panel down", opened_on=now.date()
    )
    client.force_login(handler)
    url = f"/staff/service-requests/{request.pk}/review/"
    response = client.post(url, {"outcome": "open", "reviewed_on": "", "next_review_on": ""})
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    day = now.date()
    response = client.post(
        url,
        {
            "outcome": "completed",
            "reviewed_on-day": day.day,
            "reviewed_on-month": day.month,
            "reviewed_on-year": day.year,
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.completed_on) == ("completed", day)
