"""Everything that imports PySide6 lives here: windows, item models, dialogs, workers."""
