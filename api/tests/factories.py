from api import services


def token_for(user, scope: str = "read", name: str = "test") -> str:
    """A new token of `user`: its secret, as a client sends it."""
    _token, secret = services.token_create(user=user, name=name, scope=scope)
    return secret


def bearer(secret: str | None) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
