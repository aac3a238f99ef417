"""Each Code check on the complaints policy, named after what it guarantees, with its paragraph."""

from __future__ import annotations

from putright.rules.policy import REQUIRED_SECTIONS, Severity, blocking, check_policy

CODE_TIMESCALES = {
    "stage1_acknowledge_days": 5,
    "stage1_respond_days": 10,
    "stage2_acknowledge_days": 5,
    "stage2_respond_days": 20,
}


def good_sections() -> dict[str, str]:
    sections = {s.key: f"Text about {s.title.lower()}." for s in REQUIRED_SECTIONS}
    sections["definitions"] = "A complaint is ... A service request is not a complaint."
    sections["exclusions"] = (
        "We may not accept a complaint when:\n- it happened over 12 months ago\n"
        "- legal proceedings have started\n- we have previously considered it"
    )
    sections["learning"] = "We follow the Housing Ombudsman's Complaint Handling Code."
    return sections


def paragraphs(sections: dict[str, str], timescales: dict[str, int] | None = None) -> set[str]:
    return {f.code_paragraph for f in check_policy(sections, timescales or CODE_TIMESCALES)}


def test_a_policy_that_follows_the_code_has_no_findings() -> None:
    assert check_policy(good_sections(), CODE_TIMESCALES) == []


def test_a_missing_ombudsman_section_is_a_problem_3_7() -> None:
    sections = good_sections()
    del sections["ombudsman"]
    findings = check_policy(sections, CODE_TIMESCALES)
    assert [(f.code_paragraph, f.section, f.severity) for f in findings] == [
        ("3.7", "ombudsman", Severity.PROBLEM)
    ]


def test_a_blank_section_counts_as_missing_with_its_own_paragraph() -> None:
    for required in REQUIRED_SECTIONS:
        sections = good_sections()
        sections[required.key] = "   "
        assert required.code_paragraph in paragraphs(sections), required.key


def test_the_definitions_must_tell_a_service_request_from_a_complaint_1_4() -> None:
    sections = good_sections()
    sections["definitions"] = "A complaint is an expression of dissatisfaction."
    assert paragraphs(sections) == {"1.4"}


def test_an_exclusion_not_among_those_the_code_names_is_flagged_to_weigh_2_2() -> None:
    sections = good_sections()
    sections["exclusions"] += "\n- complaints about neighbours' noise"
    findings = check_policy(sections, CODE_TIMESCALES)
    assert [(f.code_paragraph, f.severity) for f in findings] == [("2.2", Severity.WEIGH)]
    assert "neighbours' noise" in findings[0].message
    assert blocking(findings) == []


def test_a_time_limit_shorter_than_twelve_months_is_a_problem_2_3() -> None:
    sections = good_sections()
    sections["exclusions"] = "- the issue happened more than six months ago"
    assert "2.3" in paragraphs(sections)


def test_a_blanket_exclusion_is_a_problem_2_5() -> None:
    sections = good_sections()
    sections["exclusions"] += "\nWe will not consider any complaints about service charges."
    assert paragraphs(sections) == {"2.5"}


def test_a_third_or_informal_stage_is_a_problem_5_2() -> None:
    for words in ("There is a stage 3 review panel.", "Complaints start at an informal stage.", "Stage 0"):
        sections = good_sections()
        sections["timescales"] = words
        assert paragraphs(sections) == {"5.2"}, words


def test_a_timescale_longer_than_the_codes_is_a_problem_with_its_paragraph_6_2_6_3_6_11_6_14() -> None:
    cases = {
        "stage1_acknowledge_days": ("6.2", 6),
        "stage1_respond_days": ("6.3", 15),
        "stage2_acknowledge_days": ("6.11", 6),
        "stage2_respond_days": ("6.14", 21),
    }
    for name, (paragraph, days) in cases.items():
        findings = check_policy(good_sections(), {**CODE_TIMESCALES, name: days})
        assert [(f.code_paragraph, f.section) for f in findings] == [(paragraph, "timescales")], name
        assert f"{days} working days is longer than the Code's" in findings[0].message


def test_a_timescale_shorter_than_the_codes_is_allowed() -> None:
    assert check_policy(good_sections(), {**CODE_TIMESCALES, "stage1_respond_days": 8}) == []


def test_a_number_of_working_days_typed_into_the_text_is_a_problem_3_4() -> None:
    sections = good_sections()
    sections["timescales"] = "We answer within 10 working days."
    assert paragraphs(sections) == {"3.4"}
    sections["timescales"] = "We answer within {stage1_respond_days} working days."
    assert paragraphs(sections) == set()


def test_a_policy_that_never_names_the_code_is_a_problem_3_5() -> None:
    sections = good_sections()
    sections["learning"] = "We learn from complaints."
    assert paragraphs(sections) == {"3.5"}
