"""Talking to the street's mailbox platform: the Open311 protocol, the laptop's client, and the
reference platform server."""
