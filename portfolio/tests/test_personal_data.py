"""GDPR: the book is in the export, and goes with the account."""

from accounts.services import user_delete, user_personal_data
from portfolio.models import Portfolio


def test_the_export_holds_the_book(book, lea):
    data = user_personal_data(user=lea)["portfolio"]

    assert data["slug"] == "lea-martin" and data["is_public"] is True


def test_deleting_the_account_deletes_the_book_and_frees_its_address(client, book, lea):
    user_delete(user=lea)

    assert not Portfolio.objects.exists()
    assert client.get("/book/lea-martin/").status_code == 404
