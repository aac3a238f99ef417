"""The 2020 Complaint Handling Code's self-assessment form, as data.

The Housing Ombudsman's first Code (July 2020, Parts A-C) came with a question-style
self-assessment form (Part C 2.1: to be completed by 31 December 2020). The form numbers
its eight sections but not the questions within them, so a question's id here is
"<section>.<position in the section>" (``"3.5"`` is the fifth question of section 3).

Transcribed from the form as two landlords published it (a London borough's and a
district council's 2021 cabinet report); both carry the same questions. Where a row holds
several prompts (the timeliness figures per stage, the audiences for lessons learned) they
stay together in one question. The blank form puts "How many cases did we refuse to
escalate?" and "What was the reason for the refusal?" on separate rows; so do we.
"""

SECTIONS: tuple[tuple[int, str], ...] = (
    (1, "Definition of a complaint"),
    (2, "Accessibility"),
    (3, "Complaints team and process"),
    (4, "Communication"),
    (5, "Cooperation with Housing Ombudsman Service"),
    (6, "Fairness in complaint handling"),
    (7, "Outcomes and remedies"),
    (8, "Continuous learning and improvement"),
)

_QUESTIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            "Does the complaints process use the following definition of a complaint? "
            "An expression of dissatisfaction, however made, about the standard of service, "
            "actions or lack of action by the organisation, its own staff, or those acting on "
            "its behalf, affecting an individual resident or group of residents.",
            "Does the policy have exclusions where a complaint will not be considered?",
            "Are these exclusions reasonable and fair to residents?",
            "Evidence relied upon",
        ),
    ),
    (
        2,
        (
            "Are multiple accessibility routes available for residents to make a complaint?",
            "Is the complaints policy and procedure available online?",
            "Do we have a reasonable adjustments policy?",
            "Do we regularly advise residents about our complaints process?",
        ),
    ),
    (
        3,
        (
            "Is there a complaint officer or equivalent in post?",
            "Does the complaint officer have autonomy to resolve complaints?",
            "Does the complaint officer have authority to compel engagement from other "
            "departments to resolve disputes?",
            "If there is a third stage to the complaints procedure are residents involved in "
            "the decision making?",
            "Is any third stage optional for residents?",
            "Does the final stage response set out residents' right to refer the matter to the "
            "Housing Ombudsman Service?",
            "Do we keep a record of complaint correspondence including correspondence from the resident?",
            "At what stage are most complaints resolved?",
        ),
    ),
    (
        4,
        (
            "Are residents kept informed and updated during the complaints process?",
            "Are residents informed of the landlord's position and given a chance to respond "
            "and challenge any area of dispute before the final decision?",
            "Are all complaints acknowledged and logged within five days?",
            "Are residents advised of how to escalate at the end of each stage?",
            "What proportion of complaints are resolved at stage one?",
            "What proportion of complaints are resolved at stage two?",
            "What proportion of complaint responses are sent within Code timescales? "
            "Stage one; Stage one (with extension); Stage two; Stage two (with extension)",
            "Where timescales have been extended did we have good reason?",
            "Where timescales have been extended did we keep the resident informed?",
            "What proportion of complaints do we resolve to residents' satisfaction",
        ),
    ),
    (
        5,
        (
            "Were all requests for evidence responded to within 15 days?",
            "Where the timescale was extended did we keep the Ombudsman informed?",
        ),
    ),
    (
        6,
        (
            "Are residents able to complain via a representative throughout?",
            "If advice was given, was this accurate and easy to understand?",
            "How many cases did we refuse to escalate?",
            "What was the reason for the refusal?",
            "Did we explain our decision to the resident?",
        ),
    ),
    (
        7,
        ("Where something has gone wrong are we taking appropriate steps to put things right?",),
    ),
    (
        8,
        (
            "What improvements have we made as a result of learning from complaints?",
            "How do we share these lessons with: a) residents? b) the board/governing body? "
            "c) In the Annual Report?",
            "Has the Code made a difference to how we respond to complaints?",
            "What changes have we made?",
        ),
    ),
)

PROVISIONS: tuple[tuple[str, int, str], ...] = tuple(
    (f"{section}.{position}", section, question)
    for section, questions in _QUESTIONS
    for position, question in enumerate(questions, start=1)
)
