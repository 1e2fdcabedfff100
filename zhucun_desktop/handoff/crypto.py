"""The primitives of the hand-off, all from `cryptography` and `argon2-cffi` (DESIGN.md: "do not invent
primitives"): Ed25519 signatures, X25519 + HKDF-SHA256 + AES-256-GCM encryption to a site, and argon2id +
AES-256-GCM sealing of secrets under a password (the site's private keys, the set-up package).

Nothing here touches the database or a file.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# argon2id cost for sealing: memory-hard, about a quarter second on an old office PC.
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 1
HKDF_INFO = b"zhucun-package-v1"
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw


class SealError(Exception):
    """The password (or 配置口令) does not open the sealed data, or the data were altered."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(obj: Any) -> bytes:
    """The one byte form of a JSON object that is signed and used as associated data."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class SiteKeys:
    """A site's two key pairs: Ed25519 signs its packages, X25519 opens packages sent to it."""

    sign_private: bytes
    box_private: bytes

    @classmethod
    def generate(cls) -> SiteKeys:
        sign = Ed25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())
        box = X25519PrivateKey.generate().private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())
        return cls(sign, box)

    @property
    def sign_public(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).public_key().public_bytes(_RAW, _RAW_PUB)

    @property
    def box_public(self) -> bytes:
        return X25519PrivateKey.from_private_bytes(self.box_private).public_key().public_bytes(_RAW, _RAW_PUB)

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).sign(data)

    def as_dict(self) -> dict[str, str]:
        return {"sign_private": b64(self.sign_private), "box_private": b64(self.box_private)}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> SiteKeys:
        return cls(unb64(data["sign_private"]), unb64(data["box_private"]))


def verify_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _hkdf(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=HKDF_INFO).derive(shared)


def new_envelope(recipient_box_public: bytes, salt: bytes) -> tuple[dict[str, str], bytes]:
    """An ephemeral X25519 key per package: the header fields to publish and the AES key they lead to."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_box_public))
    header = {"ephemeral_public_key": b64(ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)),
              "nonce": b64(os.urandom(12))}
    return header, _hkdf(shared, salt)


def open_envelope(header: dict[str, str], box_private: bytes, salt: bytes) -> bytes:
    ephemeral = X25519PublicKey.from_public_bytes(unb64(header["ephemeral_public_key"]))
    return _hkdf(X25519PrivateKey.from_private_bytes(box_private).exchange(ephemeral), salt)


def aes_encrypt(key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
    return AESGCM(key).encrypt(nonce, plaintext, aad)


def aes_decrypt(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise SealError("decryption failed") from exc


# ---------------------------------------------------------------------------------------------- password seals


def password_key(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=params["t"], memory_cost=params["m"],
                           parallelism=params["p"], hash_len=32, type=Type.ID)


def kdf_params() -> dict[str, int]:
    return {"t": KDF_TIME_COST, "m": KDF_MEMORY_KIB, "p": KDF_PARALLELISM}


def seal(secret: bytes, password: str, *, aad: bytes = b"") -> dict[str, Any]:
    """``secret`` encrypted under a key stretched from ``password`` with argon2id; JSON-safe."""
    params = kdf_params()
    salt, nonce = os.urandom(16), os.urandom(12)
    key = password_key(password, salt, params)
    return {"kdf": "argon2id", **params, "salt": b64(salt), "nonce": b64(nonce),
            "ciphertext": b64(aes_encrypt(key, nonce, secret, aad))}


def unseal(sealed: dict[str, Any], password: str, *, aad: bytes = b"") -> bytes:
    if sealed.get("kdf") != "argon2id":
        raise SealError(f"unknown kdf {sealed.get('kdf')!r}")
    params = {k: int(sealed[k]) for k in ("t", "m", "p")}
    key = password_key(password, unb64(sealed["salt"]), params)
    return aes_decrypt(key, unb64(sealed["nonce"]), unb64(sealed["ciphertext"]), aad)
