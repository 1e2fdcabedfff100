"""The bodies that sign leave requests (§8; DOMAIN.md "Who uses it, where"), offered by the rule-set editor.

The rule set may name others (a county adds its own bodies); these are the ones the county's measures name, in
the order a request usually passes them.
"""

from __future__ import annotations

KNOWN_BODIES = (
    "村党支部",
    "乡镇党委",
    "县乡村振兴局",
    "县委组织部",
    "县委分管副书记",
    "县委农办",
    "县科农局",
    "县财政局",
    "县人社局",
)
