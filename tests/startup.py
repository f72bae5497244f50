"""A pytest plugin loaded first (``python -m pytest -p tests.startup`` from the project root, as
``make nbval`` does): a faster start for every pytest process.

nbval imports nbformat, nbformat imports jsonschema, and jsonschema's format checkers
import ``rfc3987_syntax`` when it is installed (jupyterlab's ``jsonschema[format-nongpl]``
brings it). That module compiles about 35 Earley grammars when imported: 2.5 CPU
seconds in every pytest process, three of them under ``make nbval`` (the controller and
two xdist workers), more than any notebook cell (python-jsonschema/jsonschema#1428).
No notebook schema uses the ``iri`` formats it checks, so the module is marked as
absent and jsonschema goes without those two format checkers.
"""

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # None: "import rfc3987_syntax" raises ImportError
