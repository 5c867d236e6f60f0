"""Modal dialogs: login, first-run set-up, password change and recovery, user administration, TOTP.

Each dialog opens through a classmethod ``ask(...)`` that returns its result (or ``None`` when the user
cancels), so other code and tests can patch one place. Dialogs call services and show their errors;
they decide nothing a service could decide.
"""
