"""The <uslug:...> path converter: slugs in any script, as taggit makes them."""

from django.urls import register_converter


class UnicodeSlugConverter:
    """Letters and digits of any script, "-" and "_": "zürich", "日本", "são-paulo"."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UnicodeSlugConverter, "uslug")
