from django.core.management.base import BaseCommand
from django.db import transaction

from search import index, registry


def all_documents():
    """A document for every object of every registered model, drafts included."""
    for indexable in registry.indexables():
        for obj in indexable.model._default_manager.iterator():
            yield index.document(indexable.kind, obj.pk, **indexable.document(obj))


class Command(BaseCommand):
    help = (
        "Index every article and FAQ entry again, and drop documents of deleted ones. "
        "Run it after bulk imports or loaddata; saving and deleting keep the index "
        "current on their own."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = index.replace_all(all_documents())
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
