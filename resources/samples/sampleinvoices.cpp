#include "sampleinvoices.h"

#include <QMap>

namespace einvoice::samples {

namespace {

// ---- Identifiers with their check digits computed, so every sample passes the national rules.

QString luhnComplete(const QString &digits) // Swedish organisation number
{
    int sum = 0;
    for (int i = 0; i < digits.size(); ++i) {
        int d = digits[i].digitValue() * ((i % 2 == 0) ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
    }
    return digits + QString::number((10 - sum % 10) % 10);
}

QString norwegianOrgNumber(const QString &eight)
{
    static const int weights[] = {3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += eight[i].digitValue() * weights[i];
    const int check = (11 - sum % 11) % 11; // 10 has no check digit: callers pick bases that avoid it
    Q_ASSERT(check != 10);
    return eight + QString::number(check);
}

QString belgianEnterpriseNumber(const QString &eight) // 10 digits, last two = 97 - (n mod 97)
{
    const int check = 97 - int(eight.toLongLong() % 97);
    return eight + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0'));
}

QString germanVatId(const QString &eight) // ISO 7064 MOD 11,10
{
    int product = 10;
    for (QChar c : eight) {
        int sum = (c.digitValue() + product) % 10;
        if (sum == 0)
            sum = 10;
        product = (2 * sum) % 11;
    }
    const int check = (11 - product) % 10;
    return QStringLiteral("DE") + eight + QString::number(check);
}

QString portugueseNif(const QString &eight)
{
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += eight[i].digitValue() * (9 - i);
    const int r = sum % 11;
    return eight + QString::number(r < 2 ? 0 : 11 - r);
}

int mod97(const QString &digits)
{
    int r = 0;
    for (QChar c : digits)
        r = (r * 10 + c.digitValue()) % 97;
    return r;
}

QString iban(const QString &country, const QString &bban)
{
    QString numeric;
    for (QChar c : bban + country + QStringLiteral("00"))
        numeric += c.isDigit() ? QString(c) : QString::number(c.toUpper().unicode() - 'A' + 10);
    const int check = 98 - mod97(numeric);
    return country + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0')) + bban;
}

QString belgianAccount(const QString &ten) // domestic check: first 10 digits mod 97, 0 -> 97
{
    int check = int(ten.toLongLong() % 97);
    if (check == 0)
        check = 97;
    return ten + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0'));
}

// ---- Model building.

Decimal dec(const char *text)
{
    return Decimal::fromString(QString::fromLatin1(text));
}

Address address(const QString &street, const QString &postCode, const QString &city, const QString &country)
{
    Address a;
    a.line1 = street;
    a.postCode = postCode;
    a.city = city;
    a.countryCode = country;
    return a;
}

Invoice baseInvoice(const QString &number, const QDate &issued, const QString &currency)
{
    Invoice inv;
    inv.customizationId = QString::fromLatin1(kPeppolCustomizationId);
    inv.profileId = QString::fromLatin1(kPeppolProfileId);
    inv.number = number;
    inv.issueDate = issued;
    inv.typeCode = QStringLiteral("380");
    inv.currency = currency;
    return inv;
}

void addLine(Invoice &inv, const QString &name, const char *quantity, const QString &unit, const char *price,
             const char *rate, const QString &category = QStringLiteral("S"))
{
    InvoiceLine line;
    line.id = QString::number(inv.lines.size() + 1);
    line.itemName = name;
    line.quantity = dec(quantity);
    line.unitCode = unit;
    line.netPrice = dec(price);
    line.netAmount = (line.quantity * line.netPrice).rounded(2);
    line.vatCategory = category;
    line.vatRate = dec(rate);
    inv.lines << line;
}

/// Totals and the VAT breakdown from the lines, rounded as EN 16931 prescribes.
void finish(Invoice &inv)
{
    QMap<QString, VatBreakdown> groups; // by category + rate, in a fixed order
    Decimal lineTotal;
    for (const InvoiceLine &line : inv.lines) {
        lineTotal += line.netAmount;
        const QString key = line.vatCategory + QLatin1Char('|') + line.vatRate->toString(2);
        VatBreakdown &b = groups[key];
        b.category = line.vatCategory;
        b.rate = line.vatRate->rounded(2);
        b.taxableAmount += line.netAmount;
    }
    Decimal vatTotal;
    inv.vatBreakdown.clear();
    // Highest rate first, as printed invoices usually list them.
    for (auto it = groups.end(); it != groups.begin();) {
        --it;
        VatBreakdown b = it.value();
        b.taxableAmount = b.taxableAmount.rounded(2);
        b.taxAmount = (b.taxableAmount * *b.rate).divided(Decimal(100), 2);
        vatTotal += b.taxAmount;
        inv.vatBreakdown << b;
    }
    inv.totals.lineNetTotal = lineTotal.rounded(2);
    inv.totals.taxExclusive = inv.totals.lineNetTotal;
    inv.totals.vatTotal = vatTotal.rounded(2);
    inv.totals.taxInclusive = inv.totals.taxExclusive + *inv.totals.vatTotal;
    inv.totals.payable = inv.totals.taxInclusive;
}

PaymentMeans creditTransfer(const QString &code, const QString &account, const QString &bic,
                            const QString &reference)
{
    PaymentMeans pm;
    pm.typeCode = code;
    pm.remittanceInfo = reference;
    pm.creditTransfers << CreditTransfer{account, QString(), bic};
    return pm;
}

// ---- Labels per language.

Labels english()
{
    Labels l;
    l.locale = QStringLiteral("en_GB");
    l.dateFormat = QStringLiteral("d MMMM yyyy");
    l.title = QStringLiteral("INVOICE");
    l.invoiceNumber = QStringLiteral("Invoice number");
    l.issueDate = QStringLiteral("Invoice date");
    l.dueDate = QStringLiteral("Due date");
    l.buyerReference = QStringLiteral("Your reference");
    l.orderReference = QStringLiteral("Purchase order");
    l.billTo = QStringLiteral("Bill to");
    l.description = QStringLiteral("Description");
    l.quantity = QStringLiteral("Qty");
    l.unit = QStringLiteral("Unit");
    l.unitPrice = QStringLiteral("Unit price");
    l.vatRate = QStringLiteral("VAT %");
    l.amount = QStringLiteral("Amount");
    l.vatSummary = QStringLiteral("VAT summary");
    l.taxable = QStringLiteral("Taxable amount");
    l.vat = QStringLiteral("VAT");
    l.totalNet = QStringLiteral("Total excl. VAT");
    l.totalVat = QStringLiteral("Total VAT");
    l.totalGross = QStringLiteral("Total incl. VAT");
    l.amountDue = QStringLiteral("Amount due");
    l.payment = QStringLiteral("Payment details");
    l.iban = QStringLiteral("IBAN");
    l.bic = QStringLiteral("BIC");
    l.paymentReference = QStringLiteral("Payment reference");
    l.paymentTerms = QStringLiteral("Terms");
    l.vatId = QStringLiteral("VAT no.");
    l.orgNumber = QStringLiteral("Company no.");
    l.page = QStringLiteral("Page");
    l.precedingInvoice = QStringLiteral("Credit for invoice");
    return l;
}

Labels swedish()
{
    Labels l;
    l.locale = QStringLiteral("sv_SE");
    l.dateFormat = QStringLiteral("yyyy-MM-dd");
    l.title = QStringLiteral("FAKTURA");
    l.invoiceNumber = QStringLiteral("Fakturanummer");
    l.issueDate = QStringLiteral("Fakturadatum");
    l.dueDate = QStringLiteral("Förfallodatum");
    l.buyerReference = QStringLiteral("Er referens");
    l.orderReference = QStringLiteral("Ordernummer");
    l.billTo = QStringLiteral("Fakturamottagare");
    l.description = QStringLiteral("Benämning");
    l.quantity = QStringLiteral("Antal");
    l.unit = QStringLiteral("Enhet");
    l.unitPrice = QStringLiteral("À-pris");
    l.vatRate = QStringLiteral("Moms %");
    l.amount = QStringLiteral("Belopp");
    l.vatSummary = QStringLiteral("Momsspecifikation");
    l.taxable = QStringLiteral("Underlag");
    l.vat = QStringLiteral("Moms");
    l.totalNet = QStringLiteral("Summa exkl. moms");
    l.totalVat = QStringLiteral("Moms totalt");
    l.totalGross = QStringLiteral("Summa inkl. moms");
    l.amountDue = QStringLiteral("Att betala");
    l.payment = QStringLiteral("Betalningsinformation");
    l.iban = QStringLiteral("IBAN");
    l.bic = QStringLiteral("BIC");
    l.paymentReference = QStringLiteral("OCR/referens");
    l.paymentTerms = QStringLiteral("Betalningsvillkor");
    l.vatId = QStringLiteral("Momsreg.nr");
    l.orgNumber = QStringLiteral("Org.nr");
    l.page = QStringLiteral("Sida");
    l.precedingInvoice = QStringLiteral("Kreditering av faktura");
    return l;
}

Labels norwegian()
{
    Labels l;
    l.locale = QStringLiteral("nb_NO");
    l.dateFormat = QStringLiteral("dd.MM.yyyy");
    l.title = QStringLiteral("FAKTURA");
    l.invoiceNumber = QStringLiteral("Fakturanr.");
    l.issueDate = QStringLiteral("Fakturadato");
    l.dueDate = QStringLiteral("Forfallsdato");
    l.buyerReference = QStringLiteral("Deres ref.");
    l.orderReference = QStringLiteral("Bestillingsnr.");
    l.billTo = QStringLiteral("Kunde");
    l.description = QStringLiteral("Beskrivelse");
    l.quantity = QStringLiteral("Antall");
    l.unit = QStringLiteral("Enhet");
    l.unitPrice = QStringLiteral("Enhetspris");
    l.vatRate = QStringLiteral("MVA %");
    l.amount = QStringLiteral("Beløp");
    l.vatSummary = QStringLiteral("MVA-spesifikasjon");
    l.taxable = QStringLiteral("Grunnlag");
    l.vat = QStringLiteral("MVA");
    l.totalNet = QStringLiteral("Sum eks. MVA");
    l.totalVat = QStringLiteral("Sum MVA");
    l.totalGross = QStringLiteral("Sum inkl. MVA");
    l.amountDue = QStringLiteral("Å betale");
    l.payment = QStringLiteral("Betaling");
    l.iban = QStringLiteral("IBAN");
    l.bic = QStringLiteral("BIC");
    l.paymentReference = QStringLiteral("KID");
    l.paymentTerms = QStringLiteral("Betalingsbetingelser");
    l.vatId = QStringLiteral("MVA-nr.");
    l.orgNumber = QStringLiteral("Org.nr.");
    l.page = QStringLiteral("Side");
    l.precedingInvoice = QStringLiteral("Kreditering av faktura");
    return l;
}

Labels german()
{
    Labels l;
    l.locale = QStringLiteral("de_DE");
    l.dateFormat = QStringLiteral("dd.MM.yyyy");
    l.title = QStringLiteral("RECHNUNG");
    l.invoiceNumber = QStringLiteral("Rechnungsnummer");
    l.issueDate = QStringLiteral("Rechnungsdatum");
    l.dueDate = QStringLiteral("Fällig am");
    l.buyerReference = QStringLiteral("Ihre Referenz");
    l.orderReference = QStringLiteral("Bestellnummer");
    l.billTo = QStringLiteral("Rechnungsempfänger");
    l.description = QStringLiteral("Bezeichnung");
    l.quantity = QStringLiteral("Menge");
    l.unit = QStringLiteral("Einheit");
    l.unitPrice = QStringLiteral("Einzelpreis");
    l.vatRate = QStringLiteral("USt. %");
    l.amount = QStringLiteral("Betrag");
    l.vatSummary = QStringLiteral("Umsatzsteuer");
    l.taxable = QStringLiteral("Nettobetrag");
    l.vat = QStringLiteral("USt.");
    l.totalNet = QStringLiteral("Summe netto");
    l.totalVat = QStringLiteral("Umsatzsteuer gesamt");
    l.totalGross = QStringLiteral("Summe brutto");
    l.amountDue = QStringLiteral("Zahlbetrag");
    l.payment = QStringLiteral("Bankverbindung");
    l.iban = QStringLiteral("IBAN");
    l.bic = QStringLiteral("BIC");
    l.paymentReference = QStringLiteral("Verwendungszweck");
    l.paymentTerms = QStringLiteral("Zahlungsbedingungen");
    l.vatId = QStringLiteral("USt-IdNr.");
    l.orgNumber = QStringLiteral("Handelsregister");
    l.page = QStringLiteral("Seite");
    l.precedingInvoice = QStringLiteral("Gutschrift zu Rechnung");
    return l;
}

Labels portuguese()
{
    Labels l;
    l.locale = QStringLiteral("pt_PT");
    l.dateFormat = QStringLiteral("dd/MM/yyyy");
    l.title = QStringLiteral("FATURA");
    l.invoiceNumber = QStringLiteral("Fatura n.º");
    l.issueDate = QStringLiteral("Data de emissão");
    l.dueDate = QStringLiteral("Data de vencimento");
    l.buyerReference = QStringLiteral("V/ Referência");
    l.orderReference = QStringLiteral("Requisição");
    l.billTo = QStringLiteral("Cliente");
    l.description = QStringLiteral("Descrição");
    l.quantity = QStringLiteral("Qtd.");
    l.unit = QStringLiteral("Un.");
    l.unitPrice = QStringLiteral("Preço unit.");
    l.vatRate = QStringLiteral("IVA %");
    l.amount = QStringLiteral("Valor");
    l.vatSummary = QStringLiteral("Quadro resumo de IVA");
    l.taxable = QStringLiteral("Incidência");
    l.vat = QStringLiteral("IVA");
    l.totalNet = QStringLiteral("Total s/ IVA");
    l.totalVat = QStringLiteral("Total IVA");
    l.totalGross = QStringLiteral("Total c/ IVA");
    l.amountDue = QStringLiteral("Total a pagar");
    l.payment = QStringLiteral("Dados de pagamento");
    l.iban = QStringLiteral("IBAN");
    l.bic = QStringLiteral("BIC/SWIFT");
    l.paymentReference = QStringLiteral("Referência");
    l.paymentTerms = QStringLiteral("Condições de pagamento");
    l.vatId = QStringLiteral("NIF");
    l.orgNumber = QStringLiteral("NIPC");
    l.page = QStringLiteral("Página");
    l.precedingInvoice = QStringLiteral("Nota de crédito da fatura");
    return l;
}

// ---- The parties.

Party belgianSeller()
{
    const QString enterprise = belgianEnterpriseNumber(QStringLiteral("08123456"));
    Party p;
    p.name = QStringLiteral("Northwind Analytics SRL");
    p.legalRegistration = {enterprise, QStringLiteral("0208")};
    p.vatId = QStringLiteral("BE") + enterprise;
    p.electronicAddress = {enterprise, QStringLiteral("0208")};
    p.address = address(QStringLiteral("Avenue Louise 120"), QStringLiteral("1050"),
                        QStringLiteral("Brussels"), QStringLiteral("BE"));
    p.contact = {QStringLiteral("Emma Claes"), QStringLiteral("+32 2 555 01 20"),
                 QStringLiteral("billing@northwind-analytics.example")};
    return p;
}

Party belgianBuyer()
{
    const QString enterprise = belgianEnterpriseNumber(QStringLiteral("04567891"));
    Party p;
    p.name = QStringLiteral("Harbour Logistics NV");
    p.legalRegistration = {enterprise, QStringLiteral("0208")};
    p.vatId = QStringLiteral("BE") + enterprise;
    p.electronicAddress = {enterprise, QStringLiteral("0208")};
    p.address = address(QStringLiteral("Noorderlaan 87"), QStringLiteral("2030"), QStringLiteral("Antwerp"),
                        QStringLiteral("BE"));
    return p;
}

Sample englishInvoice()
{
    Sample s;
    s.name = QStringLiteral("en-consulting-invoice");
    s.labels = english();
    s.layout = 0;
    s.accent = QColor(0x1f, 0x3a, 0x68);
    Invoice inv = baseInvoice(QStringLiteral("INV-2025-0042"), QDate(2025, 3, 14), QStringLiteral("EUR"));
    inv.dueDate = QDate(2025, 4, 13);
    inv.buyerReference = QStringLiteral("HL-FIN-0077");
    inv.orderReference = QStringLiteral("PO-88412");
    inv.paymentTerms = QStringLiteral("30 days net");
    inv.seller = belgianSeller();
    inv.buyer = belgianBuyer();
    inv.paymentMeans << creditTransfer(
        QStringLiteral("58"), iban(QStringLiteral("BE"), belgianAccount(QStringLiteral("3630812345"))),
        QStringLiteral("BBRUBEBB"), QStringLiteral("INV-2025-0042"));
    addLine(inv, QStringLiteral("Data platform assessment"), "3", QStringLiteral("DAY"), "950.00", "21");
    addLine(inv, QStringLiteral("Dashboard development"), "12.5", QStringLiteral("HUR"), "110.00", "21");
    addLine(inv, QStringLiteral("Travel expenses (flat rate)"), "1", QStringLiteral("C62"), "85.00", "21");
    finish(inv);
    s.invoice = inv;
    return s;
}

Sample swedishInvoice()
{
    Sample s;
    s.name = QStringLiteral("sv-faktura");
    s.labels = swedish();
    s.layout = 1;
    s.accent = QColor(0x2e, 0x6b, 0x3f);
    s.embed = Embed::Cii;
    s.embeddedName = QStringLiteral("factur-x.xml");
    const QString sellerOrg = luhnComplete(QStringLiteral("556123456"));
    const QString buyerOrg = luhnComplete(QStringLiteral("556987654"));
    Invoice inv = baseInvoice(QStringLiteral("10457"), QDate(2025, 2, 3), QStringLiteral("SEK"));
    inv.dueDate = QDate(2025, 3, 5);
    inv.buyerReference = QStringLiteral("Anna Lind");
    inv.orderReference = QStringLiteral("KB-2025-031");
    inv.paymentTerms = QStringLiteral("30 dagar netto");
    Party &seller = inv.seller;
    seller.name = QStringLiteral("Fjällström Byggservice AB");
    seller.legalRegistration = {sellerOrg, QStringLiteral("0007")};
    seller.vatId = QStringLiteral("SE") + sellerOrg + QStringLiteral("01");
    seller.taxRegistrationId = QStringLiteral("Godkänd för F-skatt");
    seller.electronicAddress = {sellerOrg, QStringLiteral("0007")};
    seller.address = address(QStringLiteral("Storgatan 12"), QStringLiteral("411 38"),
                             QStringLiteral("Göteborg"), QStringLiteral("SE"));
    seller.contact = {QStringLiteral("Erik Fjällström"), QStringLiteral("031-12 34 56"),
                      QStringLiteral("faktura@fjallstrom-bygg.example")};
    Party &buyer = inv.buyer;
    buyer.name = QStringLiteral("Kvarnbacken Fastigheter AB");
    buyer.legalRegistration = {buyerOrg, QStringLiteral("0007")};
    buyer.electronicAddress = {buyerOrg, QStringLiteral("0007")};
    buyer.address = address(QStringLiteral("Kvarngatan 4"), QStringLiteral("118 47"),
                            QStringLiteral("Stockholm"), QStringLiteral("SE"));
    inv.paymentMeans << creditTransfer(QStringLiteral("30"),
                                       iban(QStringLiteral("SE"), QStringLiteral("50000000058398257466")),
                                       QStringLiteral("ESSESESS"), QStringLiteral("104578"));
    addLine(inv, QStringLiteral("Renovering badrum, arbete"), "32", QStringLiteral("HUR"), "645.00", "25");
    addLine(inv, QStringLiteral("Kakel och fix"), "1", QStringLiteral("C62"), "8450.00", "25");
    addLine(inv, QStringLiteral("Konferenslunch byggmöte"), "6", QStringLiteral("C62"), "145.00", "12");
    finish(inv);
    s.invoice = inv;
    return s;
}

Sample norwegianInvoice()
{
    Sample s;
    s.name = QStringLiteral("no-faktura");
    s.labels = norwegian();
    s.layout = 0;
    s.accent = QColor(0x8c, 0x1c, 0x24);
    const QString sellerOrg = norwegianOrgNumber(QStringLiteral("92345678"));
    const QString buyerOrg = norwegianOrgNumber(QStringLiteral("98765432"));
    Invoice inv = baseInvoice(QStringLiteral("2025-1187"), QDate(2025, 4, 10), QStringLiteral("NOK"));
    inv.dueDate = QDate(2025, 4, 24);
    inv.buyerReference = QStringLiteral("Kari Nordmann");
    inv.paymentTerms = QStringLiteral("14 dager netto");
    Party &seller = inv.seller;
    seller.name = QStringLiteral("Havbris Elektro AS");
    seller.legalRegistration = {sellerOrg, QStringLiteral("0192")};
    seller.vatId = QStringLiteral("NO") + sellerOrg + QStringLiteral("MVA");
    seller.legalInfo = QStringLiteral("Foretaksregisteret");
    seller.electronicAddress = {sellerOrg, QStringLiteral("0192")};
    seller.address = address(QStringLiteral("Strandkaien 8"), QStringLiteral("5013"),
                             QStringLiteral("Bergen"), QStringLiteral("NO"));
    seller.contact = {QStringLiteral("Ola Havbris"), QStringLiteral("+47 55 00 12 34"),
                      QStringLiteral("post@havbris-elektro.example")};
    Party &buyer = inv.buyer;
    buyer.name = QStringLiteral("Nordlys Eiendom AS");
    buyer.legalRegistration = {buyerOrg, QStringLiteral("0192")};
    buyer.electronicAddress = {buyerOrg, QStringLiteral("0192")};
    buyer.address = address(QStringLiteral("Karl Johans gate 22"), QStringLiteral("0159"),
                            QStringLiteral("Oslo"), QStringLiteral("NO"));
    inv.paymentMeans << creditTransfer(QStringLiteral("30"),
                                       iban(QStringLiteral("NO"), QStringLiteral("15032080119")),
                                       QStringLiteral("DNBANOKK"), QStringLiteral("0011872025"));
    addLine(inv, QStringLiteral("Elektrikerarbeid"), "14", QStringLiteral("HUR"), "890.00", "25");
    addLine(inv, QStringLiteral("Kabel 3x2,5 mm²"), "120", QStringLiteral("MTR"), "18.50", "25");
    addLine(inv, QStringLiteral("Servering til montørlag"), "4", QStringLiteral("C62"), "210.00", "15");
    finish(inv);
    s.invoice = inv;
    return s;
}

Sample germanInvoice()
{
    Sample s;
    s.name = QStringLiteral("de-rechnung");
    s.labels = german();
    s.layout = 1;
    s.accent = QColor(0x0f, 0x5e, 0x6e);
    s.embed = Embed::Cii;
    s.embeddedName = QStringLiteral("factur-x.xml");
    const QString sellerVat = germanVatId(QStringLiteral("81234567"));
    const QString buyerVat = germanVatId(QStringLiteral("27654321"));
    Invoice inv = baseInvoice(QStringLiteral("RE-2025-00318"), QDate(2025, 5, 20), QStringLiteral("EUR"));
    inv.dueDate = QDate(2025, 6, 3);
    inv.buyerReference = QStringLiteral("991-01234-56");
    inv.orderReference = QStringLiteral("B-4471");
    inv.paymentTerms = QStringLiteral("Zahlbar innerhalb 14 Tagen ohne Abzug");
    Party &seller = inv.seller;
    seller.name = QStringLiteral("Rheinwerk Maschinenbau GmbH");
    seller.legalRegistration = {QStringLiteral("HRB 81234"), QString()};
    seller.vatId = sellerVat;
    seller.electronicAddress = {sellerVat, QStringLiteral("9930")};
    seller.address = address(QStringLiteral("Deutzer Freiheit 15"), QStringLiteral("50679"),
                             QStringLiteral("Köln"), QStringLiteral("DE"));
    seller.contact = {QStringLiteral("Jana Becker"), QStringLiteral("+49 221 555 0318"),
                      QStringLiteral("rechnung@rheinwerk-maschinen.example")};
    Party &buyer = inv.buyer;
    buyer.name = QStringLiteral("Alpenblick Hotel GmbH");
    buyer.vatId = buyerVat;
    buyer.electronicAddress = {buyerVat, QStringLiteral("9930")};
    buyer.address = address(QStringLiteral("Leopoldstraße 40"), QStringLiteral("80802"),
                            QStringLiteral("München"), QStringLiteral("DE"));
    inv.paymentMeans << creditTransfer(QStringLiteral("58"),
                                       iban(QStringLiteral("DE"), QStringLiteral("370400440532013000")),
                                       QStringLiteral("COBADEFFXXX"), QStringLiteral("RE-2025-00318"));
    addLine(inv, QStringLiteral("Wartung Spülmaschine"), "1", QStringLiteral("C62"), "480.00", "19");
    addLine(inv, QStringLiteral("Ersatzteil Umwälzpumpe"), "2", QStringLiteral("C62"), "129.90", "19");
    addLine(inv, QStringLiteral("Fachbuch Küchenhygiene"), "1", QStringLiteral("C62"), "39.90", "7");
    finish(inv);
    s.invoice = inv;
    return s;
}

Sample portugueseInvoice()
{
    Sample s;
    s.name = QStringLiteral("pt-fatura");
    s.labels = portuguese();
    s.layout = 0;
    s.accent = QColor(0x00, 0x5f, 0x4b);
    s.embed = Embed::Ubl;
    s.embeddedName = QStringLiteral("ubl-invoice.xml");
    const QString sellerNif = portugueseNif(QStringLiteral("50912345"));
    const QString buyerNif = portugueseNif(QStringLiteral("50054321"));
    Invoice inv = baseInvoice(QStringLiteral("FT 2025/214"), QDate(2025, 6, 2), QStringLiteral("EUR"));
    inv.dueDate = QDate(2025, 7, 2);
    inv.buyerReference = QStringLiteral("Compras/2025/117");
    inv.paymentTerms = QStringLiteral("Pagamento a 30 dias");
    Party &seller = inv.seller;
    seller.name = QStringLiteral("Azulejo Digital, Lda.");
    seller.legalRegistration = {sellerNif, QString()};
    seller.vatId = QStringLiteral("PT") + sellerNif;
    seller.electronicAddress = {QStringLiteral("PT") + sellerNif, QStringLiteral("9946")};
    seller.address = address(QStringLiteral("Rua Augusta 101"), QStringLiteral("1100-048"),
                             QStringLiteral("Lisboa"), QStringLiteral("PT"));
    seller.contact = {QStringLiteral("Marta Sousa"), QStringLiteral("+351 21 000 2140"),
                      QStringLiteral("faturacao@azulejo-digital.example")};
    Party &buyer = inv.buyer;
    buyer.name = QStringLiteral("Casa do Douro Vinhos, S.A.");
    buyer.vatId = QStringLiteral("PT") + buyerNif;
    buyer.electronicAddress = {QStringLiteral("PT") + buyerNif, QStringLiteral("9946")};
    buyer.address = address(QStringLiteral("Avenida da Boavista 1500"), QStringLiteral("4100-114"),
                            QStringLiteral("Porto"), QStringLiteral("PT"));
    inv.paymentMeans << creditTransfer(QStringLiteral("58"),
                                       iban(QStringLiteral("PT"), QStringLiteral("003500000001234567891")),
                                       QStringLiteral("CGDIPTPL"), QStringLiteral("FT 2025/214"));
    addLine(inv, QStringLiteral("Licença de software anual"), "1", QStringLiteral("C62"), "1200.00", "23");
    addLine(inv, QStringLiteral("Formação presencial"), "6", QStringLiteral("HUR"), "45.00", "23");
    addLine(inv, QStringLiteral("Livro técnico"), "2", QStringLiteral("C62"), "24.50", "6");
    finish(inv);
    s.invoice = inv;
    return s;
}

Sample englishCreditNote()
{
    Sample s;
    s.name = QStringLiteral("en-credit-note");
    s.labels = english();
    s.labels.title = QStringLiteral("CREDIT NOTE");
    s.labels.invoiceNumber = QStringLiteral("Credit note number");
    s.labels.issueDate = QStringLiteral("Date");
    s.labels.amountDue = QStringLiteral("Amount credited");
    s.layout = 1;
    s.accent = QColor(0x5b, 0x2c, 0x83);
    s.embed = Embed::Cii;
    s.embeddedName = QStringLiteral("factur-x.xml");
    Invoice inv = baseInvoice(QStringLiteral("CN-2025-0007"), QDate(2025, 3, 28), QStringLiteral("EUR"));
    inv.kind = DocumentKind::CreditNote;
    inv.typeCode = QStringLiteral("381");
    inv.buyerReference = QStringLiteral("HL-FIN-0077");
    inv.paymentTerms = QStringLiteral("Credited to your account; offset against the next invoice");
    inv.precedingInvoices << PrecedingInvoice{QStringLiteral("INV-2025-0042"), QDate(2025, 3, 14)};
    inv.seller = belgianSeller();
    inv.buyer = belgianBuyer();
    addLine(inv, QStringLiteral("Dashboard development hours not used"), "2.5", QStringLiteral("HUR"),
            "110.00", "21");
    finish(inv);
    s.invoice = inv;
    return s;
}

} // namespace

QList<Sample> allSamples()
{
    return {englishInvoice(), swedishInvoice(),    norwegianInvoice(),
            germanInvoice(),  portugueseInvoice(), englishCreditNote()};
}

} // namespace einvoice::samples
