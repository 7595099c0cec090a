"""{{ data|jsonld }}: a JSON-LD <script> block that nothing in the data can break out of."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a string would end or bend the element;
# JSON allows these characters as \u escapes, which no HTML parser reads as markup.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_json_for_script(data: dict) -> str:
    """Serialize data as JSON that is safe to place inside a <script> element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        _SCRIPT_ESCAPES
    )


@register.filter
def jsonld(data: dict | None) -> str:
    """Render data as a JSON-LD <script> block; nothing when data is empty."""
    if not data:
        return ""
    # The JSON has no "<", ">" or "&" left, so it cannot leave the script element.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        SafeString(to_json_for_script(data)),
    )
