"""newsroom/paths.py gives the paths reverse() gives, whatever the script prefix."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from newsroom.paths import path


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    clear_script_prefix()
    set_script_prefix("/")


@pytest.mark.parametrize(
    "name", ["articles:index", "articles:news", "faq:index", "corrections:index"]
)
def test_fixed_page_path_is_what_reverse_gives(name):
    assert path(name) == reverse(name)


@pytest.mark.parametrize(
    "name", ["articles:detail", "articles:section", "articles:tag", "articles:author"]
)
@pytest.mark.parametrize("slug", ["is-claude-secure", "zürich", "日本", "a_b-2"])
def test_slug_page_path_is_what_reverse_gives(name, slug):
    assert path(name, slug) == reverse(name, args=[slug])


def test_path_follows_the_script_prefix(script_prefix):
    assert path("articles:tag", "ai") == "/tag/ai/"
    script_prefix("/news-site/")
    assert path("articles:tag", "ai") == "/news-site/tag/ai/"
    assert path("articles:index") == "/news-site/"


def test_slug_outside_the_pattern_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        path("articles:tag", "not a slug")
