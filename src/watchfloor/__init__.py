"""watchfloor: an OSINT workbench.

The package layout follows the pipeline: ``ingest`` → ``extract`` → ``resolve`` → ``corroborate`` →
``store`` → ``cli`` (and later ``api``/``web``/``export``). Stages are sets of small components
registered through the plugin hooks in :mod:`watchfloor.hookspecs`.
"""

__version__ = "0.1.0"
