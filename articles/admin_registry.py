"""What other apps add to the article admin: inlines, panels, actions, pages.

articles is the floor and imports none of the apps built on it. An app that adds to
the article form calls article_admin_parts.add_…() from its own admin.py (Django's
admin imports every app's admin.py at start-up), and ArticleAdmin reads these lists
on each request, through RegisteredPartsMixin. So INSTALLED_APPS order never changes
which parts the article admin has (only the order in which two apps' inlines or
panels are shown). Like admin actions, each hook gets the article admin first; a
panel's display function, like any admin display function, gets the article only.
"""

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.urls import reverse

from articles.models import Article


@dataclass(frozen=True)
class Panel:
    """A box of read-only text at the end of the article form."""

    title: str
    display: Callable  # An @admin.display function: article -> text or HTML.
    visible_if: Callable  # (article admin, request, article or None) -> bool


@dataclass(frozen=True)
class HistoryPage:
    """The article's History page: Django's, with this template and more context."""

    template: str  # Should extend "admin/object_history.html".
    context: Callable  # (article admin, request, article or None) -> dict


def _shown_once_saved(model_admin, request, obj) -> bool:
    return obj is not None


class ArticleAdminParts:
    """The lists ArticleAdmin reads; apps fill them through the add_…() methods."""

    def __init__(self):
        self.inlines: list = []
        self.panels: list[Panel] = []
        self.actions: list[Callable] = []
        self.url_makers: list[Callable] = []
        self.delete_guards: list[Callable] = []
        self.save_contexts: list[Callable] = []
        self.change_listeners: list[Callable] = []
        self.history_page: HistoryPage | None = None

    @staticmethod
    def _add(items: list, item) -> None:
        # An admin module imported twice must not show its part twice.
        if item not in items:
            items.append(item)

    def add_inline(self, inline) -> None:
        """Show inline (an InlineModelAdmin class) on the article form, after ours."""
        self._add(self.inlines, inline)

    def add_panel(
        self, title: str, display: Callable, visible_if: Callable = _shown_once_saved
    ) -> None:
        """Show display(article) in a box titled title when visible_if allows.

        visible_if(article_admin, request, article_or_none) defaults to "once saved".
        """
        self._add(self.panels, Panel(title, display, visible_if))

    def add_action(self, action: Callable) -> None:
        """Offer action, an @admin.action function, in the article list's menu."""
        self._add(self.actions, action)

    def add_urls(self, make_urls: Callable) -> None:
        """Add make_urls(article_admin)'s patterns before the article admin's own."""
        self._add(self.url_makers, make_urls)

    def add_delete_guard(self, guard: Callable) -> None:
        """Refuse deletions: guard(article_admin, request, articles) -> reason or None.

        Asked by the delete page and the "Delete selected" action; one reason for
        any of the articles refuses them all, and the editor reads it.
        """
        self._add(self.delete_guards, guard)

    def add_save_context(self, enter: Callable) -> None:
        """Wrap each POST of the article form in enter(article_admin, request)."""
        self._add(self.save_contexts, enter)

    def add_change_listener(self, listener: Callable) -> None:
        """Call listener(article_admin, request, article, log_entry) on each logged
        addition or change, once the article and its inlines are saved."""
        self._add(self.change_listeners, listener)

    def set_history_page(self, template: str, context: Callable) -> None:
        """Show the History page with template and context(admin, request, article)."""
        page = HistoryPage(template, context)
        if self.history_page not in (None, page):
            raise ImproperlyConfigured("The article admin has one History page.")
        self.history_page = page


article_admin_parts = ArticleAdminParts()
NO_PARTS = ArticleAdminParts()


class RegisteredPartsMixin:
    """For ArticleAdmin: adds what other apps put in article_admin_parts."""

    @property
    def parts(self) -> ArticleAdminParts:
        # The parts belong to the article form; an admin of a proxy model (the
        # review queue) reuses ArticleAdmin for its list only.
        return article_admin_parts if self.model is Article else NO_PARTS

    def check(self, **kwargs):
        # Django checks the `inlines` attribute only; check the registered ones too.
        errors = super().check(**kwargs)
        for inline in self.parts.inlines:
            errors += inline(self.model, self.admin_site).check(**kwargs)
        return errors

    def get_inlines(self, request, obj):
        return (*super().get_inlines(request, obj), *self.parts.inlines)

    def get_fieldsets(self, request, obj=None):
        panels = [
            (panel.title, {"fields": (panel.display,)})
            for panel in self.parts.panels
            if panel.visible_if(self, request, obj)
        ]
        return [*super().get_fieldsets(request, obj), *panels]

    def get_readonly_fields(self, request, obj=None):
        displays = (panel.display for panel in self.parts.panels)
        return (*super().get_readonly_fields(request, obj), *displays)

    def get_urls(self):
        extra = [url for make_urls in self.parts.url_makers for url in make_urls(self)]
        return [*extra, *super().get_urls()]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions  # Django's rule: no actions at all here.
        registered = [self.get_action(action) for action in self.parts.actions]
        # The same permission filter as the class's own actions.
        for action in self._filter_actions_by_permissions(request, registered):
            actions[action[1]] = action
        if self.parts.delete_guards and "delete_selected" in actions:
            _, name, description = actions["delete_selected"]
            actions[name] = (type(self).delete_selected_unguarded, name, description)
        return actions

    def refuse_deleting(self, request, articles) -> bool:
        """Tell the editor, and return True, if a delete guard refuses articles."""
        for guard in self.parts.delete_guards:
            reason = guard(self, request, articles)
            if reason:
                self.message_user(request, reason, messages.ERROR)
                return True
        return False

    def delete_view(self, request, object_id, extra_context=None):
        # get_object() answers None for a missing or malformed id; Django's own
        # delete view then says so.
        article = self.get_object(request, unquote(object_id))
        if article is not None and self.refuse_deleting(
            request, self.get_queryset(request).filter(pk=article.pk)
        ):
            opts = self.opts
            return redirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[article.pk],
                )
            )
        return super().delete_view(request, object_id, extra_context)

    def delete_selected_unguarded(self, request, queryset):
        # Nothing is deleted if one of them is refused: a partial delete surprises.
        if self.refuse_deleting(request, queryset):
            return None
        return delete_selected(self, request, queryset)

    delete_selected_unguarded.allowed_permissions = ("delete",)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with ExitStack() as stack:
            if request.method == "POST":
                for enter in self.parts.save_contexts:
                    stack.enter_context(enter(self, request))
            return super().changeform_view(request, object_id, form_url, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._tell_change_listeners(request, obj, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._tell_change_listeners(request, obj, entry)
        return entry

    def _tell_change_listeners(self, request, obj, entry):
        for listener in self.parts.change_listeners:
            listener(self, request, obj, entry)

    @property
    def object_history_template(self):
        page = self.parts.history_page
        return page.template if page else None  # None: Django's own.

    def history_view(self, request, object_id, extra_context=None):
        page = self.parts.history_page
        if page is not None:
            obj = self.get_object(request, unquote(object_id))
            extra_context = {
                **page.context(self, request, obj),
                **(extra_context or {}),
            }
        return super().history_view(request, object_id, extra_context)
