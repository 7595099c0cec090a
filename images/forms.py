from django import forms

from images import processing
from images.models import Image
from newsroom.edit_conflict import EditConflictForm

# A hint for the browser's file picker; the server checks the file's content.
ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,image/gif"


def focal_input():
    return forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"})


class ImageAdminForm(EditConflictForm):
    class Meta:
        model = Image
        fields = (
            "title",
            "file",
            "alt_text",
            "caption",
            "credit",
            "focal_x",
            "focal_y",
        )
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "alt_text": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "file": forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
            "focal_x": focal_input(),
            "focal_y": focal_input(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limits are settings, so the sentence naming them is made here.
        file_field = self.fields["file"]
        file_field.help_text = f"{file_field.help_text} {processing.limits_help()}"
