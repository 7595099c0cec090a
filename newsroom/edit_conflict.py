"""No silent overwrites: a save made on a stale form is refused, the text kept.

Any model editors share carries `updated_at = models.DateTimeField(auto_now=True)`.
Its admin form is an EditConflictForm, which remembers the row's updated_at from
when the editor opened it; on save, clean() compares that with the database and,
if someone saved in between, refuses with "Someone else saved this … at <date, time>",
re-showing everything the editor typed. Inside a transaction, as the admin's
change form runs, the check locks the row until the save commits (PostgreSQL), so
two simultaneous saves can't both pass it. EditConflictAdminMixin puts the hidden
field on any admin's form, whatever its fields or fieldsets.
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.utils.dateparse import parse_datetime

from newsroom.dates import editor_datetime

SEEN_FIELD = "seen_updated_at"
EDIT_CONFLICT_MESSAGE = (
    "Someone else saved this %(name)s at %(time)s while you were editing. Your "
    "changes are below and have not been saved: copy what you need, then reload "
    "the %(name)s."
)


class EditConflictForm(forms.ModelForm):
    """A model form that won't overwrite a save made after it was opened.

    The form carries the row's updated_at from when the editor opened it; clean()
    compares it with the database and refuses the save if the row changed since,
    keeping everything typed in the form. A post without it isn't checked.
    """

    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.initial[SEEN_FIELD] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        try:
            seen = parse_datetime(cleaned_data.get(SEEN_FIELD) or "")
        except ValueError:
            seen = None
        if self.instance.pk and seen:
            saved_at = self._stored_updated_at()
            if saved_at and saved_at != seen:
                raise ValidationError(
                    EDIT_CONFLICT_MESSAGE,
                    code="edit_conflict",
                    params={
                        "name": self._meta.model._meta.verbose_name,
                        "time": editor_datetime(saved_at),
                    },
                )
        return cleaned_data

    def _stored_updated_at(self):
        model = type(self.instance)
        using = router.db_for_write(model)
        rows = model._default_manager.using(using).filter(pk=self.instance.pk)
        if transaction.get_connection(using).in_atomic_block:
            # The admin validates and saves in one transaction: the lock holds until
            # this save commits, so a simultaneous one waits, then sees it. A no-op
            # on SQLite, whose IMMEDIATE transactions already run one at a time.
            rows = rows.select_for_update()
        return rows.values_list("updated_at", flat=True).first()


class EditConflictAdminMixin:
    """For a ModelAdmin: its change form refuses stale saves (see EditConflictForm).

    An admin with its own form makes that form an EditConflictForm subclass.
    """

    form = EditConflictForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or SEEN_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        # Hidden, so any fieldset will do; the admin renders it without a label.
        *others, (name, options) = fieldsets
        return [
            *others,
            (name, {**options, "fields": (*options["fields"], SEEN_FIELD)}),
        ]
