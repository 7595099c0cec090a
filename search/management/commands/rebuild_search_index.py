from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from faq.models import Entry
from search import index


def all_documents():
    """A document for every article and FAQ entry, drafts included."""
    for article in Article.objects.only("title", "summary", "body_html").iterator():
        yield index.document(
            index.ARTICLE,
            article.pk,
            title=article.title,
            summary=article.summary,
            body_html=article.body_html,
        )
    for entry in Entry.objects.only("question", "answer_html").iterator():
        yield index.document(
            index.FAQ, entry.pk, title=entry.question, body_html=entry.answer_html
        )


class Command(BaseCommand):
    help = (
        "Index every article and FAQ entry again, and drop documents of deleted ones. "
        "Run it after bulk imports, loaddata or a bulk delete; saving in the admin "
        "keeps the index current on its own."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = index.replace_all(all_documents())
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
