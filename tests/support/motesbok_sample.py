"""A mötesbok of our own making, written as PDF (fpdf2), DOCX (python-docx) and text.

Shared by the import tests and bench/import.py. The book is a plain description
(`Book`, `Case`, `Paper`); `book_blocks` lays it out as neutral blocks (headings, lines,
paragraphs, tables, page breaks) and each writer renders those with the repeated page
header and footer a case-management system prints on every page. `expected_items`
says what the importer should find.

Only Latin-1 text, so fpdf2's core fonts (no font file needed) can write it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Paper:
    """A tjänsteskrivelse."""

    title: str
    dnr_label: str
    dnr: str
    lead: str
    att: list[str]
    background: list[str]
    basis: list[str]
    send_to: list[str]
    basis_label: str = "Beslutsunderlag"
    responsible: list[str] = field(default_factory=list)
    table: list[tuple[str, str]] | None = None
    marker: str = "TJÄNSTESKRIVELSE"
    date: str = "2031-02-20"
    #: A line before the title that fits no field (kept in the item's notes).
    stray: str = ""


@dataclass
class Case:
    section: str
    number: str
    title: str  # as the agenda gives it
    paper: Paper | None


@dataclass
class Book:
    body: str
    date: str
    start: str
    place: str
    cases: list[Case]
    #: A front-page sentence that fits no field (kept as unplaced text).
    loose: str = ""


def sample_book() -> Book:
    return Book(
        body="Tekniska nämndens trafikutskott",
        date="2031-03-11",
        start="09:30",
        place="Sammanträdesrum Gäddan, Kommunhuset i Strandvik",
        loose="Förhinder anmäls till nämndsekreteraren senast dagen före.",
        cases=[
            Case("Beslutsärenden", "41/31",
                 "Medfinansiering: Cykelstråk längs Älvkanten 2031-2033",
                 Paper(
                     title="Cykelstråk längs Älvkanten 2031-2033",
                     dnr_label="Dnr:", dnr="TN-2031/00112",
                     lead="Trafikutskottet föreslår tekniska nämnden besluta",
                     att=["att medfinansiera cykelstråket med högst 1 300 000 kronor,",
                          "att kostnaden belastar investeringsramen för gång- och cykelvägar."],
                     background=[
                         "Regionen bygger ett nytt cykelstråk mellan Norrhamnen och Älvkanten. "
                         "Kommunen har bjudits in att stå för en del av kostnaden.",
                         "Fördelningen per år framgår av tabellen nedan.",
                     ],
                     table=[("År", "Belopp"), ("2031", "400 000 kr"),
                            ("2032", "650 000 kr"), ("2033", "250 000 kr")],
                     basis=["Tjänsteskrivelse 2031-02-20", "Avsiktsförklaring med regionen"],
                     responsible=["Lova Sandberg, trafikplanerare"],
                     send_to=["Regionens trafikavdelning", "Ekonomienheten"],
                     stray="Sektor samhällsbyggnad",
                 )),
            Case("Beslutsärenden", "42/31", "Taxa för markupplåtelse 2032",
                 Paper(
                     title="Taxa för markupplåtelse 2032",
                     dnr_label="Diariennr:", dnr="TN-2031/00087",
                     lead="Tekniska nämnden beslutar",
                     att=["att anta taxan för markupplåtelse enligt bilaga 1."],
                     background=["Taxan har inte ändrats sedan 2027 och behöver följa "
                                 "kostnadsutvecklingen."],
                     basis=["Förslag till taxa, bilaga 1"],
                     send_to=["Kommunfullmäktige"],
                     marker="Tjänsteskrivelse",
                 )),
            Case("Till KS/KF", "43/31", "Yttrande över motion om fler laddplatser",
                 Paper(
                     title="Yttrande över motion om fler laddplatser vid skolor",
                     dnr_label="Diarienumr:", dnr="TN-2030/00391",
                     lead="Trafikutskottet föreslår tekniska nämnden besluta",
                     att=["att motionen ska anses besvarad."],
                     background=["Motionären vill att varje skola får minst fyra laddplatser.",
                                 "Förvaltningen ser positivt på förslaget men saknar medel."],
                     basis=["Motion från Tage Ljung", "Tjänsteskrivelse 2031-02-14"],
                     basis_label="Handlingar",
                     send_to=["Kommunstyrelsen"],
                 )),
            Case("Till KS/KF", "44/31", "Vinterväghållning, uppföljning",
                 Paper(
                     title="Vinterväghållning, uppföljning",
                     dnr_label="diarienum:", dnr="TN-2031/00015",
                     lead="",
                     att=["Att godkänna uppföljningen och lägga den till handlingarna."],
                     background=["Säsongen hade färre snödagar än normalt."],
                     basis=["Uppföljningsrapport vintern 2030/2031"],
                     send_to=["Driftenheten"],
                 )),
            Case("Information", "45/31", "Information om trafiksäkerhetsveckan", None),
        ],
    )


def big_book(n_cases: int = 60) -> Book:
    """A long mötesbok (about 150 PDF pages for 60 cases), for the bench."""
    words = ("Förvaltningen har utrett frågan i samråd med berörda enheter och "
             "bedömer att åtgärden ryms inom budgetramen för innevarande år. ")
    labels = ("Dnr:", "Diariennr:", "Diarienumr:", "Diarienum:", "DIARIENUMMER")
    sections = ("Beslutsärenden", "Till KS/KF", "Information")
    cases = []
    for n in range(n_cases):
        title = f"Ombyggnad av korsning nummer {n + 1} vid Storgatan"
        paper = None if n % 10 == 9 else Paper(
            title=title,
            dnr_label=labels[n % len(labels)], dnr=f"TN-2031/{n + 100:05d}",
            lead="Tekniska nämnden beslutar",
            att=[f"att godkänna förslag {n + 1},", "att uppdra åt förvaltningen att verkställa."],
            background=[words * 6 for _ in range(9)],
            table=[("År", "Belopp"), ("2031", f"{n + 1}00 000 kr")],
            basis=["Tjänsteskrivelse 2031-02-20"],
            send_to=["Ekonomienheten"],
        )
        prefix = "Beslut: " if n % 3 == 0 else ""
        cases.append(Case(sections[min(n * 3 // n_cases, 2)], f"{n + 10}/31", prefix + title, paper))
    book = sample_book()
    book.cases = cases
    return book


# -- what the importer should find ---------------------------------------------------


def expected_items(book: Book) -> list[dict]:
    out = []
    for case in book.cases:
        item = {"section": case.section, "case_number": case.number, "title": case.title}
        paper = case.paper
        if paper is not None:
            item.update(
                registration_number=paper.dnr,
                proposal="\n".join(paper.att),
                basis=list(paper.basis),
                send_to=list(paper.send_to),
            )
        out.append(item)
    return out


# -- layout ----------------------------------------------------------------------------


def book_blocks(book: Book) -> list[tuple]:
    """("heading"|"line"|"para", text), ("table", rows) and ("page",) in order."""
    b: list[tuple] = [
        ("heading", "KALLELSE"),
        ("line", book.body),
        ("line", f"Tid: {book.date} kl. {book.start.replace(':', '.')}"),
        ("line", f"Plats: {book.place}"),
    ]
    if book.loose:
        b.append(("para", book.loose))
    b.append(("heading", "Föredragningslista"))
    section = None
    for case in book.cases:
        if case.section != section:
            section = case.section
            b.append(("heading", section))
        b.append(("line", f"{case.number} {case.title}"))
    for case in book.cases:
        paper = case.paper
        if paper is None:
            continue
        b += [("page",), ("heading", paper.marker), ("line", paper.date),
              ("line", f"{paper.dnr_label} {paper.dnr}")]
        if paper.stray:
            b.append(("line", paper.stray))
        b += [("heading", paper.title), ("heading", "Förslag till beslut")]
        if paper.lead:
            b.append(("para", paper.lead))
        b += [("para", att) for att in paper.att]
        b.append(("heading", "Ärendebeskrivning"))
        b += [("para", text) for text in paper.background]
        if paper.table:
            b.append(("table", paper.table))
        b.append(("heading", paper.basis_label))
        b += [("line", text) for text in paper.basis]
        if paper.responsible:
            b.append(("heading", "Beredningsansvariga"))
            b += [("line", text) for text in paper.responsible]
        b.append(("heading", "Beslutet ska skickas till"))
        b += [("line", text) for text in paper.send_to]
    return b


def header_text(book: Book) -> str:
    return f"{book.body}    KALLELSE    {book.date}"


# -- writers ---------------------------------------------------------------------------


def pdf_bytes(book: Book) -> bytes:
    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, header_text(book), new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Sida {self.page_no()} ({{nb}})", align="C")

    pdf = _Pdf(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for block in book_blocks(book):
        kind = block[0]
        if kind == "page":
            pdf.add_page()
        elif kind == "table":
            pdf.set_font("Helvetica", size=10)
            with pdf.table(col_widths=(30, 50), width=80, align="LEFT") as table:
                for row in block[1]:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
            pdf.ln(2)
        else:
            style, size = ("B", 12) if kind == "heading" else ("", 10)
            pdf.set_font("Helvetica", style=style, size=size)
            pdf.multi_cell(0, 5, block[1], new_x="LMARGIN", new_y="NEXT")
            if kind != "line":
                pdf.ln(1)
    return bytes(pdf.output())


def docx_bytes(book: Book) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header_text(book)
    section.footer.paragraphs[0].text = "Sida 1 (1)"
    for block in book_blocks(book):
        kind = block[0]
        if kind == "page":
            document.add_page_break()
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        elif kind == "heading":
            document.add_heading(block[1], level=2)
        else:
            document.add_paragraph(block[1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def text_pages(book: Book, lines_per_page: int = 40) -> str:
    """The book as text with form feeds between pages, as a PDF-to-text tool writes it."""
    body: list[list[str]] = [[]]
    for block in book_blocks(book):
        kind = block[0]
        if kind == "page":
            body.append([])
        elif kind == "table":
            body[-1] += ["\t".join(row) for row in block[1]]
        else:
            body[-1].append(block[1])
    pages: list[list[str]] = []
    for chunk in body:
        for at in range(0, max(len(chunk), 1), lines_per_page):
            pages.append(chunk[at:at + lines_per_page])
    total = len(pages)
    return "\f".join(
        "\n".join([header_text(book), "", *page, "", f"Sida {n} ({total})"]) + "\n"
        for n, page in enumerate(pages, start=1)
    )


def write_all(book: Book, folder: Path) -> dict[str, Path]:
    """The book as motesbok.pdf, .docx and .txt in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "pdf": folder / "motesbok.pdf",
        "docx": folder / "motesbok.docx",
        "txt": folder / "motesbok.txt",
    }
    paths["pdf"].write_bytes(pdf_bytes(book))
    paths["docx"].write_bytes(docx_bytes(book))
    paths["txt"].write_text(text_pages(book), encoding="utf-8")
    return paths


def encrypted(raw: bytes, user_password: str) -> bytes:
    """The PDF encrypted by pypdf; an empty user password locks only editing."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(raw)))
    # RC4 needs no crypto library; AES would, and is refused the same way without it.
    writer.encrypt(user_password=user_password, owner_password="ägare", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
