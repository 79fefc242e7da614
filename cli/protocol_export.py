"""`export` for a protocol: the whole protocol, or protokollsutdrag (`--extract`).

Thin: the § numbers come from the store (store.persistence.paragraphs), the choice of
§§ and the file names from export.extract, the documents from export.docx_protocol.
"""

from __future__ import annotations

from pathlib import Path

from cli.terminal import print_safe
from cli.usage import EXIT_OK, UsageError
from export.target import STDOUT
from store import MeetingStore
from store.domain.model import Meeting
from store.persistence.paragraphs import first_paragraph_in_store

DOCUMENT_SUFFIXES = (".docx", ".pdf")


def write_protocol_file(store: MeetingStore, meeting: Meeting, out: Path, args) -> Path:
    from export.docx_protocol import write_protocol

    first = first_paragraph_in_store(store, meeting)
    return write_protocol(meeting, first, out, _template(args), force=args.force)


def cmd_extract(store: MeetingStore, args) -> int:
    """`export ID --extract 41,43 -o utdrag.docx` (or .pdf) or `--extract all -o MAPP/`
    (`--format pdf`: each as PDF)."""
    from export.docx_protocol import write_all_extracts, write_extract
    from export.extract import chosen_paragraphs, is_all

    if args.output == STDOUT:
        raise UsageError("Ett protokollsutdrag kan inte skrivas till standard ut: "
                         "ange -o FIL.docx.")
    if args.format == "json":
        raise UsageError("Ett protokollsutdrag skrivs som Word-dokument: ange -o FIL.docx.")
    out = Path(args.output)
    every = is_all(args.extract)
    if every and out.suffix.lower() in DOCUMENT_SUFFIXES and not out.is_dir():
        raise UsageError("Med --extract all blir det en fil per paragraf: ange en mapp, "
                         "till exempel -o utdrag/.")
    if not every and out.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise UsageError("Ange en fil som slutar på .docx för utdraget, till exempel "
                         "-o utdrag.docx.")
    meeting = store.load(args.meeting_id)
    first = first_paragraph_in_store(store, meeting)
    chosen = chosen_paragraphs(meeting, first, args.extract)
    template = _template(args)
    if every:
        suffix = ".pdf" if args.format == "pdf" else ".docx"
        written = write_all_extracts(meeting, first, out, template, force=args.force,
                                     suffix=suffix)
        print_safe(f"Skrev {len(written)} protokollsutdrag i {out}")
    else:
        path = write_extract(meeting, first, chosen, out, template, force=args.force)
        print_safe(f"Exporterade protokollsutdrag ur {meeting.title} till {path}")
    return EXIT_OK


def _template(args) -> Path | None:
    return Path(args.template) if args.template else None
