"""The composition root: the one place that builds the desk's services and wires them together.

Qt-free: the command line (cli/) uses these services as they are; the window (desktop/wiring.py)
builds its widgets from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from forms import LoadedForm, load_form
from reception.desk import ReceptionDesk
from reception.errors import StorageError
from reception.paths import slips_folder
from reception.privacy import audit, keyfile, retention
from reception.privacy import settings as privacy_settings
from reception.privacy.keyfile import DEFAULT_COST, KdfCost
from reception.privacy.roles import Access
from reception.privacy.vault import open_vault
from reception.storage.writing import writing


@dataclass
class Services:
    data_dir: Path
    loaded_form: LoadedForm
    desk: ReceptionDesk
    access: Access
    # Why nothing can be written tonight (a full disk), when the unlock could not even log itself;
    # reading still works, and each write is refused with the same cause.
    cannot_write: str = ""

    def close(self) -> None:
        """Close the database connection (after the window's worker has stopped)."""
        self.desk.db.conn.close()

    def unlock_again(self, passphrase: str) -> None:
        """After the idle lock: the street's passphrase checked against the keyfile, and logged.

        A wrong one raises PassphraseError and is logged too; the database stays open underneath
        (the lock covers the screen, it does not close the night's work).
        """
        try:
            keyfile.unlock(self.data_dir, passphrase)
        except keyfile.PassphraseError:
            keyfile.take_failures(self.data_dir)  # logged right here instead
            with writing(self.desk.db):
                audit.append(self.desk.db, "unlock_failed", audit.Actor(self.access.role), detail="闲置锁屏后")
            raise
        self.access.drop_to_volunteer(reason="闲置锁屏")
        with writing(self.desk.db):
            audit.append(self.desk.db, "unlock", audit.Actor(self.access.role), detail="闲置锁屏后")


def open_services(
    data_dir: Path, passphrase: str, *, kdf_cost: KdfCost = DEFAULT_COST, loaded_form: LoadedForm | None = None
) -> Services:
    """Everything the command line and the window need, without Qt.

    ``passphrase`` is the street's: it unlocks the database's key (or, on a fresh data directory,
    sets it). A wrong one raises PassphraseError and nothing is opened or changed. ``kdf_cost``
    applies only when this call sets the passphrase. ``loaded_form``: the form files of
    ``data_dir`` read already (the window reads them while the passphrase is typed).
    """
    loaded = loaded_form or load_form(data_dir)
    unlocked = open_vault(Path(data_dir), passphrase, kdf_cost, (loaded.form.street, *loaded.form.communities))
    desk = ReceptionDesk(unlocked.db, loaded.form)
    # The PIN is stretched as hard as the passphrase: the keyfile's scrypt cost.
    access = Access(desk, kdf_cost=keyfile.stored_cost(Path(data_dir)))
    cannot_write = ""
    try:
        with desk._writing():
            for at in unlocked.failed_attempts:
                audit.append(desk.db, "unlock_failed", audit.Actor(), at=at)
            audit.append(desk.db, "unlock", audit.Actor(), detail="设置口令并首次解锁" if unlocked.created else "")
        # Personal fields of cases the platform closed long enough ago leave the laptop at each unlock.
        retention.purge(desk, privacy_settings.load(desk.db).retention_days, role="system")
    except StorageError as error:
        # A full disk must not keep the team from reading tonight's cases: open for reading and
        # say why nothing can be recorded. The unlock goes unlogged, as nothing can be written.
        cannot_write = str(error)
    retention.remove_old_fallback_slips(slips_folder(Path(data_dir)))
    return Services(data_dir=Path(data_dir), loaded_form=loaded, desk=desk, access=access, cannot_write=cannot_write)


def sync_service(services: Services, server: str | None, ca_bundle: str | None = None):
    """The end-of-night sync for this desk (Qt-free: the command line and the Sync dialog).

    A leader action (reception/leader_actions.py): the sync writes its own audit entry."""
    from sync.setup import build_service

    services.access.require_leader("sync")
    return build_service(services.desk, server, ca_bundle=ca_bundle)


def export_bundle(services: Services, out: Path):
    """The USB bundle of what is waiting (sync/offline.py): a leader action, as the sync is."""
    from sync import offline
    from sync.setup import build_service, device_token

    services.access.require_leader("sync")
    token = device_token(services.desk)
    return offline.export_bundle(build_service(services.desk, None), token, Path(out))


def import_receipt(services: Services, path: Path):
    """The platform's receipt for a USB bundle: marks its cases synced (sync/offline.py)."""
    from sync import offline
    from sync.setup import build_service, device_token

    services.access.require_leader("sync")
    token = device_token(services.desk)
    return offline.import_receipt(build_service(services.desk, None), token, Path(path))


def enrol_device(services: Services, server: str, code: str, ca_bundle: str | None = None):
    """Enrol this laptop with the platform (sync/setup.py's ``Enrolled``: prefix, where the
    token was kept, the tracking-page address)."""
    from sync.setup import enrol

    return enrol(services.desk, server, code, ca_bundle=ca_bundle)


def connect_with_api_key(services: Services, server: str, api_key: str, *, accept_public: bool = False,
                         ca_bundle: str | None = None):
    """Set this laptop up for another Open311 server with its administrator's api_key (the
    wizard's path; sync/setup.py's ``Connected``). The server is checked as ``sync check`` does;
    a server that enrols laptops raises ``EnrolmentServer``: its enrolment code is wanted."""
    from sync.setup import EnrolmentServer, check_server, connect

    check = check_server(server, ca_bundle=ca_bundle)
    if check.profile.enrolment:
        raise EnrolmentServer(f"{check.base} 是街道的接访台平台：请用街道给的登记码登记")
    return connect(services.desk, server, api_key=api_key, accept_public=accept_public, ca_bundle=ca_bundle,
                   check=check)
