"""URL converters: ids that the database can hold, so that a huge number is a 404, not a 500."""

# The largest value of a 64-bit signed integer, the type of every primary key here.
MAX_ID = 2**63 - 1


class IdConverter:
    """Like Django's `int`, but only numbers a BIGINT column can hold (19 digits at most).

    A larger one reached the database as is: SQLite raised OverflowError, an error page.
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("out of range")  # the URL does not match: 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


def is_id(value) -> bool:
    """Whether `value` (typed or sent by a form) could be a primary key."""
    text = str(value).strip()
    return text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ID
