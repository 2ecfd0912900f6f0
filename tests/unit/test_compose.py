"""A digest's bodies are built as UTF-8 and attached without another encoding; the message must be the
one the standard MIME text classes would make from the same text."""

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.mime.text import MIMEText

from tracker.notify.digest import Digest
from tracker.notify.send import compose

TEXT = (
    "Sở Xây dựng: 2 quá hạn\n- 4515/KH-UBND ngày 18/12/2019 - Kế hoạch\n  Hạn: 20/03/2020 (\u201ctrước ngày 20\u201d)\n"
)
HTML = "<p>Sở Xây dựng &amp; Thanh tra tỉnh</p><table><tr><td>quá hạn 30 ngày</td></tr></table>"


def test_bodies_decode_to_the_text_and_match_mimetext() -> None:
    digest = Digest("agency:1", ["sxd@example.org"], "Sở Xây dựng", TEXT.encode(), HTML.encode(), "Sở Xây dựng")
    message = compose(digest, "theodoi@example.org", datetime(2020, 3, 21, tzinfo=UTC))
    plain, html = (part for part in message.walk() if not part.is_multipart())
    assert plain.as_bytes() == MIMEText(TEXT, "plain", "utf-8").as_bytes()
    assert html.as_bytes() == MIMEText(HTML, "html", "utf-8").as_bytes()
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed.get_body(("plain",)).get_content() == TEXT  # type: ignore[union-attr]
    assert parsed.get_body(("html",)).get_content() == HTML  # type: ignore[union-attr]
    assert digest.text == TEXT and digest.html == HTML
