"""What every editor-facing ModelAdmin shares: a save either happens whole or not at all."""

import logging

from django.db import DatabaseError

logger = logging.getLogger(__name__)

SAVE_FAILED = "The save failed and nothing was changed; your text is below — try again."
_FAILED_FLAG = "_newsroom_save_failed"


class SaveFailedForm:
    """Mixed into the admin form after a failed save: invalid, with the reason."""

    def clean(self):
        cleaned_data = super().clean()
        self.add_error(None, SAVE_FAILED)
        return cleaned_data


class AtomicSaveMixin:
    """Put first in a ModelAdmin's bases, so it wraps every other changeform_view.

    Django saves the row, its inlines and relations in one transaction (reversion
    adds the revision inside it too), so an error halfway rolls all of it back and
    the previous version stays live. Instead of a 500 that loses the editor's text,
    the form is shown again from the posted data with SAVE_FAILED. A database that
    is gone fails the second time as well, and readers' 503 handling takes over.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DatabaseError:
            if request.method != "POST" or getattr(request, _FAILED_FLAG, False):
                raise
            logger.exception("An admin save failed and was rolled back")
        setattr(request, _FAILED_FLAG, True)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, _FAILED_FLAG, False):
            return type(form.__name__, (SaveFailedForm, form), {})
        return form
