"""What the desk shows first: the unlock dialog, and the setup wizard when this laptop needs it.

Kept apart from the wizard (desktop/setup_wizard.py): on a laptop already set up, the unlock
dialog shows without loading the wizard's pages, printing and enrolment code, the form files or
the database first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop.unlock_dialog import PASSPHRASE_ENV
from reception.privacy.vault_files import is_fresh


def needed(services) -> bool:
    """The wizard opens while this laptop's setup has not been finished."""
    from reception import device_setup  # with the database, once it is open

    return not device_setup.is_done(services.desk.db)


def first_run(data_dir: Path, open_services, unlock_at_start) -> Any:
    """The desk's services for the window, after setup when this laptop needs it; None if the
    person closed the wizard (or the unlock dialog) instead."""
    if os.environ.get(PASSPHRASE_ENV):
        # Unattended starts (CI, the start-up benchmark, kiosk set-ups) bring their passphrase
        # and skip the wizard; its steps are the command line's (pin, sync --enrol, settings).
        return unlock_at_start(data_dir, open_services)
    services = None
    if not is_fresh(data_dir):
        services = unlock_at_start(data_dir, open_services)
        if services is None or not needed(services):
            return services
    from PySide6.QtWidgets import QWizard

    from desktop.setup_wizard import SetupWizard
    from forms import load_form

    wizard = SetupWizard(data_dir, load_form(data_dir), open_services, services)
    finished = wizard.exec() == QWizard.DialogCode.Accepted
    wizard.stop_worker()
    # Qt deletes it when control is back in its event loop (deleting it here, from Python,
    # left the style sheet's caches pointing at it).
    wizard.deleteLater()
    if not finished:
        # A database made on the passphrase page stays: the next start asks for its passphrase
        # and opens the wizard again with the pages still to do.
        if wizard.services is not None:
            wizard.services.close()
        return None
    return wizard.services
