"""请销假 (§8): the leave page (``page.LeavePage``), its dialogs, the home page's summary and the rule-set
editor's parts. Nothing is imported here, so the home page's small panel does not pull in the page, its
printing and its spreadsheet libraries at start."""
