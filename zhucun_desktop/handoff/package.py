"""The ``.zcpkg`` file: a ZIP of ``manifest.json``, ``payload.bin`` (encrypted) and ``signature.sig``.

Making one: gzip the payload JSON, encrypt it to the destination (ephemeral X25519 → HKDF-SHA256 → AES-256-GCM,
the manifest's header as associated data), put the ciphertext's SHA-256 into the manifest, sign the manifest's
canonical bytes with the source's Ed25519 key. Reading one checks in the order that trusts nothing early: the
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
from dataclasses import dataclass
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
FORMAT_VERSION = 1
SUFFIX = ".zcpkg"
MANIFEST = "manifest.json"
PAYLOAD = "payload.bin"
SIGNATURE = "signature.sig"
MEMBERS = {MANIFEST, PAYLOAD, SIGNATURE}
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

    @property
    def header(self) -> dict[str, Any]:
        return {k: v for k, v in self.manifest.items() if k not in ("payload_sha256", "payload_size")}


def encode_payload(payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(data, compresslevel=6)


def decode_payload(blob: bytes) -> dict[str, Any]:
    try:
        return json.loads(gzip.decompress(blob))
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        raise PackageError(*DAMAGED) from exc


def build(header: dict[str, Any], payload: dict[str, Any], keys: SiteKeys, recipient_box_public: bytes) -> bytes:
    """The package's bytes. ``header`` carries everything of the manifest but the encryption and the hash."""
    envelope, key = new_envelope(recipient_box_public, salt=header["package_id"].encode("ascii"))
    head = {**header, "encryption": {"scheme": ENCRYPTION, **envelope}}
    ciphertext = aes_encrypt(key, unb64(envelope["nonce"]), encode_payload(payload), canonical(head))
    manifest = {**head, "payload_sha256": hashlib.sha256(ciphertext).hexdigest(), "payload_size": len(ciphertext)}
    manifest_bytes = canonical(manifest)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_STORED)
        zf.writestr(PAYLOAD, ciphertext, compress_type=zipfile.ZIP_STORED)
        zf.writestr(SIGNATURE, b64(keys.sign(manifest_bytes)), compress_type=zipfile.ZIP_STORED)
    return buf.getvalue()


def read_raw(data: bytes) -> RawPackage:
    """Shape checks only: a whole ZIP (every CRC), exactly our three members, a JSON manifest."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if names != MEMBERS:
                raise PackageError("这不是驻村管理系统的数据包（文件内容不对）。", "not a zhucun package")
            if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST:
                raise PackageError(*DAMAGED)
            manifest_bytes = zf.read(MANIFEST)
            ciphertext = zf.read(PAYLOAD)
            signature = unb64(zf.read(SIGNATURE).decode("ascii"))
            manifest = json.loads(manifest_bytes.decode("utf-8"))
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
    return RawPackage(manifest, manifest_bytes, ciphertext, signature)


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
