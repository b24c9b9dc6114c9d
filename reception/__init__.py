"""The reception domain: cases, sessions, tracking codes, deadlines, storage.

Knows nothing of Qt or of the network, so the desk, the command line and the tests share it
(like Anki's pylib beneath its Qt front end).
"""
