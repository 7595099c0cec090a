from django.apps import AppConfig


class SiteconfigConfig(AppConfig):
    name = "siteconfig"
    verbose_name = "Site settings"

    def ready(self):
        from siteconfig import (
            article_page,
            checks,  # noqa: F401  (registers the deploy checks)
        )

        article_page.register()
