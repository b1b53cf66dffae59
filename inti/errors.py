"""The errors users see: a sentence in Indonesian saying what is wrong and what to do, one type per failure."""


class KinerjaError(Exception):
    """Bad input or usage; the message is shown as is and the command exits with code 2."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class BerkasTidakAda(KinerjaError):
    """The input file or folder is missing, is a folder, or cannot be read."""


class BerkasRusak(KinerjaError):
    """The file is damaged or not of a format it claims to be."""


class FormatTidakDikenal(KinerjaError):
    """The file is of no format Kinerja reads."""


class PerluSandi(KinerjaError):
    """A locked PDF and no (or a wrong) password."""


class PerluOCR(KinerjaError):
    """A scanned PDF without a text layer."""


class TabelTidakDitemukan(KinerjaError):
    """No IKU table in the document."""


class MelebihiBatas(KinerjaError):
    """Over a limit: size, pages, ZIP shape, time or memory."""


class TemplatRusak(KinerjaError):
    """The report template is broken or missing."""


class KeluaranGagal(KinerjaError):
    """The output cannot be written where asked."""


class PerluProgram(KinerjaError):
    """A program Kinerja calls (LibreOffice) is not installed."""
