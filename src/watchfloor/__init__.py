"""watchfloor: an OSINT workbench.

The package layout follows the pipeline: ``ingest`` → ``extract`` → ``resolve`` → ``corroborate`` →
``store`` → ``cli`` (and later ``api``/``web``/``export``). Stages are sets of small components
registered through the plugin hooks in :mod:`watchfloor.hookspecs`.
"""

import warnings

__version__ = "0.1.0"

# pymorphy2 (natasha's morphology) imports pkg_resources, whose deprecation warning would otherwise be
# printed by every command that reads Russian; setuptools is pinned below the release that drops it.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning,
                        module=r"pymorphy2(\.|$)")
