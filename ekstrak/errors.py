"""The one error users see: a sentence in Indonesian saying what is wrong and what to do."""


class KinerjaError(Exception):
    """Bad input or usage; the message is shown as is and the command exits with code 2."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan
