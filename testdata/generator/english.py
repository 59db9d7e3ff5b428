"""English invoices (A4 portrait, four simple layouts) and thermal receipts (80 mm).

``invoice(rng, index)`` and ``receipt(rng, index)`` return ``(PIL image, label)``.
The document index picks country, layout and date style from fixed schedules so the
set always covers USD/GBP/EUR/MYR/SGD, every date style and every layout; all other
details come from the document's own ``rng``. Amounts use Decimal only.
"""

import datetime
from decimal import Decimal, ROUND_HALF_UP

import render
import values as V

A4_W, A4_H = 2480, 3508          # 210 x 297 mm at 300 dpi
RECEIPT_W = 945                  # 80 mm at 300 dpi
INK = (25, 25, 25)
GREY = (95, 95, 95)
FILL = (228, 228, 228)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

FIRST_WORDS = ["Northwind", "Bluefield", "Harbour", "Crescent", "Summit", "Oakridge", "Meridian", "Pinecrest",
               "Silverline", "Kestrel", "Lumen", "Granite", "Riverstone", "Beacon", "Evergreen", "Copperleaf",
               "Brightwater", "Ashford", "Redwood", "Halcyon"]

DOMAINS = [
    ("Office Supplies", [("A4 copier paper, 5 reams", "18", "32"), ("Toner cartridge, black", "45", "120"),
                         ("Ergonomic office chair", "140", "420"), ("Desk organiser set", "12", "35"),
                         ("Whiteboard markers (12)", "8", "19")]),
    ("Consulting", [("Strategy workshop (half day)", "900", "2400"), ("Consulting hours", "85", "220"),
                    ("Market analysis report", "1200", "4800"), ("Travel expenses", "60", "650")]),
    ("Print Works", [("Business cards, 500 pcs", "35", "90"), ("Roll-up banner 85x200 cm", "70", "160"),
                     ("Flyers A5, 1000 pcs", "60", "180"), ("Brochure design", "250", "900")]),
    ("IT Services", [("Managed IT support (monthly)", "300", "1500"), ("Laptop setup and imaging", "60", "150"),
                     ("Network switch 24-port", "180", "520"), ("Cloud backup licence (annual)", "90", "480"),
                     ("On-site support hours", "70", "160")]),
    ("Catering", [("Buffet lunch per person", "12", "38"), ("Coffee and pastries", "4", "9"),
                  ("Event staff per hour", "18", "35"), ("Equipment hire", "80", "300")]),
    ("Design Studio", [("Logo design", "400", "2500"), ("Website mock-ups", "600", "3200"),
                       ("Photography (per hour)", "90", "250"), ("Stock image licences", "10", "60")]),
    ("Logistics", [("Pallet delivery, standard", "45", "140"), ("Same-day courier", "25", "95"),
                   ("Warehouse storage (per week)", "60", "300"), ("Packing materials", "15", "70")]),
]

COUNTRIES = {
    "UK": {"currency": "GBP", "symbols": ["£"], "suffix": ["Ltd", "Ltd.", "Limited"], "tax": "VAT",
           "places": [("Unit 4, Albion Works", "Pollard Street", "Manchester", "M4 7AJ"),
                      ("27 Clerkenwell Road", "", "London", "EC1M 5RN"),
                      ("Floor 2, 18 Park Row", "", "Leeds", "LS1 5JA"),
                      ("9 Queen Square", "", "Bristol", "BS1 4JQ"),
                      ("44 George Street", "", "Edinburgh", "EH2 2LE")]},
    "US": {"currency": "USD", "symbols": ["$", "USD "], "suffix": ["LLC", "Inc.", "Co."], "tax": "Sales Tax",
           "places": [("1208 Congress Ave", "Suite 300", "Austin, TX", "78701", "8.25"),
                      ("455 SW Alder St", "", "Portland, OR", "97204", "0"),
                      ("88 E Broad St", "Floor 5", "Columbus, OH", "43215", "7.5"),
                      ("310 Lexington Ave", "", "New York, NY", "10016", "8.875"),
                      ("1500 4th Ave", "Suite 210", "Seattle, WA", "98101", "10.25")]},
    "MY": {"currency": "MYR", "symbols": ["RM", "RM ", "MYR "], "suffix": ["Sdn. Bhd.", "Sdn Bhd"], "tax": "SST",
           "places": [("Lot 12, Jalan SS 2/24", "", "47300 Petaling Jaya", "Selangor"),
                      ("No. 8, Jalan Ampang", "Level 15, Menara Ampang", "50450 Kuala Lumpur", ""),
                      ("23A, Lebuh Pantai", "", "10300 George Town", "Pulau Pinang"),
                      ("No. 5, Jalan Tebrau", "", "80300 Johor Bahru", "Johor")]},
    "SG": {"currency": "SGD", "symbols": ["S$", "SGD "], "suffix": ["Pte. Ltd.", "Pte Ltd"], "tax": "GST",
           "places": [("80 Robinson Road", "#10-01", "Singapore 068898", ""),
                      ("3 Ubi Avenue 1", "#05-12", "Singapore 408857", ""),
                      ("1 Harbourfront Avenue", "#14-07 Keppel Bay Tower", "Singapore 098632", ""),
                      ("51 Bras Basah Road", "#03-02", "Singapore 189554", "")]},
    "IE": {"currency": "EUR", "symbols": ["€", "EUR "], "suffix": ["Ltd", "Limited"], "tax": "VAT",
           "places": [("14 Fitzwilliam Square", "", "Dublin 2", "D02 X285"),
                      ("Unit 7, Sandyford Business Park", "", "Dublin 18", "D18 K6P2")]},
}


PHONE_AREAS = [("Manchester", "UK", "161"), ("London", "UK", "20"), ("Leeds", "UK", "113"),
               ("Bristol", "UK", "117"), ("Edinburgh", "UK", "131"), ("Austin", "US", "512"),
               ("Portland", "US", "503"), ("Columbus", "US", "614"), ("New York", "US", "212"),
               ("Seattle", "US", "206"), ("Petaling Jaya", "MY", "3"), ("Kuala Lumpur", "MY", "3"),
               ("George Town", "MY", "4"), ("Johor Bahru", "MY", "7"), ("Dublin", "IE", "1")]


def place_phone(rng, country, place):
    """A phone number whose area code matches the city of ``place``."""
    city = " ".join(place)
    area = next((a for name, c, a in PHONE_AREAS if c == country and name in city), "")
    if country == "UK":
        if len(area) == 2:
            return "+44 %s %04d %04d" % (area, rng.randint(3000, 8999), rng.randint(0, 9999))
        return "+44 %s %03d %04d" % (area, rng.randint(200, 899), rng.randint(0, 9999))
    if country == "US":
        return "(%s) 555-%04d" % (area, rng.randint(100, 199))
    if country == "MY":
        return "+60 %s-%04d %04d" % (area, rng.randint(2000, 9999), rng.randint(0, 9999))
    if country == "SG":
        return "+65 %d %04d" % (rng.choice([6221, 6743, 6100, 6336, 6535]), rng.randint(0, 9999))
    return "+353 %s %03d %04d" % (area, rng.randint(200, 999), rng.randint(0, 9999))


def country_tax_rate(country, issue, place):
    """(label, rate %) of the sales tax for a country at a date."""
    if country == "UK":
        return "VAT", Decimal("20")
    if country == "IE":
        return "VAT", Decimal("23")
    if country == "US":
        return "Sales Tax", Decimal(place[4])
    if country == "SG":
        if issue.year <= 2022:
            return "GST", Decimal("7")
        return "GST", Decimal("8") if issue.year == 2023 else Decimal("9")
    if country == "MY":
        return "SST", Decimal("6") if issue < datetime.date(2024, 3, 1) else Decimal("8")
    raise KeyError(country)


def fmt_date(d, style):
    if style == "iso":
        return d.isoformat()
    if style == "dmy":
        return "%02d/%02d/%04d" % (d.day, d.month, d.year)
    if style == "mdy":
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    if style == "long-us":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "short-uk":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "long-uk":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    raise KeyError(style)


def _group(d):
    """Decimal -> '1,234.50' (thousands separators, 2 decimals)."""
    d = V.q2(d)
    neg = d < 0
    s = str(abs(d))
    whole, frac = s.split(".")
    parts = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    return ("-" if neg else "") + ",".join(parts) + "." + frac


def company_name(rng, country, domain):
    return "%s %s %s" % (rng.choice(FIRST_WORDS), domain, rng.choice(COUNTRIES[country]["suffix"]))


def address_lines(place, country):
    if country == "US":
        street, extra, city, zipc = place[:4]
        lines = [street] + ([extra] if extra else []) + ["%s %s" % (city, zipc)]
    elif country in ("UK", "IE"):
        street, extra, city, post = place
        lines = [street] + ([extra] if extra else []) + ["%s %s" % (city, post)]
    elif country == "MY":
        street, extra, city, state = place
        lines = ([extra] if extra else []) + [street, city + ((", " + state) if state else "")]
    else:
        street, extra, city, _ = place
        lines = [street + ((" " + extra) if extra else ""), city]
    return lines


def _items(rng, domain_items, n):
    out = []
    pool = list(domain_items)
    rng.shuffle(pool)
    for desc, lo, hi in pool[:n]:
        qty = Decimal(rng.choice([1, 1, 2, 3, 4, 5, 8, 10, 12]))
        price = V.rand_decimal(rng, lo, hi, 2)
        if rng.random() < 0.3:
            price = price.quantize(Decimal("1"))
            price = Decimal(str(price)) + Decimal("0.00")
        out.append({"name": desc, "quantity": qty, "unitPrice": V.q2(price), "amount": V.q2(price * qty)})
    return out


def _money_text(symbol, d):
    return symbol + _group(V.q2(d))


def _label_items(items, receipt=False):
    """Label rows; on receipts a single-quantity line prints only name and amount."""
    out = []
    for it in items:
        row = {"name": it["name"]}
        if not (receipt and it["quantity"] == 1):
            row["quantity"] = V.fmt_qty(it["quantity"])
            row["unitPrice"] = V.money(it["unitPrice"])
        row["amount"] = V.money(it["amount"])
        out.append(row)
    return out


# ---------------------------------------------------------------------------
# Invoices
# ---------------------------------------------------------------------------

# (country, layout, date style, show tax, total label)
INVOICE_PLAN = [
    ("UK", "classic", "dmy", True, "Total"),
    ("US", "centered", "long-us", True, "Amount Due"),
    ("MY", "tax-invoice", "dmy", True, "Grand Total"),
    ("SG", "minimal", "short-uk", True, "Total Due"),
    ("IE", "classic", "iso", True, "Total"),
    ("US", "minimal", "iso", False, "Total"),
    ("SG", "tax-invoice", "dmy", True, "Grand Total"),
    ("UK", "centered", "long-uk", True, "Amount Due"),
]


def invoice(rng, index):
    country, layout, date_style, show_tax, total_label = INVOICE_PLAN[index % len(INVOICE_PLAN)]
    cinfo = COUNTRIES[country]
    domain, domain_items = rng.choice(DOMAINS)
    seller = company_name(rng, country, domain)
    place = rng.choice(cinfo["places"])
    seller_lines = address_lines(place, country)
    buyer_country = country
    buyer = company_name(rng, buyer_country, rng.choice([d for d, _ in DOMAINS if d != domain]))
    bplace = rng.choice([p for p in COUNTRIES[buyer_country]["places"] if p != place])
    buyer_lines = address_lines(bplace, buyer_country)
    issue = V.random_date(rng, datetime.date(2019, 1, 1), datetime.date(2025, 12, 31))
    due = issue + datetime.timedelta(days=rng.choice([14, 30, 30, 45]))
    items = _items(rng, domain_items, rng.randint(2, min(5, len(domain_items))))
    subtotal = sum((i["amount"] for i in items), Decimal(0))
    tax_name, rate = country_tax_rate(country, issue, place)
    if rate == 0:
        show_tax = False
    tax = V.q2(subtotal * rate / 100) if show_tax else Decimal("0.00")
    total = subtotal + tax
    symbol = rng.choice(cinfo["symbols"])
    inv_no = rng.choice(["INV-%d-%04d" % (issue.year, rng.randint(1, 9999)), "%05d" % rng.randint(1000, 99999),
                         "SI-%06d" % rng.randint(1, 999999), "%d/%04d" % (issue.year, rng.randint(1, 2000))])
    phone = place_phone(rng, country, place)
    tax_id_line = ""
    if country == "UK":
        first7 = V.nonzero_digits(rng, 7)
        tax_id_line = "VAT Reg. No. GB %s %s %s" % (first7[:3], first7[3:7], V.uk_vat_check(first7))
    elif country == "IE":
        tax_id_line = "VAT No. IE%s%s" % (V.digits(rng, 7), rng.choice("ABCDEFGHW"))
    elif country == "SG":
        tax_id_line = "GST Reg. No. %d%05d%s" % (rng.randint(2005, 2019), rng.randint(1, 99999), rng.choice("CDEGHKMNRWZ"))
    elif country == "MY":
        tax_id_line = "SST Reg. No. W10-%04d-%08d" % (rng.randint(1808, 1912), rng.randint(1, 99999999))
    rate_txt = format(rate.normalize(), "f")
    tax_label_text = "%s (%s%%)" % (tax_name, rate_txt) if rng.random() < 0.6 else "%s %s%%" % (tax_name, rate_txt)

    c = render.Canvas(A4_W, A4_H)
    ctx = {"c": c, "rng": rng, "seller": seller, "seller_lines": seller_lines, "phone": phone,
           "tax_id_line": tax_id_line, "buyer": buyer, "buyer_lines": buyer_lines, "inv_no": inv_no,
           "date": fmt_date(issue, date_style), "due": fmt_date(due, date_style), "items": items,
           "symbol": symbol, "subtotal": subtotal, "tax": tax, "total": total, "show_tax": show_tax,
           "tax_label": tax_label_text, "total_label": total_label, "currency": cinfo["currency"],
           "country": country}
    {"classic": _layout_classic, "centered": _layout_centered, "tax-invoice": _layout_tax_invoice,
     "minimal": _layout_minimal}[layout](ctx)

    fields = {"sellerName": seller, "sellerAddress": " ".join(seller_lines), "invoiceNumber": inv_no,
              "issueDate": issue.isoformat(), "amountExcludingTax": V.money(subtotal),
              "totalAmount": V.money(total), "currency": cinfo["currency"]}
    if show_tax:
        fields["taxAmount"] = V.money(tax)
    meta = {"layout": "english-invoice", "template": layout, "country": country, "dateFormat": date_style,
            "boxes": c.boxes, "lineItemBoxes": c.item_boxes}
    return c.img, {"fields": fields, "lineItems": _label_items(items), "meta": meta}


def _draw_lines(c, x, y, lines, fnt, fill, step, key=None, anchor="ls"):
    for ln in lines:
        c.text((x, y), ln, fnt, fill, anchor=anchor, key=key)
        y += step
    return y


def _items_table(ctx, y, x0, x1, fnt, fnt_bold, grid, header_fill, numbered=False, headers=None):
    c = ctx["c"]
    cols = headers or ["Description", "Qty", "Unit Price", "Amount"]
    if numbered:
        cols = ["No."] + cols
    # column right edges for numeric columns
    width = x1 - x0
    xs = {"num": x0 + 20, "desc": x0 + (130 if numbered else 20), "qty": x0 + int(width * 0.62),
          "price": x0 + int(width * 0.80), "amount": x1 - 20}
    row_h = 78
    if header_fill:
        c.draw.rectangle([x0, y, x1, y + row_h], fill=FILL)
    if grid:
        c.draw.rectangle([x0, y, x1, y + row_h], outline=INK, width=3)
    by = y + 52
    if numbered:
        c.text((xs["num"], by), cols[0], fnt_bold, INK)
        cols = cols[1:]
    c.text((xs["desc"], by), cols[0], fnt_bold, INK)
    c.text((xs["qty"], by), cols[1], fnt_bold, INK, anchor="rs")
    c.text((xs["price"], by), cols[2], fnt_bold, INK, anchor="rs")
    c.text((xs["amount"], by), cols[3], fnt_bold, INK, anchor="rs")
    y += row_h
    for r, it in enumerate(ctx["items"]):
        by = y + 54
        if numbered:
            c.text((xs["num"], by), str(r + 1), fnt, INK)
        c.text((xs["desc"], by), it["name"], fnt, INK, item=(r, "name"))
        c.text((xs["qty"], by), V.fmt_qty(it["quantity"]), fnt, INK, anchor="rs", item=(r, "quantity"))
        c.text((xs["price"], by), _group(it["unitPrice"]), fnt, INK, anchor="rs", item=(r, "unitPrice"))
        c.text((xs["amount"], by), _group(it["amount"]), fnt, INK, anchor="rs", item=(r, "amount"))
        y += row_h
        if grid:
            c.draw.rectangle([x0, y - row_h, x1, y], outline=INK, width=2)
        else:
            c.line([(x0, y), (x1, y)], (170, 170, 170), 2)
    return y


def _totals(ctx, y, x_label, x_value, fnt, fnt_bold, step=68, rule=True):
    """Subtotal / tax / total block; symbols printed before values, boxes on the numbers."""
    c = ctx["c"]
    sym = ctx["symbol"]
    rows = [("Subtotal", ctx["subtotal"], "amountExcludingTax", fnt)]
    if ctx["show_tax"]:
        rows.append((ctx["tax_label"], ctx["tax"], "taxAmount", fnt))
    rows.append((ctx["total_label"], ctx["total"], "totalAmount", fnt_bold))
    for i, (label, value, key, f) in enumerate(rows):
        if i == len(rows) - 1 and rule:
            c.line([(x_label - 10, y - step + 22), (x_value, y - step + 22)], INK, 3)
            y += 12
        c.text((x_label, y), label, f, INK)
        num = _group(value)
        c.text((x_value, y), num, f, INK, anchor="rs", key=key)
        c.text((x_value - f.getlength(num), y), sym, f, INK, anchor="rs")
        y += step
    return y


def _layout_classic(ctx):
    c = ctx["c"]
    f_name = render.font("sans_bold", 64)
    f = render.font("sans", 38)
    fb = render.font("sans_bold", 38)
    left, right = 190, A4_W - 190
    c.text((left, 300), ctx["seller"], f_name, INK, key="sellerName")
    y = _draw_lines(c, left, 380, ctx["seller_lines"], f, INK, 52, key="sellerAddress")
    y = _draw_lines(c, left, y, ["Tel: " + ctx["phone"]] + ([ctx["tax_id_line"]] if ctx["tax_id_line"] else []), f, GREY, 52)
    c.text((right, 330), "INVOICE", render.font("sans_bold", 110), (60, 60, 60), anchor="rs")
    pairs = [("Invoice No.:", ctx["inv_no"], "invoiceNumber"), ("Invoice Date:", ctx["date"], "issueDate"),
             ("Due Date:", ctx["due"], None)]
    yy = 440
    for label, value, key in pairs:
        c.text((right - 520, yy), label, fb, INK)
        c.text((right, yy), value, f, INK, anchor="rs", key=key)
        yy += 56
    y = max(y, yy) + 120
    c.text((left, y), "BILL TO", fb, INK)
    y = _draw_lines(c, left, y + 60, [ctx["buyer"]] + ctx["buyer_lines"], f, INK, 52)
    y = _items_table(ctx, y + 100, left, right, f, fb, grid=False, header_fill=True)
    y = _totals(ctx, y + 110, right - 760, right - 20, f, fb)
    c.text((left, y + 200), "Payment terms: %s days. Please quote the invoice number with your payment." %
           ctx["rng"].choice(["14", "30"]), render.font("sans", 34), GREY)
    c.text((left, y + 260), "Thank you for your business.", render.font("sans", 34), GREY)


def _layout_centered(ctx):
    c = ctx["c"]
    mid = A4_W // 2
    f = render.font("serif", 40)
    fb = render.font("serif_bold", 40)
    c.text((mid, 300), ctx["seller"], render.font("serif_bold", 72), INK, anchor="ms", key="sellerName")
    # One centred line, printed exactly as the label joins the lines (with one space).
    addr = " ".join(ctx["seller_lines"])
    c.text((mid, 380), addr, render.fit_font("serif", 40, addr, 2000), INK, anchor="ms", key="sellerAddress")
    c.text((mid, 440), "Phone " + ctx["phone"] + ("   |   " + ctx["tax_id_line"] if ctx["tax_id_line"] else ""),
           render.font("serif", 34), GREY, anchor="ms")
    c.line([(190, 500), (A4_W - 190, 500)], INK, 4)
    c.text((mid, 660), "INVOICE", render.font("serif_bold", 96), INK, anchor="ms")
    y = 820
    c.text((190, y), "Billed to:", fb, INK)
    _draw_lines(c, 190, y + 58, [ctx["buyer"]] + ctx["buyer_lines"], f, INK, 54)
    rx = A4_W - 190
    hdr = "Invoice #" if ctx["rng"].random() < 0.5 else "Invoice No."
    for i, (label, value, key) in enumerate([(hdr, ctx["inv_no"], "invoiceNumber"), ("Date", ctx["date"], "issueDate"),
                                             ("Due", ctx["due"], None)]):
        c.text((rx - 700, y + i * 58), label, fb, INK)
        c.text((rx, y + i * 58), value, f, INK, anchor="rs", key=key)
    y = _items_table(ctx, y + 330, 190, A4_W - 190, f, fb, grid=True, header_fill=False)
    y = _totals(ctx, y + 110, A4_W - 950, A4_W - 210, f, fb, rule=False)
    c.text((mid, A4_H - 260), "Thank you!", render.font("serif", 40), GREY, anchor="ms")


def _layout_tax_invoice(ctx):
    c = ctx["c"]
    f = render.font("sans", 36)
    fb = render.font("sans_bold", 36)
    left, right = 180, A4_W - 180
    c.text((left, 330), "TAX INVOICE", render.font("sans_bold", 84), INK)
    c.text((right, 260), ctx["seller"], render.font("sans_bold", 54), INK, anchor="rs", key="sellerName")
    y = _draw_lines(c, right, 330, ctx["seller_lines"], f, INK, 50, key="sellerAddress", anchor="rs")
    y = _draw_lines(c, right, y, ["Tel " + ctx["phone"], ctx["tax_id_line"]], f, GREY, 50, anchor="rs")
    c.line([(left, y + 20), (right, y + 20)], INK, 3)
    y += 120
    c.draw.rectangle([left, y - 50, left + 1000, y + 170], outline=INK, width=2)
    c.text((left + 20, y), "Customer", fb, INK)
    _draw_lines(c, left + 20, y + 50, [ctx["buyer"]] + ctx["buyer_lines"][:2], f, INK, 46)
    c.draw.rectangle([right - 900, y - 50, right, y + 170], outline=INK, width=2)
    for i, (label, value, key) in enumerate([("Invoice No", ctx["inv_no"], "invoiceNumber"),
                                             ("Date", ctx["date"], "issueDate"), ("Terms", "30 days", None)]):
        c.text((right - 880, y + i * 62), label, fb, INK)
        c.text((right - 560, y + i * 62), ":", f, INK)
        c.text((right - 520, y + i * 62), value, f, INK, key=key)
    y = _items_table(ctx, y + 260, left, right, f, fb, grid=True, header_fill=True, numbered=True,
                     headers=["Description", "Qty", "Unit Price", "Amount (%s)" % ctx["currency"]])
    ctx = dict(ctx)
    ctx["symbol"] = ""
    y = _totals(ctx, y + 100, right - 900, right - 20, f, fb)
    c.text((left, y + 140), "This is a computer-generated invoice. No signature is required.", render.font("sans", 32), GREY)


def _layout_minimal(ctx):
    c = ctx["c"]
    f = render.font("sans", 40)
    fb = render.font("sans_bold", 40)
    left, right = 220, A4_W - 220
    prefix = "Invoice #"
    c.text((left, 330), prefix, render.font("sans_bold", 90), INK)
    c.text((left + render.font("sans_bold", 90).getlength(prefix + " "), 330), ctx["inv_no"],
           render.font("sans_bold", 90), INK, key="invoiceNumber")
    c.text((left, 430), "Issued", fb, GREY)
    c.text((left + 220, 430), ctx["date"], f, INK, key="issueDate")
    c.text((left, 490), "Due", fb, GREY)
    c.text((left + 220, 490), ctx["due"], f, INK)
    y = 660
    c.text((left, y), "From", fb, GREY)
    c.text((left, y + 60), ctx["seller"], fb, INK, key="sellerName")
    _draw_lines(c, left, y + 115, ctx["seller_lines"], f, INK, 55, key="sellerAddress")
    mid = A4_W // 2 + 100
    c.text((mid, y), "To", fb, GREY)
    c.text((mid, y + 60), ctx["buyer"], fb, INK)
    _draw_lines(c, mid, y + 115, ctx["buyer_lines"], f, INK, 55)
    y = _items_table(ctx, y + 420, left, right, f, fb, grid=False, header_fill=False,
                     headers=["Item", "Qty", "Rate", "Amount"])
    y = _totals(ctx, y + 110, right - 800, right - 20, f, fb)
    c.text((left, A4_H - 300), ctx["phone"] + ("  ·  " + ctx["tax_id_line"] if ctx["tax_id_line"] else ""),
           render.font("sans", 34), GREY)


# ---------------------------------------------------------------------------
# Receipts
# ---------------------------------------------------------------------------

STORES = {
    "MY": [("RESTORAN", ["Mee Goreng Mamak", "Teh Tarik", "Roti Canai", "Nasi Lemak Ayam", "Milo Ais",
                              "Kopi O", "Air Mineral 500ml"]),
           ("MINI MART", ["Gardenia Bread", "Dutch Lady Milk 1L", "Maggi Kari 5s", "Eggs Grade A 10s",
                          "Milo 1kg", "Mineral Water 1.5L"])],
    "SG": [("CAFE", ["Kaya Toast Set", "Kopi C", "Teh Peng", "Soft-boiled Eggs", "Laksa", "Chicken Rice"]),
           ("CONVENIENCE", ["Pokka Green Tea", "Bread Roll", "Instant Noodles", "Tissue Pack", "Umbrella"])],
    "US": [("MARKET", ["Organic Bananas", "Whole Milk 1 gal", "Sourdough Loaf", "Eggs Large 12ct",
                       "Coffee Beans 12oz", "Paper Towels 6pk"]),
           ("HARDWARE", ["Wood Screws 100ct", "Duct Tape", "LED Bulb 4pk", "Work Gloves", "Sandpaper Assort"])],
    "UK": [("CAFE", ["Flat White", "Latte", "Croissant", "Bacon Roll", "Sparkling Water", "Carrot Cake"])],
}

STORE_PRICES = {"RESTORAN": ("1.50", "12.00"), "MINI MART": ("2.20", "15.90"), "CAFE": ("1.80", "6.90"),
                "CONVENIENCE": ("1.20", "9.90"), "MARKET": ("0.99", "14.99"), "HARDWARE": ("2.49", "24.99")}

STORE_WORDS = ["SRI", "GOLDEN", "HAPPY", "SUNRISE", "LUCKY", "PARK", "CORNER", "GREEN", "STAR", "OCEAN"]

# (country, date style, tax mode)
RECEIPT_PLAN = [
    ("MY", "dmy", "add"), ("SG", "dmy", "add"), ("US", "mdy", "add"), ("UK", "dmy", "included"),
    ("MY", "short-uk", "add"), ("US", "mdy", "add"), ("SG", "iso", "add"), ("MY", "dmy", "add"),
]

RECEIPT_COLS = 38


def receipt(rng, index):
    country, date_style, tax_mode = RECEIPT_PLAN[index % len(RECEIPT_PLAN)]
    cinfo = COUNTRIES[country]
    kind, goods = rng.choice(STORES[country])
    store = "%s %s %s" % (rng.choice(STORE_WORDS), rng.choice(["JAYA", "KITCHEN", "EXPRESS", "& SONS", "24"]), kind)
    if country in ("US", "UK"):
        store = "%s %s" % (rng.choice(STORE_WORDS), kind)
    if country == "MY":
        store += " SDN BHD" if rng.random() < 0.5 else ""
    place = rng.choice(cinfo["places"])
    addr = [ln.upper() for ln in address_lines(place, country)]
    issue = V.random_date(rng, datetime.date(2019, 1, 1), datetime.date(2025, 12, 31))
    if date_style == "mdy" and issue.day <= 12:
        issue = issue.replace(day=issue.day + 13)  # keep MM/DD unambiguous
    hh, mm, ss = rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59)
    n = rng.randint(2, 6)
    items = []
    pool = list(goods)
    rng.shuffle(pool)
    for name in pool[:n]:
        qty = Decimal(rng.choice([1, 1, 1, 2, 3]))
        price = V.rand_decimal(rng, *STORE_PRICES[kind], places=2)
        if country == "MY":
            price = (price * 20).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 20
            price = V.q2(price) if price > 0 else Decimal("0.50")
        items.append({"name": name.upper(), "quantity": qty, "unitPrice": V.q2(price), "amount": V.q2(price * qty)})
    subtotal = sum((i["amount"] for i in items), Decimal(0))
    tax_name, rate = country_tax_rate(country, issue, place)
    rounding = Decimal("0.00")
    if tax_mode == "included":
        total = subtotal
        tax = V.q2(total * rate / (100 + rate))
    else:
        tax = V.q2(subtotal * rate / 100)
        total = subtotal + tax
        if country == "MY":
            rounded = (total * 20).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 20
            rounded = V.q2(rounded)
            rounding = rounded - total
            total = rounded
    notes = [Decimal(x) for x in ("5", "10", "20", "50", "100")]
    cash = next((x for x in notes if x > total), None)
    if cash is None:
        cash = (total / 100).to_integral_value(rounding="ROUND_CEILING") * 100
        if cash == total:
            cash += 100
    cash = V.q2(cash)
    change = cash - total
    receipt_no = rng.choice(["%04d-%06d" % (rng.randint(1, 40), rng.randint(1, 999999)), "R%08d" % rng.randint(1, 99999999),
                             "%d" % rng.randint(100000, 999999)])
    symbol = {"MY": "RM", "SG": "S$", "US": "$", "UK": "£"}[country]
    if date_style == "iso":
        dt = "%s %02d:%02d" % (issue.isoformat(), hh, mm)
    elif date_style == "mdy":
        h12 = hh % 12 or 12
        dt = "%s %d:%02d %s" % (fmt_date(issue, "mdy"), h12, mm, "PM" if hh >= 12 else "AM")
    else:
        dt = "%s %02d:%02d:%02d" % (fmt_date(issue, date_style), hh, mm, ss)

    f = render.font("mono", 34)
    fb = render.font("mono_bold", 34)
    cw = f.getlength("M")
    margin = (RECEIPT_W - cw * RECEIPT_COLS) / 2
    line_h = 46
    ops = []  # (kind, args) drawn after the height is known

    def center(s, key=None, bold=False, big=False):
        ops.append(("center", s, key, bold, big))

    def lr(left_text, right_text, key=None, left_key=None, bold=False, item=None):
        ops.append(("lr", left_text, right_text, key, left_key, bold, item))

    def rule(ch="-"):
        ops.append(("rule", ch))

    def blank():
        ops.append(("blank",))

    center(store, key="sellerName", bold=True, big=True)
    if country == "MY":
        center("(CO. NO. %d-%s)" % (rng.randint(100000, 1399999), rng.choice("ADKPTUVWX")))
    for a in addr:
        center(a, key="sellerAddress")
    center("TEL: " + place_phone(rng, country, place))
    if country == "SG":
        center("GST REG NO: M%d-%07d-%d" % (rng.randint(2, 9), rng.randint(0, 9999999), rng.randint(0, 9)))
    if country == "MY":
        center("SST ID: W10-%04d-%08d" % (rng.randint(1808, 1912), rng.randint(1, 99999999)))
    rule()
    lr("RECEIPT NO:", receipt_no, key="invoiceNumber")
    lr("DATE:", dt, key="issueDate")
    lr("CASHIER: %s" % rng.choice(["AMY", "RAJ", "SITI", "JOHN", "MEI", "KAREN", "TOM"]), "POS %02d" % rng.randint(1, 8))
    rule()
    for r, it in enumerate(items):
        if it["quantity"] == 1:
            lr(it["name"], _group(it["amount"]), item=(r, "name", "amount"))
        else:
            ops.append(("text", it["name"], (r, "name")))
            lr("  %s x %s" % (V.fmt_qty(it["quantity"]), _group(it["unitPrice"])), _group(it["amount"]),
               item=(r, "qtyline", "amount"))
    rule()
    rate_txt = format(rate.normalize(), "f")
    if tax_mode == "included":
        lr("TOTAL %s" % symbol, _group(total), key="totalAmount", bold=True)
        lr("VAT %s%% INCLUDED" % rate_txt, _group(tax), key="taxAmount")
    else:
        lr("SUBTOTAL", _group(subtotal), key="amountExcludingTax")
        tax_word = "TAX" if country == "US" else tax_name
        lr("%s %s%%" % (tax_word, rate_txt), _group(tax), key="taxAmount")
        if rounding != 0:
            lr("ROUNDING", _group(rounding))
        lr("TOTAL %s" % symbol, _group(total), key="totalAmount", bold=True)
    lr("CASH", _group(cash))
    lr("CHANGE", _group(change))
    rule("=")
    center("ITEMS: %d" % sum(int(i["quantity"]) for i in items))
    center(rng.choice(["THANK YOU, PLEASE COME AGAIN", "THANK YOU FOR SHOPPING", "HAVE A NICE DAY!"]))
    if country == "MY":
        center("GOODS SOLD ARE NOT RETURNABLE")

    height = int(180 + sum(70 if o[0] == "center" and o[4] else line_h for o in ops) + 200)
    c = render.Canvas(RECEIPT_W, height)
    y = 180
    for o in ops:
        if o[0] == "center":
            _, s, key, bold, big = o
            fnt = render.font("mono_bold", 46) if big else (fb if bold else f)
            if big:
                fnt = render.fit_font("mono_bold", 46, s, RECEIPT_W - 2 * margin)
            elif fnt.getlength(s) > RECEIPT_W - 2 * margin + 20:
                fnt = render.fit_font("mono_bold" if bold else "mono", 34, s, RECEIPT_W - 2 * margin + 20)
            y += 70 if big else line_h
            c.text((RECEIPT_W / 2, y), s, fnt, INK, anchor="ms", key=key)
        elif o[0] == "lr":
            _, lt, rt, key, left_key, bold, item = o
            y += line_h
            fnt = fb if bold else f
            if item is not None:
                c.text((margin, y), lt, fnt, INK, item=(item[0], item[1]) if item[1] == "name" else None)
                c.text((RECEIPT_W - margin, y), rt, fnt, INK, anchor="rs", item=(item[0], item[2]))
            else:
                c.text((margin, y), lt, fnt, INK)
                c.text((RECEIPT_W - margin, y), rt, fnt, INK, anchor="rs", key=key)
        elif o[0] == "text":
            y += line_h
            c.text((margin, y), o[1], f, INK, item=o[2])
        elif o[0] == "rule":
            y += line_h
            c.text((margin, y), o[1] * RECEIPT_COLS, f, INK)
        else:
            y += line_h

    fields = {"sellerName": store, "sellerAddress": " ".join(addr), "invoiceNumber": receipt_no,
              "issueDate": issue.isoformat(), "taxAmount": V.money(tax), "totalAmount": V.money(total),
              "currency": cinfo["currency"]}
    if tax_mode != "included":
        fields["amountExcludingTax"] = V.money(subtotal)
    meta = {"layout": "receipt", "country": country, "dateFormat": date_style, "taxMode": tax_mode,
            "cash": V.money(cash), "change": V.money(change), "boxes": c.boxes, "lineItemBoxes": c.item_boxes}
    if rounding != 0:
        meta["rounding"] = V.money(rounding)
    return c.img, {"fields": fields, "lineItems": _label_items(items, receipt=True), "meta": meta}
