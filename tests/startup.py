"""A pytest plugin loaded first (``python -m pytest -p tests.startup`` from the project root, as
``make unit`` and ``make nbval`` do): a faster start for every pytest process.

nbval imports nbformat, nbformat imports jsonschema, and jsonschema's format checkers
import ``rfc3987_syntax`` when it is installed (jupyterlab's ``jsonschema[format-nongpl]``
brings it). That module compiles about 35 Earley grammars when imported: 2.5 CPU
seconds in every pytest process, three of them under ``make nbval`` (the controller and
two xdist workers), more than any notebook cell (python-jsonschema/jsonschema#1428).
``isoduration`` (with ``arrow``) and ``rfc3986_validator`` add 0.05 s more. No notebook
schema uses the formats they check, so these modules are marked as absent and jsonschema
goes without those format checkers.

nbformat validates each notebook it reads (every xdist worker reads all of them) with
``fastjsonschema`` when installed, which first compiles the schema to Python code: 0.2 s
in each process, more than the plain ``jsonschema`` validator takes for the six notebooks.
``NBFORMAT_VALIDATOR`` chooses the plain one unless it is set already.
"""

import os
import sys

for _name in ("rfc3987_syntax", "isoduration", "rfc3986_validator"):
    sys.modules.setdefault(_name, None)  # None: "import NAME" raises ImportError
os.environ.setdefault("NBFORMAT_VALIDATOR", "jsonschema")
