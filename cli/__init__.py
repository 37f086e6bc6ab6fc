"""The `doingoai` command line: thin wrappers over the rooms below it."""
