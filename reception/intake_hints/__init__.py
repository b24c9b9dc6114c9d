"""Hints while a petition is typed: the category it most likely belongs to, and an open case of
the same community that looks like the same matter. Offline, Chinese-aware, from this laptop's
own records."""
