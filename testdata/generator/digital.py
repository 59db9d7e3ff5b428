"""Born-digital fapiao: PDF (reportlab, the non-embedded STSong-Light CID font real e-fapiao use) and
OFD (zip + XML: OFD.xml CustomData, template and page text objects, semantic tags), both drawn from
the same placement plan and the labels of the generated scans, plus a two-invoice PDF, a 销货清单
continuation, a text-less (image-only) PDF and an empty OFD template.

What is printed is exactly what the label holds, except remarks (备注), which these files do not
print: the labels written beside them leave remarks out.
"""

import io
import json
import os
import zipfile

import qrcode
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = 210, 140  # mm, as real e-fapiao
FONT = "STSong-Light"


def cn_date(iso):
    y, m, d = iso.split("-")
    return "%s年%s月%s日" % (y, m, d)


def title_x(title, size=6.0):
    """Centred in the space left of the header block (x 146 mm)."""
    return max(28.0, (140 - len(title) * size) / 2 + 4)


def spaced(digits, group=5):
    return " ".join(digits[i:i + group] for i in range(0, len(digits), group))


class Plan:
    """Strings placed on a page: (x, y) of the baseline's left end in mm from the top left."""

    def __init__(self):
        self.items = []

    def text(self, x, y, s, size=3.2, tag=None, label=False):
        if s:
            self.items.append({"x": x, "y": y, "text": s, "size": size, "tag": tag, "label": label})

    def vertical(self, x, y, s, size=3.2, step=5.0):
        for i, ch in enumerate(s):
            self.text(x, y + i * step, ch, size, label=True)


COLUMNS_TC = [("货物或应税劳务、服务名称", 6, "name"), ("规格型号", 62, "specification"), ("单位", 86, "unit"),
              ("数量", 100, "quantity"), ("单价", 116, "unitPrice"), ("金额", 146, "amount"),
              ("税率", 168, "taxRate"), ("税额", 186, "tax")]
COLUMNS_SD = [("项目名称", 6, "name"), ("规格型号", 62, "specification"), ("单位", 86, "unit"),
              ("数量", 100, "quantity"), ("单价", 116, "unitPrice"), ("金额", 146, "amount"),
              ("税率/征收率", 164, "taxRate"), ("税额", 186, "tax")]


def item_rows(plan, columns, items, y0, step=5.0):
    for header, x, _ in columns:
        plan.text(x, y0, header, label=True)
    for i, item in enumerate(items):
        y = y0 + 6 + i * step
        for _, x, key in columns:
            value = item.get(key, "")
            if key == "tax" and item.get("taxRate") == "免税":
                value = "***"
            plan.text(x, y, value, size=3.0)


def party(plan, top, who, f, prefix, x0=6, digital=False):
    if digital:
        plan.vertical(x0, top + 2, who + "信息", step=4.0)
        plan.text(x0 + 6, top + 2, "名称：", label=True)
        plan.text(x0 + 16, top + 2, f.get(prefix + "Name", ""), tag=prefix + "Name")
        plan.text(x0 + 6, top + 10, "统一社会信用代码/纳税人识别号：", label=True)
        plan.text(x0 + 56, top + 10, f.get(prefix + "TaxID", ""), tag=prefix + "TaxID")
        return
    plan.vertical(x0, top + 3, who)
    rows = [("名　　称：", "Name"), ("纳税人识别号：", "TaxID"), ("地 址、电 话：", "AddressPhone"),
            ("开户行及账号：", "BankAccount")]
    for i, (text, key) in enumerate(rows):
        y = top + 2 + i * 5
        plan.text(x0 + 6, y, text, label=True)
        long_value = key in ("AddressPhone", "BankAccount")  # printed small, as the issuing software does
        plan.text(x0 + 32, y, f.get(prefix + key, ""), size=2.6 if long_value else 3.2, tag=prefix + key)
    if prefix == "buyer":  # the cipher area beside the buyer block, as printed by the tax-control system
        for i in range(4):
            plan.text(132, top + 2 + i * 5, "03-028/088<945327-8704670*98+%d" % i, size=3.0)
        plan.vertical(124, top + 3, "密码区")


def tax_control_plan(label, items):
    f = label["fields"]
    p = Plan()
    p.text(title_x(f["invoiceTitle"]), 14, f["invoiceTitle"], size=6.0, tag="invoiceTitle")
    for i, (text, key) in enumerate([("发票代码：", "invoiceCode"), ("发票号码：", "invoiceNumber"),
                                      ("开票日期：", "issueDate"), ("校 验 码：", "checkCode")]):
        value = f.get(key, "")
        value = cn_date(value) if key == "issueDate" else spaced(value) if key == "checkCode" else value
        p.text(146, 9 + i * 5.5, text, label=True)
        p.text(164, 9 + i * 5.5, value, tag=key)
    p.text(6, 30, "机器编号：", label=True)
    p.text(22, 30, f.get("machineNumber", ""), tag="machineNumber")
    party(p, 33, "购买方", f, "buyer")
    item_rows(p, COLUMNS_TC, items, 58)
    amount, tax = f["amountExcludingTax"], f["taxAmount"]
    exempt = all(i.get("taxRate") == "免税" for i in label.get("lineItems", [])) and tax == "0.00"
    p.text(20, 96, "合　　计", label=True)
    p.text(146, 96, "¥" + amount, tag="amountExcludingTax")
    p.text(186, 96, "***" if exempt else "¥" + tax, tag="taxAmount")
    p.text(10, 103, "价税合计（大写）", label=True)
    p.text(50, 103, f["totalAmountInWords"], tag="totalAmountInWords")
    p.text(150, 103, "（小写）", label=True)
    p.text(164, 103, "¥" + f["totalAmount"], tag="totalAmount")
    party(p, 108, "销售方", f, "seller")
    for x, text, key in [(6, "收款人：", "payee"), (60, "复核：", "reviewer"), (110, "开票人：", "drawer")]:
        p.text(x, 134, text, label=True)
        p.text(x + 14, 134, f.get(key, ""), tag=key)
    return p


def digital_plan(label, items):
    f = label["fields"]
    p = Plan()
    p.text(title_x(f["invoiceTitle"]), 14, f["invoiceTitle"], size=6.0, tag="invoiceTitle")
    p.text(146, 11, "发票号码：", label=True)
    p.text(164, 11, f["invoiceNumber"], tag="invoiceNumber")
    p.text(146, 17, "开票日期：", label=True)
    p.text(164, 17, cn_date(f["issueDate"]), tag="issueDate")
    party(p, 28, "购买方", f, "buyer", x0=6, digital=True)
    party(p, 28, "销售方", f, "seller", x0=106, digital=True)
    item_rows(p, COLUMNS_SD, items, 50)
    p.text(20, 92, "合　　计", label=True)
    p.text(146, 92, "¥" + f["amountExcludingTax"], tag="amountExcludingTax")
    p.text(186, 92, "¥" + f["taxAmount"], tag="taxAmount")
    p.text(10, 99, "价税合计（大写）", label=True)
    p.text(50, 99, f["totalAmountInWords"], tag="totalAmountInWords")
    p.text(150, 99, "（小写）", label=True)
    p.text(164, 99, "¥" + f["totalAmount"], tag="totalAmount")
    p.text(6, 132, "开票人：", label=True)
    p.text(20, 132, f.get("drawer", ""), tag="drawer")
    return p


def qr_png(payload):
    q = qrcode.QRCode(border=2, box_size=4)
    q.add_data(payload)
    q.make(fit=True)
    buf = io.BytesIO()
    q.make_image(fill_color="black", back_color="white").save(buf, format="PNG")
    return buf.getvalue()


def draw_pdf_page(c, plan, qr=None, vector_qr_mm=None):
    """Draws `plan`; the QR code as a placed image, or as vector squares `vector_qr_mm` wide."""
    for item in plan.items:
        c.setFont(FONT, item["size"] * 72 / 25.4)
        c.drawString(item["x"] * mm, (PAGE_H - item["y"]) * mm, item["text"])
    if qr and vector_qr_mm:
        from reportlab.graphics import renderPDF
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing
        widget = QrCodeWidget(qr)
        x0, y0, x1, y1 = widget.getBounds()
        side = vector_qr_mm * mm
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, c, 6 * mm, (PAGE_H - 6) * mm - side)
    elif qr:
        c.drawImage(ImageReader(io.BytesIO(qr_png(qr))), 6 * mm, (PAGE_H - 26) * mm, 20 * mm, 20 * mm)
    c.showPage()


def new_canvas(path):
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(path, pagesize=(PAGE_W * mm, PAGE_H * mm), invariant=1, pageCompression=1)


def plan_for(label, items=None):
    items = label.get("lineItems", []) if items is None else items
    layout = label["meta"]["layout"]
    return tax_control_plan(label, items) if layout == "tax-control" else digital_plan(label, items)


def list_page(label):
    """A 销货清单 continuation page: the same invoice's number and its line items."""
    f = label["fields"]
    p = Plan()
    p.text(70, 14, "销售货物或者提供应税劳务清单", size=5.0, label=True)
    p.text(6, 24, "购买方名称：" + f["buyerName"], label=True)
    p.text(6, 30, "销售方名称：" + f["sellerName"], label=True)
    p.text(130, 24, "所属增值税电子普通发票代码：" + f.get("invoiceCode", ""), label=True)
    p.text(130, 30, "号码：" + f["invoiceNumber"], label=True)
    item_rows(p, COLUMNS_TC, label.get("lineItems", []), 40)
    p.text(6, 40 + 6 + 5 * len(label.get("lineItems", [])) + 2, "小　　计", label=True)
    return p


def scored_label(label):
    fields = {k: v for k, v in label["fields"].items() if k != "remarks"}
    out = {"fields": fields}
    if label.get("lineItems"):
        out["lineItems"] = label["lineItems"]
    return out


# ---------------------------------------------------------------- OFD

OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
CUSTOM = [("发票代码", "invoiceCode"), ("发票号码", "invoiceNumber"), ("开票日期", "issueDate"), ("校验码", "checkCode"),
          ("合计金额", "amountExcludingTax"), ("合计税额", "taxAmount"), ("价税合计", "totalAmount"),
          ("购买方名称", "buyerName"), ("购买方纳税人识别号", "buyerTaxID"), ("销售方名称", "sellerName"),
          ("销售方纳税人识别号", "sellerTaxID")]
TAGS = {"invoiceCode": "InvoiceCode", "invoiceNumber": "InvoiceNo", "issueDate": "IssueDate",
        "checkCode": "InvoiceCheckCode", "machineNumber": "MachineNo", "buyerName": "BuyerName",
        "buyerTaxID": "BuyerTaxID", "sellerName": "SellerName", "sellerTaxID": "SellerTaxID",
        "amountExcludingTax": "TaxExclusiveTotalAmount", "taxAmount": "TaxTotalAmount",
        "totalAmount": "TaxInclusiveTotalAmount", "drawer": "InvoiceClerk"}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def text_objects(items, first_id):
    out, ids = [], {}
    for n, item in enumerate(items):
        oid = first_id + n
        size = item["size"]
        advances = " ".join("%.2f" % (size if ord(ch) > 0x2E80 else size / 2) for ch in item["text"][:-1])
        width = sum(size if ord(ch) > 0x2E80 else size / 2 for ch in item["text"])
        out.append('<ofd:TextObject ID="%d" Boundary="%.2f %.2f %.2f %.2f" Font="1" Size="%.3f">'
                   '<ofd:TextCode X="0" Y="%.3f" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>'
                   % (oid, item["x"], item["y"] - size, width + 1, size * 1.3, size, size, advances, esc(item["text"])))
        if item["tag"]:
            ids[item["tag"]] = oid
    return "".join(out), ids


def ofd_bytes(label, plan, with_data=True):
    f = label["fields"]
    labels = [i for i in plan.items if i["label"]]
    values = [i for i in plan.items if not i["label"]] if with_data else []
    tpl_objects, _ = text_objects(labels, 100)
    page_objects, ids = text_objects(values, 1000)
    custom = "".join('<ofd:CustomData Name="%s">%s</ofd:CustomData>'
                     % (name, esc(cn_date(f[key]) if key == "issueDate" else f[key]))
                     for name, key in CUSTOM if with_data and f.get(key))
    tags = "".join('<fp:%s><fp:ObjectRef PageRef="2">%d</fp:ObjectRef></fp:%s>' % (TAGS[k], ids[k], TAGS[k])
                   for k in TAGS if k in ids)
    files = {
        "OFD.xml": '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD %s DocType="OFD" Version="1.1"><ofd:DocBody>'
                   '<ofd:DocInfo><ofd:DocID>testdata</ofd:DocID><ofd:CustomDatas>%s</ofd:CustomDatas></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' % (OFD_NS, custom),
        "Doc_0/Document.xml": '<?xml version="1.0" encoding="UTF-8"?><ofd:Document %s><ofd:CommonData>'
                              '<ofd:MaxUnitID>2000</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 %d %d'
                              '</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
                              '</ofd:CommonData><ofd:Pages><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/>'
                              '</ofd:Pages>%s</ofd:Document>'
                              % (OFD_NS, PAGE_W, PAGE_H,
                                 "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>" if with_data else ""),
        "Doc_0/Tpls/Tpl_0/Content.xml": '<?xml version="1.0" encoding="UTF-8"?><ofd:Page %s><ofd:Content>'
                                        '<ofd:Layer ID="3">%s</ofd:Layer></ofd:Content></ofd:Page>' % (OFD_NS, tpl_objects),
        "Doc_0/Pages/Page_0/Content.xml": '<?xml version="1.0" encoding="UTF-8"?><ofd:Page %s><ofd:Template TemplateID="1"/>'
                                          '<ofd:Content><ofd:Layer ID="4">%s</ofd:Layer></ofd:Content></ofd:Page>'
                                          % (OFD_NS, page_objects),
    }
    if with_data:
        files["Doc_0/Tags/CustomTags.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags %s><ofd:CustomTag>'
                                              '<ofd:FileLoc>Tag_Invoice.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>'
                                              % OFD_NS)
        files["Doc_0/Tags/Tag_Invoice.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><fp:eInvoice '
                                               'xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019">%s</fp:eInvoice>'
                                               % tags)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name].encode("utf-8"))
    return buf.getvalue()


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")


def scan_pdf(path, jpeg, text_plan=None, wrong=None):
    """A scan saved as PDF: the JPEG as the page, optionally under an invisible text layer as scanners
    with OCR write it. `wrong` maps a label's tag to the misread value the layer holds instead."""
    c = new_canvas(path)
    c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, PAGE_W * mm, PAGE_H * mm)
    for item in text_plan.items if text_plan else []:
        text = (wrong or {}).get(item["tag"], item["text"])
        t = c.beginText()
        t.setTextRenderMode(3)
        t.setFont(FONT, item["size"] * 72 / 25.4)
        t.setTextOrigin(item["x"] * mm, (PAGE_H - item["y"]) * mm)
        t.textOut(text)
        c.drawText(t)
    c.showPage()
    c.save()


def labels_as_images_pdf(path, label):
    """An e-fapiao whose labels carry no usable text (as with label fonts that lack a Unicode map): the
    labels are drawn as small images, the values as text."""
    import render  # the generator's font lookup (Noto CJK)
    from PIL import Image, ImageDraw
    plan = plan_for(label)
    c = new_canvas(path)
    for item in plan.items:
        if item["label"]:
            px = max(8, int(round(item["size"] / 25.4 * 300)))
            fnt = render.font("sans_cjk", px)
            w = int(render.text_width(fnt, item["text"])) + 4
            img = Image.new("L", (w, int(px * 1.3)), 255)
            ImageDraw.Draw(img).text((2, 0), item["text"], font=fnt, fill=0)
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            height_mm = img.size[1] / 300 * 25.4
            c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), item["x"] * mm,
                        (PAGE_H - item["y"] - height_mm * 0.2) * mm, w / 300 * 25.4 * mm, height_mm * mm)
        else:
            c.setFont(FONT, item["size"] * 72 / 25.4)
            c.drawString(item["x"] * mm, (PAGE_H - item["y"]) * mm, item["text"])
    c.drawImage(ImageReader(io.BytesIO(qr_png(label["meta"]["qr"]))), 6 * mm, (PAGE_H - 26) * mm, 20 * mm, 20 * mm)
    c.showPage()
    c.save()


SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "AUD": "A$", "SGD": "S$", "MYR": "RM", "CAD": "C$"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def english_pdf(path, label):
    """A text-layer English invoice (Helvetica): seller block, number and date, items, totals."""
    f = label["fields"]
    sym = SYMBOLS.get(f.get("currency", ""), "")

    def money(v):
        whole, cents = v.split(".")
        return "%s%s.%s" % (sym, "{:,}".format(int(whole)), cents)

    y, m, d = f["issueDate"].split("-")
    c = canvas.Canvas(path, pagesize=(210 * mm, 297 * mm), invariant=1)

    def at(x, top, s, size=10, font="Helvetica"):
        c.setFont(font, size)
        c.drawString(x * mm, (297 - top) * mm, s)

    def right(x, top, s, size=10, font="Helvetica"):
        c.setFont(font, size)
        c.drawRightString(x * mm, (297 - top) * mm, s)

    at(20, 25, f["sellerName"], 16, "Helvetica-Bold")
    words = f.get("sellerAddress", "").split(" ")
    half = (len(words) + 1) // 2
    at(20, 32, " ".join(words[:half]))
    at(20, 37, " ".join(words[half:]))
    at(140, 25, "INVOICE", 20, "Helvetica-Bold")
    at(140, 40, "Invoice No: " + f.get("invoiceNumber", ""))
    at(140, 46, "Date: %d %s %s" % (int(d), MONTHS[int(m) - 1], y))
    at(20, 70, "Description", 10, "Helvetica-Bold")
    right(130, 70, "Qty", 10, "Helvetica-Bold")
    right(160, 70, "Unit price", 10, "Helvetica-Bold")
    right(190, 70, "Amount", 10, "Helvetica-Bold")
    top = 78
    for item in label.get("lineItems", []):
        at(20, top, item.get("name", ""))
        right(130, top, item.get("quantity", ""))
        right(160, top, money(item["unitPrice"]) if "unitPrice" in item else "")
        right(190, top, money(item["amount"]) if "amount" in item else "")
        top += 7
    top += 8
    for text, key in [("Subtotal", "amountExcludingTax"), ("Tax", "taxAmount"), ("Total", "totalAmount")]:
        if key in f:
            right(160, top, text, 10, "Helvetica-Bold" if key == "totalAmount" else "Helvetica")
            right(190, top, money(f[key]), 10, "Helvetica-Bold" if key == "totalAmount" else "Helvetica")
            top += 7
    c.showPage()
    c.save()


def write_all(out_dir, labels, scans=None):
    """`labels`: doc id → label of the generated scans (tc-*, sd-*); `scans`: doc id → JPEG bytes of
    page images for the scanned-PDF cases. Returns the names written."""
    os.makedirs(out_dir, exist_ok=True)
    written = []
    pdf_ids = ["tc-001", "tc-002", "tc-003", "tc-004", "sd-001", "sd-002", "sd-003", "sd-004"]
    for doc_id in pdf_ids:
        label = labels[doc_id]
        c = new_canvas(os.path.join(out_dir, doc_id + ".pdf"))
        draw_pdf_page(c, plan_for(label), label["meta"].get("qr"))
        c.save()
        write_json(os.path.join(out_dir, doc_id + ".json"), scored_label(label))
        written.append(doc_id + ".pdf")
    for doc_id in ["tc-005", "tc-006", "sd-005"]:
        label = labels[doc_id]
        with open(os.path.join(out_dir, doc_id + ".ofd"), "wb") as fh:
            fh.write(ofd_bytes(label, plan_for(label)))
        write_json(os.path.join(out_dir, doc_id + ".json"), scored_label(label))
        written.append(doc_id + ".ofd")

    # A continuation page: the invoice page says 详见销货清单, the list page holds the items.
    label = labels["tc-007"]
    c = new_canvas(os.path.join(out_dir, "tc-007-list.pdf"))
    draw_pdf_page(c, plan_for(label, [{"name": "（详见销货清单）"}]), label["meta"].get("qr"))
    draw_pdf_page(c, list_page(label))
    c.save()
    write_json(os.path.join(out_dir, "tc-007-list.json"), scored_label(label))
    written.append("tc-007-list.pdf")

    # A QR code drawn as vector squares, 8 mm wide: too fine for 150 dpi, readable at 300 dpi.
    label = labels["tc-004"]
    c = new_canvas(os.path.join(out_dir, "tc-004-vector-qr.pdf"))
    draw_pdf_page(c, plan_for(label), label["meta"].get("qr"), vector_qr_mm=8)
    c.save()
    write_json(os.path.join(out_dir, "tc-004-vector-qr.json"), scored_label(label))
    written.append("tc-004-vector-qr.pdf")

    # Two invoices in one file: refused, so that neither is lost silently.
    c = new_canvas(os.path.join(out_dir, "two-invoices.pdf"))
    for doc_id in ("tc-001", "tc-002"):
        draw_pdf_page(c, plan_for(labels[doc_id]), labels[doc_id]["meta"].get("qr"))
    c.save()
    written.append("two-invoices.pdf")

    # An empty OFD template: the printed labels, no data.
    with open(os.path.join(out_dir, "empty-template.ofd"), "wb") as fh:
        fh.write(ofd_bytes(labels["tc-001"], plan_for(labels["tc-001"]), with_data=False))
    written.append("empty-template.ofd")

    # Scans saved as PDF: no text layer at all, and an OCR layer (someone else's, with misreadings)
    # that must not be taken for exact text.
    misread = {"invoiceNumber": "24112000000021684884", "totalAmount": "¥19379.91"}
    for doc_id, name, wrong in [("tc-003", "scan-only.pdf", None), ("sd-003", "scan-ocr-layer.pdf", misread)]:
        if scans and doc_id in scans:
            label = labels[doc_id]
            scan_pdf(os.path.join(out_dir, name), scans[doc_id], plan_for(label) if wrong else None, wrong)
            out = {"fields": label["fields"]}
            if label.get("lineItems"):
                out["lineItems"] = label["lineItems"]
            write_json(os.path.join(out_dir, name.replace(".pdf", ".json")), out)
            written.append(name)

    # Labels without text, values with text: OCR reads what the text layer cannot say.
    labels_as_images_pdf(os.path.join(out_dir, "labels-as-images.pdf"), labels["sd-004"])
    write_json(os.path.join(out_dir, "labels-as-images.json"), scored_label(labels["sd-004"]))
    written.append("labels-as-images.pdf")

    # English invoices with a text layer.
    for doc_id in ("inv-001", "inv-002", "inv-003"):
        if doc_id in labels:
            english_pdf(os.path.join(out_dir, doc_id + ".pdf"), labels[doc_id])
            out = {"fields": labels[doc_id]["fields"]}
            write_json(os.path.join(out_dir, doc_id + ".json"), out)
            written.append(doc_id + ".pdf")

    # Encrypted (user password).
    from reportlab.lib import pdfencrypt
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    c = canvas.Canvas(os.path.join(out_dir, "encrypted.pdf"), pagesize=(PAGE_W * mm, PAGE_H * mm), encrypt=enc,
                      invariant=1)
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    draw_pdf_page(c, plan_for(labels["tc-001"]))
    c.save()
    written.append("encrypted.pdf")
    return written
