"""Log in with an e-mail address, whatever its case."""

from django.contrib.auth.backends import ModelBackend

from .models import normalize_email


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        email = kwargs.get("email", username)
        if email is None:
            return None
        return super().authenticate(request, username=normalize_email(email), password=password)
