"""Demo accounts: a few named people of each kind, and a crowd of volunteers."""

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext

from .models import User

# (key, full name, intent, role shown at the end, staff, superuser)
CAST = [
    ("martine", "Martine Lefèvre", User.Intent.ASSOCIATION, "Association (bénévole)", False, False),
    ("yacine", "Yacine Haddad", User.Intent.ASSOCIATION, "Association (salarié)", False, False),
    ("lea", "Léa Martin", User.Intent.VOLUNTEER, "Étudiante en graphisme", False, False),
    ("karim", "Karim Benali", User.Intent.VOLUNTEER, "Jeune développeur web", False, False),
    ("sophie", "Sophie Garnier", User.Intent.OTHER, "Enseignante (école)", False, False),
    ("paul", "Paul Rousseau", User.Intent.OTHER, "Agent de collectivité", False, False),
    ("nadia", "Nadia Morel", User.Intent.OTHER, "Modératrice (équipe)", True, False),
    ("admin", "Admin A-lasso", User.Intent.OTHER, "Administrateur", True, True),
]


def build(ctx: DemoContext) -> None:
    now = timezone.now()
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    users = {}
    for key, name, intent, role, staff, superuser in CAST:
        user = User.objects.create(
            email=f"{key}@{DEMO_DOMAIN}",
            password=password,
            full_name=name,
            intent=intent,
            is_staff=staff,
            is_superuser=superuser,
            email_verified_at=now,
        )
        users[key] = user
        ctx.add_login(role, user.email)
    crowd_size = int(ctx.options.get("volunteers") or 40)
    crowd = []
    for index in ctx.progress(range(crowd_size), desc="Bénévoles"):
        first, last = ctx.fake.first_name(), ctx.fake.last_name()
        crowd.append(
            User(
                email=f"benevole{index:06d}@{DEMO_DOMAIN}",
                full_name=f"{first} {last}",
                intent=User.Intent.VOLUNTEER,
                email_verified_at=now,
                password=password,
            )
        )
    User.objects.bulk_create(crowd, batch_size=2000)
    ctx.objects["users"] = users
    ctx.objects["crowd"] = list(User.objects.filter(email__startswith="benevole"))
