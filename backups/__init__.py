"""Backups of the whole site (database and media) and their restore: manage.py backup_site,
restore_site, make backup, make restore."""
