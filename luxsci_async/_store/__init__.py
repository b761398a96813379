"""Where a session keeps the state it may share: its rate budget, its 429 pause, its auth code.

:mod:`.base` defines what a store does; :mod:`.memory` keeps it in the process (the default);
:mod:`.redis` shares it between every process of one integration.
"""
