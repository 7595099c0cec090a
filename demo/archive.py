"""Benchmark archives: many articles written straight into the tables, in batches.

Not content: the rows bypass the publishing service (articles/publishing.py) and
Article.save(), so no revision, redirect, signal or sanitizer runs. What readers'
pages read is filled in here instead, exactly as save() and search.index would:
body_html and toc (the bodies are clean already: anchor_headings() only adds ids),
the bylines, taggit's TaggedItem rows and the search documents.

Every generated article's slug starts with GENERATED_PREFIX, so the command can tell
a benchmark archive from real content (and refuse to write into the latter).
"""

import itertools
import random
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import (
    Article,
    Author,
    Byline,
    Kind,
    Section,
    Status,
    minutes_to_read,
)
from articles.sanitize import anchor_headings
from demo.data import ARTICLES
from newsroom.text import plain_text
from search.models import Document, DocumentKind

GENERATED_PREFIX = "generated-"
YEARS = 8
# Shares of all articles: drafts and pieces in review, and scheduled ones.
DRAFTS, SCHEDULED = 0.03, 0.01
# Articles published in the last two days (the news sitemap's window), whatever the
# archive's size: a newsroom's daily output doesn't grow with its archive.
RECENT = 40
KINDS = ((Kind.NEWS, 5), (Kind.EXPLAINER, 3), (Kind.GUIDE, 2))


def vocabulary() -> tuple[list[str], list[int]]:
    """The demo articles' plain words, and cumulative weights from their frequency."""
    words = [
        word.lower()
        for data in ARTICLES
        for word in plain_text(data["body"]).split()
        if re.fullmatch(r"[A-Za-z]{2,}", word)
    ]
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    ordered = sorted(counts)
    return ordered, list(itertools.accumulate(counts[w] for w in ordered))


@dataclass
class Writer:
    """Makes text and picks rows, reproducibly from one seed."""

    seed: int = 10
    rng: random.Random = field(init=False)
    words: list[str] = field(init=False)
    weights: list[int] = field(init=False)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.words, self.weights = vocabulary()

    def phrase(self, low: int, high: int) -> list[str]:
        return self.rng.choices(
            self.words, cum_weights=self.weights, k=self.rng.randint(low, high)
        )

    def sentence(self, low: int, high: int) -> str:
        text = " ".join(self.phrase(low, high))
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        return " ".join(self.phrase(4, 9)).capitalize()

    def body(self) -> tuple[str, str]:
        """A body of a few h2 sections with paragraphs, and its plain text."""
        html, text = [], []
        for _ in range(self.rng.randint(2, 4)):
            heading = " ".join(self.phrase(2, 5)).capitalize()
            html.append(f"<h2>{heading}</h2>")
            text.append(heading)
            for _ in range(self.rng.randint(1, 2)):
                paragraph = " ".join(
                    self.sentence(8, 20) for _ in range(self.rng.randint(2, 4))
                )
                html.append(f"<p>{paragraph}</p>")
                text.append(paragraph)
        return "".join(html), " ".join(text)

    def dates(
        self, now: datetime, *, recent: bool
    ) -> tuple[str, datetime | None, datetime]:
        """A status, publication date and last save: mostly published over the years.

        recent pieces went live in the last two days (the news sitemap's window);
        of the others, some are scheduled and some are drafts saved lately.
        """
        roll = self.rng.random()
        if recent:
            live = now - timedelta(minutes=self.rng.randint(1, 2800))
            return Status.PUBLISHED, live, live
        saved = now - timedelta(minutes=self.rng.randint(60, 90 * 1440))
        if roll < DRAFTS:
            return self.rng.choice((Status.DRAFT, Status.IN_REVIEW)), None, saved
        if roll < DRAFTS + SCHEDULED:
            later = now + timedelta(minutes=self.rng.randint(5, 43200))
            return Status.PUBLISHED, later, saved
        live = now - timedelta(minutes=self.rng.randint(2880, YEARS * 525_600))
        return Status.PUBLISHED, live, live


def zipf_weights(count: int) -> list[float]:
    """Cumulative weights 1/rank: a few tags and authors on many articles, most on few."""
    return list(itertools.accumulate(1 / rank for rank in range(1, count + 1)))


def ensure_sections(count: int) -> list[int]:
    """Primary keys of count generated sections, created where missing."""
    wanted = [
        Section(name=f"Generated section {n}", slug=f"{GENERATED_PREFIX}section-{n}")
        for n in range(1, count + 1)
    ]
    Section.objects.bulk_create(wanted, ignore_conflicts=True)
    slugs = [section.slug for section in wanted]
    return list(Section.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def ensure_authors(count: int) -> list[int]:
    """Primary keys of count generated authors, created where missing."""
    wanted = [
        Author(
            name=f"Generated Author {n}",
            slug=f"{GENERATED_PREFIX}author-{n}",
            bio="A writer made up for benchmarks.",
        )
        for n in range(1, count + 1)
    ]
    Author.objects.bulk_create(wanted, ignore_conflicts=True)
    slugs = [author.slug for author in wanted]
    return list(Author.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def ensure_tags(count: int, writer: Writer) -> list[int]:
    """Primary keys of count tags named from two or three words, created where missing."""
    names: dict[str, str] = {}
    rng = random.Random(writer.seed + 1)
    while len(names) < count:
        name = " ".join(rng.sample(writer.words, rng.choice((2, 2, 3)))).capitalize()
        names.setdefault(name.lower().replace(" ", "-"), name)
    Tag.objects.bulk_create(
        [Tag(name=name, slug=slug) for slug, name in names.items()],
        ignore_conflicts=True,
        batch_size=1000,
    )
    slugs = list(names)
    ids: list[int] = []
    for start in range(0, len(slugs), 900):
        chunk = slugs[start : start + 900]
        found = dict(Tag.objects.filter(slug__in=chunk).values_list("slug", "pk"))
        ids += [found[slug] for slug in chunk if slug in found]
    return ids


def existing_generated() -> int:
    return Article.objects.filter(slug__startswith=GENERATED_PREFIX).count()


def has_real_content() -> bool:
    """True when the database holds an article this module did not generate."""
    return Article.objects.exclude(slug__startswith=GENERATED_PREFIX).exists()


@dataclass
class Archive:
    """What one run writes: counts, and the rows it picks from."""

    articles: int
    tags: int
    authors: int
    sections: int = 10
    batch_size: int = 2000
    seed: int = 10

    def generate(self, progress: Callable[[int], None] = lambda done: None) -> int:
        """Write the articles in batches, calling progress(done) after each."""
        writer = Writer(self.seed)
        with transaction.atomic():
            section_ids = ensure_sections(self.sections)
            author_ids = ensure_authors(self.authors)
            tag_ids = ensure_tags(self.tags, writer)
        author_weights, tag_weights = (
            zipf_weights(len(author_ids)),
            zipf_weights(len(tag_ids)),
        )
        article_type = ContentType.objects.get_for_model(Article)
        first = existing_generated()
        now = timezone.now()
        done = 0
        while done < self.articles:
            size = min(self.batch_size, self.articles - done)
            with transaction.atomic():
                self._batch(
                    writer,
                    range(first + done, first + done + size),
                    now=now,
                    recent=first + RECENT,
                    section_ids=section_ids,
                    authors=(author_ids, author_weights),
                    tags=(tag_ids, tag_weights),
                    article_type=article_type,
                )
            done += size
            progress(done)
        analyze()
        return done

    def _batch(
        self, writer, numbers, *, now, recent, section_ids, authors, tags, article_type
    ):
        rng = writer.rng
        articles, texts = [], []
        for n in numbers:
            title = writer.title()
            body, text = writer.body()
            body_html, toc = anchor_headings(body)
            status, published_at, saved_at = writer.dates(now, recent=n < recent)
            summary = writer.sentence(15, 35) if rng.random() < 0.7 else ""
            articles.append(
                Article(
                    kind=rng.choices(*zip(*KINDS, strict=True))[0],
                    title=title,
                    slug=f"{GENERATED_PREFIX}{n}-{title.lower().replace(' ', '-')}"[
                        :200
                    ],
                    summary=summary,
                    body=body,
                    body_html=body_html,
                    toc=toc,
                    # save() would derive it; bulk_create doesn't call save().
                    reading_minutes=minutes_to_read(text),
                    section_id=rng.choice(section_ids),
                    status=status,
                    published_at=published_at,
                    created_at=saved_at,
                    updated_at=saved_at,
                )
            )
            texts.append(text)
        with dated_by_hand(Article):
            Article.objects.bulk_create(articles)
        author_ids, author_weights = authors
        tag_ids, tag_weights = tags
        bylines, tagged = [], []
        for article in articles:
            count = 2 if rng.random() < 0.2 else 1
            picked = set(rng.choices(author_ids, cum_weights=author_weights, k=count))
            bylines += [
                Byline(article_id=article.pk, author_id=author_id, position=position)
                for position, author_id in enumerate(picked)
            ]
            picked = set(
                rng.choices(tag_ids, cum_weights=tag_weights, k=rng.randint(1, 5))
            )
            tagged += [
                TaggedItem(
                    content_type=article_type, object_id=article.pk, tag_id=tag_id
                )
                for tag_id in picked
            ]
        Byline.objects.bulk_create(bylines)
        TaggedItem.objects.bulk_create(tagged)
        # As search.index.document() writes them (text already plain, on one line).
        Document.objects.bulk_create(
            Document(
                kind=DocumentKind.ARTICLE,
                object_id=article.pk,
                title=article.title,
                summary=article.summary,
                body=text,
            )
            for article, text in zip(articles, texts, strict=True)
        )


@contextmanager
def dated_by_hand(model):
    """Let bulk_create keep the created_at and updated_at set on each row.

    auto_now and auto_now_add would stamp every row with the time of the run, as
    if the whole archive had been written at once.
    """
    dates = [model._meta.get_field(name) for name in ("created_at", "updated_at")]
    saved = [(date.auto_now, date.auto_now_add) for date in dates]
    for date in dates:
        date.auto_now = date.auto_now_add = False
    try:
        yield
    finally:
        for date, (auto_now, auto_now_add) in zip(dates, saved, strict=True):
            date.auto_now, date.auto_now_add = auto_now, auto_now_add


def analyze() -> None:
    """Refresh the planner's statistics, as autovacuum would after a bulk load."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
