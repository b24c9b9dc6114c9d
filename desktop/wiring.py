"""The Qt half of the composition root: the desk window built from the services."""

from __future__ import annotations

from composition.services import Services
from desktop.display_menu import apply_saved, install_display_menu
from desktop.main_window import MainWindow
from desktop.operations import Operations
from desktop.printing import install_print_actions
from desktop.privacy_ui import install_privacy
from desktop.return_visits_ui import install_return_visits
from desktop.search_index_ui import install_search_index
from desktop.setup_wizard import install_setup_action
from desktop.sync_dialog import install_sync_action
from reception.privacy import settings as privacy_settings


def build_window(services: Services) -> MainWindow:
    """The desk window wired to its services and its database worker (needs a QApplication)."""
    # Read before the worker starts, which from then on is the only thread using the database:
    # language, night mode, text size, and when the screen locks itself.
    shown = apply_saved(services.desk)
    idle_minutes = privacy_settings.load(services.desk.db).idle_lock_minutes
    window = MainWindow(services, Operations(services.desk))
    install_sync_action(window, services)
    install_search_index(window)
    install_return_visits(window)
    install_print_actions(
        window, window.operations.submit,
        lambda: window.selected_case_id() or window.last_saved_case_id, services.data_dir,
    )
    install_privacy(window, services, idle_minutes)
    install_display_menu(window, shown)
    install_setup_action(window, services)
    return window
