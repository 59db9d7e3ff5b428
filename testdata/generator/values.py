"""Checksums and realistic random values for synthetic fapiao and English documents.

Everything here is pure Python (no images). All random choices go through a
``random.Random`` instance passed in by the caller, so a document's values depend
only on its own seed. Money is handled with ``decimal.Decimal`` exclusively.

Contents:
  * USCC (GB 32100-2015) and organisation code (GB 11714) check characters,
    PRC resident ID (GB 11643) check digit, UK VAT number check digits.
  * Region tables (province, invoice-code region, cities, districts, phone codes).
  * Chinese company names, addresses, phones, bank accounts, person names.
  * Invoice codes (10/12 digits), 8-digit numbers, 20-digit 数电 numbers,
    check codes, machine numbers, 密码区 cipher text, QR tail hex.
  * Line items and totals with exact Decimal arithmetic.
"""

import datetime
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")

# ---------------------------------------------------------------------------
# Checksums
# ---------------------------------------------------------------------------

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check_char(first17):
    """Check character (position 18) of a unified social credit code."""
    if len(first17) != 17:
        raise ValueError("need 17 characters")
    total = 0
    for ch, w in zip(first17, USCC_WEIGHTS):
        idx = USCC_CHARSET.find(ch)
        if idx < 0:
            raise ValueError("character %r not allowed in USCC" % ch)
        total += idx * w
    c = 31 - total % 31
    if c == 31:
        c = 0
    return USCC_CHARSET[c]


def org_code_value(ch):
    """Value of a GB 11714 character: digits 0-9, letters A=10 ... Z=35."""
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    raise ValueError("bad organisation-code character %r" % ch)


def org_check_char(first8):
    """Check character of a 9-character GB 11714 organisation code."""
    total = sum(org_code_value(c) * w for c, w in zip(first8, ORG_WEIGHTS))
    c = 11 - total % 11
    if c == 10:
        return "X"
    if c == 11:
        return "0"
    return str(c)


def is_valid_org_code(code):
    if len(code) != 9:
        return False
    try:
        return org_check_char(code[:8]) == code[8]
    except ValueError:
        return False


def is_valid_uscc(code):
    """True when ``code`` has a correct USCC check char and a valid embedded org code."""
    if len(code) != 18 or any(c not in USCC_CHARSET for c in code):
        return False
    if uscc_check_char(code[:17]) != code[17]:
        return False
    return is_valid_org_code(code[8:17])


def resident_id_check(first17):
    """GB 11643 check character of an 18-digit resident identity number."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[total % 11]


def uk_vat_check(first7):
    """Two check digits of a 9-digit UK VAT number (classic mod-97 scheme)."""
    total = sum(int(c) * w for c, w in zip(first7, [8, 7, 6, 5, 4, 3, 2]))
    check = (-total) % 97
    return "%02d" % check


# ---------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------

# code4: invoice-code region; prov2: province code used in 20-digit numbers;
# title: prefix of tax-control titles; bureau: bottom line of the supervision seal.
# cities: (city name, phone area code, [(district code, district name), ...]).
REGIONS = [
    {"code4": "1100", "prov2": "11", "title": "北京", "bureau": "北京市税务局", "cities": [
        ("北京市", "010", [("110101", "东城区"), ("110105", "朝阳区"), ("110108", "海淀区"), ("110106", "丰台区")])]},
    {"code4": "1200", "prov2": "12", "title": "天津", "bureau": "天津市税务局", "cities": [
        ("天津市", "022", [("120101", "和平区"), ("120116", "滨海新区"), ("120104", "南开区")])]},
    {"code4": "3100", "prov2": "31", "title": "上海", "bureau": "上海市税务局", "cities": [
        ("上海市", "021", [("310101", "黄浦区"), ("310104", "徐汇区"), ("310110", "杨浦区"), ("310115", "浦东新区"), ("310105", "长宁区")])]},
    {"code4": "3200", "prov2": "32", "title": "江苏", "bureau": "江苏省税务局", "cities": [
        ("苏州市", "0512", [("320505", "虎丘区"), ("320506", "吴中区"), ("320507", "相城区"), ("320508", "姑苏区")]),
        ("南京市", "025", [("320102", "玄武区"), ("320105", "建邺区"), ("320106", "鼓楼区")]),
        ("无锡市", "0510", [("320214", "新吴区"), ("320211", "滨湖区")])]},
    {"code4": "3300", "prov2": "33", "title": "浙江", "bureau": "浙江省税务局", "cities": [
        ("杭州市", "0571", [("330106", "西湖区"), ("330108", "滨江区"), ("330105", "拱墅区")]),
        ("绍兴市", "0575", [("330602", "越城区"), ("330603", "柯桥区")])]},
    {"code4": "3400", "prov2": "34", "title": "安徽", "bureau": "安徽省税务局", "cities": [
        ("合肥市", "0551", [("340104", "蜀山区"), ("340111", "包河区"), ("340103", "庐阳区")])]},
    {"code4": "3500", "prov2": "35", "title": "福建", "bureau": "福建省税务局", "cities": [
        ("福州市", "0591", [("350102", "鼓楼区"), ("350104", "仓山区"), ("350105", "马尾区")])]},
    {"code4": "4400", "prov2": "44", "title": "广东", "bureau": "广东省税务局", "cities": [
        ("广州市", "020", [("440104", "越秀区"), ("440106", "天河区"), ("440105", "海珠区")]),
        ("东莞市", "0769", [("441900", "东莞市")])]},
    {"code4": "4403", "prov2": "44", "title": "深圳", "bureau": "深圳市税务局", "cities": [
        ("深圳市", "0755", [("440303", "罗湖区"), ("440304", "福田区"), ("440305", "南山区"), ("440306", "宝安区")])]},
    {"code4": "5000", "prov2": "50", "title": "重庆", "bureau": "重庆市税务局", "cities": [
        ("重庆市", "023", [("500103", "渝中区"), ("500106", "沙坪坝区"), ("500112", "渝北区")])]},
    {"code4": "5100", "prov2": "51", "title": "四川", "bureau": "四川省税务局", "cities": [
        ("成都市", "028", [("510104", "锦江区"), ("510107", "武侯区"), ("510108", "成华区")])]},
    {"code4": "5200", "prov2": "52", "title": "贵州", "bureau": "贵州省税务局", "cities": [
        ("贵阳市", "0851", [("520102", "南明区"), ("520103", "云岩区"), ("520115", "观山湖区")])]},
    {"code4": "5300", "prov2": "53", "title": "云南", "bureau": "云南省税务局", "cities": [
        ("昆明市", "0871", [("530102", "五华区"), ("530103", "盘龙区"), ("530111", "官渡区")])]},
    {"code4": "6100", "prov2": "61", "title": "陕西", "bureau": "陕西省税务局", "cities": [
        ("西安市", "029", [("610103", "碑林区"), ("610113", "雁塔区"), ("610112", "未央区")])]},
]

ROADS = ["人民路", "中山路", "解放路", "建设路", "长江路", "和平路", "文化路", "新华路", "科技路",
         "天成路", "星湖街", "学府路", "滨江大道", "高新大道", "迎宾大道", "友谊路",
         "青年路", "东风路", "南京路", "环城东路", "工业园路", "创业大道", "锦绣路"]
BUILDINGS = ["", "", "{n}幢{r}室", "{n}楼", "{t}大厦{r}室", "{t}广场{n}号楼{r}室", "{t}中心{n}层"]
TOWER_NAMES = ["国际", "时代", "财富", "金融", "世纪", "环球", "天安", "置地", "汇金", "华润"]

TRADE_NAMES = ["吉利", "优行", "华信", "恒通", "博远", "瑞丰", "鼎盛", "金桥", "汇智", "天成", "新锐",
               "嘉禾", "宏图", "盛世", "凯越", "中联", "东方", "创达", "永昌", "星辰", "蓝海", "启明",
               "弘业", "正泰", "德润", "君诚", "云帆", "锦程", "朗信", "智远", "和信", "安达", "立新",
               "海纳", "同创", "捷顺", "百川", "银河", "联合", "长风"]

# Industry -> (industry words for the name, items sold).
# Item: (category, name, [specs], unit or "", (low, high) unit price excluding tax,
#        quantity kind "int"/"dec"/"one", [rates general taxpayer], [rates small-scale])
INDUSTRIES = [
    ("电子科技", [
        ("电子计算机", "笔记本电脑", ["ThinkPad E14", "MateBook 14", "XPS 13", "V15 G3"], "台", ("3200", "9800"), "int", ["13%"], ["3%", "1%"]),
        ("计算机外部设备", "显示器", ["P2422H", "27英寸", "E2420"], "台", ("699", "2600"), "int", ["13%"], ["3%", "1%"]),
        ("计算机配套产品", "无线鼠标", ["M185", "MX Master 3"], "个", ("45", "520"), "int", ["13%"], ["3%", "1%"]),
        ("信息技术服务", "技术服务费", [""], "", ("800", "60000"), "one", ["6%"], ["3%", "1%"]),
    ]),
    ("信息技术", [
        ("信息技术服务", "软件服务费", [""], "年", ("1200", "48000"), "one", ["6%"], ["3%", "1%"]),
        ("信息技术服务", "云服务费", ["标准版", "企业版"], "月", ("299", "6800"), "int", ["6%"], ["3%"]),
        ("软件", "办公软件", ["V3.0", "标准版"], "套", ("680", "12000"), "int", ["13%"], ["3%"]),
    ]),
    ("餐饮管理", [
        ("餐饮服务", "餐费", [""], "", ("38", "3600"), "one", ["6%"], ["3%", "1%", "免税"]),
        ("餐饮服务", "工作餐", [""], "份", ("18", "45"), "int", ["6%"], ["3%", "1%"]),
    ]),
    ("商贸", [
        ("纸制品", "复印纸", ["A4 70g", "A4 80g", "A3 70g"], "箱", ("118", "260"), "int", ["13%"], ["3%", "1%"]),
        ("日用杂品", "垃圾袋", ["45*50cm"], "包", ("6.5", "18"), "int", ["13%"], ["3%", "1%"]),
        ("谷物", "大米", ["5kg", "10kg"], "袋", ("39", "128"), "int", ["9%"], ["3%", "1%"]),
        ("文具", "签字笔", ["0.5mm", "0.7mm"], "盒", ("12", "48"), "int", ["13%"], ["3%", "1%"]),
    ]),
    ("物流", [
        ("运输服务", "货物运输服务费", [""], "次", ("150", "12000"), "one", ["9%"], ["3%", "1%", "免税"]),
        ("物流辅助服务", "仓储服务费", [""], "月", ("800", "20000"), "int", ["6%"], ["3%"]),
    ]),
    ("汽车服务", [
        ("运输服务", "客运服务费", [""], "次", ("12", "380"), "one", ["9%", "免税"], ["3%", "免税"]),
        ("汽油", "92号车用汽油(VIB)", [""], "升", ("6.2", "8.1"), "dec", ["13%"], ["3%", "1%"]),
        ("修理修配劳务", "车辆维修费", [""], "次", ("260", "8600"), "one", ["13%"], ["3%", "1%"]),
    ]),
    ("酒店管理", [
        ("住宿服务", "住宿费", ["标准间", "大床房"], "间夜", ("168", "1280"), "int", ["6%"], ["3%", "1%"]),
        ("餐饮服务", "餐费", [""], "", ("58", "2800"), "one", ["6%"], ["3%", "1%"]),
        ("会议展览服务", "会议服务费", [""], "场", ("2000", "36000"), "int", ["6%"], ["3%"]),
    ]),
    ("文化传媒", [
        ("广告服务", "广告发布费", [""], "期", ("3000", "80000"), "int", ["6%"], ["3%"]),
        ("设计服务", "平面设计费", [""], "项", ("800", "15000"), "int", ["6%"], ["3%", "1%"]),
        ("印刷品", "宣传册印刷", ["A4 16P", "A5 24P"], "本", ("3.2", "18.5"), "int", ["13%"], ["3%"]),
    ]),
    ("物业管理", [
        ("物业管理服务", "物业管理费", [""], "月", ("1200", "30000"), "int", ["6%"], ["3%"]),
        ("不动产经营租赁服务", "停车费", [""], "月", ("150", "600"), "int", ["9%"], ["3%"]),
    ]),
    ("企业管理咨询", [
        ("咨询服务", "咨询服务费", [""], "", ("2000", "120000"), "one", ["6%"], ["3%", "1%"]),
        ("鉴证咨询服务", "审计服务费", [""], "项", ("5000", "90000"), "one", ["6%"], ["3%"]),
    ]),
    ("旅行社", [
        ("经纪代理服务", "代订住宿费", [""], "", ("180", "5200"), "one", ["6%"], ["3%", "1%"]),
        ("旅游服务", "旅游服务费", [""], "人", ("380", "6800"), "int", ["6%"], ["3%"]),
    ]),
    ("办公设备", [
        ("办公设备", "激光打印机", ["M1136", "LJ2405", "P2506"], "台", ("780", "3600"), "int", ["13%"], ["3%", "1%"]),
        ("计算机外部设备", "硒鼓", ["CC388A", "TN2412"], "支", ("85", "560"), "int", ["13%"], ["3%", "1%"]),
        ("办公设备", "碎纸机", ["S1510"], "台", ("399", "1580"), "int", ["13%"], ["3%"]),
    ]),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
         "超", "秀英", "霞", "平", "刚", "桂英", "文鑫", "丽群", "炜", "蕾蕾", "晓东", "海燕", "建华",
         "志强", "雪梅", "俊杰", "子涵", "欣怡", "浩然", "思远", "婷", "倩", "鹏", "宇轩", "梦瑶", "操"]

BANKS = [
    ("中国工商银行股份有限公司", 19, "{city}{district}支行"),
    ("中国建设银行股份有限公司", 20, "{city}{district}支行"),
    ("中国银行股份有限公司", 12, "{city}{district}支行"),
    ("中国农业银行股份有限公司", 19, "{city}{district}支行"),
    ("招商银行股份有限公司", 15, "{city}分行"),
    ("交通银行股份有限公司", 21, "{city}分行"),
    ("兴业银行股份有限公司", 18, "{city}分行营业部"),
    ("中信银行股份有限公司", 19, "{city}{district}支行"),
    ("上海浦东发展银行股份有限公司", 16, "{city}分行"),
]

PUBLIC_INSTITUTIONS = ["第一人民医院", "中心医院", "职业技术学院", "图书馆", "疾病预防控制中心", "第二中学", "科学技术研究所"]
SOLE_TRADES = ["餐馆", "便利店", "汽车修理厂", "五金店", "水果店", "面馆", "烟酒商行", "打印店"]


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def nonzero_digits(rng, n):
    return rng.choice("123456789") + digits(rng, n - 1)


def person_name(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def region_by_code4(code4):
    for r in REGIONS:
        if r["code4"] == code4:
            return r
    raise KeyError(code4)


def pick_place(rng, region):
    """Return (city, area code, district code, district name) inside ``region``."""
    city, area, districts = rng.choice(region["cities"])
    dcode, dname = rng.choice(districts)
    return city, area, dcode, dname


def org_code(rng, new_style):
    """Random valid GB 11714 organisation code using only USCC-legal characters."""
    if new_style:
        body = "MA" + "".join(rng.choice(USCC_CHARSET) for _ in range(6))
    else:
        body = nonzero_digits(rng, 8)
    return body + org_check_char(body)


def uscc(rng, prefix, district_code):
    """Valid 18-character USCC: prefix ("91", "92", "12"), region, org code, check char."""
    body = prefix + district_code + org_code(rng, rng.random() < 0.7)
    return body + uscc_check_char(body)


def old_tax_id(rng, district_code):
    """15-character pre-2015 taxpayer id: region + organisation code."""
    return district_code + org_code(rng, False)


def person_tax_id(rng, district_code):
    """20-character individual id: 18-digit resident id + registration suffix 01."""
    year = rng.randint(1960, 1999)
    born = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
    first17 = district_code + born.strftime("%Y%m%d") + digits(rng, 3)
    return first17 + resident_id_check(first17) + "01"


def phone(rng, area):
    if rng.random() < 0.15:
        return rng.choice(["13", "15", "18", "17", "19"]) + digits(rng, 9)
    return "%s-%s" % (area, nonzero_digits(rng, 8))


def address(rng, city, district):
    road = rng.choice(ROADS)
    num = rng.randint(1, 999)
    tpl = rng.choice(BUILDINGS)
    extra = tpl.format(n=rng.randint(1, 12), r=rng.randint(101, 2508), t=rng.choice(TOWER_NAMES))
    d = "" if district == city else district
    return "%s%s%s%d号%s" % (city, d, road, num, extra)


def bank_account(rng, city, district):
    bank, length, branch_tpl = rng.choice(BANKS)
    short_city = city[:-1] if city.endswith("市") else city
    short_district = district[:-1] if len(district) > 2 else district
    branch = branch_tpl.format(city=short_city, district=short_district if district != city else "")
    return "%s%s %s" % (bank, branch, nonzero_digits(rng, length))


def company(rng, region, kind="company", industry=None):
    """A Chinese taxpayer dict: name, taxId, addressPhone, bankAccount, industry, smallScale.

    kind: "company" (91), "sole" (92 个体工商户), "public" (12 事业单位),
          "old15" (company with 15-char id), "person20" (individual with 20-char id).
    """
    city, area, dcode, dname = pick_place(rng, region)
    short_city = city[:-1]
    if industry is None:
        industry = rng.choice(INDUSTRIES)
    words = industry[0]
    trade = rng.choice(TRADE_NAMES)
    small = False
    if kind == "sole":
        d = "" if dname == city else dname
        name = "%s%s%s%s" % (city, d, trade, rng.choice(SOLE_TRADES))
        tax_id = uscc(rng, "92", dcode)
        small = True
    elif kind == "public":
        name = "%s%s" % (city, rng.choice(PUBLIC_INSTITUTIONS))
        tax_id = uscc(rng, "12", dcode)
    else:
        form = rng.random()
        if words == "旅行社":
            name = "%s%s国际旅行社有限公司" % (city, trade)
        elif form < 0.55:
            name = "%s%s%s有限公司" % (city, trade, words)
        elif form < 0.8:
            name = "%s%s%s有限公司" % (short_city, trade, words)
        elif form < 0.9:
            name = "%s%s%s股份有限公司" % (region["title"] if region["title"] != short_city else city, trade, words)
        else:
            name = "%s%s%s有限公司" % (trade, words, "（%s）" % short_city)
        if kind == "old15":
            tax_id = old_tax_id(rng, dcode)
        elif kind == "person20":
            name = person_name(rng)
            tax_id = person_tax_id(rng, dcode)
        else:
            tax_id = uscc(rng, "91", dcode)
        small = rng.random() < 0.25
    return {
        "name": name,
        "taxId": tax_id,
        "addressPhone": "%s %s" % (address(rng, city, dname), phone(rng, area)),
        "bankAccount": bank_account(rng, city, dname),
        "industry": industry,
        "smallScale": small,
        "city": city,
    }


# ---------------------------------------------------------------------------
# Invoice identifiers
# ---------------------------------------------------------------------------

def random_date(rng, start, end):
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, span))


def tax_control_code12(rng, code4, issue_date, suffix):
    """12-digit code: 0 + region + year (<= issue year) + 3-digit batch + suffix.

    suffix is "11" for 增值税电子普通发票 (all real ones end in 11).
    """
    iy = issue_date.year % 100
    yy = rng.randint(max(17, iy - 3), iy)
    batch = "%03d" % rng.randint(1, 320)
    return "0" + code4 + "%02d" % yy + batch + suffix


def tax_control_code10(rng, code4, issue_date):
    """10-digit 专票 code: region + 制版年度 + batch + 中文(1) + 联次 + 电脑票(0)."""
    iy = issue_date.year % 100
    yy = rng.randint(max(17, iy - 3), iy)
    return code4 + "%02d" % yy + str(rng.randint(1, 9)) + "1" + rng.choice("47") + "0"


def invoice_number8(rng):
    if rng.random() < 0.3:
        return "00" + digits(rng, 6)
    return nonzero_digits(rng, 8)


def digital_number20(rng, prov2, issue_date):
    """20-digit 数电 number: YY + province + channel + 15-digit sequence."""
    zeros = rng.randint(5, 7)
    seq = "0" * zeros + nonzero_digits(rng, 15 - zeros)
    return "%02d" % (issue_date.year % 100) + prov2 + rng.choice("27") + seq


def check_code(rng):
    return digits(rng, 20)


def machine_number(rng):
    if rng.random() < 0.3:
        return "0" + digits(rng, 11)
    return nonzero_digits(rng, 12)


def cipher_lines(rng, n=4, width=28):
    alphabet = "0123456789+-*/<>"
    return ["".join(rng.choice(alphabet) for _ in range(width)) for _ in range(n)]


def qr_tail(rng, lower=False):
    s = "".join(rng.choice("0123456789ABCDEF") for _ in range(4))
    return s.lower() if lower else s


# ---------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------

def q2(d):
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def money(d):
    """Label format: -?\\d+\\.\\d{2}."""
    return str(q2(d))


def rate_value(rate):
    if rate == "免税":
        return Decimal(0)
    return Decimal(rate.rstrip("%")) / 100


def fmt_price(p):
    """Printed unit price: 2 decimals when exact, else up to 8 decimals without trailing zeros."""
    if p == q2(p):
        return str(q2(p))
    s = format(p.normalize(), "f")
    return s


def fmt_qty(q):
    s = format(q.normalize(), "f")
    return s


def rand_decimal(rng, low, high, places=2):
    lo, hi = Decimal(low), Decimal(high)
    scale = 10 ** places
    v = rng.randint(int(lo * scale), int(hi * scale))
    return Decimal(v) / scale


def rand_price(rng, low, high):
    """Log-uniform price in cents between low and high (more small amounts, like real invoices).

    The float is only used to draw a whole number of cents; all money arithmetic is Decimal.
    """
    lo_c, hi_c = int(Decimal(low) * 100), int(Decimal(high) * 100)
    cents = int(round(lo_c * (hi_c / lo_c) ** rng.random()))
    return Decimal(min(max(cents, lo_c), hi_c)) / 100


def make_line(rng, item, small_scale, style, issue_date=None):
    """Build one line item (dict of Decimals and strings) from an industry item tuple.

    style "net": unit price is a 2-decimal net price; "gross": the seller priced the
    line tax-inclusive, so the net unit price has up to 8 decimals (as on real
    invoices issued from a tax-inclusive price).
    """
    cat, name, specs, unit, (lo, hi), qkind, rates_general, rates_small = item
    rate = rng.choice(rates_small if small_scale else rates_general)
    if rate == "1%" and issue_date is not None and issue_date < datetime.date(2020, 3, 1):
        rate = "3%"  # the 1% small-scale rate started in March 2020
    r = rate_value(rate)
    if qkind == "one":
        qty = Decimal(1)
    elif qkind == "dec":
        qty = rand_decimal(rng, "8", "65", 2)
    else:
        qty = Decimal(rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20]))
    if style == "gross" and r != 0:
        gross_unit = rand_price(rng, lo, hi) * (1 + r)
        gross_unit = gross_unit.quantize(Decimal("0.1") if qkind != "dec" else CENT, rounding=ROUND_HALF_UP)
        price = (gross_unit / (1 + r)).quantize(Decimal("0.00000001"), rounding=ROUND_HALF_UP)
    elif style == "whole":
        price = max(Decimal(1), rand_price(rng, lo, hi).quantize(Decimal(1), rounding=ROUND_HALF_UP)) + Decimal("0.00")
    else:
        price = rand_price(rng, lo, hi)
    amount = q2(price * qty)
    tax = q2(amount * r)
    spec = rng.choice(specs)
    show_qty = not (qkind == "one" and rng.random() < 0.35)
    return {
        "name": "*%s*%s" % (cat, name),
        "specification": spec,
        "unit": unit if show_qty else "",
        "quantity": qty if show_qty else None,
        "unitPrice": price if show_qty else None,
        "amount": amount,
        "taxRate": rate,
        "tax": tax,
        "exempt": rate == "免税",
    }


def make_lines(rng, industry, small_scale, n, issue_date=None, whole=False, lo_total="10.00", hi_total="150000.00"):
    """1..n line items whose total (amount + tax) lies in [lo_total, hi_total].

    whole=True uses whole-yuan net prices (so the amount excluding tax is whole)."""
    for _attempt in range(200):
        style = "whole" if whole else ("gross" if rng.random() < 0.4 else "net")
        lines = [make_line(rng, rng.choice(industry[1]), small_scale, style, issue_date) for _ in range(n)]
        amount = sum((l["amount"] for l in lines), Decimal(0))
        tax = sum((l["tax"] for l in lines), Decimal(0))
        total = amount + tax
        if Decimal(lo_total) <= total <= Decimal(hi_total):
            return lines, amount, tax, total
    raise RuntimeError("could not build line items in range")


def line_label(line):
    """Label dict for a line item, only with printed keys, in contract order."""
    out = {"name": line["name"]}
    if line["specification"]:
        out["specification"] = line["specification"]
    if line["unit"]:
        out["unit"] = line["unit"]
    if line["quantity"] is not None:
        out["quantity"] = fmt_qty(line["quantity"])
        out["unitPrice"] = fmt_price(line["unitPrice"])
    out["amount"] = money(line["amount"])
    out["taxRate"] = line["taxRate"]
    out["tax"] = money(line["tax"])
    return out
