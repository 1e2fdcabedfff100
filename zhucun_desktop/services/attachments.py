"""Evidence files (整改佐证材料, 会议记录, 调研报告…): copied into the program's data directory, named by their
SHA-256, recorded as Attachment rows, listed and opened.

Layout: ``<database folder>/attachments/<sha256[:2]>/<sha256><ext>``. Content-addressed, so the same file
attached twice (to one record or to several) is stored once, and a copy is never overwritten by something
else. The file is copied (atomically, see fileutil) before the row is written: if the transaction is refused,
at worst an unreferenced copy remains, never a row without its file.

The rows travel with the USB package like every record, and the package carries their files too, encrypted,
checked against the row's SHA-256 on arrival (``handoff.files``). A row whose file is not on this PC (not sent,
or refused because its content did not match) says so instead of failing (``AttachmentView.present``).
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..fileutil import atomic_output
from ..storage.models import Attachment
from .errors import NotFound, ServiceError
from .workspace import Workspace

FOLDER = "attachments"
CHUNK = 1 << 20
MAX_BYTES = 200 * 1024 * 1024  # a scanned report is a few MB; 200 MB is surely a wrong file (a video, a disk)


@dataclass(frozen=True)
class StoredFile:
    """A file read and copied into the store, not yet recorded."""

    file_name: str
    sha256: str
    size: int
    path: Path


@dataclass(frozen=True)
class AttachmentView:
    uuid: str
    owner_table: str
    owner_uuid: str
    file_name: str
    sha256: str
    size: int
    path: Path
    present: bool  # the file is in this PC's store


def store_root(ws: Workspace) -> Path:
    """The attachments folder next to the database file (a server database keeps them in the user data dir)."""
    db_path = getattr(ws.db, "path", None)
    if db_path is not None:
        return Path(db_path).parent / FOLDER
    import platformdirs

    return Path(platformdirs.user_data_dir("zhucun_desktop", appauthor=False)) / FOLDER


def stored_path(root: Path, sha256: str, file_name: str) -> Path:
    return root / sha256[:2] / (sha256 + Path(file_name).suffix.lower())


def store_file(ws: Workspace, source: str | Path) -> StoredFile:
    """Read ``source`` (hashing it), copy it into the store unless it is there already; a clear Chinese
    message when it cannot be read."""
    src = Path(source)
    label = f"佐证材料“{src.name or source}”"
    if not src.is_file():
        raise ServiceError(f"{label}无法读取：文件不存在或不是文件。")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(src, "rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise ServiceError(f"{label}超过{MAX_BYTES // (1024 * 1024)}MB，请确认是否选错了文件。")
    except OSError as exc:
        raise ServiceError(f"{label}无法读取：{exc.strerror or exc}") from exc
    if size == 0:
        raise ServiceError(f"{label}是空文件（0字节），请重新选择。")
    sha = digest.hexdigest()
    target = stored_path(store_root(ws), sha, src.name)
    if not (target.is_file() and target.stat().st_size == size):
        try:
            with atomic_output(target) as tmp:
                shutil.copyfile(src, tmp)
        except OSError as exc:
            raise ServiceError(f"{label}无法复制到程序的数据目录（{target.parent}）：{exc.strerror or exc}") from exc
    return StoredFile(src.name, sha, size, target)


def record_attachment(s: Session, owner_table: str, owner_uuid: str, stored: StoredFile) -> Attachment:
    """The Attachment row inside the caller's transaction; the same file on the same record is kept once."""
    existing = s.scalars(select(Attachment).where(Attachment.owner_table == owner_table,
                                                  Attachment.owner_uuid == owner_uuid,
                                                  Attachment.sha256 == stored.sha256,
                                                  Attachment.deleted.is_(False))).first()
    if existing is not None:
        return existing
    row = Attachment(owner_table=owner_table, owner_uuid=owner_uuid, file_name=stored.file_name[:255],
                     sha256=stored.sha256, size=stored.size)
    s.add(row)
    s.flush()
    return row


def _view(root: Path, a: Attachment) -> AttachmentView:
    path = stored_path(root, a.sha256, a.file_name)
    return AttachmentView(a.uuid, a.owner_table, a.owner_uuid, a.file_name, a.sha256, a.size, path,
                          path.is_file())


def list_attachments(ws: Workspace, owner_table: str, owner_uuid: str) -> list[AttachmentView]:
    root = store_root(ws)
    with ws.read() as s:
        q = (select(Attachment).where(Attachment.owner_table == owner_table, Attachment.owner_uuid == owner_uuid,
                                      Attachment.deleted.is_(False)).order_by(Attachment.updated_at))
        return [_view(root, a) for a in s.scalars(q)]


def attachment_path(ws: Workspace, attachment_uuid: str) -> Path:
    """The stored file to open (the GUI hands it to the system viewer); refused when it is not on this PC."""
    with ws.read() as s:
        a = s.get(Attachment, attachment_uuid)
        if a is None or a.deleted:
            raise NotFound("佐证材料不存在或已删除。")
        view = _view(store_root(ws), a)
    if not view.present:
        raise ServiceError(f"佐证材料“{view.file_name}”的文件不在本机（{view.path}），"
                           "可能尚未随数据一起拷贝过来。")
    return view.path


def remove_attachment(ws: Workspace, attachment_uuid: str) -> None:
    """A tombstone on the row; the stored file stays (another record may use the same content)."""
    with ws.transaction("删除佐证材料") as s:
        a = s.get(Attachment, attachment_uuid)
        if a is None or a.deleted:
            raise NotFound("佐证材料不存在或已删除。")
        a.deleted = True
