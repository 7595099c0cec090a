"""The demo editor at work in the admin over HTTP, for bench/freshness.py.

Everything goes through the site's address as a browser's would: log in, open a
form, post what it rendered plus the button pressed, with its CSRF token.
"""

import re
from html import unescape
from urllib.parse import urlencode, urlsplit

from tests.admin_form import FormReader
from tests.server import Client

ADMIN = "/admin/articles/article/"
CHANGE_LINK = re.compile(r'href="/admin/articles/article/(\d+)/change/[^"]*"')
SECTION = re.compile(r'href="(/section/[^"]+/)" aria-current="page"')
AUTHOR = re.compile(r'href="(/author/[^"]+/)" rel="author"')
TITLE = re.compile(r'<h1 class="article__title">([^<]+)</h1>')
TAG = re.compile(r'href="(/tag/[^"]+/)" rel="tag"')


def base_url(url: str) -> str:
    """http://host:port, the form tests.server.Client takes."""
    parts = urlsplit(url)
    if parts.scheme != "http":
        raise SystemExit(f"{url}: only plain http:// addresses are supported")
    return f"http://{parts.hostname}:{parts.port or 80}"


class Editor:
    """One logged-in editor; probes are draft news articles copied from a template."""

    def __init__(self, url: str, username: str, password: str):
        self.client = Client(base_url(url))
        self.client.log_in(username, password)

    def form(self, path: str) -> dict:
        page = self.client.get(path)
        if page.status != 200:
            raise RuntimeError(f"GET {path}: {page.status}")
        reader = FormReader("article_form")
        reader.feed(page.text)
        return reader.fields

    def article_id(self, slug: str, title: str) -> str:
        """The admin id of the article: search the changelist by title, match slug."""
        page = self.client.get(f"{ADMIN}?{urlencode({'q': title})}")
        for article_id in dict.fromkeys(CHANGE_LINK.findall(page.text)):
            if self.form(f"{ADMIN}{article_id}/change/").get("slug") == slug:
                return article_id
        raise RuntimeError(f"No article with the slug {slug!r} in the admin")

    def template(self, slug: str) -> tuple[dict, dict[str, list[str]]]:
        """What probes copy from live article `slug`, and its reader pages by kind."""
        page = self.client.get(f"/articles/{slug}/")
        title = TITLE.search(page.text)
        if page.status != 200 or not title:
            raise RuntimeError(f"/articles/{slug}/ answers {page.status}: not live")
        fields = self.form(
            f"{ADMIN}{self.article_id(slug, unescape(title.group(1)))}/change/"
        )
        total = int(fields["bylines-TOTAL_FORMS"])
        copied = {
            "section": fields["section"],
            "tags": fields["tags"],
            "authors": [fields[f"bylines-{n}-author"] for n in range(total)],
        }
        pages = {
            "section": SECTION.findall(page.text)[:1],
            "author": sorted(set(AUTHOR.findall(page.text))),
            "tag": sorted(set(TAG.findall(page.text))),
        }
        return copied, pages

    def create_probe(self, slug: str, title: str, copied: dict) -> int:
        """Save a draft news article copying the template's section, authors, tags."""
        fields = self.form(f"{ADMIN}add/")
        fields.update(
            kind="news",
            title=title,
            slug=slug,
            section=copied["section"],
            tags=copied["tags"],
            summary=f"A probe of how fast readers see publishing: {slug}.",
            body=f"<p>This article measures freshness ({slug}).</p>",
            _continue="Save and continue editing",
        )
        fields["bylines-TOTAL_FORMS"] = str(len(copied["authors"]))
        for n, author in enumerate(copied["authors"]):
            fields[f"bylines-{n}-author"] = author
            fields[f"bylines-{n}-position"] = str(n)
        reply = self.client.post(f"{ADMIN}add/", fields)
        match = re.search(
            r"/admin/articles/article/(\d+)/change/", reply.headers.get("location", "")
        )
        if reply.status != 302 or not match:
            raise RuntimeError(
                f"Creating {slug} failed: {reply.status}\n{errors(reply.text)}"
            )
        return int(match.group(1))

    def press(self, article_id: int, transition: str) -> None:
        """Press a button of the change form (publish, unpublish ...); raise if refused."""
        path = f"{ADMIN}{article_id}/change/"
        reply = self.client.post(path, {**self.form(path), "_transition": transition})
        if reply.status != 302:
            raise RuntimeError(
                f"{transition} of {article_id}: {reply.status}\n{errors(reply.text)}"
            )

    def delete(self, article_id: int) -> bool:
        """Delete the article through the admin's confirmation page."""
        path = f"{ADMIN}{article_id}/delete/"
        page = self.client.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if page.status != 200 or not token:
            return False
        reply = self.client.post(
            path, {"csrfmiddlewaretoken": unescape(token.group(1)), "post": "yes"}
        )
        return reply.status == 302


def errors(html: str) -> str:
    """The admin's error messages on a page, for a readable failure."""
    found = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    return "\n".join(re.sub(r"<[^>]+>", " ", text).strip() for text in found)[:2000]
