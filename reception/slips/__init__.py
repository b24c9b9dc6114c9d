"""Tracking slips and A4 receipts: what they say, how they are laid out, and their QR codes.

Qt-free, so the command line and the sync helper can use it: ``content`` (masking, plain
words), ``layout`` (reportlab pages), ``qr`` (the symbol on the printer's dot grid),
``linebreak`` (Chinese line breaking), ``service`` (copy numbers and the print log).
"""
