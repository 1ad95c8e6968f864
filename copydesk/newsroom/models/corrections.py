from django.db import models


class Correction(models.Model):
    """A dated note telling readers what a story got wrong and what it says now."""

    article = models.ForeignKey("newsroom.Article", on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField()
    corrected_at = models.DateTimeField()
    source = models.CharField(
        max_length=120, blank=True, help_text="Who issued it, when not the newsroom (e.g. the agency)."
    )

    class Meta:
        ordering = ["-corrected_at", "-id"]

    def __str__(self):
        return f"Correction to {self.article_id} at {self.corrected_at:%Y-%m-%d %H:%M}"
