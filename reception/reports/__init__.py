"""Reports: the night's figures on one A4 page, a range of nights, and their CSV/XLSX exports."""
