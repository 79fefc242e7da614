"""Turns meetings into files (JSON, DOCX minutes, action lists); reading them back is
importers/, which may import from here (never the other way round).

Never imports Textual; heavy libraries (python-docx) are imported inside the functions
that need them so the app starts fast.
"""
