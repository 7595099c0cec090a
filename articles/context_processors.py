from articles.models import Section


def navigation(request):
    # A lazy queryset: only pages that draw the header run it.
    return {"nav_sections": Section.objects.only("name", "slug")}
