"""Run in a subprocess against one database: what a backup must carry across.

    python -m tests.backups.site_snapshot history   # give articles admin history
    python -m tests.backups.site_snapshot snapshot  # print the site as JSON

`snapshot` prints {"pages": {url: sha256 of the body}, "bodies": {url: body},
"search": {url: [result links]}, "history": [...], "log": [...], "media": {...}}.
Pages are found by crawling every public link from the home page, the feeds and the
sitemaps, so a page the site adds later is compared without listing it here. The
environment (DATABASE_URL, DJANGO_MEDIA_ROOT, DJANGO_SETTINGS_MODULE) picks the site.
"""

import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import django

django.setup()

import reversion  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.admin.models import CHANGE, LogEntry  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import update_last_login  # noqa: E402
from django.contrib.auth.signals import user_logged_in  # noqa: E402
from django.test import Client  # noqa: E402
from reversion.models import Version  # noqa: E402

from articles.models import Article  # noqa: E402

SEEDS = (
    "/",
    "/news/",
    "/faq/",
    "/corrections/",
    "/robots.txt",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/json/",
    "/search/?q=claude",
)
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/preview/")
MAX_PAGES = 500
HREF = re.compile(r"""href=["'](/[^"'#]*)""")


def site_links(body: str) -> set[str]:
    """Paths this body links to on the site: relative hrefs and absolute SITE_URLs."""
    links = set(HREF.findall(body))
    absolute = re.compile(re.escape(settings.SITE_URL) + r"(/[^\s\"'<>#]*)")
    links.update(absolute.findall(body))
    return {link.replace("&amp;", "&") for link in links}


def search_results(body: str) -> list[str]:
    return sorted(set(re.findall(r'href="(/articles/[^"]+|/faq/#[^"]+)"', body)))


def crawl(client: Client) -> tuple[dict, dict, dict]:
    pages, bodies, searches = {}, {}, {}
    queue, seen = list(SEEDS), set(SEEDS)
    while queue and len(seen) <= MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        body = response.content.decode()
        if urlsplit(url).path.startswith("/search/"):
            # Ranking is the engine's own (ts_rank or FTS5's bm25): compare what
            # was found, not its order or highlighting.
            searches[url] = [response.status_code, search_results(body)]
            continue
        pages[url] = (
            f"{response.status_code} {hashlib.sha256(response.content).hexdigest()}"
        )
        bodies[url] = body
        for link in sorted(site_links(body)):
            if link not in seen and not link.startswith(SKIPPED_PREFIXES):
                seen.add(link)
                queue.append(link)
    return pages, bodies, searches


def admin_history(client: Client) -> tuple[list, list]:
    versions = [
        [
            version.object_repr,
            version.object_id,
            version.content_type.natural_key(),
            version.revision.date_created.isoformat(),
            version.revision.comment,
            version.revision.user.get_username() if version.revision.user else None,
            version.serialized_data,
        ]
        for version in Version.objects.select_related(
            "revision__user", "content_type"
        ).order_by("revision__date_created", "pk")
    ]
    log = [
        [
            entry.action_time.isoformat(),
            entry.user.get_username(),
            entry.content_type.natural_key() if entry.content_type else None,
            entry.object_id,
            entry.object_repr,
            entry.action_flag,
            entry.change_message,
        ]
        for entry in LogEntry.objects.select_related("user", "content_type").order_by(
            "pk"
        )
    ]
    # The admin's history pages still open and list every change. Logging in
    # must not change the user rows a later backup compares.
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    client.force_login(get_user_model().objects.get(username="admin"))
    for article in Article.objects.order_by("pk"):
        response = client.get(f"/admin/articles/article/{article.pk}/history/")
        log.append([article.slug, response.status_code, response.content.count(b"<tr")])
    return versions, log


def media_files() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def add_history() -> None:
    """Two admin saves of every article, each a revision and a log entry."""
    admin = get_user_model().objects.get(username="admin")
    for round_ in ("Checked the facts", "Tightened the summary"):
        for article in Article.objects.order_by("pk"):
            with reversion.create_revision():
                reversion.set_user(admin)
                reversion.set_comment(round_)
                article.summary = f"{article.summary} ".rstrip()
                article.save()
            LogEntry.objects.log_actions(
                admin.pk, [article], CHANGE, change_message=round_, single_object=True
            )


def main(command: str) -> None:
    if command == "history":
        add_history()
        return
    client = Client()
    pages, bodies, searches = crawl(client)
    versions, log = admin_history(Client())
    json.dump(
        {
            "pages": pages,
            "bodies": bodies,
            "search": searches,
            "history": versions,
            "log": log,
            "media": media_files(),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main(sys.argv[1])
