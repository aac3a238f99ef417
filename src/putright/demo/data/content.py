"""Realistic-looking demo content: names, categories and complaint texts."""

CATEGORIES = [
    ("repairs", "Repairs"),
    ("damp-mould", "Damp and mould"),
    ("antisocial-behaviour", "Anti-social behaviour"),
    ("staff-conduct", "Staff conduct"),
    ("communication", "Communication"),
    ("rent-service-charges", "Rent and service charges"),
    ("estate-services", "Estate services and cleaning"),
    ("lettings", "Lettings and allocations"),
    ("heating-hot-water", "Heating and hot water"),
    ("contractors", "Contractors"),
]

# The landlord's service areas and who owns each (a demo account).
SERVICE_AREAS = [
    ("repairs", "Repairs", "harry"),
    ("lettings", "Lettings", "hana"),
    ("income", "Income", "olive"),
    ("anti-social-behaviour", "Anti-social behaviour", "rory"),
    ("estates", "Estates", "olive"),
]
# Where a complaint in each category usually comes from; the others are spread over all areas.
CATEGORY_AREAS = {
    "repairs": "repairs",
    "damp-mould": "repairs",
    "heating-hot-water": "repairs",
    "contractors": "repairs",
    "lettings": "lettings",
    "rent-service-charges": "income",
    "antisocial-behaviour": "anti-social-behaviour",
    "estate-services": "estates",
}


def service_area_for(category: str, i: int) -> str | None:
    """The demo complaint's service area: by its category, some spread over every area, and one
    in fifteen left without one (as when the caseworker did not know), without drawing on the
    random sequence so the rest of the demo stays as it was."""
    if i % 15 == 7:
        return None
    return CATEGORY_AREAS.get(category) or SERVICE_AREAS[i % len(SERVICE_AREAS)][0]


FIRST = [
    "Amina",
    "Ben",
    "Chloe",
    "Darius",
    "Eleni",
    "Femi",
    "Grace",
    "Hamza",
    "Irene",
    "Jack",
    "Kasia",
    "Liam",
    "Maya",
    "Nathan",
    "Olu",
    "Priya",
    "Quentin",
    "Rosa",
    "Sean",
    "Tariq",
    "Uma",
    "Victor",
    "Wendy",
    "Xavier",
    "Yusuf",
    "Zofia",
]
LAST = [
    "Ahmed",
    "Brown",
    "Clarke",
    "Davies",
    "Evans",
    "Farah",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Nowak",
    "Owusu",
    "Patel",
    "Quinn",
    "Roberts",
    "Singh",
    "Taylor",
    "Usman",
    "Vaughan",
    "Walker",
    "Young",
]

TEXTS = {
    "repairs": [
        "I reported a leaking kitchen tap three times and nobody has come to fix it.",
        "The front door lock is broken and the repair appointment was missed twice.",
    ],
    "damp-mould": [
        "There is black mould spreading in my child's bedroom and it keeps coming back after painting.",
        "Damp patches on the bathroom ceiling have got worse since the roof repair in the spring.",
    ],
    "antisocial-behaviour": [
        "My neighbour plays loud music every night and my reports to the housing officer were ignored.",
    ],
    "staff-conduct": [
        "The officer who visited was rude to my mother and would not listen to her.",
    ],
    "communication": [
        "I have emailed four times about my transfer and never had a reply.",
        "Nobody told me the gas safety check had been moved, so I took a day off work for nothing.",
    ],
    "rent-service-charges": [
        "My service charge went up by 40% with no explanation of what it covers.",
    ],
    "estate-services": [
        "The communal stairs have not been cleaned for six weeks and there is rubbish piling up.",
    ],
    "lettings": [
        "I was told my bidding number was wrong and lost my place for a flat I was offered.",
    ],
    "heating-hot-water": [
        "We have had no hot water for nine days and the contractor keeps cancelling.",
        "The boiler has broken down for the third time this winter.",
    ],
    "contractors": [
        "The contractor left a hole in my wall and dust all over the living room.",
    ],
}

DEFINITIONS = {
    "repairs": "Delay in completing a reported repair and missed appointments.",
    "damp-mould": "Recurring damp and mould in the home and how the landlord has responded to reports of it.",
    "antisocial-behaviour": "How the landlord has handled reports of anti-social behaviour from a neighbour.",
    "staff-conduct": "The conduct of a member of staff during a home visit.",
    "communication": "Failure to reply to the resident's emails and to tell them about changes.",
    "rent-service-charges": "The increase in the service charge and the lack of explanation.",
    "estate-services": "The standard of communal cleaning.",
    "lettings": "How the resident's housing application and bid were handled.",
    "heating-hot-water": "Loss of heating or hot water and delays in repairing it.",
    "contractors": "Damage and mess left by a contractor working for the landlord.",
}
