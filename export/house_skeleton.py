"""Makes export/house_skeleton.zip, the ready-made house document that
export/house_package.py fills in, from python-docx's own output:

    .venv/bin/python -m export.house_skeleton

Run it after changing the house look (docx_minutes.apply_house_look, the styles a
document gets, python-docx's version): tests/unit/test_house_package.py fails while the
file differs from what this makes.

The zip holds the parts of the house document with an empty body, as python-docx saves
it, and (under motesbok/) the style ids and text width, the header and footer parts
python-docx creates for a section, and docProps/core.xml with placeholders where the
document properties go.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from datetime import datetime, timezone

from export.house_package import CORE, CORE_PART, FACTS, FOOTER, HEADER, SKELETON

#: Stand-ins for the document properties, written through python-docx and then turned
#: into the placeholders of the core part's text.
_STAND_INS = {"title": "MOTESBOKTITEL", "author": "MOTESBOKFORFATTARE",
              "subject": "MOTESBOKAMNE"}
_CREATED = datetime(1901, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
_MODIFIED = datetime(1902, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
#: Fixed zip entry times, so the file is the same whenever it is made.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _parts(document) -> dict[str, bytes]:
    from export.docx_common import document_bytes

    with zipfile.ZipFile(io.BytesIO(document_bytes(document))) as source:
        return {name: source.read(name) for name in source.namelist()}


def skeleton_members() -> dict[str, bytes]:
    """Every member of the skeleton zip, made now by python-docx."""
    from export.docx_common import set_core_properties
    from export.docx_minutes import house_document

    document, ids, width = house_document(None)
    body = document.element.body
    if len(body) != 1 or body[0] is not body.sectPr:
        raise RuntimeError("the house document's body is not empty")
    styles = document.styles
    facts = {
        "ids": ids,
        "width": width,
        "header_style": styles["Header"].style_id,
        "footer_style": styles["Footer"].style_id,
        "header_stops": [stop.position.twips
                         for stop in styles["Header"].paragraph_format.tab_stops],
    }
    members = _parts(document)

    set_core_properties(document, created=_CREATED, now=_MODIFIED, **_STAND_INS)
    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    filled = _parts(document)
    core = filled[CORE_PART].decode("utf-8").replace("{", "{{").replace("}", "}}")
    for key, stand_in in _STAND_INS.items():
        core = core.replace(stand_in, "{" + key + "}")
    for key, moment in (("created", _CREATED), ("modified", _MODIFIED)):
        core = core.replace(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), "{" + key + "}")
    members[FACTS] = json.dumps(facts, indent=1, sort_keys=True).encode("utf-8")
    members[HEADER] = filled["word/header1.xml"]
    members[FOOTER] = filled["word/footer1.xml"]
    members[CORE] = core.encode("utf-8")
    return members


def skeleton_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in skeleton_members().items():
            target.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> int:
    SKELETON.write_bytes(skeleton_bytes())
    print(f"Skrev {SKELETON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
