"""`doingoai import`: local .txt, .html and .pdf files landed as documents at import://SOURCE/<file name>,
idempotent, versioned, all or nothing; and, end to end, one `doingoai run` later in the analysts' copy.

The texts are written for these tests (Vietnamese, made up), not taken from ../shared.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF

import warehouse.importing as importing
from cli.main import cli
from sample_portal.pdf import FONT_CANDIDATES
from sample_portal.server import RunningPortal
from scrapers.content import extract_main_content
from scrapers.http import Politeness
from tests.conftest import ROOT, doingoai_run, pipeline_env
from tests.queries import query, scalar
from warehouse.health import parser_health
from warehouse.importing import ImportRejected, import_files, read_file
from warehouse.landing import crawl_sites, parse_pending

SOURCE = "tintuc-cantho"

LETTER = """Tổ chức Tầm nhìn Thế giới trao tặng thư viện cho học sinh Cần Thơ
Thứ Sáu, 12/04/2024 09:15

Ngày 11/4/2024, tại huyện Phong Điền, thành phố Cần Thơ, Tổ chức Tầm nhìn Thế giới đã trao tặng \
850 triệu đồng cho Trường Tiểu học Mỹ Khánh để xây dựng thư viện và mua sách cho học sinh.

Thực hiện Kế hoạch số 77-KH/UBND ngày 3/2/2024 của Ủy ban nhân dân thành phố Cần Thơ về công tác \
đối ngoại nhân dân năm 2024, Liên hiệp các tổ chức hữu nghị thành phố đã phối hợp với các tổ chức phi \
chính phủ nước ngoài vận động nhiều dự án hỗ trợ giáo dục.
Phát biểu tại buổi lễ, ông Trần Văn Bình, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ, \
cảm ơn sự hỗ trợ thiết thực của tổ chức.
"""

NOTICE_LINES = [
    "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ THÀNH PHỐ CẦN THƠ",
    "V/v đón đoàn Hội Hữu nghị Nhật Bản - Việt Nam tỉnh Gifu",
    "Căn cứ Chỉ thị số 45-CT/TU ngày 8/3/2023 của Ban Thường vụ Thành ủy Cần Thơ về tăng cường công tác "
    "đối ngoại nhân dân, Liên hiệp các tổ chức hữu nghị thành phố thông báo như sau.",
    "Từ ngày 3/6/2024 đến ngày 5/6/2024, đoàn Hội Hữu nghị Nhật Bản - Việt Nam tỉnh Gifu đến thăm và làm "
    "việc tại thành phố Cần Thơ.",
    "Nhân dịp này, Hội Hữu nghị Nhật Bản - Việt Nam tỉnh Gifu trao tặng 20.000 USD cho Quỹ Khuyến học "
    "thành phố Cần Thơ.",
]

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hội Hữu nghị Việt Nam - Lào thành phố Cần Thơ tổ chức Đại hội | Tin tức</title>
<meta property="article:published_time" content="2024-06-04T08:00:00+07:00">
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/doi-ngoai">Đối ngoại</a></nav>
<article>
<h1>Hội Hữu nghị Việt Nam - Lào thành phố Cần Thơ tổ chức Đại hội</h1>
<p>Ngày 3/6/2024, tại thành phố Cần Thơ, Hội Hữu nghị Việt Nam - Lào thành phố tổ chức Đại hội đại
biểu lần thứ IV, nhiệm kỳ 2024 - 2029. Đến dự có đại diện Tổng Lãnh sự quán Lào tại Thành phố Hồ Chí
Minh và lãnh đạo Liên hiệp các tổ chức hữu nghị thành phố.</p>
<p>Đại hội đã bầu Ban Chấp hành gồm 25 thành viên và thông qua chương trình hoạt động của nhiệm kỳ mới,
trong đó chú trọng giao lưu thanh niên và hỗ trợ sinh viên Lào đang học tập tại Cần Thơ.</p>
</article>
<footer>Bản quyền thuộc về Tin tức Cần Thơ</footer>
</body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def make_pdf(lines: list[str]) -> bytes:
    """A PDF with a text layer, drawn with fpdf2 and a Unicode font (DejaVu, as the sample portal's)."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", next(path for path in FONT_CANDIDATES if Path(path).is_file()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def blank_pdf() -> bytes:
    """A PDF with a page and no text layer, as a scan without OCR reads."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.rect(20, 20, 100, 60)
    return bytes(pdf.output())


def raw_counts(db: Path) -> dict[str, int]:
    return {
        table: scalar(db, f"SELECT count(*) FROM raw.{table}") for table in ("pages", "documents", "sites")
    }


def doingoai_import(*arguments: str):
    """The command in this process (click's runner): its exit code, stdout and stderr apart."""
    return CliRunner().invoke(cli, ["import", *arguments])


# --- reading each kind of file ------------------------------------------------------------------


def test_a_txt_file_lands_its_bytes_and_its_document(tmp_path: Path) -> None:
    db, path = tmp_path / "w.duckdb", write(tmp_path, "thu-vien-my-khanh.txt", LETTER)
    [outcome] = import_files(db, SOURCE, [path])
    url = f"import://{SOURCE}/thu-vien-my-khanh.txt"
    assert (outcome.url, outcome.status, outcome.published_on) == (url, "new", date(2024, 4, 12))
    [(site, kind, body, content_type, first_seen, last_seen)] = query(
        db, "SELECT site, kind, body, content_type, first_seen_at, last_seen_at FROM raw.pages"
    )
    assert (site, kind, body, content_type) == (
        SOURCE,
        "import",
        path.read_bytes(),
        "text/plain; charset=utf-8",
    )
    assert first_seen == last_seen
    [(doc_url, doc_site, doc_kind, parser, title, published, body_text, attachments)] = query(
        db,
        "SELECT url, site, kind, parser, title, strftime(timezone('Asia/Ho_Chi_Minh', published_at), '%Y-%m-%d %H:%M:%S'), "
        "body_text, attachment_urls FROM raw.documents",
    )
    assert (doc_url, doc_site, doc_kind, parser) == (url, SOURCE, "article", "text")
    assert title == "Tổ chức Tầm nhìn Thế giới trao tặng thư viện cho học sinh Cần Thơ"
    assert published == "2024-04-12 00:00:00"  # the date line after the title, at midnight in Vietnam
    paragraphs = body_text.split("\n\n")
    assert len(paragraphs) == 3  # one per non-empty line; the title and the date line are not body
    assert paragraphs[0].startswith("Ngày 11/4/2024, tại huyện Phong Điền")
    assert paragraphs[2].startswith("Phát biểu tại buổi lễ")
    assert attachments == []
    assert query(db, "SELECT site, base_url FROM raw.sites") == [(SOURCE, f"import://{SOURCE}/")]


def test_published_on_overrides_the_date_in_the_file_and_without_either_it_is_null(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    dated = write(tmp_path, "a.txt", LETTER)
    undated = write(tmp_path, "b.txt", "Tin vắn\nĐoàn công tác của thành phố đã về nước an toàn.\n")
    import_files(db, SOURCE, [dated], published_on=date(2024, 4, 20))
    import_files(db, SOURCE, [undated])
    rows = query(
        db,
        "SELECT url, CAST(timezone('Asia/Ho_Chi_Minh', published_at) AS DATE) FROM raw.documents ORDER BY 1",
    )
    assert rows == [(f"import://{SOURCE}/a.txt", date(2024, 4, 20)), (f"import://{SOURCE}/b.txt", None)]


@pytest.mark.parametrize(
    ("second_line", "published_on"),
    [
        ("Thứ Sáu, 12/04/2024 09:15", date(2024, 4, 12)),
        ("Ngày đăng: 12-04-2024", date(2024, 4, 12)),
        ("12/04/2024 09:15 (GMT+7)", date(2024, 4, 12)),
        ("Cần Thơ, ngày 12 tháng 4 năm 2024", date(2024, 4, 12)),
        ("10:30 | 12/04/2024", date(2024, 4, 12)),
        ("Thứ sáu, 12/4/2024, 10:30 (GMT+07:00)", date(2024, 4, 12)),
        ("Số: 215/LHHN-VP", None),
        ("Từ 1/4/2024 đến 5/4/2024", None),  # two dates: a period, not a dateline
        ("Ngày 11/4/2024, đoàn về nước.", None),  # a sentence: body, not a date line
        ("Tin và ảnh: Minh Anh", None),
    ],
)
def test_a_date_line_right_after_the_title_is_the_publication_date(
    tmp_path: Path, second_line: str, published_on: date | None
) -> None:
    text = f"Tiêu đề bài viết\n{second_line}\nĐoàn công tác đã về nước an toàn.\n"
    document = read_file(write(tmp_path, "a.txt", text), SOURCE).document
    assert (document.published_at.date() if document.published_at else None) == published_on
    expected_body = (
        ["Đoàn công tác đã về nước an toàn."]
        if published_on
        else [second_line, "Đoàn công tác đã về nước an toàn."]
    )
    assert document.body_text.split("\n\n") == expected_body


def test_nothing_to_import_writes_nothing(tmp_path: Path) -> None:
    assert import_files(tmp_path / "w.duckdb", SOURCE, []) == []
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_a_txt_file_with_a_byte_order_mark_reads_as_the_same_text(
    tmp_path: Path, encoding: str, bom: bytes
) -> None:
    plain = read_file(write(tmp_path, "plain.txt", LETTER), SOURCE)
    marked = read_file(write(tmp_path, "marked.txt", bom + LETTER.encode(encoding)), SOURCE)
    assert (marked.document.title, marked.document.body_text) == (
        plain.document.title,
        plain.document.body_text,
    )
    assert marked.document.published_at == plain.document.published_at


def test_decomposed_vietnamese_is_stored_composed(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", LETTER)), SOURCE).document
    assert document.title == "Tổ chức Tầm nhìn Thế giới trao tặng thư viện cho học sinh Cần Thơ"
    assert unicodedata.is_normalized("NFC", document.body_text)


def test_an_html_file_is_read_by_the_crawlers_generic_extractor(tmp_path: Path) -> None:
    db, path = tmp_path / "w.duckdb", write(tmp_path, "dai-hoi-viet-lao.html", PAGE)
    [outcome] = import_files(db, SOURCE, [path])
    url = f"import://{SOURCE}/dai-hoi-viet-lao.html"
    expected = extract_main_content(PAGE, url)  # what the crawler's fallback makes of the same page
    [(kind, parser, title, body_text, published_on)] = query(
        db,
        "SELECT d.kind, d.parser, d.title, d.body_text, CAST(timezone('Asia/Ho_Chi_Minh', d.published_at) AS DATE) "
        "FROM raw.documents d",
    )
    assert (kind, parser, title, body_text) == ("article", "generic", expected.title, expected.body_text)
    assert "Đại hội đại biểu lần thứ IV" in body_text and "Bản quyền" not in body_text  # footer dropped
    assert published_on == date(2024, 6, 4) == outcome.published_on  # the page's own date
    assert scalar(db, "SELECT content_type FROM raw.pages") == "text/html; charset=utf-8"


def windows_1258(text: str) -> bytes:
    """Vietnamese in Windows-1258, as old Vietnamese pages were saved: a base letter (â, ơ, đ...) then
    the tone as a combining mark, since the code page has no room for every toned letter."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        split = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in split if c not in tones))
        out.append(base + "".join(c for c in split if c in tones))
    return "".join(out).encode("windows-1258")


def test_an_html_file_in_the_charset_its_meta_declares(tmp_path: Path) -> None:
    utf8 = read_file(write(tmp_path, "moi.html", PAGE), SOURCE).document
    legacy = windows_1258(PAGE.replace('charset="utf-8"', 'charset="windows-1258"'))
    document = read_file(write(tmp_path, "cu.html", legacy), SOURCE).document
    assert (document.title, document.body_text) == (utf8.title, utf8.body_text)  # composed (NFC) again
    assert "Đại hội đại biểu lần thứ IV" in document.body_text


def test_a_pdf_file_is_read_by_the_crawlers_pdf_text_extraction(tmp_path: Path) -> None:
    db, path = tmp_path / "w.duckdb", write(tmp_path, "cong-van-gifu.pdf", make_pdf(NOTICE_LINES))
    import_files(db, SOURCE, [path], published_on=date(2024, 5, 20))
    [(kind, parser, title, body_text, content_type)] = query(
        db,
        "SELECT d.kind, d.parser, d.title, d.body_text, p.content_type FROM raw.documents d "
        "JOIN raw.pages p USING (url, content_hash)",
    )
    # an imported PDF is a document of its own (kind article), not an attachment of some page
    assert (kind, parser, title, content_type) == ("article", "pdf", "cong-van-gifu.pdf", "application/pdf")
    words = " ".join(body_text.split())  # the PDF's lines wrap where the page did
    assert "Chỉ thị số 45-CT/TU" in words and "Quỹ Khuyến học thành phố Cần Thơ" in words


# --- idempotence and versions -------------------------------------------------------------------


def test_importing_the_same_files_again_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    files = [write(tmp_path, "a.txt", LETTER), write(tmp_path, "b.html", PAGE)]
    assert [o.status for o in import_files(db, SOURCE, files)] == ["new", "new"]
    before = raw_counts(db)
    assert [o.status for o in import_files(db, SOURCE, files)] == ["unchanged", "unchanged"]
    assert raw_counts(db) == before == {"pages": 2, "documents": 2, "sites": 1}


def test_a_changed_file_under_the_same_name_is_a_new_version_and_the_current_one(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    path = write(tmp_path, "a.txt", LETTER)
    import_files(db, SOURCE, [path])
    write(tmp_path, "a.txt", LETTER.replace("850 triệu đồng", "900 triệu đồng"))
    [outcome] = import_files(db, SOURCE, [path])
    assert outcome.status == "changed"
    versions = query(
        db,
        "SELECT d.body_text FROM raw.pages p JOIN raw.documents d USING (url, content_hash) "
        "ORDER BY p.last_seen_at DESC, p.first_seen_at DESC",
    )
    assert len(versions) == 2  # both kept
    assert "900 triệu đồng" in versions[0][0] and "850 triệu đồng" in versions[1][0]  # the newest is current
    # the first content again: nothing added, and it is the current version again (as a page that went back)
    write(tmp_path, "a.txt", LETTER)
    [outcome] = import_files(db, SOURCE, [path])
    assert outcome.status == "unchanged" and raw_counts(db)["pages"] == 2
    newest = query(
        db,
        "SELECT d.body_text FROM raw.pages p JOIN raw.documents d USING (url, content_hash) "
        "ORDER BY p.last_seen_at DESC, p.first_seen_at DESC LIMIT 1",
    )
    assert "850 triệu đồng" in newest[0][0]


def test_the_same_name_from_another_source_is_another_document(tmp_path: Path) -> None:
    db, path = tmp_path / "w.duckdb", write(tmp_path, "a.txt", LETTER)
    import_files(db, "baoquocte", [path])
    import_files(db, "vov", [path])
    assert [row[0] for row in query(db, "SELECT url FROM raw.documents ORDER BY 1")] == [
        "import://baoquocte/a.txt",
        "import://vov/a.txt",
    ]
    assert [row[0] for row in query(db, "SELECT site FROM raw.sites ORDER BY 1")] == ["baoquocte", "vov"]


# --- bad files: one line each, a non-zero exit, nothing landed ----------------------------------

BAD_FILES = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t\n",
    "title-only.txt": "Chỉ có tiêu đề\n\n".encode(),
    "utf16-no-bom.txt": "Đoàn công tác\nĐã về nước an toàn.".encode("utf-16-le"),
    "latin1.txt": "Café de Paris\nÉté à Paris.".encode("latin-1"),
    "letter.doc": b"Tieu de\nNoi dung",
    "no-text.pdf": blank_pdf(),
    "broken.pdf": b"%PDF-1.4\nthis is not a PDF body at all",
    "no-main-text.html": b"<html><head><title>Trang</title></head><body><script>var x;</script></body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_gets_one_error_line_a_non_zero_exit_and_nothing_lands(tmp_path: Path, name: str) -> None:
    db = tmp_path / "w.duckdb"
    good = write(tmp_path, "good.txt", LETTER)
    bad = write(tmp_path, name, BAD_FILES[name])
    result = doingoai_import("--source", SOURCE, "--db", str(db), str(good), str(bad))
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: "), result.stderr
    assert "nothing imported: 1 of 2 files are bad" in result.stderr
    assert not db.exists()  # not even the schema: nothing was written


def test_a_missing_file_is_named_and_an_existing_warehouse_is_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = write(tmp_path, "first.txt", LETTER)
    import_files(db, SOURCE, [first])
    before = query(db, "SELECT url, content_hash, last_seen_at FROM raw.pages")
    changed = write(tmp_path, "first.txt", LETTER + "\nMột dòng mới.\n")
    missing = tmp_path / "khong-co.txt"
    result = doingoai_import("--source", SOURCE, "--db", str(db), str(changed), str(missing), str(tmp_path))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ")[1] for e in errors] == [str(missing), str(tmp_path)]
    assert "cannot read it" in errors[0] and "not a .txt, .html or .pdf file" in errors[1]
    assert query(db, "SELECT url, content_hash, last_seen_at FROM raw.pages") == before  # not even confirmed
    assert raw_counts(db) == {"pages": 1, "documents": 1, "sites": 1}


def test_two_different_files_of_one_name_in_one_command_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    one = write(tmp_path / "x", "thu.txt", LETTER)
    other = write(tmp_path / "y", "thu.txt", LETTER.replace("850", "950"))
    with pytest.raises(ImportRejected) as rejected:
        import_files(tmp_path / "w.duckdb", SOURCE, [one, other])
    [bad] = rejected.value.bad
    assert bad.path == other and str(one) in bad.reason
    assert not (tmp_path / "w.duckdb").exists()


def test_a_failure_while_writing_rolls_the_whole_command_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages are written before the documents; a document the database refuses undoes them too."""
    db = tmp_path / "w.duckdb"
    import_files(db, SOURCE, [write(tmp_path, "first.txt", LETTER)])
    before = raw_counts(db)
    original = importing._document_row

    def unwritable(item: importing.ImportedFile) -> dict[str, object]:
        row = original(item)
        return row | {"body_text": None} if item.path.name == "second.txt" else row  # NOT NULL refuses it

    monkeypatch.setattr(importing, "_document_row", unwritable)
    files = [write(tmp_path, "new.txt", LETTER.replace("850", "860")), write(tmp_path, "second.txt", LETTER)]
    with pytest.raises(Exception, match="NOT NULL"):
        import_files(db, "another-source", files)
    assert raw_counts(db) == before  # no page, no document, no site of the failed command


def test_a_source_name_with_a_slash_or_a_space_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", LETTER)
    for name in ("bao/quoc-te", "bao quoc te", ""):
        result = doingoai_import("--source", name, "--db", str(tmp_path / "w.duckdb"), str(path))
        assert result.exit_code == 2 and "--source" in result.stderr
    assert not (tmp_path / "w.duckdb").exists()


def test_the_command_prints_each_file_and_says_what_comes_next(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    letter, page = write(tmp_path, "a.txt", LETTER), write(tmp_path, "b.html", PAGE)
    result = doingoai_import("--source", SOURCE, "--published-on", "2024-04-13", "--db", str(db), str(letter))
    assert result.exit_code == 0, result.output
    assert f"new       import://{SOURCE}/a.txt  (2024-04-13)" in result.stdout
    result = doingoai_import("--source", SOURCE, "--db", str(db), str(letter), str(page))
    assert result.exit_code == 0, result.output
    assert f"unchanged import://{SOURCE}/a.txt" in result.stdout
    assert f"new       import://{SOURCE}/b.html  (2024-06-04)" in result.stdout
    assert f"1 new, 0 changed, 1 unchanged in {db}" in result.stdout
    help_text = doingoai_import("--help").stdout
    assert "import://NAME/<file name>" in help_text and "All or nothing" in help_text


# --- the crawl side leaves imported pages alone -------------------------------------------------


def test_the_parse_step_and_parser_health_leave_imported_documents_alone(tmp_path: Path) -> None:
    """Imported files are parsed when imported; the parse step knows no site config for the source and
    must not try, and parser health judges only the crawled portals."""
    db = tmp_path / "w.duckdb"
    import_files(db, SOURCE, [write(tmp_path, "a.txt", LETTER), write(tmp_path, "b.html", PAGE)])
    assert parse_pending(db) == {}
    assert scalar(db, "SELECT count(*) FROM raw.parse_failures") == 0
    report = parser_health(db)
    assert SOURCE not in report and all(health.articles == 0 for health in report.values())


def test_a_source_named_like_a_portal_is_neither_crawled_nor_reparsed(
    tmp_path: Path, portal: RunningPortal
) -> None:
    """Files imported under a portal's own id (a letter the party committee also sent by mail) sit beside
    its crawled pages: the crawl does not fetch import:// URLs, the parse step does not re-read them with
    the site's selectors, parser health does not judge them, and the portal's raw.sites row stays its own."""
    db, site = tmp_path / "w.duckdb", "thanhuycantho"
    import_files(db, site, [write(tmp_path, "thu.txt", LETTER)])
    crawl_sites(db, [site], portal=portal.url, politeness=Politeness(delay=0.0, backoff=0.02, max_wait=0.2))
    parse_pending(db)
    assert scalar(db, "SELECT count(*) FROM raw.fetches WHERE url LIKE 'import://%'") == 0
    assert scalar(db, "SELECT count(*) FROM raw.parse_failures") == 0
    assert query(db, "SELECT parser FROM raw.documents WHERE url LIKE 'import://%'") == [("text",)]
    assert scalar(db, "SELECT base_url FROM raw.sites WHERE site = ?", site).startswith("https://")
    crawled = scalar(db, "SELECT count(*) FROM raw.documents WHERE site = ? AND kind = 'article'", site) - 1
    assert parser_health(db, sites=[site])[site].articles == crawled


# --- end to end: import, one `doingoai run`, the analysts' copy --------------------------------


@pytest.mark.slow
@pytest.mark.pipeline
@pytest.mark.subprocess
def test_imported_files_reach_the_analysts_copy_after_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir()
    env = pipeline_env(folder)  # DOINGOAI_DB points at the fresh warehouse: no --db needed
    letter = write(tmp_path, "thu-vien-my-khanh.txt", LETTER)
    notice = write(tmp_path, "cong-van-gifu.pdf", make_pdf(NOTICE_LINES))
    for arguments in ([str(letter)], ["--published-on", "2024-05-20", str(notice)]):
        imported = subprocess.run(
            [
                sys.executable,
                "-c",
                "from cli.main import main; main()",
                "import",
                "--source",
                SOURCE,
                *arguments,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert imported.returncode == 0, imported.stderr
    run = doingoai_run(env)
    assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]
    analytics = folder / "analytics.duckdb"
    letter_url, notice_url = (
        f"import://{SOURCE}/thu-vien-my-khanh.txt",
        f"import://{SOURCE}/cong-van-gifu.pdf",
    )
    articles = dict(
        (url, (site, kind, title, published_on))
        for url, site, kind, title, published_on in query(
            analytics,
            "SELECT article_url, site_id, article_kind, title, published_on FROM dim_article "
            "WHERE article_url LIKE 'import://%'",
        )
    )
    assert articles == {
        letter_url: (SOURCE, "article", LETTER.splitlines()[0], date(2024, 4, 12)),
        notice_url: (SOURCE, "article", "cong-van-gifu.pdf", date(2024, 5, 20)),
    }
    assert query(analytics, "SELECT article_count FROM dim_site WHERE site_id = ?", SOURCE) == [(2,)]
    assert scalar(analytics, "SELECT count(*) FROM dim_site WHERE site_id <> ?", SOURCE) == 4  # the portals
    aid = query(
        analytics,
        "SELECT a.article_url, f.amount_value, f.currency_code, f.first_reported_on, f.mention_count "
        "FROM fct_aid f JOIN dim_article a ON a.article_id = f.first_article_id "
        "WHERE a.article_url LIKE 'import://%' ORDER BY 1",
    )
    assert aid == [
        (notice_url, 20000.0, "USD", date(2024, 5, 20), 1),
        (letter_url, 850_000_000.0, "VND", date(2024, 4, 12), 1),
    ]
    [(recipient,)] = query(
        analytics,
        "SELECT m.recipient_text FROM fct_aid_mention m JOIN dim_article a ON a.article_id = m.article_id "
        "WHERE a.article_url = ?",
        letter_url,
    )
    assert recipient == "Trường Tiểu học Mỹ Khánh"
    directives = query(
        analytics,
        "SELECT a.article_url, m.code_as_written FROM fct_directive_mention m "
        "JOIN dim_article a ON a.article_id = m.article_id WHERE a.article_url LIKE 'import://%' ORDER BY 1",
    )
    assert directives == [(notice_url, "CT/TU"), (letter_url, "KH/UBND")]
