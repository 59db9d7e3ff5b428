"""Invoices from Europe, India and the English-speaking world: German, French, Dutch, Spanish, Italian,
Indian GST and English invoices, each written twice from one placement plan: a PDF with a text layer
(DejaVu Sans embedded, as invoicing software writes them) and a grey 300 dpi scan of the same page.

Each language prints its own labels, number and date formats (`1.234,56 €`, `1 234,56 €`, `₹1,23,456.00`,
`05.03.2024`, `5 mars 2024`, `5 de marzo de 2024`, `March 5, 2024` …) and the lines a reader must not
take for the total: the net subtotal, tax lines (CGST and SGST on Indian invoices), a customer number
beside the invoice number, due and delivery dates beside the issue date. Two layouts: meta data as
`label: value` lines at the top right, or as a row of column headings with the values under them.

Labels hold the fields every invoice prints: invoiceNumber, issueDate, sellerName, amountExcludingTax,
taxAmount (the sum of every tax line), totalAmount and currency. Everything is invented.
"""

import datetime
import os
import random
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import render
import values as V

PAGE_W, PAGE_H = 210, 297  # mm
DPI = 300

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}

# Per language: title, number labels, date labels, other-number and other-date labels, subtotal, tax and
# total labels, the tax rate, currency, and how amounts and dates are written.
LANGUAGES = {
    "de": dict(title="Rechnung", number=["Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr."],
               date=["Rechnungsdatum", "Datum"], other_number=["Kundennummer", "Bestellnummer"],
               other_date=["Lieferdatum", "Zahlbar bis"], subtotal=["Nettobetrag", "Zwischensumme netto"],
               tax=["zzgl. {r} % MwSt.", "MwSt. {r} %", "USt. {r} %"], total=["Gesamtbetrag", "Rechnungsbetrag",
                                                                              "Summe brutto"],
               rates=[19, 7], currency="EUR", amount="dot-comma", symbol="{} €", dates=["dd.mm.yyyy", "d. month yyyy"],
               items=["Beratung", "Wartungsvertrag", "Softwarelizenz", "Schulung vor Ort", "Versandkosten",
                      "Druckerpapier A4", "Reisekosten"],
               heads=("Beschreibung", "Menge", "Einzelpreis", "Betrag"),
               companies=(["Müller", "Schneider", "Becker", "Hoffmann", "Wagner", "Krüger"],
                          ["Technik", "Bürobedarf", "Logistik", "Software", "Elektro", "Haustechnik"],
                          ["GmbH", "GmbH & Co. KG", "AG", "e.K."]),
               streets=["Hauptstraße", "Bahnhofstraße", "Lindenweg", "Industriestraße"],
               towns=["10115 Berlin", "80331 München", "50667 Köln", "70173 Stuttgart"]),
    "fr": dict(title="FACTURE", number=["N° de facture", "Facture n°", "Numéro de facture"],
               date=["Date de facture", "Date"], other_number=["N° client", "Réf. commande"],
               other_date=["Date d'échéance", "Date de livraison"], subtotal=["Total HT", "Montant HT"],
               tax=["TVA {r} %", "TVA ({r} %)"], total=["Total TTC", "Net à payer", "Montant TTC"],
               rates=[20, 10, 5.5], currency="EUR", amount="space-comma", symbol="{} €",
               dates=["dd/mm/yyyy", "d month yyyy"],
               items=["Prestation de conseil", "Maintenance annuelle", "Licence logiciel", "Formation",
                      "Frais de port", "Fournitures de bureau"],
               heads=("Désignation", "Qté", "Prix unitaire HT", "Montant HT"),
               companies=(["Dupont", "Lefèvre", "Moreau", "Girard", "Roux", "Fontaine"],
                          ["Services", "Informatique", "Bureautique", "Transports", "Conseil"],
                          ["SARL", "SAS", "SA", "EURL"]),
               streets=["rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue des Lilas"],
               towns=["75011 Paris", "69002 Lyon", "33000 Bordeaux", "31000 Toulouse"]),
    "nl": dict(title="FACTUUR", number=["Factuurnummer", "Factuurnr."], date=["Factuurdatum", "Datum"],
               other_number=["Klantnummer", "Ordernummer"], other_date=["Vervaldatum", "Leverdatum"],
               subtotal=["Subtotaal", "Totaal excl. BTW"], tax=["BTW {r}%", "{r}% BTW"],
               total=["Totaal incl. BTW", "Te betalen", "Totaalbedrag"], rates=[21, 9], currency="EUR",
               amount="dot-comma", symbol="€ {}", dates=["dd-mm-yyyy", "d month yyyy"],
               items=["Advieswerkzaamheden", "Onderhoudscontract", "Softwarelicentie", "Training", "Verzendkosten"],
               heads=("Omschrijving", "Aantal", "Prijs", "Bedrag"),
               companies=(["De Vries", "Jansen", "Bakker", "Visser", "Smit", "Van Dijk"],
                          ["Techniek", "Kantoorartikelen", "Logistiek", "Installaties", "Advies"],
                          ["B.V.", "V.O.F.", "N.V."]),
               streets=["Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg"],
               towns=["1012 AB Amsterdam", "3011 AD Rotterdam", "3511 LX Utrecht", "2511 CV Den Haag"]),
    "es": dict(title="FACTURA", number=["Nº factura", "Número de factura", "Factura nº"],
               date=["Fecha de factura", "Fecha"], other_number=["Nº cliente", "Nº pedido"],
               other_date=["Vencimiento", "Fecha de entrega"], subtotal=["Base imponible", "Subtotal"],
               tax=["IVA {r}%", "IVA ({r}%)"], total=["Total factura", "Total a pagar", "TOTAL"],
               rates=[21, 10], currency="EUR", amount="dot-comma", symbol="{} €",
               dates=["dd/mm/yyyy", "d de month de yyyy"],
               items=["Servicios de consultoría", "Mantenimiento anual", "Licencia de software", "Formación",
                      "Gastos de envío"],
               heads=("Descripción", "Cant.", "Precio", "Importe"),
               companies=(["García", "Martínez", "López", "Sánchez", "Romero", "Navarro"],
                          ["Servicios", "Informática", "Suministros", "Transportes", "Asesores"],
                          ["S.L.", "S.A.", "S.L.U."]),
               streets=["Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia"],
               towns=["28013 Madrid", "08007 Barcelona", "46002 Valencia", "41004 Sevilla"]),
    "it": dict(title="FATTURA", number=["Fattura n.", "Numero fattura", "N. fattura"],
               date=["Data fattura", "Data"], other_number=["Codice cliente", "Ordine n."],
               other_date=["Scadenza", "Data consegna"], subtotal=["Imponibile", "Totale imponibile"],
               tax=["IVA {r}%", "IVA ({r}%)"], total=["Totale documento", "Totale fattura", "Totale da pagare"],
               rates=[22, 10], currency="EUR", amount="dot-comma", symbol="€ {}",
               dates=["dd/mm/yyyy", "d month yyyy"],
               items=["Consulenza", "Manutenzione annuale", "Licenza software", "Formazione", "Spese di spedizione"],
               heads=("Descrizione", "Q.tà", "Prezzo", "Importo"),
               companies=(["Rossi", "Bianchi", "Esposito", "Colombo", "Ricci", "Marino"],
                          ["Servizi", "Informatica", "Forniture", "Trasporti", "Impianti"],
                          ["S.r.l.", "S.p.A.", "S.n.c."]),
               streets=["Via Roma", "Corso Italia", "Via Garibaldi", "Viale Mazzini"],
               towns=["20121 Milano", "00184 Roma", "10121 Torino", "40121 Bologna"]),
    "in": dict(title="TAX INVOICE", number=["Invoice No.", "Invoice Number"], date=["Invoice Date", "Dated"],
               other_number=["Order No.", "Customer ID"], other_date=["Due Date", "Order Date"],
               subtotal=["Taxable Value", "Sub Total"], tax=["CGST @ {h}%|SGST @ {h}%", "IGST @ {r}%"],
               total=["Grand Total", "Total Invoice Value", "Total Amount"], rates=[18, 12, 5], currency="INR",
               amount="indian", symbol="₹{}", dates=["dd-mm-yyyy", "dd/mm/yyyy", "dd-Mon-yyyy"],
               items=["Annual maintenance", "Software subscription", "Consulting services", "Printer cartridges",
                      "Freight charges"],
               heads=("Description", "Qty", "Rate", "Amount"),
               companies=(["Sharma", "Patel", "Reddy", "Iyer", "Gupta", "Mehta"],
                          ["Technologies", "Traders", "Enterprises", "Solutions", "Distributors"],
                          ["Pvt. Ltd.", "LLP", "Private Limited"]),
               streets=["MG Road", "Park Street", "Linking Road", "Anna Salai"],
               towns=["Bengaluru 560001", "Kolkata 700016", "Mumbai 400050", "Chennai 600002"]),
    "en": dict(title="INVOICE", number=["Invoice #", "Invoice Number", "Invoice No."],
               date=["Invoice Date", "Date"], other_number=["Customer ID", "PO Number"],
               other_date=["Due Date", "Ship Date"], subtotal=["Subtotal", "Net amount"],
               tax=["Sales Tax ({r}%)", "VAT {r}%"], total=["Amount Due", "Total Due", "Balance Due"],
               rates=[8.875, 20, 6], currency="USD", amount="comma-dot", symbol="${}",
               dates=["month d, yyyy", "mm/dd/yyyy"],
               items=["Consulting hours", "Annual support plan", "Software license", "Onsite training", "Shipping"],
               heads=("Description", "Qty", "Unit price", "Amount"),
               companies=(["Harper", "Whitman", "Caldwell", "Brooks", "Fletcher", "Hayes"],
                          ["Supply", "Systems", "Consulting", "Logistics", "Office Products"],
                          ["Inc.", "LLC", "Co."]),
               streets=["Main Street", "Oak Avenue", "Market Street", "Elm Street"],
               towns=["Springfield, IL 62701", "Portland, OR 97204", "Austin, TX 78701", "Denver, CO 80202"]),
}

ORDER = ["de", "fr", "nl", "es", "it", "in", "en"]
PER_LANGUAGE = 4


def group(whole, sep, indian=False):
    s = str(whole)
    if not indian or len(s) <= 3:
        parts = []
        while len(s) > 3:
            parts.insert(0, s[-3:])
            s = s[:-3]
        return sep.join([s] + parts)
    head, tail = s[:-3], s[-3:]
    parts = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    return sep.join([head] + parts + [tail])


def written_amount(value, style):
    whole, cents = V.money(value).split(".")
    if style == "dot-comma":
        return group(int(whole), ".") + "," + cents
    if style == "space-comma":
        return group(int(whole), " ") + "," + cents
    if style == "indian":
        return group(int(whole), ",", indian=True) + "." + cents
    return group(int(whole), ",") + "." + cents


def written_date(day, style, lang):
    months = MONTHS["en" if lang == "in" else lang]
    month = months[day.month - 1]
    return {
        "dd.mm.yyyy": "%02d.%02d.%d" % (day.day, day.month, day.year),
        "dd/mm/yyyy": "%02d/%02d/%d" % (day.day, day.month, day.year),
        "dd-mm-yyyy": "%02d-%02d-%d" % (day.day, day.month, day.year),
        "mm/dd/yyyy": "%02d/%02d/%d" % (day.month, day.day, day.year),
        "dd-Mon-yyyy": "%02d-%s-%d" % (day.day, month[:3], day.year),
        "d. month yyyy": "%d. %s %d" % (day.day, month, day.year),
        "d month yyyy": "%s %s %d" % ("1er" if lang == "fr" and day.day == 1 else day.day, month, day.year),
        "d de month de yyyy": "%d de %s de %d" % (day.day, month, day.year),
        "month d, yyyy": "%s %d, %d" % (month, day.day, day.year),
    }[style]


class Plan:
    """Strings placed on an A4 page: baseline (x, y) in mm from the top left, size in points."""

    def __init__(self):
        self.items = []

    def text(self, x, y, s, size=9.5, bold=False, align="left"):
        self.items.append(dict(x=x, y=y, text=s, size=size, bold=bold, align=align))


def fonts():
    regular = render._locate("sans")[0]
    bold = render._locate("sans_bold")[0]
    if "WorldSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WorldSans", regular))
        pdfmetrics.registerFont(TTFont("WorldSans-Bold", bold))
    return regular, bold


def draw_pdf(plan, path):
    fonts()
    c = canvas.Canvas(path, pagesize=(PAGE_W * mm, PAGE_H * mm), invariant=1)
    for item in plan.items:
        c.setFont("WorldSans-Bold" if item["bold"] else "WorldSans", item["size"])
        x, y = item["x"] * mm, (PAGE_H - item["y"]) * mm
        if item["align"] == "right":
            c.drawRightString(x, y, item["text"])
        else:
            c.drawString(x, y, item["text"])
    c.showPage()
    c.save()


def draw_scan(plan, path):
    regular, bold = fonts()
    px = lambda v: int(round(v / 25.4 * DPI))  # noqa: E731
    img = Image.new("L", (px(PAGE_W), px(PAGE_H)), 255)
    draw = ImageDraw.Draw(img)
    for item in plan.items:
        size = int(round(item["size"] / 72 * DPI))
        fnt = ImageFont.truetype(bold if item["bold"] else regular, size)
        x = px(item["x"])
        if item["align"] == "right":
            x -= int(round(fnt.getlength(item["text"])))
        draw.text((x, px(item["y"])), item["text"], font=fnt, fill=20, anchor="ls")
    img.save(path, format="PNG", optimize=True, dpi=(DPI, DPI))


def invoice(rng, lang, index):
    """The plan and label of one invoice."""
    L = LANGUAGES[lang]
    names, trades, forms = L["companies"]
    seller = "%s %s %s" % (rng.choice(names), rng.choice(trades), rng.choice(forms))
    buyer = "%s %s %s" % (rng.choice([n for n in names if n not in seller]), rng.choice(trades), rng.choice(forms))
    issue = V.random_date(rng, datetime.date(2019, 1, 1), datetime.date(2025, 12, 31))
    other_day = issue + datetime.timedelta(days=rng.choice([-3, 14, 30]))
    date_style = L["dates"][index % len(L["dates"])]
    year = issue.year
    number = rng.choice(["%d-%04d" % (year, rng.randint(1, 9999)), "%d%05d" % (year % 100, rng.randint(1, 99999)),
                         "RE%d%04d" % (year, rng.randint(1, 999)), "%04d/%d" % (rng.randint(1, 2000), year)])
    if lang == "in":
        number = "INV/%02d-%02d/%04d" % (year % 100, year % 100 + 1, rng.randint(1, 9999))
    other_number = str(rng.randint(10000, 99999))
    rate = L["rates"][index % len(L["rates"])]
    count = rng.randint(2, 4)
    items = []
    for name in rng.sample(L["items"], count):
        quantity = rng.choice([1, 1, 2, 3, 5, 10])
        price = Decimal(rng.choice([rng.randint(5, 99), rng.randint(100, 1500)])) + Decimal(rng.randint(0, 99)) / 100
        if lang == "in":
            price *= rng.choice([10, 50, 100])
        items.append((name, quantity, price, V.q2(price * quantity)))
    subtotal = sum((amount for *_, amount in items), Decimal(0))
    tax_template = L["tax"][index % len(L["tax"])]
    tax_lines = []
    if "|" in tax_template:  # CGST + SGST: half the rate each
        half = Decimal(rate) / 2
        for part in tax_template.split("|"):
            tax_lines.append((part.format(h=("%s" % half).rstrip("0").rstrip(".")), V.q2(subtotal * half / 100)))
    else:
        shown = ("%s" % rate).replace(".", "," if L["amount"] != "comma-dot" and lang != "in" else ".")
        tax_lines.append((tax_template.format(r=shown), V.q2(subtotal * Decimal(str(rate)) / 100)))
    tax = sum((amount for _, amount in tax_lines), Decimal(0))
    total = subtotal + tax
    money = lambda v: L["symbol"].format(written_amount(v, L["amount"]))  # noqa: E731
    plain = lambda v: written_amount(v, L["amount"])  # noqa: E731

    plan = Plan()
    plan.text(20, 25, seller, 13, bold=True)
    street = "%s %d" % (rng.choice(L["streets"]), rng.randint(1, 120))
    if lang == "fr":
        street = "%d %s" % (rng.randint(1, 120), rng.choice(L["streets"]))
    plan.text(20, 32, street)
    plan.text(20, 37, rng.choice(L["towns"]))
    if lang == "in":
        plan.text(20, 42, "GSTIN: %s%s%s1Z%s" % (V.digits(rng, 2), "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
                                                                          for _ in range(5)), V.digits(rng, 4) + "F",
                                                 rng.choice("0123456789")))
    layout = index % 2
    number_label = L["number"][index % len(L["number"])]
    date_label = L["date"][(index // 2) % len(L["date"])]
    other_number_label = L["other_number"][index % len(L["other_number"])]
    other_date_label = L["other_date"][(index + 1) % len(L["other_date"])]
    if layout == 0:
        plan.text(140, 25, L["title"], 18, bold=True)
        rows = [(number_label, number), (date_label, written_date(issue, date_style, lang)),
                (other_number_label, other_number), (other_date_label, written_date(other_day, date_style, lang))]
        for i, (label, value) in enumerate(rows):
            plan.text(125, 35 + i * 5.5, label + ":")
            plan.text(190, 35 + i * 5.5, value, align="right")
        top = 62
    else:
        plan.text(20, 55, L["title"], 18, bold=True)
        heads = [number_label, date_label, other_number_label, other_date_label]
        cells = [number, written_date(issue, date_style, lang), other_number, written_date(other_day, date_style, lang)]
        for i, (head, cell) in enumerate(zip(heads, cells)):
            plan.text(20 + i * 45, 64, head, 8.5, bold=True)
            plan.text(20 + i * 45, 70, cell)
        top = 80
    plan.text(20, top, buyer, bold=True)
    plan.text(20, top + 5, "%s %d" % (rng.choice(L["streets"]), rng.randint(1, 120)))
    plan.text(20, top + 10, rng.choice(L["towns"]))
    top += 24
    d, q, p, a = L["heads"]
    plan.text(20, top, d, bold=True)
    plan.text(120, top, q, bold=True, align="right")
    plan.text(155, top, p, bold=True, align="right")
    plan.text(190, top, a, bold=True, align="right")
    for name, quantity, price, amount in items:
        top += 7
        plan.text(20, top, name)
        plan.text(120, top, str(quantity), align="right")
        plan.text(155, top, plain(price), align="right")
        plan.text(190, top, plain(amount), align="right")
    top += 12
    summary = [(L["subtotal"][index % len(L["subtotal"])], subtotal, False)]
    summary += [(label, amount, False) for label, amount in tax_lines]
    summary.append((L["total"][index % len(L["total"])], total, True))
    for label, amount, bold in summary:
        plan.text(150, top, label, bold=bold, align="right")
        plan.text(190, top, money(amount), bold=bold, align="right")
        top += 6.5
    label = {"fields": {
        "invoiceNumber": number, "issueDate": issue.isoformat(), "sellerName": seller,
        "amountExcludingTax": V.money(subtotal), "taxAmount": V.money(tax), "totalAmount": V.money(total),
        "currency": L["currency"],
    }}
    return plan, label


def write_all(out_dir, seed, write_label, validate):
    """Writes `<lang>-NNN.pdf` (text layer) and `<lang>-NNN-scan.png` with their labels (checked by
    `validate(name, label)`, written by `write_label(path, label)`); returns their count."""
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for lang in ORDER:
        for index in range(PER_LANGUAGE):
            doc_id = "%s-%03d" % (lang, index + 1)
            rng = random.Random("%s-%s" % (seed, doc_id))
            plan, label = invoice(rng, lang, index)
            validate(doc_id, label)
            draw_pdf(plan, os.path.join(out_dir, doc_id + ".pdf"))
            draw_scan(plan, os.path.join(out_dir, doc_id + "-scan.png"))
            for name in (doc_id, doc_id + "-scan"):
                write_label(os.path.join(out_dir, name + ".json"), label)
            written += 2
    return written
