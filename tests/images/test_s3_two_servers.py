"""Two app servers, one database and one bucket: what one stores, the other shows.

Two gunicorn processes, each with the environment README's "Outgrowing one machine"
gives (one database, the S3 variables), against the local S3-compatible server.
"""

import json
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from html import unescape

import pytest
from selenium.webdriver.common.by import By

from tests.browser import csp_messages, wait_for
from tests.images.s3 import ImageAddresses, s3_bucket  # noqa: F401
from tests.server import (
    CSRF_INPUT,
    ROOT,
    Client,
    running_server,
    seed_site,
    server_env,
)

LOADED = "return arguments[0].complete && arguments[0].naturalWidth > 0"

MAKE_IMAGES = """
import json, django; django.setup()
from articles.models import Article
from tests.factories import make_image, make_image_file
article = Article.objects.get(slug="story-1")
article.hero = make_image(title="Lighthouse", file=make_image_file(size=(2000, 1000)))
article.save()
spare = make_image(title="Spare")
print(json.dumps({
    "article": article.get_absolute_url(),
    "spare": spare.pk,
    "spare_paths": spare.stored_paths(),
}))
"""


@dataclass(frozen=True)
class Site:
    first: object
    second: object
    article_path: str
    spare_image: int
    spare_paths: list[str]


@pytest.fixture(scope="module")
def site(s3_bucket, tmp_path_factory):  # noqa: F811
    """Two servers sharing a SQLite file and the bucket; an article with a hero."""
    tmp = tmp_path_factory.mktemp("two-servers")
    env = server_env(f"sqlite:///{tmp / 'site.sqlite3'}", tmp, **s3_bucket.env())
    seed_site(env, editors=1, articles=2)
    made = subprocess.run(
        [sys.executable, "-c", MAKE_IMAGES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(made.stdout)
    with running_server(env) as first, running_server(env) as second:
        yield Site(first, second, data["article"], data["spare"], data["spare_paths"])


def page_images(server, path: str) -> set[str]:
    return ImageAddresses(Client(server.url).get(path).text).urls


def test_both_servers_show_the_same_images_from_the_bucket(s3_bucket, site):  # noqa: F811
    shown = page_images(site.first, site.article_path)

    assert shown
    assert all(url.startswith(s3_bucket.media_url) for url in shown)
    assert page_images(site.second, site.article_path) == shown
    for url in sorted(shown):
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200


def test_image_deleted_on_one_server_is_gone_for_the_other(s3_bucket, site):  # noqa: F811
    before = set(s3_bucket.keys())
    editor = Client(site.first.url)
    editor.log_in("editor1")
    delete = f"/admin/images/image/{site.spare_image}/delete/"
    token = unescape(CSRF_INPUT.search(editor.get(delete).text).group(1))

    reply = editor.post(delete, {"csrfmiddlewaretoken": token, "post": "yes"})

    assert reply.status == 302
    assert before - set(s3_bucket.keys()) == set(site.spare_paths)
    other = Client(site.second.url)
    other.log_in("editor1")
    assert "Spare" not in other.get("/admin/images/image/").text


def test_bucket_images_load_in_a_browser_under_the_csp(
    s3_bucket,  # noqa: F811
    browser,
    site,
):
    csp_messages(browser)  # Start with an empty console.

    browser.get(site.second.url + site.article_path)

    hero = browser.find_element(By.CSS_SELECTOR, ".article__hero img")
    wait_for(browser, lambda driver: driver.execute_script(LOADED, hero))
    assert hero.get_attribute("currentSrc").startswith(s3_bucket.media_url)
    assert csp_messages(browser) == []
