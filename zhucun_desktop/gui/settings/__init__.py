"""The tabs of 系统设置: accounts, backups, the audit log and the database check, one module each."""
