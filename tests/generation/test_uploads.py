import pytest

from quizzes.generation import GenerationError, decode_upload, text_from_upload


def test_it_decodes_utf8_with_a_byte_order_mark():
    assert decode_upload("\ufeffKim Jong Un met Putin.".encode()) == "Kim Jong Un met Putin."


def test_it_falls_back_to_cp1252():
    assert decode_upload("Théo Clément said so.".encode("cp1252")) == "Théo Clément said so."


def test_it_rejects_binary_data():
    with pytest.raises(GenerationError):
        decode_upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_it_rejects_bytes_that_are_mostly_not_text():
    with pytest.raises(GenerationError):
        decode_upload(bytes(range(1, 32)) * 20)


def test_it_rejects_an_empty_file():
    with pytest.raises(GenerationError):
        decode_upload(b"")


def test_it_strips_html_and_drops_scripts_and_navigation():
    html = (
        b"<html><head><title>T</title><script>var x = 1;</script></head><body>"
        b"<nav>Home | News</nav><h1>Railway opens</h1><p>The line opens in <b>May</b>.</p>"
        b"<footer>Contact us</footer></body></html>"
    )
    assert text_from_upload(html, "page.html") == "Railway opens\n\nThe line opens in May."


def test_it_leaves_plain_text_alone():
    assert text_from_upload(b"Line one.\nLine two.", "article.txt") == "Line one.\nLine two."


def test_it_takes_the_pages_headline_as_the_first_line():
    html = (
        b"<html><head><title>Railway opens | The Courier</title></head><body>"
        b"<div>We use cookies to personalise content and ads.</div>"
        b"<h1>Railway opens</h1><p>The line opens in May.</p></body></html>"
    )
    assert text_from_upload(html, "page.html").split("\n\n")[0] == "Railway opens"


def test_it_falls_back_to_the_title_element_without_the_site_name():
    html = b"<html><head><title>Railway opens | The Courier</title></head><body><p>It opens.</p>"
    assert text_from_upload(html, "page.html").split("\n\n")[0] == "Railway opens"


def test_it_drops_containers_the_page_marks_as_comments_bios_and_sign_ups():
    html = (
        b"<html><body><h1>Railway opens</h1><p>The line opens in May.</p>"
        b'<div class="newsletter"><div><p>Get our daily email.</p></div><p>No spam.</p></div>'
        b'<div class="author-bio"><p>Ann Lee is our transport reporter.</p></div>'
        b'<section id="comments"><div class="comment"><p>About time too.</p></div></section>'
        b"<p>Trains will run every hour.</p></body></html>"
    )
    assert text_from_upload(html, "page.html") == (
        "Railway opens\n\nThe line opens in May.\n\nTrains will run every hour."
    )
