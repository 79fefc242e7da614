"""Every modal dialog of the app: one base (base.Dialog), one style sheet (dialogs.tcss)."""
