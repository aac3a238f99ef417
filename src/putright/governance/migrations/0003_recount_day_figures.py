from django.db import migrations


def forget_stored_days(apps, schema_editor):
    """The day tallies gained keys (LCRA/LCHO, the Code's and the landlord's dates) and moved
    "within timescale" to the Code's dates: days stored before would read as zero or count on
    the old rule. They are counted live until `putright figures` stores them again."""
    apps.get_model("governance", "DayFigures").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_day_figures"),
        ("cases", "0008_policy_and_code_deadlines"),
    ]

    operations = [migrations.RunPython(forget_stored_days, migrations.RunPython.noop)]
