from django.core.management.base import BaseCommand

from images.uses import bodies, record_image_uses


class Command(BaseCommand):
    help = (
        "Record which library images every article body and FAQ answer shows, so "
        "that none in use can be deleted or replaced. Run once after upgrading; "
        "saving a body keeps its record up to date afterwards. Safe to run again."
    )

    def handle(self, *args, **options):
        for model, html_field in bodies():
            count = 0
            for body_owner in model._default_manager.only("pk", html_field).iterator():
                record_image_uses(body_owner, getattr(body_owner, html_field))
                count += 1
            self.stdout.write(f"{model._meta.verbose_name_plural}: {count} checked")
