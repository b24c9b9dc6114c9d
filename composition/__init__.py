"""The composition root (Qt-free): opens a data directory and builds the desk's services."""
