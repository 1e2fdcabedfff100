"""The ``.zcpkg`` file: a ZIP of ``manifest.json``, ``payload.bin`` (encrypted), ``signature.sig`` and, from
format 2 on, one encrypted member ``files/<sha256>`` per evidence file the package carries.

Making one: gzip the payload JSON, encrypt it to the destination (ephemeral X25519 → HKDF-SHA256 → AES-256-GCM,
the manifest's header as associated data), put the ciphertext's SHA-256 into the manifest, sign the manifest's
canonical bytes with the source's Ed25519 key. Evidence files (format 2) are encrypted one by one under the same
key, each with its own nonce and the header plus its SHA-256 as associated data; the manifest lists them
(``files``: SHA-256 of the content → size, nonce, SHA-256 of the ciphertext), so the signature covers them too. Reading one checks in the order that trusts nothing early: the
ZIP is whole (CRC) → the manifest is ours and not from a newer format → the signature verifies with the source's
registered key → the payload's hash matches → only then decrypt. Writing goes through a temporary file in the
target folder, fsync, rename, fsync of the folder, and a read-back that verifies the signature and the hash.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fileutil import atomic_output
from ..services.errors import ServiceError
from .crypto import (
    SealError,
    SiteKeys,
    aes_decrypt,
    aes_encrypt,
    b64,
    canonical,
    new_envelope,
    open_envelope,
    unb64,
    verify_signature,
)

FORMAT = "zhucun-package"
FORMAT_VERSION = 2  # 2: evidence files as encrypted members (a format-1 package is still read)
SUFFIX = ".zcpkg"
MANIFEST = "manifest.json"
PAYLOAD = "payload.bin"
SIGNATURE = "signature.sig"
MEMBERS = {MANIFEST, PAYLOAD, SIGNATURE}
FILES_PREFIX = "files/"
MANIFEST_EXTRA = ("payload_sha256", "payload_size", "files")  # added after encryption: not in the header
ENCRYPTION = "X25519-HKDF-SHA256-AES256GCM"
MAX_MANIFEST = 1 << 20


class PackageError(ServiceError):
    """A package refused before anything was written; the message says why (Chinese)."""

    def __init__(self, message: str, english: str) -> None:
        super().__init__(message)
        self.english = english


DAMAGED = ("数据包文件已损坏或不完整（可能没有复制完整），请重新复制或重新导出。", "the package file is damaged or truncated")


@dataclass(frozen=True)
class RawPackage:
    """A package file read and checked for shape only: nothing in it is trusted yet."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    ciphertext: bytes
    signature: bytes
    files: dict[str, bytes] = field(default_factory=dict)  # content SHA-256 → encrypted file

    @property
    def header(self) -> dict[str, Any]:
        return {k: v for k, v in self.manifest.items() if k not in MANIFEST_EXTRA}

    @property
    def file_entries(self) -> dict[str, dict[str, Any]]:
        entries = self.manifest.get("files") or {}
        return entries if isinstance(entries, dict) else {}


def encode_payload(payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(data, compresslevel=6)


def decode_payload(blob: bytes) -> dict[str, Any]:
    try:
        return json.loads(gzip.decompress(blob))
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        raise PackageError(*DAMAGED) from exc


def _file_aad(head: dict[str, Any], sha256: str) -> bytes:
    return canonical(head) + b"\x00" + sha256.encode("ascii")


def build(header: dict[str, Any], payload: dict[str, Any], keys: SiteKeys, recipient_box_public: bytes,
          files: Mapping[str, bytes] | None = None) -> bytes:
    """The package's bytes. ``header`` carries everything of the manifest but the encryption and the hashes;
    ``files`` maps the SHA-256 an Attachment row names to the file's content (sent as it is: the receiving
    side checks that the content matches)."""
    envelope, key = new_envelope(recipient_box_public, salt=header["package_id"].encode("ascii"))
    head = {**header, "encryption": {"scheme": ENCRYPTION, **envelope}}
    ciphertext = aes_encrypt(key, unb64(envelope["nonce"]), encode_payload(payload), canonical(head))
    sealed: dict[str, bytes] = {}
    entries: dict[str, dict[str, Any]] = {}
    for sha, content in sorted((files or {}).items()):
        nonce = os.urandom(12)
        sealed[sha] = aes_encrypt(key, nonce, content, _file_aad(head, sha))
        entries[sha] = {"size": len(content), "nonce": b64(nonce),
                        "sha256": hashlib.sha256(sealed[sha]).hexdigest()}
    manifest = {**head, "payload_sha256": hashlib.sha256(ciphertext).hexdigest(), "payload_size": len(ciphertext)}
    if entries:
        manifest["files"] = entries
    manifest_bytes = canonical(manifest)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", allowZip64=True) as zf:
        zf.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_STORED)
        zf.writestr(PAYLOAD, ciphertext, compress_type=zipfile.ZIP_STORED)
        for sha, blob in sealed.items():
            zf.writestr(FILES_PREFIX + sha, blob, compress_type=zipfile.ZIP_STORED)
        zf.writestr(SIGNATURE, b64(keys.sign(manifest_bytes)), compress_type=zipfile.ZIP_STORED)
    return buf.getvalue()


def read_raw(data: bytes) -> RawPackage:
    """Shape checks only: a whole ZIP (every CRC), exactly our members (the three, and the files the manifest
    lists), a JSON manifest."""
    not_ours = PackageError("这不是驻村管理系统的数据包（文件内容不对）。", "not a zhucun package")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if not MEMBERS <= names:
                raise not_ours
            if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST:
                raise PackageError(*DAMAGED)
            manifest_bytes = zf.read(MANIFEST)
            manifest = json.loads(manifest_bytes.decode("utf-8"))
            listed = manifest.get("files") if isinstance(manifest, dict) else None
            listed = listed if isinstance(listed, dict) else {}
            if names != MEMBERS | {FILES_PREFIX + sha for sha in listed}:
                raise not_ours
            ciphertext = zf.read(PAYLOAD)
            signature = unb64(zf.read(SIGNATURE).decode("ascii"))
            files = {sha: zf.read(FILES_PREFIX + sha) for sha in listed}
    except PackageError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, KeyError, OSError) as exc:
        raise PackageError(*DAMAGED) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError("这不是驻村管理系统的数据包。", "not a zhucun package")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise PackageError(f"这个数据包由更新版本的程序制作（格式第{version}版，本程序只认识到第{FORMAT_VERSION}版），"
                           "请先升级本程序再导入。", "the package is from a newer program version")
    return RawPackage(manifest, manifest_bytes, ciphertext, signature, files)


def read_file(path: str | Path) -> RawPackage:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise PackageError(f"找不到数据包文件“{path}”。", "package file not found") from exc
    return read_raw(data)


def verify(raw: RawPackage, source_sign_public: bytes, source_name: str) -> None:
    """The source's signature over the manifest, then the payload's hash named in it."""
    if not verify_signature(source_sign_public, raw.signature, raw.manifest_bytes):
        raise PackageError(f"数据包的签名不对：文件被改动过，或者不是由“{source_name}”用它登记的密钥制作的，不能导入。",
                           "bad signature: the package was altered or not made by its stated source")
    if hashlib.sha256(raw.ciphertext).hexdigest() != raw.manifest.get("payload_sha256"):
        raise PackageError("数据包内容与清单不符（文件被改动或已损坏），不能导入。", "payload hash mismatch")
    for sha, blob in raw.files.items():
        entry = raw.file_entries.get(sha)
        if not isinstance(entry, dict) or hashlib.sha256(blob).hexdigest() != entry.get("sha256"):
            raise PackageError("数据包中的佐证材料与清单不符（文件被改动或已损坏），不能导入。", "file hash mismatch")


def decrypt(raw: RawPackage, keys: SiteKeys) -> dict[str, Any]:
    try:
        key = open_envelope(raw.manifest["encryption"], keys.box_private, raw.manifest["package_id"].encode("ascii"))
        blob = aes_decrypt(key, unb64(raw.manifest["encryption"]["nonce"]), raw.ciphertext, canonical(raw.header))
    except (SealError, KeyError, ValueError) as exc:
        raise PackageError("数据包无法解密：它不是用本机的密钥加密的（本机的配置包是否重新制作过？）。",
                           "cannot decrypt: not encrypted to this site's key") from exc
    payload = decode_payload(blob)
    if not isinstance(payload, dict):
        raise PackageError(*DAMAGED)
    return payload


def decrypt_files(raw: RawPackage, keys: SiteKeys) -> dict[str, bytes]:
    """The evidence files the package carries, decrypted (after ``verify``); keyed by the SHA-256 they claim —
    whether the content matches is the importer's check."""
    if not raw.files:
        return {}
    try:
        key = open_envelope(raw.manifest["encryption"], keys.box_private, raw.manifest["package_id"].encode("ascii"))
        return {sha: aes_decrypt(key, unb64(raw.file_entries[sha]["nonce"]), blob, _file_aad(raw.header, sha))
                for sha, blob in raw.files.items()}
    except (SealError, KeyError, TypeError, ValueError) as exc:
        raise PackageError("数据包中的佐证材料无法解密，不能导入。", "cannot decrypt an evidence file") from exc


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows opening a folder (not on Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_verified(path: Path, data: bytes, sign_public: bytes) -> None:
    """Temporary file → write → flush + fsync → rename → fsync folder → read back and verify.

    A stick pulled half-way leaves the old file or none under ``path``, never half a package.
    """
    with atomic_output(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    fsync_folder(path.parent)
    back = path.read_bytes()
    if hashlib.sha256(back).digest() != hashlib.sha256(data).digest():
        raise PackageError(f"写入“{path}”后读回的内容不一致，U盘可能有问题，请换一个U盘重新导出。",
                           "read-back after writing differs")
    raw = read_raw(back)
    verify(raw, sign_public, "本单位")
