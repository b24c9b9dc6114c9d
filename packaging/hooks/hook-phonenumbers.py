# Replaces pyinstaller-hooks-contrib's hook, which bundles every phonenumbers submodule (48 MB of
# geocoding, carrier and time-zone data). The desk only parses, validates and formats numbers:
# that needs the numbering-plan metadata, which phonenumbers imports by region name at run time.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules("phonenumbers.shortdata")
