"""A hazard flag set on a complaint before hazard records existed becomes a hazard record.

Its clock runs from the complaint's receipt (when the landlord became aware), not from the
flag; the flag's time is kept in the reason. An emergency or "other" flag named no HHSRS
hazard, so the record's hazard is left blank for a person to name.
"""

import secrets

from django.conf import settings
from django.db import migrations

from putright.rules.calendar import calendar_for
from putright.rules.hazard_scope import HazardKind
from putright.rules.hazards import Progress, due_instant, next_deadline

KINDS = {
    "emergency": ("emergency", ""),
    "damp_mould": ("significant", "damp_and_mould"),
    "other": ("significant", ""),
}
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _reference():
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"HAZ-{body[:4]}-{body[4:]}"


def flags_to_records(apps, schema_editor):
    Complaint = apps.get_model("cases", "Complaint")
    Hazard = apps.get_model("hazards", "Hazard")
    HazardEvent = apps.get_model("hazards", "HazardEvent")
    calendar = calendar_for(settings.PUTRIGHT_NATION)
    flagged = Complaint.objects.exclude(hazard="").select_related("resident")
    for complaint in flagged.iterator():
        kind, name = KINDS.get(complaint.hazard, ("significant", ""))
        found = next_deadline(Progress(kind=HazardKind(kind), aware_at=complaint.received_at), calendar)
        flagged_at = complaint.hazard_flagged_at or complaint.received_at
        hazard = Hazard.objects.create(
            reference=_reference(),
            complaint=complaint,
            resident=complaint.resident,
            home=complaint.resident.address,
            vulnerable=complaint.vulnerable,
            reported_by=complaint.resident.name,
            kind=kind,
            hazard=name,
            description=complaint.description,
            aware_at=complaint.received_at,
            aware_reason=f"Recorded from the complaint's hazard flag, set {flagged_at.isoformat()}",
            recorded_at=flagged_at,
            next_due_at=due_instant(found[1]) if found else None,
            next_duty=str(found[0]) if found else "",
        )
        HazardEvent.objects.create(
            hazard=hazard,
            at=flagged_at,
            actor_label="migration",
            action="hazard_recorded",
            summary="Hazard recorded from the complaint's hazard flag",
            after={},
        )
        Complaint.objects.filter(pk=complaint.pk).update(hazard=kind)


class Migration(migrations.Migration):
    dependencies = [("hazards", "0001_h15_initial")]

    operations = [migrations.RunPython(flags_to_records, migrations.RunPython.noop)]
