"""Reads documents in: a meeting (JSON), an agenda (text, Markdown, Word) or our own
minutes (DOCX), detected by content (`importers.detect`).

Never imports Textual. It may use export/'s format definitions (the minutes layout,
marks and embedded copy it reads back) and its untrusted-file guards; export/ never
imports from here. python-docx is imported inside the functions that need it.
"""
