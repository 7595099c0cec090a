from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "roles"
    # The admin index lists the editors' review queue under this heading.
    verbose_name = "Review"
