"""The window's actions and menus (File, Edit, Settings, Help) and what they do: mostly a dialog
opened over the window, or a page asked to do something.

The actions live on the window (so their shortcuts work wherever the focus is); those that need
the database are disabled until it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox, QWidget

from agencydesk.qt.common.undo import UndoService
from agencydesk.qt.shell.desk_opener import DeskOpener
from agencydesk.qt.shell.pages import Pages
from agencydesk.qt.shell.settings import Settings

if TYPE_CHECKING:
    from agencydesk.qt.shell.main_window import MainWindow


class TextFieldShortcuts(QObject):
    """The window's *actions* work while a line edit in it has the focus, although the line
    edit would take their keys for editing (Ctrl+E: end of line; Ctrl+K: delete to the end)."""

    def __init__(self, window: QWidget, actions: list[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Watch the line edits of our window that get the focus (only those: cheap)."""
        if isinstance(new, QLineEdit) and new.window() is self._window:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(a.isEnabled() and a.shortcut() == pressed for a in self._actions):
                event.ignore()  # not the line edit's: the shortcut fires
                return True
        return False


class ShellActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        desk: DeskOpener,
        pages: Pages,
        undo: UndoService,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._desk = desk
        self._pages = pages
        self._undo = undo
        self._build_actions()
        self._build_menus()
        undo.changed.connect(self._undo_changed)
        self.set_data_enabled(False)

    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        self._window.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        desk = self._desk
        self.new = self._action(self.tr("&New client…"), self.new_client, std.New, "new")
        self.find = self._action(self.tr("&Find client"), self.find_client, std.Find, "find")
        self.search = self._action(
            self.tr("&Search everything…"), self.search_everything, "Ctrl+K", "search"
        )
        self.new_ticket = self._action(
            self.tr("New &ticket…"), lambda: self.open_new_ticket(), "Ctrl+T", "newTicket"
        )
        self.edit = self._action(self.tr("&Edit…"), self.edit_on_screen, "Ctrl+E", "edit")
        self.timer = self._action(
            self.tr("Start or stop the ti&mer"), self.toggle_timer, "Ctrl+Shift+T", "timer"
        )
        self.delete = self._action(self.tr("&Delete…"), self.delete_on_screen, std.Delete, "delete")
        self.undo = self._action(self.tr("&Undo delete"), self._undo.undo, std.Undo, "undo")
        self.trash = self._action(self.tr("&Trash…"), self.open_trash, None, "trash")
        self.undo.setEnabled(False)
        self.import_chat = self._action(
            self.tr("&Import chat…"), lambda: self.open_import_chat(), "Ctrl+I", "importChat"
        )
        self.backup = self._action(self.tr("&Back up now"), desk.backup_now, None, "backup")
        self.restore = self._action(
            self.tr("&Restore from backup…"), desk.restore_backup, None, "restore"
        )
        self.connect_server = self._action(
            self.tr("&Connect to a team server…"), self.connect_to_server, None, "connectServer"
        )
        self.solo_desk = self._action(
            self.tr("Back to &my own desk"), self.back_to_solo_desk, None, "soloDesk"
        )
        self.solo_desk.setVisible(desk.server_url is not None)
        if desk.server_url is not None:
            self.backup.setText(self.tr("&Back up now (snapshot)"))
            self.restore.setText(self.tr("&Restore a snapshot…"))
        self.quit = self._action(self.tr("&Quit"), self._window.close, std.Quit, "quit")
        self.my_name = self._action(
            self.tr("Your &name for guides…"), self.ask_my_name, None, "myName"
        )
        self.agency = self._action(
            self.tr("&Agency profile…"), self.edit_agency_profile, None, "agencyProfile"
        )
        self.about = self._action(self.tr("&About agencydesk"), self.show_about, None, "about")
        self.load_demo = self._action(
            self.tr("Load &demo clients"), desk.load_demo_asked, None, "loadDemo"
        )
        # Ctrl+1 … Ctrl+6: the sections in the sidebar's order
        self.sections = [
            self._action(
                title,
                lambda _checked=False, key=key: self._window.show_section(key),
                f"Ctrl+{number}",
                f"section_{key}",
            )
            for number, (key, title) in enumerate(self._window.section_titles().items(), 1)
        ]
        # typing in a search box does not swallow these (a line edit takes Ctrl+E and Ctrl+K
        # for itself on Linux: end of line, delete to the end)
        over_text = [
            self.edit,
            self.search,
            self.new_ticket,
            self.timer,
            self.import_chat,
            *self.sections,
        ]
        self.over_text_fields = TextFieldShortcuts(self._window, over_text)
        self.data_folder = self._action(
            self.tr("Open data &folder"), self.open_data_folder, None, "dataFolder"
        )

    def _build_menus(self) -> None:
        menus = self._window.menus  # titled by the window before the first paint
        file_menu = menus["file"]
        file_menu.addAction(self.new)
        file_menu.addAction(self.new_ticket)
        file_menu.addAction(self.import_chat)
        file_menu.addSeparator()
        file_menu.addAction(self.backup)
        file_menu.addAction(self.restore)
        file_menu.addAction(self.data_folder)
        file_menu.addSeparator()
        file_menu.addAction(self.connect_server)
        file_menu.addAction(self.solo_desk)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = menus["edit"]
        edit_menu.addAction(self.undo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search)
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.edit)
        edit_menu.addAction(self.delete)
        edit_menu.addAction(self.trash)
        edit_menu.addSeparator()
        edit_menu.addAction(self.timer)
        view_menu = menus["view"]
        for action in self.sections:
            view_menu.addAction(action)
        settings_menu = menus["settings"]
        settings_menu.addAction(self.my_name)
        settings_menu.addAction(self.agency)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, title in (
            ("", self.tr("Same as the system")),
            ("en", "English"),
            ("id", "Bahasa Indonesia"),
        ):
            action = language_menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(self._settings.language == code)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)
        help_menu = menus["help"]
        help_menu.addAction(self.load_demo)
        help_menu.addSeparator()
        help_menu.addAction(self.about)

    def set_data_enabled(self, enabled: bool) -> None:
        """The actions that need the database work only while it is open."""
        for action in (
            self.new,
            self.new_ticket,
            self.timer,
            self.import_chat,
            self.search,
            self.find,
            self.edit,
            self.delete,
            self.trash,
            self.backup,
            self.restore,
            self.agency,
            self.load_demo,
        ):
            action.setEnabled(enabled)

    def _undo_changed(self) -> None:
        self.undo.setText(self._undo.action_text())
        self.undo.setEnabled(self._undo.can_undo())

    # -- clients ---------------------------------------------------------------------------------
    def new_client(self) -> None:
        if self._pages.clients is not None:
            self._window.show_section("clients")
            self._pages.clients.new_client()

    def find_client(self) -> None:
        if self._pages.clients is not None:
            self._window.show_section("clients")
            self._pages.clients.focus_search()

    def edit_on_screen(self) -> None:
        """Edit ▸ Edit… (Ctrl+E): the row of the list that has the focus (an order on a
        client's Orders tab, a ticket's time), else what the page on screen shows."""
        self._on_screen("edit_current")

    def delete_on_screen(self) -> None:
        """Edit ▸ Delete… (Del): as Edit…, on the row of the list that has the focus, else
        what the page on screen shows — never what a hidden page has chosen (Del on Tickets
        asked to delete the chosen client)."""
        self._on_screen("delete_current")

    def _on_screen(self, action: str) -> None:
        handler = self._handler_for_focus(action)
        if handler is not None:
            handler()

    def _handler_for_focus(self, action: str) -> Callable[[], None] | None:
        """The *action* of the nearest view around the focus that has one (a client's Orders
        tab, a ticket's time entries), else the page's. None when the focus is on a row of a
        list that cannot do it: Del on a ticket's time asked to delete the ticket, Del on a
        client's order the client."""
        page = self._window.stack.currentWidget()
        widget = QApplication.focusWidget()
        on_another_list = False
        while widget is not None and widget is not page:
            handler = getattr(widget, action, None)
            if callable(handler):
                return cast(Callable[[], None], handler)
            if isinstance(widget, QAbstractItemView) and widget is not getattr(page, "table", None):
                on_another_list = True
            widget = widget.parentWidget()
        if widget is page and on_another_list:
            return None
        handler = getattr(page, action, None)
        return cast(Callable[[], None], handler) if callable(handler) else None

    def toggle_timer(self) -> None:
        """Edit ▸ Start or stop the timer (Ctrl+Shift+T): the ticket's on Tickets; anywhere
        else, the timer running (shown in the status bar) stops."""
        tickets = self._pages.tickets
        on_tickets = tickets is not None and self._window.stack.currentWidget() is tickets
        if on_tickets and tickets is not None and tickets.toggle_timer():
            return
        running = self._window.running_timer
        if running is not None and running.ticket_id is not None:
            running.stop()

    def _client_on_screen(self) -> int | None:
        """The client the page on screen shows: the chosen one on Clients, the one a page's list
        is narrowed to (`client_on_screen`); else None — never a hidden page's choice."""
        page = self._window.stack.currentWidget()
        clients = self._pages.clients
        if clients is not None and page is clients:
            return clients.current_client_id()
        shown = getattr(page, "client_on_screen", None)
        return shown() if callable(shown) else None

    # -- tickets, chats, guides, reports ---------------------------------------------------------
    def open_new_ticket(self, client_id: int | None = None) -> None:
        """File ▸ New ticket… (for the client on screen), or a client's "New ticket" button."""
        if self._desk.engine is None:
            return
        if client_id is None:
            client_id = self._client_on_screen()
        self._window.show_section("tickets")
        if self._pages.tickets is not None:
            self._pages.tickets.new_ticket(client_id)

    def open_import_chat(self, path: str | None = None) -> None:
        """File ▸ Import chat…: the wizard, with the current client preselected on Clients."""
        engine = self._desk.engine
        if engine is None:
            return
        from agencydesk.qt.chat_import.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(
            engine,
            path=path,
            client_id=self._client_on_screen(),
            me_names=[self._settings.my_name],
            data_dir=self._desk.db_path.parent,
            parent=self._window,
        )
        self.import_wizard.open_ticket_requested.connect(self._window.open_ticket)
        self.import_wizard.open()

    def open_trash(self) -> None:
        """Edit ▸ Trash…: what was deleted, to restore or delete for good."""
        from agencydesk.qt.shell.trash_dialog import TrashDialog

        if self._desk.engine is not None:
            TrashDialog(self._desk.engine, self._settings, self._window).exec()

    def search_everything(self) -> None:
        from agencydesk.qt.shell.search_dialog import SearchDialog

        if self._desk.engine is None:
            return
        dialog = SearchDialog(self._desk.engine, self._window)
        dialog.hit_chosen.connect(self._open_hit)
        dialog.exec()

    def _open_hit(self, hit: Any) -> None:
        window = self._window
        if hit.kind == "client":
            window.open_client(hit.id)
        elif hit.kind in ("ticket", "message") and hit.ticket_id is not None:
            window.open_ticket(hit.ticket_id)
        elif hit.kind == "message" and hit.client_id is not None:
            window.open_client(hit.client_id)
            if self._pages.clients is not None:
                self._pages.clients.show_history()
        elif hit.kind == "guide":
            window.open_guide(hit.id)

    def send_guide(self, client_id: int, ticket_id: int) -> None:
        """From a ticket: choose a guide and copy it for WhatsApp; the send is recorded."""
        from agencydesk.qt.guides.send_guide_dialog import SendGuideDialog

        if self._desk.engine is None:
            return
        dialog = SendGuideDialog(
            self._desk.engine,
            client_id=client_id,
            ticket_id=ticket_id,
            my_name=self._settings.my_name,
            parent=self._window,
        )
        if dialog.exec() and dialog.recorded_send_id is not None:
            self._window.say(self.tr("Copied. Paste it into WhatsApp (Ctrl+V)."), 8000)

    def export_report(self, client_id: int) -> None:
        """The client report PDF: options, where to save it, written in the background."""
        from agencydesk.qt.report.report_dialog import ReportDialog

        if self._desk.engine is None:
            return
        dialog = ReportDialog(self._desk.engine, client_id, parent=self._window)
        if dialog.exec() and dialog.saved_path is not None:
            self._window.say(self.tr("Saved {file}.").format(file=dialog.saved_path.name), 8000)

    # -- settings and help -----------------------------------------------------------------------
    def edit_agency_profile(self) -> None:
        """Settings ▸ Agency profile…: the name, contact and logo on client reports."""
        from agencydesk.qt.report.agency_dialog import AgencyDialog

        if self._desk.engine is None:
            return
        if AgencyDialog(self._desk.engine, self._window).exec():
            self._window.say(self.tr("Agency profile saved."), 5000)

    def ask_my_name(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self._window,
            self.tr("Your name"),
            self.tr("How you sign your guides, e.g. “Mas Budi”:"),
            text=self._settings.my_name,
        )
        if ok:
            self._settings.my_name = name
            self._pages.set_my_name(self._settings.my_name)

    def _language_chosen(self, action: QAction) -> None:
        """The new language needs a new start (every text is taken when a window is built):
        offered at once, or used the next time."""
        self._settings.language = str(action.data() or "")
        from agencydesk.qt.common.formatting import ui_language
        from agencydesk.qt.shell import restart
        from agencydesk.qt.shell.app import choose_language

        if choose_language(self._settings.language) == ui_language():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Language"), "", parent=self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "agencydesk speaks the new language after a restart. Restart now? Your work is "
                "saved first; or it changes the next time you start agencydesk."
            )
        )
        now = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.exec()
        if box.clickedButton() is now:
            restart.close_and_restart(self._window)

    # -- team desk ---------------------------------------------------------------------------------
    def connect_to_server(self) -> None:
        """File ▸ Connect to a team server…: once the server took it, the desk starts again on
        it (and opens on it at every start, until File ▸ Back to my own desk)."""
        from agencydesk.qt.shell.team_switch import connect_and_switch

        connect_and_switch(self._window, self._settings, self._desk)

    def ask_server_password(self, problem: str) -> None:
        """The team desk wants a password (none kept, or the kept one refused): ask, then open."""
        from agencydesk.qt.shell.team_switch import ask_password_and_open

        ask_password_and_open(self._window, self._desk, problem)

    def back_to_solo_desk(self) -> None:
        from agencydesk.qt.shell.team_switch import switch_desk

        switch_desk(self._window, self._settings, "")

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._desk.db_path.parent)))

    def show_about(self) -> None:
        from agencydesk.qt.shell.about_dialog import AboutDialog

        AboutDialog(self._desk.db_path.parent, self._window).exec()
