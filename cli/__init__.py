"""The command line, ``xinan-desk COMMAND``: Qt-free, built on the composition root's services.

Without a command ``xinan-desk`` opens the window instead (desktop/launcher.py decides).
"""
