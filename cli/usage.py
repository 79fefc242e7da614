"""What every command shares: exit codes, the user's-input error, argparse in Swedish.

Exit codes: 0 success, 2 bad input or usage, 1 anything else. Errors go to stderr as one
Swedish sentence, never a bare traceback.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

DATA_DIR_HELP = "var mötena sparas (annars $MOTESBOK_DATA_DIR eller användarens datamapp)"
FORCE_HELP = "skriv över filen även om den är skrivskyddad"


class UsageError(Exception):
    """Bad input from the user: exit 2 with the message."""


class SwedishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English; keep the gist
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Fel i kommandot: {message}\n")
