"""Refuse admin list actions on ids that can't be ids, instead of failing with a 500.

Django's changelist filters the selected rows by the posted ids as they are, so a
crafted `_selected_action=abc` (or a number past the column's range) raises deep in
the ORM. One middleware covers every ModelAdmin, third-party ones included.
Django's autocomplete widget likewise looks up a posted value as it is when a form
error re-renders it; ValidIdsAutocompleteMixin gives our admins one that doesn't.
"""

from django import forms
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpResponseBadRequest


def is_valid_pk(model: type[Model], value: str) -> bool:
    """Whether value could be the primary key of a row of model."""
    try:
        model._meta.pk.clean(value, None)
    except ValidationError:
        return False
    return True


class MalformedAdminIdsMiddleware:
    """Answer 400 to a changelist action whose selected ids aren't valid ids."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # ModelAdmin.get_urls() marks its views with their ModelAdmin.
        model_admin = getattr(view_func, "model_admin", None)
        if (
            model_admin is None
            or request.method != "POST"
            or view_func.__name__ != "changelist_view"
        ):
            return None
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if all(is_valid_pk(model_admin.model, value) for value in selected):
            return None
        return HttpResponseBadRequest(
            "The selected items are not valid ids. Reload the list and try again.",
            content_type="text/plain; charset=utf-8",
        )


class _ValidSelectedMixin:
    """Render only selected values that are valid ids: a form error re-shows the
    posted value, which Django's autocomplete widget would look up as it is."""

    def optgroups(self, name, value, attr=None):
        model = self.field.remote_field.model
        value = [v for v in value if v in ("", None) or is_valid_pk(model, str(v))]
        return super().optgroups(name, value, attr)


class SafeAutocompleteSelect(_ValidSelectedMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ValidSelectedMixin, AutocompleteSelectMultiple):
    pass


class ValidIdsModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids out of the column's range, which the ORM lookup would raise on."""

    def _check_values(self, value):
        model = self.queryset.model
        for pk in value:
            if not is_valid_pk(model, str(pk)):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class ValidIdsAutocompleteMixin:
    """For ModelAdmins and inlines with autocomplete_fields: malformed ids posted to
    a picker give "Select a valid choice", not a 500."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
