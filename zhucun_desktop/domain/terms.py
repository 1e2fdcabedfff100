"""The Chinese terms of the paper forms, kept verbatim (DOMAIN.md).

One source of truth: models, forms, imports and printouts all read these tuples.
"""

from __future__ import annotations

# Roles of a posting (§4).
ROLE_FIRST_SECRETARY = "驻村第一书记"
ROLE_TEAM_MEMBER = "工作队员"
ROLES = (ROLE_FIRST_SECRETARY, ROLE_TEAM_MEMBER)
# Short forms clerks write in sheets.
ROLE_SYNONYMS = {
    "第一书记": ROLE_FIRST_SECRETARY,
    "驻村第一书记": ROLE_FIRST_SECRETARY,
    "第一书记兼队长": ROLE_FIRST_SECRETARY,
    "第一书记（队长）": ROLE_FIRST_SECRETARY,
    "第一书记(队长)": ROLE_FIRST_SECRETARY,
    "工作队员": ROLE_TEAM_MEMBER,
    "驻村工作队员": ROLE_TEAM_MEMBER,
    "队员": ROLE_TEAM_MEMBER,
}

# 编制性质 (§4): only 在编在岗 may be posted.
STAFFING_IN_POST = "在编在岗"
STAFFING_SERVICE = "工勤人员"
STAFFING_TEMPORARY = "临聘人员"
STAFFING_BORROWED = "借用人员"
STAFFING_TYPES = (STAFFING_IN_POST, STAFFING_SERVICE, STAFFING_TEMPORARY, STAFFING_BORROWED)
STAFFING_SYNONYMS = {
    "在编在岗": STAFFING_IN_POST,
    "在编": STAFFING_IN_POST,
    "工勤": STAFFING_SERVICE,
    "工勤人员": STAFFING_SERVICE,
    "临聘": STAFFING_TEMPORARY,
    "临聘人员": STAFFING_TEMPORARY,
    "借用": STAFFING_BORROWED,
    "借用人员": STAFFING_BORROWED,
}

# 政治面貌
PARTY_MEMBER = "中共党员"
PROBATIONARY_MEMBER = "中共预备党员"
LEAGUE_MEMBER = "共青团员"
NON_PARTY = "群众"
POLITICAL_STATUSES = (PARTY_MEMBER, PROBATIONARY_MEMBER, LEAGUE_MEMBER, "民主党派", "无党派人士", NON_PARTY)
POLITICAL_SYNONYMS = {
    "中共党员": PARTY_MEMBER,
    "党员": PARTY_MEMBER,
    "中共正式党员": PARTY_MEMBER,
    "正式党员": PARTY_MEMBER,
    "中共预备党员": PROBATIONARY_MEMBER,
    "预备党员": PROBATIONARY_MEMBER,
    "共青团员": LEAGUE_MEMBER,
    "团员": LEAGUE_MEMBER,
    "民主党派": "民主党派",
    "无党派人士": "无党派人士",
    "群众": NON_PARTY,
}

SEXES = ("男", "女")
EDUCATION_LEVELS = ("研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下")

# Village categories (one or more per village).
VILLAGE_CATEGORIES = ("脱贫村", "乡村振兴重点村", "集体经济薄弱村", "党组织软弱涣散村")

# Kinds of dispatching unit (派出单位).
UNIT_KINDS = ("县直机关", "国有企业", "事业单位", "其他")

# Reasons for a dynamic adjustment (§5).
ADJUSTMENT_REASONS = ("任职期满", "身体原因", "家庭原因", "跨县调动", "其他")

# Account roles (issue: accounts).
USER_ROLE_TOWNSHIP_CLERK = "乡镇录入员"
USER_ROLE_TOWNSHIP_LEADER = "乡镇领导"
USER_ROLE_COUNTY_ADMIN = "县委组织部管理员"
USER_ROLE_COUNTY_VIEWER = "县级查看"
USER_ROLES = (
    USER_ROLE_TOWNSHIP_CLERK,
    USER_ROLE_TOWNSHIP_LEADER,
    USER_ROLE_COUNTY_ADMIN,
    USER_ROLE_COUNTY_VIEWER,
)

SITE_KIND_COUNTY = "county"
SITE_KIND_TOWNSHIP = "township"

# The shortest password an account may have (登录, 首次设置, 用户管理).
MIN_PASSWORD = 6
