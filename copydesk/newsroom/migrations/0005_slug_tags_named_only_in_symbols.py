"""Give tags whose names are only symbols ("★★★") the slug they now get when made (tag_slugs.py)."""

from django.db import migrations

from copydesk.newsroom.tag_slugs import needs_slug, slug_for


def slug_tags(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.filter(slug__regex=r"^(_[0-9]+)?$"):
        if needs_slug(tag.slug):
            others = Tag.objects.exclude(pk=tag.pk)
            tag.slug = slug_for(tag.name, taken=lambda slug, others=others: others.filter(slug=slug).exists())
            tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_articletag_tag_story_index"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(slug_tags, migrations.RunPython.noop)]
