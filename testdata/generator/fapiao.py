"""Fapiao layouts: tax-control (税控) invoices and 数电 (fully digital) invoices.

``tax_control(rng, variant)`` draws a 增值税电子普通发票 / 增值税普通发票 / 增值税专用发票
in the layout of FAPIAO.md section 5a; ``digital(rng, special)`` draws an
电子发票（普通发票） / 电子发票（增值税专用发票） per section 5b. Both return
``(PIL image, label)`` where label = {"fields", "lineItems", "meta"} with the value
boxes of the clean page in ``meta["boxes"]`` / ``meta["lineItemBoxes"]``.

Coordinates are written in "template units" (the page measured at about 3.4 units
per millimetre, like a 100 dpi rendering) and scaled by ``S`` to 300 dpi pixels.
"""

import datetime

import daxie
import render
import values as V

S = 3.5  # template unit -> pixel at 300 dpi


def P(v):
    return int(round(v * S))


def PT(x, y):
    return (P(x), P(y))


BROWN = (160, 86, 44)
MAROON = (140, 32, 36)
BLACK = (22, 22, 22)
DARK_BLUE = (24, 38, 96)
SEAL_RED = (226, 52, 48)

TC_WIDTH, TC_HEIGHT = 830, 528
TC_TITLE_SIZE = 25      # template units
TC_HEADER_X = 600       # x of 发票代码 etc. (values 60 units further right); a clear gap from the title helps OCR
SD_WIDTH, SD_HEIGHT = 830, 540


def fmt_date_cn(d):
    return "%04d年%02d月%02d日" % (d.year, d.month, d.day)


def qr_amount(amount, rng):
    """QR amount field: usually 2 decimals, sometimes none when whole."""
    if amount == amount.to_integral_value() and rng.random() < 0.6:
        return str(int(amount))
    return V.money(amount)


def _remarks_tc(rng, issue):
    kind = rng.random()
    if kind < 0.45:
        return ""
    if kind < 0.6:
        return "订单号：%s" % V.nonzero_digits(rng, 16)
    if kind < 0.72:
        plates = "苏沪京浙粤川渝云贵陕皖闽津"
        return "车牌号：%s%s%s" % (rng.choice(plates), rng.choice("ABCDEFG"), V.digits(rng, 5))
    if kind < 0.85:
        return "合同编号：HT%d%s" % (issue.year, V.digits(rng, 6))
    out = issue - datetime.timedelta(days=rng.randint(0, 3))
    into = out - datetime.timedelta(days=rng.randint(1, 4))
    return "入住日期：%02d月%02d日-%02d月%02d日" % (into.month, into.day, out.month, out.day)


def _pick_issue_date(rng, start, end):
    return V.random_date(rng, start, end)


def _buyer(rng, region, special):
    r = rng.random()
    if special:
        kinds = ["company"] * 8 + ["public"]
    else:
        kinds = ["company"] * 10 + ["individual"] * 3 + ["public", "sole", "old15", "person20"]
    kind = rng.choice(kinds)
    breg = region if rng.random() < 0.6 else rng.choice(V.REGIONS)
    if kind == "individual":
        return {"name": "个人" if r < 0.6 else V.person_name(rng), "taxId": "", "addressPhone": "", "bankAccount": ""}
    b = V.company(rng, breg, kind)
    if not special:
        # Buyers of e-invoices often leave address/bank empty.
        if rng.random() < 0.5:
            b["addressPhone"] = ""
        if rng.random() < 0.6:
            b["bankAccount"] = ""
    return b


def _fields_common(fields, buyer, seller, amount, tax, total, words):
    fields["buyerName"] = buyer["name"]
    if buyer["taxId"]:
        fields["buyerTaxID"] = buyer["taxId"]
    fields["sellerName"] = seller["name"]
    fields["sellerTaxID"] = seller["taxId"]
    fields["amountExcludingTax"] = V.money(amount)
    fields["taxAmount"] = V.money(tax)
    fields["totalAmount"] = V.money(total)
    fields["totalAmountInWords"] = words
    fields["currency"] = "CNY"


# ---------------------------------------------------------------------------
# Tax-control layout
# ---------------------------------------------------------------------------

def tax_control(rng, variant="e-ordinary"):
    """variant: "e-ordinary" (type 10), "paper-ordinary" (04) or "special" (01)."""
    special = variant == "special"
    region = rng.choice(V.REGIONS)
    issue = _pick_issue_date(rng, datetime.date(2019, 1, 1), datetime.date(2024, 12, 31))
    if special:
        code = V.tax_control_code10(rng, region["code4"], issue)
        type_code = "01"
        title = region["title"] + "增值税专用发票"
    elif variant == "paper-ordinary":
        code = V.tax_control_code12(rng, region["code4"], issue, rng.choice(["04", "05"]))
        type_code = "04"
        title = region["title"] + "增值税普通发票"
    else:
        code = V.tax_control_code12(rng, region["code4"], issue, "11")
        type_code = "10"
        title = region["title"] + "增值税电子普通发票"
    number = V.invoice_number8(rng)
    check = "" if special else V.check_code(rng)
    machine = V.machine_number(rng)

    industry = rng.choice(V.INDUSTRIES)
    seller_kind = "sole" if (not special and rng.random() < 0.12) else "company"
    if seller_kind == "sole":
        industry = rng.choice([i for i in V.INDUSTRIES if i[0] in ("餐饮管理", "商贸", "汽车服务")])
    seller = V.company(rng, region, seller_kind, industry)
    if special:
        seller["smallScale"] = False
    buyer = _buyer(rng, region, special)
    n_lines = rng.choice([1, 1, 1, 2, 2, 3, 4])
    whole = rng.random() < 0.25
    lines, amount, tax, total = V.make_lines(rng, industry, seller["smallScale"], n_lines, issue, whole=whole)
    words = daxie.amount_in_words(total)
    all_exempt = all(l["exempt"] for l in lines)
    remarks = _remarks_tc(rng, issue)
    payee = V.person_name(rng) if rng.random() < 0.8 else ""
    reviewer = V.person_name(rng) if rng.random() < 0.75 else ""
    drawer = V.person_name(rng)

    qr = "01,%s,%s,%s,%s,%s,%s,%s" % (type_code, code, number, qr_amount(amount, rng),
                                       issue.strftime("%Y%m%d"), check, V.qr_tail(rng))
    if rng.random() < 0.4:
        qr += ","

    value_color = BLACK if rng.random() < 0.7 else DARK_BLUE
    c = render.Canvas(P(TC_WIDTH), P(TC_HEIGHT))
    lab = BROWN
    f_label = render.font("serif_cjk", P(11.5))
    f_value = render.font("sans_cjk", P(11.5))
    f_mono = render.font("mono", P(12.5))
    f_mono_small = render.font("mono", P(11.5))

    # QR and machine number
    c.paste_qr(qr, P(25), P(14), box_size=8)
    c.text(PT(20, 111), "机器编号：", render.font("serif_cjk", P(11)), lab)
    c.text((P(20) + render.text_width(render.font("serif_cjk", P(11)), "机器编号："), P(111)), machine,
           render.font("sans_cjk", P(11)), value_color, key="machineNumber")

    # Title with double rule
    f_title = render.fit_font("serif_cjk", P(TC_TITLE_SIZE), title, P(330))
    c.text(PT(415, 50), title, f_title, lab, anchor="ms", key="invoiceTitle")
    tw = render.text_width(f_title, title)
    c.line([(P(415) - tw / 2 - P(10), P(72)), (P(415) + tw / 2 + P(10), P(72))], lab, 4)
    c.line([(P(415) - tw / 2 - P(10), P(76)), (P(415) + tw / 2 + P(10), P(76))], lab, 4)
    if variant != "e-ordinary":
        c.text(PT(528, 100), "发 票 联", render.font("serif_cjk", P(11)), lab, anchor="ms")

    # Header right
    rows = [("发票代码：", code, "invoiceCode"), ("发票号码：", number, "invoiceNumber"),
            ("开票日期：", fmt_date_cn(issue), "issueDate")]
    if check:
        rows.append(("校 验 码：", " ".join(check[i:i + 5] for i in range(0, 20, 5)), "checkCode"))
    f_hdr = render.font("serif_cjk", P(11.5))
    f_hdr_val = render.font("sans_cjk", P(11.5))
    for i, (label, value, key) in enumerate(rows):
        y = P(34 + 23.5 * i)
        c.text((P(TC_HEADER_X), y), label, f_hdr, lab)
        c.text((P(TC_HEADER_X + 60), y), value, f_hdr_val, value_color, key=key)

    # Frame and grid
    x0, x1, y0, y1 = 18, 808, 119, 487
    yb, yi, yt, ys = 205, 378, 408, 487
    c.rect([P(x0), P(y0), P(x1), P(y1)], lab, 4)
    for y in (yb, yi, yt):
        c.line([(P(x0), P(y)), (P(x1), P(y))], lab, 3)
    for x in (45, 472, 500):
        c.line([(P(x), P(y0)), (P(x), P(yb))], lab, 3)
        c.line([(P(x), P(yt)), (P(x), P(ys))], lab, 3)
    cols = [18, 225, 325, 375, 455, 530, 652, 693, 808]
    for x in cols[1:-1]:
        c.line([(P(x), P(yb)), (P(x), P(yi))], lab, 3)
    c.line([(P(225), P(yi)), (P(225), P(yt))], lab, 3)

    f_side = render.font("serif_cjk", P(12))
    c.vertical(P(31.5), P(y0 + 8), P(yb - 8), "购买方", f_side, lab)
    c.vertical(P(486), P(y0 + 10), P(yb - 10), "密码区", f_side, lab)
    c.vertical(P(31.5), P(yt + 6), P(ys - 6), "销售方", f_side, lab)
    c.vertical(P(486), P(yt + 12), P(ys - 12), "备注", f_side, lab)

    def party(top, who, party_dict, prefix):
        labels = [("名称", "name", "Name"), ("纳税人识别号", "taxId", "TaxID"),
                  ("地址、电话", "addressPhone", "AddressPhone"), ("开户行及账号", "bankAccount", "BankAccount")]
        for i, (label, k, suffix) in enumerate(labels):
            y = P(top + 16 + 20 * i)
            c.spaced((P(53), y), label, f_label, lab, P(72))
            c.text((P(126), y), "：", f_label, lab)
            v = party_dict[k]
            if not v:
                continue
            if k == "taxId":
                fnt = render.font("mono", P(14))
            else:
                fnt = render.fit_font("sans_cjk", P(11.5), v, P(472 - 138 - 4))
            c.text((P(138), y), v, fnt, value_color, key=prefix + suffix)

    party(y0, "购买方", buyer, "buyer")
    party(yt - 2, "销售方", seller, "seller")

    # 密码区
    f_cipher = render.font("mono", P(14))
    for i, ln in enumerate(V.cipher_lines(rng)):
        c.text((P(508), P(y0 + 19 + 20.5 * i)), ln, f_cipher, value_color)

    # Item table
    headers = ["货物或应税劳务、服务名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"]
    if rng.random() < 0.15:
        headers[0] = "项目名称"
    hy = P(yb + 14)
    for i, h in enumerate(headers):
        cx = P((cols[i] + cols[i + 1]) / 2)
        if len(h) == 2:
            fnt = f_label
            w = min(render.text_width(fnt, h) * 2.0, P(cols[i + 1] - cols[i] - 10))
            c.spaced((cx - w / 2, hy), h, fnt, lab, w)
        else:
            c.text((cx, hy), h, f_label, lab, anchor="ms")
    f_item = render.font("sans_cjk", P(11))
    f_num = render.font("sans_cjk", P(11))
    for r, l in enumerate(lines):
        y = P(yb + 30 + 16 * r)
        fname = render.fit_font("sans_cjk", P(11), l["name"], P(cols[1] - cols[0] - 8))
        c.text((P(cols[0] + 4), y), l["name"], fname, value_color, item=(r, "name"))
        if l["specification"]:
            fs = render.fit_font("sans_cjk", P(11), l["specification"], P(cols[2] - cols[1] - 6))
            c.text((P((cols[1] + cols[2]) / 2), y), l["specification"], fs, value_color, anchor="ms", item=(r, "specification"))
        if l["unit"]:
            c.text((P((cols[2] + cols[3]) / 2), y), l["unit"], f_item, value_color, anchor="ms", item=(r, "unit"))
        if l["quantity"] is not None:
            q = V.fmt_qty(l["quantity"])
            c.text((P(cols[4] - 4), y), q, f_num, value_color, anchor="rs", item=(r, "quantity"))
            p = V.fmt_price(l["unitPrice"])
            fp = render.fit_font("sans_cjk", P(11), p, P(cols[5] - cols[4] - 6))
            c.text((P(cols[5] - 3), y), p, fp, value_color, anchor="rs", item=(r, "unitPrice"))
        c.text((P(cols[6] - 4), y), V.money(l["amount"]), f_num, value_color, anchor="rs", item=(r, "amount"))
        c.text((P((cols[6] + cols[7]) / 2), y), l["taxRate"], f_item, value_color, anchor="ms", item=(r, "taxRate"))
        tax_text = "***" if l["exempt"] else V.money(l["tax"])
        c.text((P(cols[8] - 4), y), tax_text, f_num, value_color, anchor="rs", item=(r, "tax"))

    # 合计 row
    ty = P(yi - 7)
    w = P(60)
    c.spaced((P(121) - w / 2, ty), "合计", f_label, lab, w)
    yen = "¥"
    amt = V.money(amount)
    c.text((P(cols[6] - 4), ty), amt, f_mono_small, value_color, anchor="rs", key="amountExcludingTax")
    c.text((P(cols[6] - 4) - render.text_width(f_mono_small, amt), ty), yen, f_mono_small, value_color, anchor="rs")
    if all_exempt:
        c.text((P(cols[8] - 4), ty), "***", f_mono_small, value_color, anchor="rs", key="taxAmount")
    else:
        t = V.money(tax)
        c.text((P(cols[8] - 4), ty), t, f_mono_small, value_color, anchor="rs", key="taxAmount")
        c.text((P(cols[8] - 4) - render.text_width(f_mono_small, t), ty), yen, f_mono_small, value_color, anchor="rs")

    # 价税合计 row
    py = P(yi + 20)
    c.text((P(121), py), "价税合计（大写）", f_label, lab, anchor="ms")
    c.circled_x(P(238), P(yi + 15.5), P(7), value_color, 4)
    c.text((P(249), py), words, render.font("sans_cjk", P(12)), value_color, key="totalAmountInWords")
    c.text((P(625), py), "（小写）", f_label, lab)
    f_total = render.font("mono", P(13))
    c.text((P(672), py), yen, f_total, value_color)
    c.text((P(672) + render.text_width(f_total, yen), py), V.money(total), f_total, value_color, key="totalAmount")

    # Remarks
    if remarks:
        fr = render.fit_font("sans_cjk", P(11), remarks, P(808 - 508 - 6))
        c.text((P(508), P(yt + 20)), remarks, fr, value_color, key="remarks")

    # Footer
    fy = P(503)
    foot = [(45, "收款人：", payee, "payee"), (265, "复核：", reviewer, "reviewer"), (435, "开票人：", drawer, "drawer")]
    for x, label, v, key in foot:
        c.text((P(x), fy), label, f_label, lab)
        c.text((P(x) + render.text_width(f_label, label) + P(6), fy), v, f_value, value_color, key=key)
    c.text((P(590), fy), "销售方：（章）", f_label, lab)

    # Seals: supervision seal over the title, seller seal at the bottom right
    size = c.img.size
    sup = render.seal_layer(size, PT(415, 70), P(57), P(41), "全国统一发票监制章", "国家税务总局",
                            region["bureau"], SEAL_RED, top_font=render.font("sans_cjk", P(9.5)),
                            middle_font=render.font("sans_cjk", P(10)), bottom_font=render.font("sans_cjk", P(9.5)),
                            ring=P(2.2), span=100)
    c.stamp(sup)
    sname = seller["name"]
    sell = render.seal_layer(size, PT(742, 486), P(60), P(40), sname, seller["taxId"], "发票专用章", SEAL_RED,
                             top_font=render.font("sans_cjk", P(10 if len(sname) <= 14 else 8.5)),
                             middle_font=render.font("mono", P(8.2)), bottom_font=render.font("sans_cjk", P(10)),
                             ring=P(2.2), span=min(112, 9 * len(sname)))
    c.stamp(sell)

    fields = {"invoiceTitle": title, "invoiceCode": code, "invoiceNumber": number,
              "issueDate": issue.isoformat(), "machineNumber": machine}
    if check:
        fields["checkCode"] = check
    _fields_common(fields, buyer, seller, amount, tax, total, words)
    for k, key in (("addressPhone", "AddressPhone"), ("bankAccount", "BankAccount")):
        if buyer[k]:
            fields["buyer" + key] = buyer[k]
        fields["seller" + key] = seller[k]
    if remarks:
        fields["remarks"] = remarks
    if payee:
        fields["payee"] = payee
    if reviewer:
        fields["reviewer"] = reviewer
    fields["drawer"] = drawer
    meta = {"layout": "tax-control", "qr": qr, "invoiceType": type_code,
            "boxes": c.boxes, "lineItemBoxes": c.item_boxes}
    return c.img, {"fields": fields, "lineItems": [V.line_label(l) for l in lines], "meta": meta}


# ---------------------------------------------------------------------------
# 数电 layout
# ---------------------------------------------------------------------------

def _remarks_sd(rng, seller, payee, reviewer):
    kind = rng.random()
    if kind < 0.4:
        return ""
    if kind < 0.6:
        return "收款人:%s;复核人:%s;" % (payee, reviewer)
    if kind < 0.8:
        return "销方开户银行:%s" % seller["bankAccount"].replace(" ", ";银行账号:") + ";"
    return "订单号：%s" % V.nonzero_digits(rng, 18)


def digital(rng, special=False):
    region = rng.choice([r for r in V.REGIONS if r["code4"] != "4403"])
    issue = _pick_issue_date(rng, datetime.date(2022, 12, 1), datetime.date(2025, 12, 31))
    number = V.digital_number20(rng, region["prov2"], issue)
    title = "电子发票（增值税专用发票）" if special else "电子发票（普通发票）"
    type_code = "31" if special else "32"
    industry = rng.choice(V.INDUSTRIES)
    seller = V.company(rng, region, "company", industry)
    if special:
        seller["smallScale"] = False
    r = rng.random()
    if special or r < 0.65:
        breg = region if rng.random() < 0.6 else rng.choice(V.REGIONS)
        buyer = V.company(rng, breg, rng.choice(["company"] * 6 + ["public"]))
    else:
        buyer = {"name": V.person_name(rng) if r < 0.9 else "个人", "taxId": "", "addressPhone": "", "bankAccount": ""}
    n_lines = rng.choice([1, 1, 1, 2, 2, 3, 4])
    lines, amount, tax, total = V.make_lines(rng, industry, seller["smallScale"], n_lines, issue)
    words = daxie.amount_in_words(total)
    drawer = V.person_name(rng)
    remarks = _remarks_sd(rng, seller, V.person_name(rng), V.person_name(rng))
    qr = "01,%s,,%s,%s,%s,,%s" % (type_code, number, V.money(total), issue.strftime("%Y%m%d"),
                                  V.qr_tail(rng, lower=rng.random() < 0.4))

    c = render.Canvas(P(SD_WIDTH), P(SD_HEIGHT))
    lab = MAROON
    val = BLACK
    f_label = render.font("serif_cjk", P(10.5))
    f_value = render.font("serif_cjk", P(11.5))
    f_small = render.font("serif_cjk", P(10))

    c.paste_qr(qr, P(25), P(22), box_size=8)
    f_title = render.fit_font("serif_cjk", P(24), title, P(320))
    c.text(PT(405, 56), title, f_title, lab, anchor="ms", key="invoiceTitle")
    tw = render.text_width(f_title, title)
    c.line([(P(405) - tw / 2 - P(12), P(71)), (P(405) + tw / 2 + P(12), P(71))], lab, 4)
    c.line([(P(405) - tw / 2 - P(12), P(75)), (P(405) + tw / 2 + P(12), P(75))], lab, 4)

    for i, (label, value, key) in enumerate([("发票号码：", number, "invoiceNumber"),
                                             ("开票日期：", fmt_date_cn(issue), "issueDate")]):
        y = P(53 + 23 * i)
        c.text((P(608), y), label, f_label, lab)
        c.text((P(608) + render.text_width(f_label, label), y), value, f_value, val, key=key)

    x0, x1, y0, y1 = 17, 810, 118, 488
    yb, yi, yt = 203, 378, 410
    c.rect([P(x0), P(y0), P(x1), P(y1)], lab, 3)
    for y in (yb, yi, yt):
        c.line([(P(x0), P(y)), (P(x1), P(y))], lab, 3)
    for x in (40, 413, 437):
        c.line([(P(x), P(y0)), (P(x), P(yb))], lab, 3)
    c.line([(P(223), P(yi)), (P(223), P(yt))], lab, 3)
    c.line([(P(42), P(yt)), (P(42), P(y1))], lab, 3)
    f_side = render.font("serif_cjk", P(10.5))
    c.vertical(P(28.5), P(y0 + 6), P(yb - 6), "购买方信息", f_side, lab)
    c.vertical(P(425), P(y0 + 6), P(yb - 6), "销售方信息", f_side, lab)
    c.vertical(P(29.5), P(yt + 14), P(y1 - 14), "备注", f_side, lab)

    id_label = "统一社会信用代码/纳税人识别号："
    for left, who, prefix in ((45, buyer, "buyer"), (442, seller, "seller")):
        c.text((P(left), P(142)), "名称：", f_label, lab)
        fname = render.fit_font("serif_cjk", P(11.5), who["name"], P(360 - 30))
        c.text((P(left) + render.text_width(f_label, "名称："), P(142)), who["name"], fname, val, key=prefix + "Name")
        fl = render.font("serif_cjk", P(9.5))
        c.text((P(left), P(184)), id_label, fl, lab)
        if who["taxId"]:
            c.text((P(left) + render.text_width(fl, id_label) + P(2), P(184)), who["taxId"],
                   render.font("mono", P(13)), val, key=prefix + "TaxID")

    headers = [("项目名称", 87), ("规格型号", 190), ("单 位", 282), ("数 量", 390), ("单 价", 478),
               ("金 额", 582), ("税率/征收率", 660), ("税 额", 780)]
    for h, cx in headers:
        c.text((P(cx), P(yb + 14)), h, f_label, lab, anchor="ms")
    f_item = render.font("serif_cjk", P(10.5))
    f_num = render.font("serif_cjk", P(10.5))
    for rr, l in enumerate(lines):
        y = P(yb + 29 + 16 * rr)
        fname = render.fit_font("serif_cjk", P(10.5), l["name"], P(150))
        c.text((P(19), y), l["name"], fname, val, item=(rr, "name"))
        if l["specification"]:
            c.text((P(190), y), l["specification"], render.fit_font("serif_cjk", P(10.5), l["specification"], P(70)),
                   val, anchor="ms", item=(rr, "specification"))
        if l["unit"]:
            c.text((P(282), y), l["unit"], f_item, val, anchor="ms", item=(rr, "unit"))
        if l["quantity"] is not None:
            c.text((P(418), y), V.fmt_qty(l["quantity"]), f_num, val, anchor="rs", item=(rr, "quantity"))
            p = V.fmt_price(l["unitPrice"])
            c.text((P(528), y), p, render.fit_font("serif_cjk", P(10.5), p, P(100)), val, anchor="rs", item=(rr, "unitPrice"))
        c.text((P(615), y), V.money(l["amount"]), f_num, val, anchor="rs", item=(rr, "amount"))
        c.text((P(660), y), l["taxRate"], f_item, val, anchor="ms", item=(rr, "taxRate"))
        c.text((P(806), y), "***" if l["exempt"] else V.money(l["tax"]), f_num, val, anchor="rs", item=(rr, "tax"))

    ty = P(yi - 6)
    c.text((P(118), ty), "合      计", f_label, lab, anchor="ms")
    f_sum = render.font("serif_cjk", P(10.5))
    amt = V.money(amount)
    c.text((P(615), ty), amt, f_sum, val, anchor="rs", key="amountExcludingTax")
    c.text((P(615) - render.text_width(f_sum, amt), ty), "¥", f_sum, val, anchor="rs")
    if all(l["exempt"] for l in lines):
        c.text((P(806), ty), "***", f_sum, val, anchor="rs", key="taxAmount")
    else:
        t = V.money(tax)
        c.text((P(806), ty), t, f_sum, val, anchor="rs", key="taxAmount")
        c.text((P(806) - render.text_width(f_sum, t), ty), "¥", f_sum, val, anchor="rs")

    py = P(yi + 21)
    c.text((P(120), py), "价税合计（大写）", f_label, lab, anchor="ms")
    c.circled_x(P(236), P(yi + 16), P(7), val, 4)
    c.text((P(248), py), words, render.font("serif_cjk", P(12)), val, key="totalAmountInWords")
    c.text((P(570), py), "（小写）", f_label, lab)
    f_total = render.font("mono", P(12.5))
    xx = P(570) + render.text_width(f_label, "（小写）")
    c.text((xx, py), "¥", f_total, val)
    c.text((xx + render.text_width(f_total, "¥"), py), V.money(total), f_total, val, key="totalAmount")

    if remarks:
        fr = render.fit_font("serif_cjk", P(10.5), remarks, P(810 - 50 - 8))
        c.text((P(50), P(yt + 18)), remarks, fr, val, key="remarks")

    c.text((P(78), P(520)), "开票人：", f_label, lab)
    c.text((P(78) + render.text_width(f_label, "开票人："), P(520)), drawer, f_value, val, key="drawer")

    sup = render.seal_layer(c.img.size, PT(413, 70), P(57), P(39), "全国统一发票监制", "国家税务总局",
                            region["bureau"], SEAL_RED, top_font=render.font("sans_cjk", P(8.5)),
                            middle_font=render.font("sans_cjk", P(9.5)), bottom_font=render.font("sans_cjk", P(8.5)),
                            ring=P(2.4), span=95)
    c.stamp(sup)

    fields = {"invoiceTitle": title, "invoiceNumber": number, "issueDate": issue.isoformat()}
    _fields_common(fields, buyer, seller, amount, tax, total, words)
    if remarks:
        fields["remarks"] = remarks
    fields["drawer"] = drawer
    meta = {"layout": "digital", "qr": qr, "invoiceType": type_code,
            "boxes": c.boxes, "lineItemBoxes": c.item_boxes}
    return c.img, {"fields": fields, "lineItems": [V.line_label(l) for l in lines], "meta": meta}
