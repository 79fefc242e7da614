"""Turns meetings into files (JSON, DOCX minutes, action lists) and reads them back.

Never imports Textual; heavy libraries (python-docx) are imported inside the functions
that need them so the app starts fast.
"""
