from getpass import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from roles.permissions import Role
from roles.services import staff_user_create


class Command(BaseCommand):
    help = (
        "Create a staff account in one role: contributor, editor or administrator. "
        "Its rights come from the role's group; it is never a superuser. "
        "Without --password you are asked for one, twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--role", required=True, type=str.lower, choices=Role.values
        )
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password", help="Skips the prompt; it stays in your shell's history."
        )

    def handle(self, *args, username, role, email, password, **options):
        role = Role(role)
        # Before the prompt, so nobody types a password for nothing.
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(f"A user named {username} already exists.")
        if password is None:
            password = self.ask_password()
        try:
            validate_password(
                password, get_user_model()(username=username, email=email)
            )
            staff_user_create(
                username=username, role=role, password=password, email=email
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {username}, a staff account in the {role.label} group. "
                "They log in at /admin/."
            )
        )

    def ask_password(self):
        password = getpass("Password: ")
        if password != getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return password
