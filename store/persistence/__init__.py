"""How meetings are kept: the store and its sessions, backends (file, memory), TinyDB's
layout, the crash-safe storage, locks, scans, rescue copies and the action cache."""
