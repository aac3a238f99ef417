"""API tokens expire (ASVS 3.5.2): tokens issued before this get 90 days from the migration."""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone

EXISTING_TOKENS_DAYS = 90


def expire_existing_tokens(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=timezone.now() + timedelta(days=EXISTING_TOKENS_DAYS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_signin_limits_and_second_factor"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        # Going back, the column is dropped with its values: nothing to undo first.
        migrations.RunPython(expire_existing_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(),
        ),
        # The issuing service passes the time it read, so created and expires agree.
        migrations.AlterField(
            model_name="apitoken",
            name="created_at",
            field=models.DateTimeField(),
        ),
    ]
