import django.utils.timezone
from django.db import migrations, models


def copy_received_at(apps, schema_editor):
    """Give every stored band its item's time, so the items already in the window stay findable."""
    WireBand = apps.get_model("wire", "WireBand")
    WireItem = apps.get_model("wire", "WireItem")
    item = WireItem.objects.filter(pk=models.OuterRef("item_id")).values("received_at")[:1]
    WireBand.objects.update(received_at=models.Subquery(item))


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0012_picture_retry_and_agency_lead"),
    ]

    operations = [
        migrations.AddField(
            model_name="wireband",
            name="received_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(copy_received_at, migrations.RunPython.noop, elidable=True),
        migrations.RemoveIndex(
            model_name="wireband",
            name="wire_band_key",
        ),
        migrations.AddIndex(
            model_name="wireband",
            index=models.Index(fields=["key", "-received_at"], include=("item",), name="wire_band_key_recent"),
        ),
    ]
