"""What each page looks like. Importing this package registers every page: each module of the
package is imported (discovered, not listed), and its `@page` functions enter the registry."""

import importlib
import pkgutil

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
