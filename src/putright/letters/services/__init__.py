"""Letter services: the only writers of letters and letter templates."""

from putright.letters.services.drafting import (
    editable_fields,
    letter_draft_for_event,
    letter_draft_update,
    letter_edit,
    letters_held_as_drafts,
)
from putright.letters.services.issuing import letter_issue
from putright.letters.services.sending import letter_mark_posted, letter_send, letter_send_later
from putright.letters.services.templates import letter_template_save

__all__ = [
    "editable_fields",
    "letter_draft_for_event",
    "letter_draft_update",
    "letter_edit",
    "letter_issue",
    "letter_mark_posted",
    "letter_send",
    "letter_send_later",
    "letter_template_save",
    "letters_held_as_drafts",
]
