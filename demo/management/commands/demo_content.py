"""Fill an empty site with the demo publication in demo/data.py.

Idempotent: rows are looked up by slug and only missing ones are created, so existing
rows, their image files and their timestamps are never touched.
"""

import io
import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageChops, ImageDraw, ImageFont

from articles import publishing
from articles.models import Article, Author, Byline, Section, SeeAlsoLink, Status
from corrections.models import Note
from demo.data import (
    ARTICLES,
    AUTHORS,
    FAQ_ENTRIES,
    FAQ_TOPICS,
    NOTES,
    SECTIONS,
    SEE_ALSO,
)
from faq.models import ArticleEntry, Entry, Topic
from images.models import Image as LibraryImage
from roles.permissions import Role
from roles.services import roles_sync, staff_user_create

HERO_SIZE = (1600, 900)
CREDIT = "Illustration: Claude News"
PATTERN_WORDS = {
    "circles": "overlapping outlined circles",
    "rings": "rings spreading from the top right corner",
    "stripes": "diagonal stripes",
    "grid": "a grid of dots",
    "blocks": "overlapping translucent rectangles",
}
ADMIN_USERNAME = "admin"
ADMIN_HINT = "Log in at http://127.0.0.1:8000/admin/ as admin / admin."
# One login per role, to try the admin as each: the username is the role's, the
# password "<role>-demo". Local work only, like admin / admin.
DEMO_STAFF = {
    Role.CONTRIBUTOR: "writes drafts and submits them for review",
    Role.EDITOR: "edits, reviews and publishes; sections, authors, FAQ, tags",
    Role.ADMINISTRATOR: "an editor who also manages site settings and users",
}


def _encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def hero_jpeg(top: str, bottom: str, pattern: str, label: str, seed: str) -> bytes:
    """A 1600x900 illustration: diagonal gradient, a light pattern, the section name."""
    width, height = HERO_SIZE
    # Averaging a vertical and a horizontal ramp gives a diagonal blend, no pixel loop.
    ramp = Image.linear_gradient("L")
    mask = ImageChops.add(
        ramp.resize(HERO_SIZE), ramp.rotate(90).resize(HERO_SIZE), 2.0
    )
    image = Image.composite(
        Image.new("RGB", HERO_SIZE, bottom), Image.new("RGB", HERO_SIZE, top), mask
    )

    overlay = Image.new("RGBA", HERO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    ink = (255, 255, 255, 70)
    rng = random.Random(seed)  # The same article always gets the same picture.
    if pattern == "circles":
        for _ in range(9):
            x, y, r = (
                rng.randrange(width),
                rng.randrange(height),
                rng.randrange(80, 360),
            )
            draw.ellipse((x - r, y - r, x + r, y + r), outline=ink, width=10)
    elif pattern == "rings":
        for r in range(120, 2000, 120):
            draw.ellipse((width - r, -r, width + r, r), outline=ink, width=14)
    elif pattern == "stripes":
        for x in range(-height, width, 110):
            draw.line((x, height, x + height, 0), fill=ink, width=36)
    elif pattern == "grid":
        for x in range(50, width, 100):
            for y in range(50, height, 100):
                draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=ink)
    elif pattern == "blocks":
        for _ in range(7):
            x, y = rng.randrange(width - 300), rng.randrange(height - 200)
            w, h = rng.randrange(200, 600), rng.randrange(150, 450)
            draw.rectangle((x, y, x + w, y + h), fill=(255, 255, 255, 45))
    else:
        raise ValueError(f"Unknown pattern {pattern!r}")

    # A soft dark outline keeps white text legible on the light end of a gradient.
    text = {
        "fill": (255, 255, 255, 240),
        "stroke_width": 3,
        "stroke_fill": (0, 0, 0, 90),
    }
    draw.text((80, 80), "CLAUDE NEWS", font=ImageFont.load_default(size=44), **text)
    draw.text(
        (80, height - 80),
        label,
        font=ImageFont.load_default(size=150),
        anchor="ls",
        **text,
    )
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    return _encode(image, "JPEG", quality=85)


def portrait_png(name: str, color: str) -> bytes:
    """A square initials portrait, so author pages show a photo without a real one."""
    image = Image.new("RGB", (400, 400), color)
    initials = "".join(part[0] for part in name.split()[:2])
    ImageDraw.Draw(image).text(
        (200, 200),
        initials,
        font=ImageFont.load_default(size=170),
        fill="white",
        anchor="mm",
    )
    return _encode(image, "PNG")


def days_from_today(days: int) -> datetime:
    """09:00 local time, `days` from today: distinct dates that read like a schedule."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(9)))


def create_sections() -> tuple[dict[str, Section], int]:
    """Create the missing demo sections; return all of them by slug, and the count made."""
    sections = Section.objects.in_bulk([s["slug"] for s in SECTIONS], field_name="slug")
    missing = [data for data in SECTIONS if data["slug"] not in sections]
    for data in missing:
        sections[data["slug"]] = Section.objects.create(**data)
    return sections, len(missing)


def create_authors() -> tuple[dict[str, Author], int]:
    """Create the missing demo authors with a portrait; return all by slug, and the count."""
    authors = Author.objects.in_bulk([a["slug"] for a in AUTHORS], field_name="slug")
    missing = [data for data in AUTHORS if data["slug"] not in authors]
    for data in missing:
        author = Author(
            name=data["name"],
            slug=data["slug"],
            bio=data["bio"],
            profile_url=data["profile_url"],
        )
        photo = portrait_png(author.name, data["color"])
        author.photo.save(f"{author.slug}.png", ContentFile(photo), save=False)
        author.full_clean()
        author.save()
        authors[author.slug] = author
    return authors, len(missing)


def create_hero(data: dict, article: Article) -> LibraryImage:
    """Add the article's illustration to the image library, as an upload would be."""
    (top_name, top), (bottom_name, bottom), pattern = data["image"]
    label = article.section.name
    hero = LibraryImage(
        title=article.title,
        file=ContentFile(
            hero_jpeg(top, bottom, pattern, label, seed=article.slug),
            name=f"{article.slug}.jpg",
        ),
        alt_text=(
            f"Illustration: a {top_name} to {bottom_name} gradient with "
            f"{PATTERN_WORDS[pattern]}, the words “Claude News” and “{label}”."
        ),
        caption=data.get("caption", ""),
        credit=CREDIT,
    )
    # The admin's checks and save(): metadata removed, renditions made.
    hero.full_clean()
    hero.save()
    return hero


def create_article(
    data: dict, sections: dict[str, Section], authors: dict[str, Author], *, publisher
) -> Article:
    """Create one demo article with its image, bylines and tags, dated as in the data.

    It is made a draft, then published or scheduled through the publishing service
    by publisher, as an editor would.
    """
    published_at = None if data["days"] is None else days_from_today(data["days"])
    article = Article(
        slug=data["slug"],
        title=data["title"],
        kind=data["kind"],
        section=sections[data["section"]],
        status=Status.DRAFT,
        published_at=published_at,
        summary=data.get("summary", ""),
        meta_description=data.get("meta_description", ""),
        body=data["body"].strip(),
    )
    if data["image"]:
        article.hero = create_hero(data, article)
    article.full_clean()
    article.save()
    for position, slug in enumerate(data["authors"]):
        Byline.objects.create(article=article, author=authors[slug], position=position)
    article.tags.add(*data["tags"])
    if data["status"] == Status.PUBLISHED:
        if published_at > timezone.now():
            publishing.schedule(article, user=publisher, at=published_at)
        else:
            publishing.publish(article, user=publisher)

    # Backdate the timestamps so the archive doesn't read as all "Updated" today;
    # update() because save() would reset updated_at (auto_now).
    if article.is_published:
        updated_at = published_at + timedelta(days=data.get("updated_days_later", 0))
        timestamps = {"created_at": published_at, "updated_at": updated_at}
        if updated_at > published_at:
            timestamps["revised_at"] = updated_at
    else:
        timestamps = {"updated_at": article.created_at}
    Article.objects.filter(pk=article.pk).update(**timestamps)
    return article


def create_faq(articles: dict[str, Article]) -> int:
    """Create the missing FAQ topics and entries, placed on their articles."""
    topics = Topic.objects.in_bulk([t["slug"] for t in FAQ_TOPICS], field_name="slug")
    for data in FAQ_TOPICS:
        if data["slug"] not in topics:
            topics[data["slug"]] = Topic.objects.create(**data)
    existing = set(Entry.objects.values_list("slug", flat=True))
    missing = [data for data in FAQ_ENTRIES if data["slug"] not in existing]
    for data in missing:
        entry = Entry.objects.create(
            slug=data["slug"],
            topic=topics[data["topic"]],
            order=data["order"],
            question=data["question"],
            answer=data["answer"],
            is_published=data.get("is_published", True),
        )
        for slug in data["articles"]:
            position = ArticleEntry.objects.filter(article=articles[slug]).count()
            ArticleEntry.objects.create(
                article=articles[slug], entry=entry, position=position
            )
    return len(missing)


def create_see_also(articles: dict[str, Article], sections: dict[str, Section]) -> int:
    """Give each listed article its links, unless it already has some."""
    linked = set(SeeAlsoLink.objects.values_list("article__slug", flat=True))
    created = 0
    for slug, links in SEE_ALSO.items():
        if slug in linked:
            continue
        for position, data in enumerate(links):
            link = SeeAlsoLink(
                article=articles[slug],
                position=position,
                kind=data["kind"],
                url=data.get("url", ""),
                label=data.get("label", ""),
                description=data.get("description", ""),
            )
            if data["kind"] == "article":
                link.target_article = articles[data["to"]]
            elif data["kind"] == "section":
                link.target_section = sections[data["to"]]
            link.full_clean()
            link.save()
            created += 1
    return created


def create_notes(articles: dict[str, Article]) -> int:
    """Add the listed corrections and clarifications to articles that have no notes."""
    noted = set(Note.objects.values_list("article__slug", flat=True))
    missing = [data for data in NOTES if data["article"] not in noted]
    for data in missing:
        article = articles[data["article"]]
        Note.objects.create(
            article=article,
            kind=data["kind"],
            text=data["text"],
            created_at=article.published_at + timedelta(days=data["days_later"]),
        )
    return len(missing)


def create_admin() -> bool:
    """Create the admin / admin superuser unless a user of that name exists."""
    User = get_user_model()
    # Never touch an existing account: it may have a real password.
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return False
    User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", "admin")
    return True


def create_staff() -> list[Role]:
    """Create the demo's contributor, editor and administrator unless they exist."""
    roles_sync()  # The groups as roles/permissions.py says, apps added since included.
    User = get_user_model()
    created = []
    for role in DEMO_STAFF:
        # Never touch an existing account: it may have a real password.
        if User.objects.filter(username=role.value).exists():
            continue
        staff_user_create(
            username=role.value,
            role=role,
            password=f"{role.value}-demo",
            email=f"{role.value}@example.com",
        )
        created.append(role)
    return created


def demo_publisher():
    """The account that publishes the demo's articles: admin, else the demo editor."""
    User = get_user_model()
    for username in (ADMIN_USERNAME, Role.EDITOR.value):
        user = User.objects.filter(username=username).first()
        if publishing.may_publish(user):
            return user
    raise CommandError("Neither admin nor editor may publish: can't publish the demo.")


def staff_logins(created: list[Role]) -> str:
    """The role logins to print, marking accounts that existed before this run."""
    lines = ["One login per role at http://127.0.0.1:8000/admin/:"]
    for role, does in DEMO_STAFF.items():
        line = f"  {role.value} / {role.value}-demo: {does}"
        if role not in created:
            line += " (existed already: password unchanged)"
        lines.append(line)
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Create a demo publication (sections, authors, articles) and an admin / admin "
        "superuser for local work. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # An admin / admin account must never be created on a real server.
            raise CommandError(
                "demo_content is for local development: run it with DJANGO_DEBUG=1."
            )
        with transaction.atomic():
            sections, new_sections = create_sections()
            authors, new_authors = create_authors()
            existing = set(
                Article.objects.filter(
                    slug__in=[a["slug"] for a in ARTICLES]
                ).values_list("slug", flat=True)
            )
            missing = [data for data in ARTICLES if data["slug"] not in existing]
            # First, so that the articles are published through the publishing
            # service by an account allowed to: admin, else the demo editor.
            admin_created = create_admin()
            staff_created = create_staff()
            publisher = demo_publisher()
            for data in missing:
                create_article(data, sections, authors, publisher=publisher)
            articles = Article.objects.in_bulk(
                [a["slug"] for a in ARTICLES], field_name="slug"
            )
            new_entries = create_faq(articles)
            new_links = create_see_also(articles, sections)
            new_notes = create_notes(articles)

        if (
            new_sections
            or new_authors
            or missing
            or new_entries
            or new_links
            or new_notes
        ):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {new_sections} sections, {new_authors} authors, "
                    f"{len(missing)} articles, {new_entries} FAQ entries, "
                    f"{new_links} see-also links, {new_notes} notes."
                )
            )
        elif not admin_created and not staff_created:
            self.stdout.write("Nothing to do: demo content already present.")
        if admin_created:
            self.stdout.write(self.style.SUCCESS(f"Created user admin. {ADMIN_HINT}"))
        else:
            self.stdout.write(
                "User admin already exists; its password was not changed."
            )
        self.stdout.write(staff_logins(staff_created))
