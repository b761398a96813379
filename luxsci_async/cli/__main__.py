"""``python -m luxsci_async.cli``: the ``luxsci`` command."""

import sys

from . import main

sys.exit(main())
