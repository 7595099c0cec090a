from django.core.management.base import BaseCommand

from roles.services import roles_sync


class Command(BaseCommand):
    help = (
        "Give the Contributor, Editor and Administrator groups exactly the "
        "permissions listed in roles/permissions.py. migrate does this on its "
        "own; run it to see or undo changes made by hand. It is safe to run again."
    )

    def handle(self, *args, **options):
        for role, change in roles_sync().items():
            line = f"{role.label}: {change.total} permissions"
            if change.added:
                line += f"; added {', '.join(change.added)}"
            if change.removed:
                line += f"; removed {', '.join(change.removed)}"
            if not (change.added or change.removed):
                line += ", unchanged"
            self.stdout.write(line + ".")
