"""Mötesbok's entry point: `python main.py COMMAND`; the command line itself is cli/."""

from cli import console_main


def main(argv: list[str] | None = None) -> int:
    """Run one command in this process and return its exit code (tests call this)."""
    from cli.entry import main as run

    return run(argv)


__all__ = ["console_main", "main"]

if __name__ == "__main__":
    console_main()
