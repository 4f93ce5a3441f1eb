"""The chamber's departments, as members and staff see their names."""

DEPARTMENT_HANDWERKSROLLE = "Handwerksrolle"
DEPARTMENT_AUSBILDUNG = "Lehrlingsrolle / Ausbildung"
DEPARTMENT_PRUEFUNG = "Prüfungswesen"
DEPARTMENT_BEITRAG = "Beitrag"
DEPARTMENT_SONSTIGES = "Sonstiges"
DEPARTMENT_BILDUNG = "Bildung"
