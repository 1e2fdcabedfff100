"""Evidence files (整改佐证材料 …) travel with their Attachment rows.

Export: every Attachment row a package carries brings its file from this PC's store, read as it is (a file that
is not here is reported, and its row still goes). Each file is encrypted to the destination like the payload
(``package.build``); a package above ``WARN_BYTES`` is still written, with a warning to use a large enough stick.

Import: a file is written only when its content's SHA-256 is the one its row names; otherwise it is refused as a
conflict (``待处理的冲突``) and never written. Files are written into the store before the import's transaction
commits, each atomically (temporary file, fsync, rename): the store is content-addressed, so a file written for
an import that then fails is a verified copy nothing refers to yet — the same harmless leftover as
``services.attachments.store_file`` leaves — and the retried import finds it in place. Writing after the commit
instead could leave rows whose files never arrive (the retried package would be "already imported"). A file
already present with the same hash is not written again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fileutil import atomic_output
from ..services.attachments import store_root, stored_path
from ..services.errors import ServiceError

TABLE = "attachments"
WARN_BYTES = 200 * 1024 * 1024  # more than a stick's spare room for most users: say so


@dataclass
class OutgoingFiles:
    """The files of the Attachment rows going out: content by SHA-256, and the rows whose file is not here."""

    content: dict[str, bytes] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # file names

    @property
    def total(self) -> int:
        return sum(map(len, self.content.values()))

    def notices(self) -> list[str]:
        out = []
        if self.missing:
            names = "、".join(f"“{n}”" for n in self.missing[:5]) + ("等" if len(self.missing) > 5 else "")
            out.append(f"{len(self.missing)}份佐证材料的文件不在本机（{names}），只发送了记录，对方将显示为文件缺失")
        if self.total > WARN_BYTES:
            out.append(f"本数据包带有{self.total / (1024 * 1024):.0f}MB的佐证材料，请确认U盘空间足够")
        return out


def _attachment_rows(tables: dict[str, Any]) -> list[dict[str, Any]]:
    part = tables.get(TABLE)
    if not isinstance(part, dict) or not isinstance(part.get("columns"), list):
        return []
    cols = part["columns"]
    return [dict(zip(cols, row, strict=False)) for row in part.get("rows") or [] if isinstance(row, list)]


def collect_files(ws: Any, tables: dict[str, Any]) -> OutgoingFiles:
    """Read the files of the non-deleted Attachment rows in ``tables`` (the payload's tables)."""
    root = store_root(ws)
    out = OutgoingFiles()
    for row in _attachment_rows(tables):
        sha, name = row.get("sha256"), row.get("file_name") or ""
        if row.get("deleted") or not isinstance(sha, str) or sha in out.content:
            continue
        path = stored_path(root, sha, name)
        try:
            out.content[sha] = path.read_bytes()
        except OSError:
            out.missing.append(name)
    return out


@dataclass(frozen=True)
class FileRefusal:
    """A carried file whose content does not match the SHA-256 its row names (kept as a conflict)."""

    attachment_uuid: str
    file_name: str
    sha256: str
    reason: str

    def conflict_row(self, package_id: str, at: str) -> tuple:
        incoming = {"file_name": self.file_name, "sha256": self.sha256, "attachment": self.attachment_uuid}
        return (package_id, TABLE, self.attachment_uuid, self.reason[:300], json.dumps(incoming, ensure_ascii=False),
                0, at)


@dataclass
class IncomingFiles:
    """What the import does with the carried files: write these, they are here already, refuse those."""

    write: dict[Path, bytes] = field(default_factory=dict)
    present: int = 0
    refused: list[FileRefusal] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        if self.write or self.present:
            out.append(f"  佐证材料文件：新增{len(self.write)} 本机已有{self.present}")
        out.extend(f"  拒绝 佐证材料“{r.file_name}”：{r.reason}" for r in self.refused)
        return out


def plan_files(ws: Any, tables: dict[str, Any], carried: dict[str, bytes]) -> IncomingFiles:
    """Check every carried file against the rows that name it; writes nothing."""
    root = store_root(ws)
    plan = IncomingFiles()
    checked: dict[str, bool] = {}
    for row in _attachment_rows(tables):
        sha, name = row.get("sha256"), str(row.get("file_name") or "")
        if not isinstance(sha, str) or sha not in carried:
            continue
        content = carried[sha]
        if sha not in checked:
            checked[sha] = hashlib.sha256(content).hexdigest() == sha and len(content) == row.get("size")
        if not checked[sha]:
            plan.refused.append(FileRefusal(str(row.get("uuid") or ""), name, sha,
                                            "文件内容与记录的SHA-256不符（文件被改动或已损坏），未保存到本机"))
            continue
        target = stored_path(root, sha, name)
        if target in plan.write:
            continue
        if target.is_file() and target.stat().st_size == len(content):
            plan.present += 1
        else:
            plan.write[target] = content
    return plan


def write_files(plan: IncomingFiles) -> None:
    """Each verified file into the store, atomically; a clear message when the disk refuses."""
    for target, content in plan.write.items():
        try:
            with atomic_output(target) as tmp, open(tmp, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise ServiceError(f"佐证材料无法保存到程序的数据目录（{target.parent}）：{exc.strerror or exc}；"
                               "数据包未导入，请腾出磁盘空间后重新导入。") from exc
