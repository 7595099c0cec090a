"""The models search indexes, each under a kind, registered in SearchConfig.ready().

Search sits above the content apps: they don't know it exists. register() tells
search how to turn one object into a document and which objects readers may see;
it connects post_save and post_delete for the model, so every save() and delete()
(the admin, the shell, QuerySet.delete() too) keeps the index in step through
search.index. The backends and the results page ask this registry, never the
content apps, which objects of a kind are published.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete, post_save

from search import index


@dataclass(frozen=True)
class Indexable:
    """How search treats one model.

    document(obj) returns the keyword arguments of search.index.document():
    title, and optionally summary and body_html. published() returns the objects
    readers may see now; results() the same, loaded as the results page shows them.
    """

    model: type[models.Model]
    kind: str
    document: Callable[[Any], dict[str, str]]
    published: Callable[[], models.QuerySet]
    results: Callable[[], models.QuerySet]


_registry: dict[str, Indexable] = {}


def register(
    model: type[models.Model],
    *,
    kind: str,
    document: Callable[[Any], dict[str, str]],
    published: Callable[[], models.QuerySet],
    results: Callable[[], models.QuerySet] | None = None,
) -> None:
    """Index model's objects as documents of kind, and keep them in step.

    Call from an AppConfig.ready(), once every model (and proxy) is loaded.
    """
    if kind in _registry and _registry[kind].model is not model:
        raise ValueError(f"Search kind {kind!r} is taken by {_registry[kind].model}.")
    _registry[kind] = Indexable(model, kind, document, published, results or published)
    # Signals name the class saved: a proxy (roles.ArticleInReview) needs its own.
    for sender in apps.get_models():
        if sender._meta.concrete_model is model:
            uid = f"search-{kind}-{sender._meta.label_lower}"
            post_save.connect(_index_saved, sender=sender, dispatch_uid=uid)
            post_delete.connect(_unindex_deleted, sender=sender, dispatch_uid=uid)


def indexables() -> list[Indexable]:
    """Every registered model, in the order registered."""
    return list(_registry.values())


def get(kind: str) -> Indexable:
    return _registry[kind]


def _for_model(model: type[models.Model]) -> Indexable:
    concrete = model._meta.concrete_model
    return next(i for i in _registry.values() if i.model is concrete)


def _index_saved(sender, instance, raw=False, **kwargs) -> None:
    # loaddata saves raw rows whose relations may not exist yet: it indexes nothing
    # (run rebuild_search_index after it).
    if raw:
        return
    indexable = _for_model(sender)
    index.update_document(indexable.kind, instance.pk, **indexable.document(instance))


def _unindex_deleted(sender, instance, **kwargs) -> None:
    index.remove_document(_for_model(sender).kind, instance.pk)
