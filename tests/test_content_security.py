"""The site must run under a strict Content-Security-Policy, the admin included."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from newsroom.middleware import content_security_policy
from tests.factories import make_article

TEMPLATES = Path(settings.BASE_DIR, "templates")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")
URL_FROM_ELSEWHERE = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")


def template_files():
    return sorted(TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize(
    "path", template_files(), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_template_has_no_inline_script_style_or_remote_asset(path):
    text = path.read_text()
    assert not INLINE_SCRIPT.search(text)
    assert "style=" not in text
    assert "<style" not in text
    assert not URL_FROM_ELSEWHERE.search(text)


def test_csp_forbids_inline_code_and_other_origins():
    policy = settings.CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_csp_allows_images_from_the_site_only():
    # The sanitizer keeps only the site's own images in bodies (no data: URLs, no
    # other origins): the policy allows exactly those, so none can show broken.
    directives = dict(
        part.strip().split(" ", 1) for part in content_security_policy().split(";")
    )
    assert directives["img-src"] == "'self'"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["articles:index", "admin:login"])
def test_pages_are_served_with_the_policy(client, url_name):
    response = client.get(reverse(url_name))
    assert response["Content-Security-Policy"] == content_security_policy()


@pytest.mark.django_db
def test_article_page_has_no_inline_script(client):
    article = make_article(body="<p>Hello</p><script>alert(1)</script>")
    content = client.get(article.get_absolute_url()).content.decode()
    assert not INLINE_SCRIPT.search(content)
    assert "style=" not in content
