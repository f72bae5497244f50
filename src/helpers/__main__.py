"""Entry point for ``python -m helpers``.

The command line installs ``nltk_light`` first, so a command that needs only Punkt does not pay
for nltk's package ``__init__`` (0.25 s). Importing ``helpers`` as a library changes nothing.
"""

from helpers import nltk_light

nltk_light.install()

from helpers.cli import main  # noqa: E402  (after the install, on purpose)

raise SystemExit(main())
