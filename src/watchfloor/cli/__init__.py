"""The command-line interface (typer). Commands arrive through the ``register_commands`` hook."""
