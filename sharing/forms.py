from datetime import timedelta

from django import forms
from django.utils import timezone

from sharing.models import DEFAULT_DAYS, MAX_DAYS, ShareLink


class ShareLinkForm(forms.ModelForm):
    """The admin's form for a new link: the article, how long it lasts, who it's for."""

    expires_in_days = forms.IntegerField(
        label="Expires after (days)",
        initial=DEFAULT_DAYS,
        min_value=1,
        max_value=MAX_DAYS,
        help_text=(
            f"The link stops working after this many days: {DEFAULT_DAYS} "
            f"unless you change it, at most {MAX_DAYS}. You can revoke it sooner."
        ),
        error_messages={
            "min_value": "A share link lasts at least one day.",
            "max_value": f"A share link can last at most {MAX_DAYS} days.",
        },
    )

    class Meta:
        model = ShareLink
        fields = ("article", "note")

    def clean(self):
        cleaned_data = super().clean()
        days = cleaned_data.get("expires_in_days")
        if days is not None:
            self.instance.expires_at = timezone.now() + timedelta(days=days)
        return cleaned_data
