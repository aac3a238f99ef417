"""The policy a landlord starts from, and which Code provisions each of its sections meets.

The wording follows putright's published page before the policy became a document; the
numbers are placeholders filled from the landlord's settings (see ``placeholders``), so a
landlord who edits the words cannot make the policy disagree with the deadlines.
"""

from __future__ import annotations

from putright.rules.policy import REQUIRED_SECTIONS

_BODIES = {
    "definitions": (
        "A complaint is an expression of dissatisfaction, however made, about the standard of service, "
        "actions or lack of action by {landlord_name}, its own staff, or those acting on its behalf, "
        "affecting a resident or group of residents.\n\n"
        "You do not need to use the word complaint. If you tell us you are unhappy, we will ask if you "
        "want to make a complaint.\n\n"
        "A service request, such as asking for a repair, is not a complaint. We record it and check on "
        "it. If you are unhappy with how we deal with your request, you can complain, and we keep "
        "working on the request. Unhappiness told to us in a survey is not a complaint, but we tell you "
        "how to complain."
    ),
    "how_to_complain": (
        "You can complain in any way, to anyone who works for us:\n"
        "- online, on this website\n- by phone: {complaints_phone}\n- by email: {complaints_email}\n"
        "- by post: {complaints_address}\n- in person, to any member of staff\n\n"
        "Our complaints officer, {complaints_officer}, is responsible for complaint handling."
    ),
    "exclusions": (
        "We accept complaints unless there is a good reason not to, and we look at each complaint on "
        "its own. We may not accept a complaint when:\n"
        "- the problem happened more than 12 months ago and you found out about it more than 12 months "
        "ago (we will still think about whether to look at it)\n"
        "- legal proceedings have started, which means a claim has been filed at court\n"
        "- we have previously considered it under this policy\n\n"
        "If we do not accept your complaint, we will write to tell you why, and that you can ask the "
        "Housing Ombudsman to look at our decision."
    ),
    "timescales": (
        "Our complaints process has 2 stages.\n\n"
        "Stage 1: we will acknowledge your complaint within {stage1_acknowledge_days} working days, "
        "saying what we understand it to be about and what you want to happen. We will give you our "
        "answer within {stage1_respond_days} working days of that. If we need more time we will tell you "
        "why; this will be no more than {stage1_extension_days} extra working days unless there is a good "
        "reason.\n\n"
        "Stage 2: if you are not happy with our answer you can ask us to look again, without giving a "
        "reason. We will acknowledge your request within {stage2_acknowledge_days} working days. Someone "
        "who did not deal with stage 1 will give you our final answer within {stage2_respond_days} working "
        "days of that, or no more than {stage2_extension_days} extra working days if we need more time.\n\n"
        "Working days are Monday to Friday, not counting bank holidays."
    ),
    "representatives": (
        "Someone else can complain for you, such as a relative, friend, advocate or councillor, if you "
        "agree. They can also come to meetings with you."
    ),
    "adjustments": (
        "Tell us if you need us to do things differently because of a disability or anything else. We "
        "will record what we agree and keep it under review with you. We can send letters in large print, "
        "easy read, Braille, audio or another language."
    ),
    "behaviour": (
        "We will only limit how someone contacts us when their behaviour is unacceptable, with reasons we "
        "can evidence, in proportion, with regard to the Equality Act 2010, and we review it regularly."
    ),
    "remedies": (
        "Where something has gone wrong we will say so and put it right: by apologising, explaining, "
        "acting on a delay, changing a decision or a record, paying compensation, or changing how we work. "
        "We take account of the Housing Ombudsman's remedies guidance, and we tell you what will happen "
        "and by when."
    ),
    "ombudsman": (
        "The Housing Ombudsman is free and independent. You can ask them for help at any time during your "
        "complaint, and after our final answer you can ask them to investigate.\n\n{ombudsman_details}"
    ),
    "learning": (
        "We follow the Housing Ombudsman's Complaint Handling Code. We publish this policy, our annual "
        "complaints report and our self-assessment against the Code on our website. Our senior lead "
        "({senior_lead}) looks for themes, and our Member Responsible for Complaints ({mrc}) makes sure "
        "the governing body hears about complaints and what we learned."
    ),
}


def starter_sections() -> list[dict[str, str]]:
    """The ten sections the Code asks for, with wording to start from."""
    return [
        {"key": s.key, "title": s.title, "body": _BODIES[s.key], "easy_read": ""} for s in REQUIRED_SECTIONS
    ]


# Code 2024 provision -> the starter sections that meet it.
STARTER_MAPPING: dict[str, tuple[str, ...]] = {
    "1.2": ("definitions",),
    "1.3": ("definitions", "representatives"),
    "1.4": ("definitions",),
    "1.5": ("definitions",),
    "1.6": ("definitions",),
    "2.1": ("exclusions",),
    "2.2": ("exclusions",),
    "2.3": ("exclusions",),
    "2.4": ("exclusions",),
    "2.5": ("exclusions",),
    "3.1": ("how_to_complain", "adjustments"),
    "3.2": ("how_to_complain",),
    "3.4": ("timescales",),
    "3.5": ("learning",),
    "3.6": ("representatives",),
    "3.7": ("ombudsman",),
    "4.1": ("how_to_complain",),
    "5.1": ("timescales",),
    "5.2": ("timescales",),
    "5.3": ("timescales",),
    "5.6": ("timescales",),
    "5.10": ("adjustments",),
    "5.11": ("exclusions",),
    "5.13": ("remedies",),
    "5.14": ("behaviour",),
    "5.15": ("behaviour",),
    "6.2": ("timescales",),
    "6.3": ("timescales",),
    "6.4": ("timescales",),
    "6.11": ("timescales",),
    "6.12": ("timescales",),
    "6.13": ("timescales",),
    "6.14": ("timescales",),
    "6.15": ("timescales",),
    "7.1": ("remedies",),
    "7.2": ("remedies",),
    "7.3": ("remedies",),
    "7.4": ("remedies",),
    "9.1": ("learning",),
    "9.4": ("learning",),
    "9.5": ("learning",),
}
