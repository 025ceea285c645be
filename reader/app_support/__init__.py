"""What makes the reader a well-behaved desktop application, apart from its windows: a log
file in the platform's log folder and a guard against a corrupt settings file. No Qt here
(the crash dialog, which needs widgets, is reader/ui/crash_dialog.py)."""
