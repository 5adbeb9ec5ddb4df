"""``python -m watchfloor``."""

from watchfloor.cli.main import main

main()
