"""Customer form dock (issue 3): tabs, inline messages, save with duplicate and conflict dialogs."""
