"""Form definitions and the category taxonomy, as data files, and the loader that reads them."""

from forms.loader import FormFileError, LoadedForm, load_form

__all__ = ["FormFileError", "LoadedForm", "load_form"]
