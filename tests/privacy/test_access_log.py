"""Who viewed whose special category data (UK GDPR art. 9): the report by command and for a page."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from putright.cases.access import access_log_special_category_read
from putright.cases.models import SpecialCategoryRead
from putright.privacy.access import access_can_read_access_log
from putright.privacy.access_log import access_log_rows, special_category_reads

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(story, handler, reviewer, officer):
    access_log_special_category_read(reviewer, resident_id=story.ada.pk, where="stage 2 case page")
    access_log_special_category_read(officer, resident_id=story.grace.pk, where="case page")
    return story


def test_the_report_says_who_viewed_whose_details_where_and_when(reads):
    rows = access_log_rows(special_category_reads())
    seen = {(row.username, row.resident_name, row.where) for row in rows}
    assert {
        ("hana", "Ada Lovelace", "case page"),
        ("rory", "Ada Lovelace", "stage 2 case page"),
        ("olive", "Grace Hopper", "case page"),
    } <= seen
    assert rows == sorted(rows, key=lambda row: row.at, reverse=True)


def test_the_report_filters_by_resident(reads):
    rows = access_log_rows(special_category_reads(resident_id=reads.grace.pk))
    assert [(row.username, row.resident_id) for row in rows] == [("olive", reads.grace.pk)]


def test_the_report_filters_by_date(reads):
    assert special_category_reads(since=timezone.now() + timedelta(days=1)).count() == 0
    assert special_category_reads(since=timezone.now() - timedelta(days=1)).count() >= 3


def test_a_page_of_the_report_costs_one_query_however_many_rows(reads, handler, django_assert_num_queries):
    for n in range(30):
        access_log_special_category_read(handler, resident_id=reads.ada.pk, where=f"page {n}")
    with django_assert_num_queries(1):
        rows = access_log_rows(special_category_reads()[:25])
    assert len(rows) == 25


def test_the_command_prints_the_rows_and_a_count(reads):
    out = StringIO()
    call_command("access-log", "--resident", str(reads.ada.pk), stdout=out)
    text = out.getvalue()
    assert "hana" in text and "rory" in text and "Grace" not in text
    assert text.strip().endswith("2 read(s)")


def test_the_command_writes_csv_that_a_spreadsheet_cannot_run_as_a_formula(reads, handler):
    from putright.cases.models import Resident

    Resident.objects.filter(pk=reads.grace.pk).update(name='=HYPERLINK("http://evil.example")')
    out = StringIO()
    call_command("access-log", "--csv", "--resident", str(reads.grace.pk), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "when,staff,role,resident,resident name,where"
    assert "'=HYPERLINK" in lines[1]


def test_a_reader_cannot_be_deleted_and_still_shows_by_name_once_deactivated(reads, make_user, now):
    # Staff are deactivated, never deleted: the log keeps naming who read what (UK GDPR art. 9).
    from django.db.models import ProtectedError

    from putright.accounts.services.users import user_deactivate

    temp = make_user("handler", "temp")
    access_log_special_category_read(temp, resident_id=reads.ada.pk, where="case page")
    with pytest.raises(ProtectedError):
        temp.delete()
    user_deactivate(actor=None, user_id=temp.pk, now=now)
    usernames = {row.username for row in access_log_rows(special_category_reads())}
    assert "temp" in usernames


def test_rows_are_never_changed_or_removed(reads):
    from putright.core.immutable import RecordIsImmutable

    with pytest.raises(RecordIsImmutable):
        SpecialCategoryRead.objects.all().delete()


def test_the_complaints_officer_and_administrators_may_read_the_report(make_user):
    assert access_can_read_access_log(make_user("complaints_officer"))
    assert access_can_read_access_log(make_user("administrator"))
    assert not access_can_read_access_log(make_user("handler"))
    assert not access_can_read_access_log(make_user("governance"))


def test_the_report_in_chunks_holds_every_row_once_in_order(reads, handler):
    from putright.privacy.access_log import access_log_in_chunks

    for n in range(10):
        access_log_special_category_read(handler, resident_id=reads.ada.pk, where=f"chunk {n}")
    whole = access_log_rows(special_category_reads())
    assert list(access_log_in_chunks(special_category_reads(), chunk=3)) == whole
    assert list(access_log_in_chunks(special_category_reads(), chunk=len(whole))) == whole


def test_the_report_filters_by_member_of_staff_and_before_a_moment(reads, reviewer):
    rows = access_log_rows(special_category_reads(user_id=reviewer.pk))
    assert [(row.username, row.where) for row in rows] == [("rory", "stage 2 case page")]
    assert special_category_reads(until=timezone.now() - timedelta(days=1)).count() == 0
    assert special_category_reads(until=timezone.now() + timedelta(days=1)).count() >= 3
