from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0009_wireitem_language_dateline_subjects"),
    ]

    operations = [
        migrations.AddField(
            model_name="wireitem",
            name="story_tags",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
    ]
