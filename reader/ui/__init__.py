"""The window: Qt widgets, views and the background worker. No analysis logic here."""
