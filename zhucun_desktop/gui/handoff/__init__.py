"""数据交换 page: USB packages between the county and its townships (issue 7), and a township's first start
from its set-up package (``setup_dialog``)."""

from .page import HandoffPage

__all__ = ["HandoffPage"]
