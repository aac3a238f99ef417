"""The Code's provisions as data (Appendix A of the 2024 Code; the 2020 form)."""

import pytest

from putright.rules.provisions import (
    Edition,
    Provision,
    provision,
    provisions_for,
    sections_for,
)

# Expected per-section counts in Appendix A: 1.2-1.6, 2.1-2.5, 3.1-3.7, 4.1-4.3, 5.1-5.15,
# 6.1-6.20, 7.1-7.4, 8.1-8.5, 9.1-9.8.
APPENDIX_A_COUNTS = {1: 5, 2: 5, 3: 7, 4: 3, 5: 15, 6: 20, 7: 4, 8: 5, 9: 8}


def _key(pid: str) -> tuple[int, int]:
    section, number = pid.split(".")
    return int(section), int(number)


def test_appendix_a_of_the_2024_code_has_exactly_72_provisions() -> None:
    assert len(provisions_for(Edition.HOS_2024)) == 72


def test_the_default_edition_is_the_2024_code() -> None:
    assert provisions_for() == provisions_for("hos-2024")


def test_2024_provisions_run_from_1_2_to_9_8_in_order_with_unique_ids() -> None:
    ids = [p.id for p in provisions_for()]
    assert ids[0] == "1.2" and ids[-1] == "9.8"
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids, key=_key)


def test_2024_provisions_are_numbered_without_gaps_within_each_section() -> None:
    by_section: dict[int, list[int]] = {}
    for p in provisions_for():
        by_section.setdefault(p.section, []).append(_key(p.id)[1])
        assert _key(p.id)[0] == p.section
    assert {s: len(n) for s, n in by_section.items()} == APPENDIX_A_COUNTS
    for section, numbers in by_section.items():
        first = 2 if section == 1 else 1
        assert numbers == list(range(first, first + len(numbers)))


def test_paragraph_1_1_is_introductory_and_not_in_appendix_a() -> None:
    with pytest.raises(KeyError, match=r"1\.1"):
        provision(Edition.HOS_2024, "1.1")


def test_2024_sections_are_one_to_nine_with_the_appendix_titles() -> None:
    sections = sections_for(Edition.HOS_2024)
    assert [n for n, _ in sections] == list(range(1, 10))
    titles = dict(sections)
    assert titles[1] == "Definition of a complaint"
    assert titles[2] == "Exclusions"
    assert titles[6] == "Complaints Stages"
    assert titles[7] == "Putting things right"
    assert titles[9] == "Scrutiny & oversight: continuous learning and improvement"
    assert {p.section_title for p in provisions_for() if p.section == 5} == {"The Complaint Handling Process"}


def test_section_8_takes_the_body_title_not_the_appendix_typo() -> None:
    assert dict(sections_for())[8] == "Self-assessment, reporting and compliance"
    assert provision("hos-2024", "8.1").section_title == "Self-assessment, reporting and compliance"


SPOT_CHECKS = [
    (
        "1.2",
        "A complaint must be defined as: \u2018an expression of dissatisfaction, however made, "
        "about the standard of service, actions or lack of action by the landlord, its own "
        "staff, or those acting on its behalf, affecting a resident or group of residents.\u2019",
    ),
    ("1.5", "even if the handling of the service request remains ongoing."),
    (
        "2.2",
        "Acceptable exclusions include: \u2022 The issue giving rise to the complaint occurred "
        "over twelve months ago. \u2022 Legal proceedings have started.",
    ),
    (
        "2.4",
        "the right to take that decision to the Ombudsman. If the Ombudsman does not agree "
        "that the exclusion has been fairly applied, the Ombudsman may tell the landlord to "
        "take on the complaint.",
    ),
    ("3.7", "their right to access the Ombudsman service and how the individual can engage"),
    (
        "5.3",
        "A process with more than two stages is not acceptable under any circumstances as this "
        "will make the complaint process unduly long and delay access to the Ombudsman.",
    ),
    ("5.6", "The Code will refer to this as \u201cthe complaint definition\u201d."),
    (
        "5.8",
        "complaint handlers must: a. deal with complaints on their merits, act independently, "
        "and have an open mind; b. give the resident a fair chance to set out their position;",
    ),
    (
        "5.12",
        "This must include the original complaint and the date received, all correspondence "
        "with the resident, correspondence with other parties, and any relevant supporting "
        "documentation such as reports or surveys.",
    ),
    (
        "6.2",
        "Complaints must be acknowledged, defined and logged at stage 1 of the complaints "
        "procedure within five working days of the complaint being received.",
    ),
    (
        "6.4",
        "Any extension must be no more than 10 working days without good reason, and the "
        "reason(s) must be clearly explained to the resident.",
    ),
    (
        "6.9",
        "f. details of any outstanding actions; and g. details of how to escalate the matter "
        "to stage 2 if the individual is not satisfied with the response.",
    ),
    (
        "6.13",
        "The person considering the complaint at stage 2 must not be the same person that "
        "considered the complaint at stage 1.",
    ),
    (
        "6.19",
        "g. details of how to escalate the matter to the Ombudsman Service if the individual "
        "remains dissatisfied.",
    ),
    (
        "7.1",
        "These can include: \u2022 Apologising; \u2022 Acknowledging where things have gone wrong;",
    ),
    (
        "7.3",
        "The remedy offer must clearly set out what will happen and by when, in agreement with "
        "the resident where appropriate. Any remedy proposed must be followed through to "
        "completion.",
    ),
    ("8.5", "publish this on their website Landlords must provide a timescale"),
    (
        "9.8",
        "c. act within the professional standards for engaging with complaints as set by any "
        "relevant professional body.",
    ),
]


@pytest.mark.parametrize(("pid", "snippet"), SPOT_CHECKS)
def test_2024_requirement_text_is_the_appendix_a_text(pid: str, snippet: str) -> None:
    assert snippet in provision(Edition.HOS_2024, pid).requirement


def test_requirement_6_3_is_the_whole_appendix_text() -> None:
    assert provision("hos-2024", "6.3").requirement == (
        "Landlords must issue a full response to stage 1 complaints within 10 working days "
        "of the complaint being acknowledged."
    )


@pytest.mark.parametrize("edition", list(Edition))
def test_requirements_are_single_clean_lines_for_the_cli(edition: Edition) -> None:
    for p in provisions_for(edition):
        assert p.requirement, p.id
        assert "\t" not in p.requirement and "\n" not in p.requirement, p.id
        assert p.requirement == " ".join(p.requirement.split()), p.id
        assert "<" not in p.requirement and "**" not in p.requirement, p.id


def test_2020_form_has_unique_questions_in_its_eight_sections() -> None:
    questions = provisions_for(Edition.HOS_2020)
    assert len(questions) == 38
    assert len({q.id for q in questions}) == len(questions)
    assert [n for n, _ in sections_for("hos-2020")] == list(range(1, 9))
    assert {q.section for q in questions} == set(range(1, 9))


def test_2020_form_asks_about_evidence_requests_within_15_days() -> None:
    q = provision("hos-2020", "5.1")
    assert q.section_title == "Cooperation with Housing Ombudsman Service"
    assert q.requirement == "Were all requests for evidence responded to within 15 days?"


def test_unknown_provision_raises_key_error_naming_edition_and_id() -> None:
    with pytest.raises(KeyError, match=r"hos-2024.*'10\.1'"):
        provision("hos-2024", "10.1")


def test_unknown_edition_is_refused_with_the_known_editions() -> None:
    with pytest.raises(ValueError, match="hos-2024, hos-2020"):
        provisions_for("hos-2019")


def test_provisions_are_immutable() -> None:
    p = provisions_for()[0]
    assert isinstance(p, Provision)
    with pytest.raises(AttributeError):
        p.requirement = "changed"  # type: ignore[misc]
