"""Mötesbok's entry point: `python main.py COMMAND`; the command line itself is cli/."""

from cli import console_main, main

__all__ = ["console_main", "main"]

if __name__ == "__main__":
    console_main()
