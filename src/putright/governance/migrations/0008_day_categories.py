"""Each stored day's stage 1 complaints received by category, kept beside its whole tally.

The days already stored get theirs from their own `counts` (the same keys), so the
dashboard reads the same figures before and after.
"""

from django.db import migrations, models

PREFIX = "category|1|"  # daycounts.STAGE1_CATEGORY, as it was when this migration was written


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    DayFigures = apps.get_model("governance", "DayFigures")
    changed = []
    for row in DayFigures.objects.only("day", "counts").iterator(chunk_size=500):
        row.categories = {key: n for key, n in row.counts.items() if key.startswith(PREFIX)}
        changed.append(row)
        if len(changed) == 500:
            DayFigures.objects.bulk_update(changed, ["categories"])
            changed = []
    DayFigures.objects.bulk_update(changed, ["categories"])


class Migration(migrations.Migration):
    dependencies = [("governance", "0007_h21d_as_at_figures")]

    operations = [
        migrations.AddField(model_name="dayfigures", name="categories", field=models.JSONField(default=dict)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
