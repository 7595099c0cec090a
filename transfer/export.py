"""Write the whole site as files import_markdown (and a static-site generator)
reads: DIR/articles/<slug>.md with YAML front matter, DIR/images/, and the
site-wide YAML files site_files.py reads back."""

import shutil
from pathlib import Path

import yaml
from django.core.exceptions import SuspiciousFileOperation
from taggit.models import Tag

from articles.models import Article, Author, LinkKind, Section, Status
from corrections.models import Note
from faq.models import Entry, Topic
from images.models import Image
from redirects.models import Redirect
from transfer import body_images
from transfer.markup import exported_body

README = """\
An export of the site, made by `manage.py export_site`.

articles/<slug>.md   one file per article: YAML front matter between --- lines,
                     then the body in Markdown (or in HTML where the front matter
                     says body_format: html, because Markdown would have lost
                     something, e.g. a table's caption). Hugo and Jekyll read them
                     (Hugo needs markup.goldmark.renderer.unsafe for HTML bodies).
images/              hero images (images/<file>), images shown in bodies
                     (images/body/) and author photos (images/authors/).
sections.yaml        sections: name, slug, description, order.
authors.yaml         authors: name, slug, bio, profile_url, photo.
tags.yaml            every tag: name, slug.
faq.yaml             FAQ topics and entries (answers in HTML); the articles a
                     question appears on list it under `faq` in their front matter.
redirects.yaml       old addresses and where they lead; an article's own old
                     addresses are under `old_paths` in its front matter instead.
corrections.yaml     corrections, clarifications and updates, by article slug.

To bring it into a site: manage.py import_markdown --keep-status DIR
(without --keep-status every new article comes in as a draft).
"""


def default_storage_file(name: str):
    """The library's stored file of that name, as a FieldFile copy() reads."""
    return Image.file.field.attr_class(None, Image.file.field, name)


def dump(path: Path, data) -> None:
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88),
        encoding="utf-8",
    )


class Exporter:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.images = self.folder / "images"
        self.copied: dict[str, str] = {}  # stored name -> path in the export
        self.missing: list[str] = []  # images bodies show that aren't stored

    def export(self) -> dict[str, int]:
        """Write everything; how many of each kind were written."""
        (self.folder / "articles").mkdir(parents=True, exist_ok=True)
        self.images.mkdir(exist_ok=True)
        (self.folder / "README.txt").write_text(README, encoding="utf-8")
        counts = {
            "sections": self.sections(),
            "authors": self.authors(),
            "tags": self.tags(),
            "faq entries": self.faq(),
            "articles": self.articles(),
            "redirects": self.redirects(),
            "corrections": self.corrections(),
        }
        counts["images"] = len(self.copied)
        return counts

    def copy(self, field_file, under: str = "") -> str:
        """Copy a stored file into images/; its path relative to the export."""
        name = field_file.name
        if name not in self.copied:
            target = self.images / under / Path(name).name
            number = len(self.copied)
            while target.exists():  # Two files of one name from different months.
                number += 1
                target = target.with_name(f"{number}-{Path(name).name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            with field_file.open("rb") as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
            self.copied[name] = target.relative_to(self.folder).as_posix()
        return self.copied[name]

    def copy_for_body(self, name: str) -> str | None:
        """Copy a stored file a body shows; its path from an article's file.

        None, and noted in self.missing, for one that isn't stored (the body
        keeps its address): one lost file must not stop the export.
        """
        try:
            return "../" + self.copy(default_storage_file(name), "body")
        except (OSError, SuspiciousFileOperation) as error:
            self.missing.append(f"{name}: {error}")
            return None

    def sections(self) -> int:
        rows = Section.objects.order_by("order", "name").values(
            "name", "slug", "description", "order"
        )
        dump(self.folder / "sections.yaml", list(rows))
        return len(rows)

    def authors(self) -> int:
        rows = []
        for author in Author.objects.order_by("slug"):
            row = {
                "name": author.name,
                "slug": author.slug,
                "bio": author.bio,
                "profile_url": author.profile_url,
            }
            if author.photo:
                row["photo"] = self.copy(author.photo, "authors")
            rows.append(row)
        dump(self.folder / "authors.yaml", rows)
        return len(rows)

    def tags(self) -> int:
        # In creation order: pages list an article's tags oldest first.
        rows = list(Tag.objects.order_by("pk").values("name", "slug"))
        dump(self.folder / "tags.yaml", rows)
        return len(rows)

    def faq(self) -> int:
        topics = Topic.objects.order_by("order", "name").values("name", "slug", "order")
        entries = [
            {
                "slug": entry.slug,
                "question": entry.question,
                "answer_html": entry.answer_html,
                "topic": entry.topic.slug,
                "order": entry.order,
                "is_published": entry.is_published,
            }
            for entry in Entry.objects.select_related("topic").order_by("pk")
        ]
        dump(self.folder / "faq.yaml", {"topics": list(topics), "entries": entries})
        return len(entries)

    def articles(self) -> int:
        articles = Article.objects.select_related("section", "hero").order_by("pk")
        for article in articles:
            html = body_images.exported(article.body_html, self.copy_for_body)
            body, body_format = exported_body(html)
            front = self.front_matter(article)
            if body_format == "html":
                front["body_format"] = "html"
            text = "---\n" + yaml.safe_dump(
                front, allow_unicode=True, sort_keys=False, width=88
            )
            path = self.folder / "articles" / f"{article.slug}.md"
            path.write_text(f"{text}---\n\n{body}", encoding="utf-8")
        return len(articles)

    def front_matter(self, article: Article) -> dict:
        front = {
            "title": article.title,
            "slug": article.slug,
            "kind": article.kind,
            "status": _status(article),
            "published_at": article.published_at.isoformat()
            if article.published_at
            else None,
            "section": article.section.name,
            "summary": article.summary,
            "meta_description": article.meta_description,
            "authors": [
                {"name": b.author.name, "slug": b.author.slug}
                for b in article.bylines.select_related("author")
            ],
            "tags": [tag.name for tag in article.tag_list],
        }
        if article.hero:
            front["hero"] = {
                "path": "../" + self.copy(article.hero.file),
                "alt": article.hero.alt_text,
                "caption": article.hero.caption,
                "credit": article.hero.credit,
            }
        front["faq"] = [
            {"question": entry.question, "answer_html": entry.answer_html}
            for entry in Entry.objects.for_article(article)
        ]
        front["see_also"] = [_link(link) for link in article.see_also_links.all()]
        front["old_paths"] = list(
            Redirect.objects.filter(target=article.get_absolute_url())
            .order_by("old_path")
            .values_list("old_path", flat=True)
        )
        # For static-site generators: their date, and drafts kept off the site
        # (Hugo reads draft, Jekyll published; import_markdown reads neither).
        front["date"] = front["published_at"]
        if front["status"] in ("draft", "review"):
            front.update(draft=True, published=False)
        return {
            key: value for key, value in front.items() if value not in ("", [], None)
        }

    def redirects(self) -> int:
        own = {a.get_absolute_url() for a in Article.objects.only("slug")}
        rows = [
            {"old_path": r.old_path, "target": r.target}
            for r in Redirect.objects.order_by("old_path")
            if r.target not in own
        ]
        dump(self.folder / "redirects.yaml", rows)
        return len(rows)

    def corrections(self) -> int:
        rows = [
            {
                "article": note.article.slug,
                "kind": note.kind,
                "text": note.text,
                "created_at": note.created_at.isoformat(),
            }
            for note in Note.objects.select_related("article").order_by(
                "created_at", "pk"
            )
        ]
        dump(self.folder / "corrections.yaml", rows)
        return len(rows)


def _status(article: Article) -> str:
    if article.is_scheduled:
        return "scheduled"
    return {Status.IN_REVIEW: "review"}.get(article.status, article.status)


def _link(link) -> dict:
    if link.kind == LinkKind.ARTICLE and link.target_article:
        row = {"to": link.target_article.slug}
    elif link.kind == LinkKind.SECTION and link.target_section:
        row = {"to": link.target_section.get_absolute_url()}
    elif link.kind == LinkKind.NEWS:
        row = {"to": "/news/"}
    else:
        row = {"url": link.url}
    row.update(label=link.label, description=link.description)
    return {key: value for key, value in row.items() if value}
