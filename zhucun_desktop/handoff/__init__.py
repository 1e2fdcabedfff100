"""The USB hand-off between the county and its townships (issue 7; DESIGN.md "Records that travel", "The USB
package", "Safety of data").

Sites and keys (``keys``, ``crypto``)
    Every installation has a site id and two key pairs: Ed25519 signs its packages, X25519 opens packages sent
    to it. Public halves sit in clear on its ``sites`` row; private halves are sealed (argon2id, 64 MiB, t=3 →
    AES-256-GCM, the site id as associated data) under the password of the administrator who set the site up
    (``Site.sealed_private_keys`` holds one seal per key holder). ``setup_county_site`` makes the county's keys;
    a township's are made by the county inside its set-up package. A password change with the old password
    re-seals (``services.accounts.set_password``). ``unlock_keys(ws, password)`` opens them for one session.

Set-up package (``setup``, ``*.zcsetup``)
    The county registers the township's site and writes: the county's identity and public keys, the township's
    site id and private keys, every row that concerns the township (and on a re-issue the township's own rows
    the county holds), the sequence numbers to continue from. Encrypted with a one-time 配置口令 (16 characters,
    80 bits, shown once) through argon2id + AES-GCM. ``init_from_setup`` builds the township database from it.

Package (``package``, ``*.zcpkg``) — a ZIP, every member stored (so any flipped bit breaks a CRC or a check):
    ``manifest.json``: format and format version, program version, schema revision (Alembic head), package id,
    county, source and destination site, sequence number (per source → destination), period covered, row counts
    per table, encryption header (scheme, ephemeral X25519 public key, nonce), payload SHA-256 and size;
    ``payload.bin``: gzip of JSON ``{"tables": {name: {"columns": [...], "rows": [[...], ...]}}, "receipts":
    [...]}`` (rows as value lists under one column list: smaller and quicker to parse than a dict per row),
    encrypted with AES-256-GCM under HKDF-SHA256(X25519(ephemeral, destination), salt = package id), the
    manifest without hash and size as associated data; ``files/<sha256>`` (format 2): each evidence file of
    the Attachment rows carried, encrypted under the same key with its own nonce, listed in the manifest's
    ``files`` with its ciphertext's SHA-256 (``files``); ``signature.sig``: Ed25519 by the source over the
    manifest's canonical bytes. Reading trusts nothing early: CRC → format → schema → county → destination →
    registered source → signature → payload hash → decryption. File name ``东风镇_至_云岭县_000007.zcpkg``.

Export (``export``)
    A township sends every row it owns; the county sends each township the rows it owns that concern it
    (``tables.township_scope``: by township_uuid, or through the posting / request / ledger row (its progress
    records and verifications) / spot check it points to; rule sets, calendars, attendance codes, dispatch units, inspections and circulars go to all), plus
    every own row those rows point to. Watermark: the period end of the newest package the other side
    acknowledged, less 10 minutes; ``since`` overrides. Written through a temporary file in the target folder,
    fsync, rename, fsync of the folder, read back and verified; only then is it logged as sent.

Import (``importer``, ``merge``)
    Preview (新增 / 更新 / 未变 / 拒绝 with reasons, per table) writes nothing. Apply: backup, then one
    transaction (``merging=True``): bulk ``INSERT … ON CONFLICT(uuid) DO UPDATE … WHERE excluded.version >
    version`` per table in foreign-key order, rejected rows into ``Conflict`` with the whole incoming row, the
    ``PackageLog`` row, receipts applied, one ``AuditEntry`` summary. Only the source's own rows, only newer
    versions; a version going back, another site's row, an unknown parent, a duplicate natural key or a
    township's row about another township is a conflict. The same package id twice changes nothing and says
    so; missing sequence numbers are reported and the package applies; a package older than one already
    imported (迟到) applies without turning older versions into conflicts. A township's progress record about
    another township's ledger row is a conflict too. Carried evidence files are checked against the SHA-256
    their rows name (a mismatch is a conflict and is never written) and written into the store, atomically,
    just before the transaction commits (``files`` explains why before and not after).

Receipts and status (``status``)
    Each import is logged with its counts; the next package back carries 回执 for every package received, and
    the sender marks them acknowledged (id and hash must match) — which moves its watermark and lets
    ``received_status`` say which months and leave requests the county has; ``county_overview`` is the county's
    per-township summary for a month.

Conflicts (``conflicts``): ``list_conflicts``, ``retry_conflicts`` (merge again once the cause is gone),
``dismiss_conflict`` (keep this database's record). Drives (``drives``): ``removable_drives()``.

Only SQLite databases are supported by the bulk merge (it writes through the DBAPI cursor with SQLite's upsert).
"""
