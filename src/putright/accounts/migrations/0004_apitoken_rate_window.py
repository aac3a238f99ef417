"""Per-token API rate limit: the current window's start and its request count, on the token."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_apitoken_expires_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="window_started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="window_requests",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
