"""What the admin remembers about its editing forms, so one rule can tell whose save is whose."""

from django.db import models


class FormRevision(models.Model):
    """A revision of a story, and the editing form (one open editor tab) whose save wrote it.

    Autosave keeps overwriting its own revision; an explicit save writes a new one. Knowing which
    form wrote which revision is what lets an editor's own autosave never count as a conflict,
    while anyone else's save, or a revision written by no form (ingest, the worker), always does.
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    form = models.CharField(max_length=32, db_index=True)
    autosave = models.BooleanField()

    def __str__(self):
        return f"revision {self.revision_id} by form {self.form}"
