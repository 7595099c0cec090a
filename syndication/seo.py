"""Page metadata as plain data: absolute URLs, the share image and JSON-LD dicts.

Every absolute URL starts from settings.SITE_URL, never from the request's Host
header, so a spoofed Host cannot change what search engines and link previews see.
The functions take what they need as arguments and read no database rows beyond
the article's prefetched section, bylines, tags and hero image; templates reach them
through syndication/templatetags/seo.py and print JSON-LD with the jsonld filter.
Feeds, sitemaps and robots.txt make their absolute URLs with absolute_url() too.
"""

from datetime import datetime

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone

from articles.models import Article, Kind
from newsroom.paths import path

DEFAULT_IMAGE = "img/social-default.png"
DEFAULT_IMAGE_WIDTH = 1200
DEFAULT_IMAGE_HEIGHT = 630
# The words drawn on the default image.
DEFAULT_IMAGE_ALT = "Claude News: news, explainers and guides about Claude"
LOGO = "img/logo.png"
HOME_CRUMB = "Home"


def absolute_url(path: str, site_url: str | None = None) -> str:
    """site_url (settings.SITE_URL by default) + path, unless path is already absolute.

    An absolute path is media or static files on a CDN, kept as they are.
    """
    if path.startswith(("https://", "http://")):
        return path
    return (settings.SITE_URL if site_url is None else site_url) + path


def canonical_url(path: str, site_url: str, page_number: int | None = None) -> str:
    """The page's own address: site_url + path, plus ?page=N for later list pages."""
    url = absolute_url(path, site_url)
    if page_number and page_number > 1:
        url += f"?page={page_number}"
    return url


def _iso(value: datetime) -> str:
    # The same moment and offset the page's <time datetime> attributes show.
    return timezone.localtime(value).isoformat()


def social_image(article: Article | None, site_url: str) -> dict:
    """The image a shared link shows: the hero's 1200x630 crop, else the site's default."""
    hero = article.hero if article is not None else None
    if hero is not None and (crop := hero.social):
        return {
            "url": absolute_url(crop["url"], site_url),
            "width": crop["width"],
            "height": crop["height"],
            "alt": hero.alt_text,
        }
    return {
        "url": absolute_url(static(DEFAULT_IMAGE), site_url),
        "width": DEFAULT_IMAGE_WIDTH,
        "height": DEFAULT_IMAGE_HEIGHT,
        "alt": DEFAULT_IMAGE_ALT,
    }


def article_images(article: Article, site_url: str) -> list[str]:
    """JSON-LD images: the social crop and the hero's largest rendition, or the default."""
    urls = [social_image(article, site_url)["url"]]
    if article.hero is not None:
        largest = absolute_url(article.hero.largest["url"], site_url)
        urls += [largest] if largest not in urls else []
    return urls


def breadcrumbs(article: Article) -> list[dict]:
    """Home > section > article, as names and site-relative URLs."""
    return [
        {"name": HOME_CRUMB, "url": path("articles:index")},
        {"name": article.section.name, "url": article.section.get_absolute_url()},
        {"name": article.title, "url": article.get_absolute_url()},
    ]


def organization_id(site_url: str) -> str:
    return f"{site_url}/#organization"


def _organization(site, site_url: str) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "@id": organization_id(site_url),
        "name": site.site_name,
        "url": f"{site_url}/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static(LOGO), site_url),
        },
    }


def organization_jsonld(site, site_url: str) -> dict:
    """The outlet as a schema.org NewsMediaOrganization, described by its tagline."""
    data = {"@context": "https://schema.org", **_organization(site, site_url)}
    if site.tagline:
        data["description"] = site.tagline
    return data


def website_jsonld(site, site_url: str, language: str) -> dict:
    """The site as a schema.org WebSite, published by the organization above."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": f"{site_url}/#website",
        "name": site.site_name,
        "url": f"{site_url}/",
        "inLanguage": language,
        "publisher": {"@id": organization_id(site_url)},
    }


def article_jsonld(article: Article, site, site_url: str, language: str) -> dict:
    """NewsArticle for news, Article for explainers and guides."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if article.kind == Kind.NEWS else "Article",
        "headline": article.title,
        "description": article.description,
        "image": article_images(article, site_url),
        # A draft being previewed has no publication date yet.
        "datePublished": _iso(article.published_at) if article.published_at else None,
        "dateModified": _iso(article.modified_at),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(author.get_absolute_url(), site_url),
            }
            for author in article.byline_authors
        ],
        "publisher": _organization(site, site_url),
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": absolute_url(article.get_absolute_url(), site_url),
        },
        "isAccessibleForFree": True,
        "inLanguage": language,
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tag_list],
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def breadcrumb_jsonld(article: Article, site_url: str) -> dict:
    """The visible breadcrumbs as a schema.org BreadcrumbList."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb["name"],
                "item": absolute_url(crumb["url"], site_url),
            }
            for position, crumb in enumerate(breadcrumbs(article), start=1)
        ],
    }
