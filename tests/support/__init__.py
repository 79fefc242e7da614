"""Helpers shared by the tests (no tests here): sample meetings, Pilot and pty drivers.

Test modules import from here, never from each other, so a test file can be renamed,
split or deleted without breaking another one.
"""
