"""What the demo county is made of: the word lists its names, places, units and people are drawn from.

Only material lives here, no logic: the parts (``roster.py``, ``attendance.py``) draw from it with their own
random streams, so that a word added here changes the county but never the rules it obeys.
"""

from __future__ import annotations

from ...domain import terms

VILLAGE_NAMES = (
    "大坪村", "小河村", "团结村", "红星村", "石桥村", "河口村", "中和村", "龙潭村", "松林村", "三合村", "新民村",
    "双龙村", "光明村", "凤凰村", "白岩村", "青山村", "黄泥村", "柳树村", "水井村", "茶园村", "马街村", "杨柳村",
    "沙坝村", "田心村", "竹园村", "金星村", "梨园村", "大营村", "小营村", "老街村", "岩脚村", "坝心村", "箐口村",
    "干河村", "白水村", "石板村", "海子村", "新合村", "上寨村", "下寨村", "核桃村", "板桥村", "勤丰村", "永安村",
    "太平村", "和平村", "长坡村", "鲁溪村", "者黑村", "普拉村",
)

# Weights of the four categories when a village's first (and any second) category is drawn.
CATEGORY_WEIGHTS = {"脱贫村": 6, "乡村振兴重点村": 3, "集体经济薄弱村": 4, "党组织软弱涣散村": 1}

# (name, kind, profile); the profile picks plausible 职务职级 below.
UNITS: tuple[tuple[str, str, str], ...] = (
    ("县委办公室", "县直机关", "organ"),
    ("县人大常委会办公室", "县直机关", "organ"),
    ("县政府办公室", "县直机关", "organ"),
    ("县纪委监委", "县直机关", "organ"),
    ("县委宣传部", "县直机关", "organ"),
    ("县委统战部", "县直机关", "organ"),
    ("县财政局", "县直机关", "organ"),
    ("县人社局", "县直机关", "organ"),
    ("县农业农村局", "县直机关", "agri"),
    ("县乡村振兴局", "县直机关", "organ"),
    ("县卫生健康局", "县直机关", "organ"),
    ("县教育体育局", "县直机关", "organ"),
    ("县自然资源局", "县直机关", "organ"),
    ("县住房城乡建设局", "县直机关", "organ"),
    ("县交通运输局", "县直机关", "organ"),
    ("县水务局", "县直机关", "organ"),
    ("县林业和草原局", "县直机关", "agri"),
    ("县市场监督管理局", "县直机关", "organ"),
    ("县民政局", "县直机关", "organ"),
    ("县供电公司", "国有企业", "power"),
    ("县农村信用合作联社", "国有企业", "bank"),
    ("县人民医院", "事业单位", "hospital"),
    ("县中医医院", "事业单位", "hospital"),
    ("县疾病预防控制中心", "事业单位", "hospital"),
    ("县第一中学", "事业单位", "school"),
    ("县农业技术推广中心", "事业单位", "agri"),
)

# profile -> (positions of first secretaries, positions of team members)
POSITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "organ": (("四级主任科员", "三级主任科员", "二级主任科员", "副科长", "科长", "副主任"),
              ("科员", "一级科员", "四级主任科员", "副科长", "办事员")),
    "agri": (("农艺师", "高级农艺师", "畜牧师", "四级主任科员", "副科长"),
             ("助理农艺师", "技术员", "科员", "农艺师", "兽医师")),
    "power": (("工程师", "供电所副所长", "班组长"), ("助理工程师", "技术员", "职员")),
    "bank": (("客户经理", "信贷部副经理", "网点主任"), ("职员", "柜员", "客户经理")),
    "hospital": (("主治医师", "副主任医师", "主管护师"), ("医师", "护师", "药师", "公卫医师")),
    "school": (("一级教师", "高级教师", "教研组长"), ("二级教师", "一级教师")),
}

SURNAMES = ("李李李杨杨杨张张王王赵赵刘陈段普字者鲁罗周吴徐孙马朱胡郭何高林郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            "袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱尹薛雷侯龙史陶黎贺毛")
MALE_CHARS = "建国志明伟强军平华林斌涛鹏杰勇超波辉刚宇浩磊洪祥俊文海云峰龙兴发荣昌坤德成永福振学武江东恒晨阳凯亮"
FEMALE_CHARS = "丽芳娟敏静艳燕霞玲梅琳萍红英慧婷雪琴莉兰秀春晓颖佳蓉倩丹菊翠娜璐瑶欣怡玉"

ETHNICITY_WEIGHTS = {"汉族": 62, "彝族": 12, "白族": 5, "哈尼族": 5, "壮族": 4, "苗族": 4, "回族": 3, "傣族": 3,
                     "傈僳族": 2}
FIRST_SECRETARY_EDUCATION = {"研究生": 10, "大学本科": 70, "大学专科": 20}
TEAM_MEMBER_EDUCATION = {"研究生": 5, "大学本科": 55, "大学专科": 32, "中专": 6, "高中": 2}
# Team members: mostly party members; §4 prefers but does not require them.
TEAM_MEMBER_POLITICS = {terms.PARTY_MEMBER: 72, terms.PROBATIONARY_MEMBER: 5, terms.LEAGUE_MEMBER: 6,
                        terms.NON_PARTY: 17}

# 行政区划代码 of Yunnan: most cadres are local (the first code), some come from elsewhere in the province.
LOCAL_REGION = "530323"
OTHER_REGIONS = ("530102", "530103", "530111", "530112", "530124", "530125", "530128", "530129", "530302",
                 "530322", "530324", "530402", "530421", "530423", "530502", "530621", "530702", "530721",
                 "530802", "530902", "532301", "532501", "532502", "532601", "532801", "532901")
MOBILE_PREFIXES = ("139", "138", "137", "136", "135", "158", "159", "187", "188", "182", "150", "151", "152",
                   "157", "130", "131", "132", "155", "156", "186", "133", "153", "180", "181", "189", "199")

EARLY_END_REASONS = ("身体原因", "家庭原因", "跨县调动", "其他")
