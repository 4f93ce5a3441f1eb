"""Every German text the portal shows or mails, one module per feature.

`texts.NAME` reaches every public UPPER_CASE name of every module of this package: this file
finds the modules (pkgutil) and copies their names, so a new module needs no line here. A name
defined in two modules stops the import. A module that uses another's text imports the module
(`from portal_app.texts import frame`, then `frame.CHAMBER`), never the name itself.
Wording of steps and FAQ follows the chamber's help text (shared seed `kundenportal-hilfe.txt`).
"""

import importlib
import pkgutil
from collections.abc import Iterable


def public_names(module) -> dict[str, object]:
    """The texts a module defines: its UPPER_CASE names not starting with an underscore."""
    return {
        name: value
        for name, value in vars(module).items()
        if name.isupper() and not name.startswith("_")
    }


def collect(package: str, path: Iterable[str]) -> dict[str, object]:
    """Every module's texts, one namespace; ImportError if two modules define one name."""
    found: dict[str, object] = {}
    defined_in: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(path), key=lambda info: info.name):
        module = importlib.import_module(f"{package}.{info.name}")
        for name, value in public_names(module).items():
            if name in defined_in:
                raise ImportError(
                    f"texts.{name} is defined in {defined_in[name]}.py and in {info.name}.py; "
                    f"keep one (to use another module's text, import the module)"
                )
            defined_in[name] = info.name
            found[name] = value
    return found


globals().update(collect(__name__, __path__))
