#include "labeldictionary.h"

#include <QVarLengthArray>
#include <algorithm>
#include <cstring>
#include <utility>

namespace einvoice {

namespace {

// One string per kind; variants separated by '|', written in normalised form.
struct Row
{
    LabelKind kind;
    const char *variants;
};

const Row kRows[] = {
    {LabelKind::InvoiceNumber,
     // en
     "invoice number|invoice no|invoice nr|invoice num|invoice id|inv no|bill number|document number|"
     "credit note number|credit note no|booking id|booking number|booking no|"
     // sv no da
     "fakturanummer|fakturanr|faktura nr|faktura nummer|fakt nr|kreditnotanr|kreditnota nr|kreditnotanummer|"
     "kreditfakturanr|kreditfaktura nr|fakturanr kreditnota|bilagsnummer|"
     // fi
     "laskun numero|laskunumero|laskunro|laskun nro|lasku nro|hyvityslaskun numero|hyvityslaskun nro|"
     // de
     "rechnungsnummer|rechnungsnr|rechnung nr|rechnungs nr|rg nr|belegnummer|gutschriftsnummer|gutschrift nr|"
     // fr
     "numéro de facture|numero de facture|n de facture|no de facture|facture n|facture no|n facture|no "
     "facture|"
     "numéro facture|facture numéro|numéro d'avoir|avoir n|facture affacturée n|affacturée n|affacturee n|"
     // nl
     "factuurnummer|factuurnr|factuur nr|creditnotanummer|"
     // es
     "número de factura|numero de factura|n factura|no factura|factura n|factura no|num factura|"
     // pt
     "número da fatura|numero da fatura|n fatura|no fatura|fatura n|fatura no|n.o fatura|fatura n.o|"
     "n documento|no documento|n.o documento|"
     // it
     "numero fattura|fattura n|n fattura|fattura nr|numero documento|"
     // a document grid's "Número" column (pt, es, it): the document's own number
     "número|numero|fatura n.º|n.º fatura|n.º documento"},
    {LabelKind::IssueDate,
     "invoice date|date of issue|issue date|date issued|date|dated|billing date|document date|"
     "fakturadatum|datum|fakturadato|dato|utstedt|"
     "laskun päivämäärä|laskun pvm|laskupäivä|päiväys|päivämäärä|pvm|"
     "rechnungsdatum|belegdatum|ausstellungsdatum|rechnungsdatum lieferdatum|"
     "date de facture|date de facturation|date d'émission|date facture|"
     "factuurdatum|fecha de factura|fecha de emisión|fecha factura|fecha|"
     "data da fatura|data de emissão|data do documento|data emissão|data|"
     "data fattura|data documento|data di emissione"},
    {LabelKind::DueDate,
     "due date|payment due|payment due date|date due|due|pay by|payable by|"
     "förfallodatum|förfallodag|att betala senast|betalas senast|sista betalningsdag|förfaller|"
     "forfallsdato|forfall|forfallsdag|betalingsfrist|betales innen|"
     "forfaldsdato|forfaldsdag|sidste rettidige betalingsdag|sidste rettidige "
     "betalingsdato|betalingsdato|forfald|"
     "eräpäivä|erapaiva|"
     "fälligkeitsdatum|fällig am|zahlbar bis|fälligkeit|fällig|"
     "date d'échéance|date d'echeance|échéance|echeance|date limite de paiement|"
     "vervaldatum|uiterste betaaldatum|fecha de vencimiento|vencimiento|"
     "data de vencimento|vencimento|data vencimento|data venc|data de venc|data di scadenza|scadenza"},
    {LabelKind::OrderReference,
     "order number|order no|order nr|purchase order|purchase order number|po number|po no|po|your order|"
     "order reference|order ref|customer order|"
     "ordernr|ordernummer|er order|ert ordernr|er beställning|er beställningsnr|po nummer|po nr|indkøbsordre|"
     "bestilling|deres bestilling|n bon de commande|no bon de commande|numéro de bon de "
     "commande|beställningsnr|beställningsnummer|inköpsordernr|"
     "bestillingsnr|bestillingsnummer|ordrenr|ordrenummer|deres ordrenr|deres bestillingsnr|innkjøpsordre|"
     // Norwegian EHF senders print the buyer's order number (BT-13) as the customer's reference
     "kundereferanse|"
     "dykkar ordrenr|jeres ordrenr|rekvisitionsnr|købsordre|"
     "tilausnumero|tilausnro|tilauksenne|ostotilaus|ostotilausnumero|"
     "bestellnummer|bestellnr|bestellung|ihre bestellung|bestellung nr|"
     "numéro de commande|n commande|no commande|bon de commande|commande|votre commande|"
     "bestelnummer|inkooporder|uw bestelling|"
     "número de pedido|pedido|orden de compra|"
     "encomenda|v encomenda|n encomenda|n.º encomenda|nota de encomenda|requisição|requisicao|n requisição|"
     "n.º requisição|"
     "numero ordine|ordine|rif ordine|vs ordine"},
    {LabelKind::BuyerReference,
     "your reference|your ref|buyer reference|customer reference|attention|attn|"
     "er referens|ert ref|er ref|ert refnr|ert ref nr|er ref nr|"
     "deres ref|deres referanse|kundens ref|kundens referanse|kundens reference|tilaajan viite|"
     "service exécutant|service executant|dykkar ref|dykkar referanse|jeres ref|jeres reference|deres "
     "reference|"
     "viitteenne|teidän viitteenne|"
     "ihr zeichen|ihre referenz|käuferreferenz|referenz des käufers|kundenreferenz|kundenref|leitweg id|ihre "
     "zeichen|"
     "votre référence|votre reference|référence client|réf client|"
     "uw referentie|uw kenmerk|su referencia|v referência|v referencia|sua referência|"
     "vostro riferimento|vs rif|vs riferimento"},
    {LabelKind::SellerReference,
     "our reference|our ref|vår referens|vår ref|selgers ref|vår referanse|vores ref|vores reference|"
     "viitteemme|unser zeichen|notre référence|onze referentie|nuestra referencia|n referência|"
     "nostro riferimento|seller reference|kontaktperson|contact|ansprechpartner|"
     "referens|referanse|reference|référence|referencia|referência|ref"},
    {LabelKind::CustomerNumber,
     "customer number|customer no|customer id|account number|client number|"
     "kundnummer|kundnr|kund nr|kundenummer|kundenr|kunde nr|asiakasnumero|asiakasnro|"
     "kundennummer|kundennr|kunden nr|numéro client|n client|klantnummer|número de cliente|"
     "n cliente|no cliente|codice cliente|nummer|globale nummer|number|nr|id|kennung"},
    {LabelKind::NetTotal,
     "total excl vat|total excluding vat|subtotal|sub total|net total|net amount|total net|amount excl vat|"
     "total before tax|untaxed amount|total without vat|total excl tax|net|total ex vat|"
     "totalt exkl moms|summa exkl moms|exkl moms|belopp exkl moms|netto|nettobelopp|"
     "sum eks mva|beløp eks mva|totalt eks mva|sum ekskl mva|grunnlag|mva grunnlag|netto eks mva|"
     "avgiftspliktig|avgiftspliktig beløp|"
     "i alt ekskl moms|beløb ekskl moms|momspligtigt beløb|subtotal ekskl moms|"
     "arvonlisäveroton|veroton|yhteensä ilman alv|veroton yhteensä|veroton hinta|"
     "nettobetrag|summe netto|gesamtbetrag netto|nettosumme|rechnungsbetrag netto|gesamt netto|zwischensumme|"
     "summe nettobeträge|rechnungssumme ohne ust|rechnungssumme netto|summe ohne "
     "umsatzsteuer|nettowert|gesamtsumme netto|steuerbasisbetrag|"
     "gesamtbetrag ohne umsatzsteuer|summe ohne ust|"
     "total ht|montant ht|total hors taxes|sous total|base ht|total hors tva|"
     "subtotaal|totaal excl btw|netto bedrag|exclusief btw|excl btw|totaal exclusief btw|"
     "bedrag exclusief btw|"
     "base imponible|total sin iva|"
     "total ilíquido|total iliquido|base tributável|valor sem iva|total sem iva|incidência|"
     "imponibile|totale imponibile|totale netto"},
    {LabelKind::VatTotal,
     "vat|tax|total vat|vat amount|sales tax|total tax|tax amount|vat total|"
     "moms|summa moms|momsbelopp|moms totalt|mva|sum mva|merverdiavgift|mva beløp|"
     "moms i alt|momsbeløb|alv|alv yhteensä|arvonlisävero|alv määrä|"
     "umsatzsteuer|mwst|ust|mehrwertsteuer|steuerbetrag|gesamtbetrag umsatzsteuer|summe ust|summe mwst|"
     "umsatzsteuerbetrag|tva|total tva|montant tva|btw|totaal btw|btw bedrag|iva|total iva|cuota iva|"
     "valor iva|total do iva|totale iva|imposta"},
    {LabelKind::GrossTotal,
     "total|total incl vat|total including vat|invoice total|grand total|total amount|total inc vat|"
     "totalt inkl moms|summa inkl moms|totalt|summa|belopp inkl moms|"
     "totalt inkl mva|sum inkl mva|sum|beløp inkl mva|i alt inkl moms|i alt|total inkl moms|"
     "verollinen yhteensä|yhteensä|laskun summa|laskun loppusumma|"
     "gesamtbetrag|bruttobetrag|rechnungsbetrag|summe brutto|gesamtsumme|endbetrag|gesamt brutto|"
     "rechnungsbetrag brutto|gesamtbetrag brutto|summe|bruttosumme|rechnungssumme|"
     "totalbeløp|totalbelopp|totalbeløb|total beløp|"
     "total ttc|montant ttc|totaal incl btw|totaal|total factura|importe total|"
     "total com iva|total documento|total do documento|totale fattura|totale documento|totale"},
    {LabelKind::AmountDue,
     "amount due|balance due|total due|to pay|payable|amount payable|total payable|amount to pay|"
     "att betala|totalt att betala|summa att betala|belopp att betala|"
     "å betale|totalt å betale|beløp å betale|sum å betale|å betala|"
     // a credit note's counterpart of the amount due
     "kreditert beløp|krediteret beløb|krediterat belopp|gutschriftsbetrag|"
     "beløb at betale|at betale|total at betale|"
     "maksettava|maksettava yhteensä|yhteensä maksettava|"
     "zahlbetrag|zu zahlen|fälliger betrag|offener betrag|zahlbarer betrag|zu zahlender betrag|"
     "net à payer|net a payer|montant à payer|montant a payer|reste à payer|reste a payer|à payer|"
     "te betalen|total a pagar|importe a pagar|valor a pagar|totale da pagare|netto a pagare"},
    {LabelKind::Rounding, "rounding|öresutjämning|öresavrundning|øreavrunding|øresavrunding|avrunding|"
                          "afrunding|øreafrunding|pyöristys|"
                          "rundung|arrondi|afronding|redondeo|arredondamento|arrotondamento"},
    {LabelKind::Prepaid,
     "prepaid|paid|already paid|amount paid|förskott|betalt|forskudd|allerede betalt|aconto|maksettu|"
     "anzahlung|bereits bezahlt|abzüglich anzahlung|acompte|déjà payé|vooruitbetaald|anticipo|"
     "adiantamento|acconto"},
    {LabelKind::Iban, "iban|iban nr|iban no|iban code"},
    {LabelKind::Bic, "bic|swift|bic swift|swift bic|swift code|bic code"},
    {LabelKind::Bankgiro, "bankgiro|bg|bankgironummer|bg nr"},
    {LabelKind::Plusgiro, "plusgiro|pg|postgiro|pg nr"},
    {LabelKind::PaymentReference,
     "kid|kid nr|kid nummer|ocr|ocr nummer|ocr nr|viitenumero|viitenro|viite|referensnummer|ref nr|fik|"
     "betalings id|payment reference|zahlungsreferenz|verwendungszweck|référence de paiement|"
     "betalingskenmerk|referência de pagamento"},
    {LabelKind::AccountNumber,
     "bankkonto|kontonr|kontonummer|konto|bank account|account|kontonr bank|reg nr|tilinumero|"
     "bankverbindung|kontonummer bank|innbetalt til konto|til konto"},
    {LabelKind::OrgNumber,
     "org nr|orgnr|organisationsnummer|organisasjonsnummer|org no|org nummer|org|foretaksregisteret|"
     "foretaksnummer|organisasjonsnr|"
     "foretaksnr|cvr|cvr nr|cvr nummer|se nr|y tunnus|y tun|ly tunnus|business id|"
     "handelsregister|handelsregisternummer|hrb|registergericht|kvk|kvk nummer|siren|siret|rcs|"
     "company no|company number|company registration|registration number|reg no|nipc|cif"},
    {LabelKind::VatNumber,
     "vat no|vat number|vat id|vat reg no|vat registration number|vat reg|tax id|"
     "momsreg nr|momsregnr|momsregistreringsnummer|vat nr|moms nr|mva nr|mva nummer|"
     "alv numero|alv nro|alv tunniste|"
     "ust idnr|ust id|ust id nr|ustidnr|umsatzsteuer id|umsatzsteuer identifikationsnummer|ust idnr|"
     "usr id nr|steuernummer|st nr|"
     "tva intracommunautaire|n tva|numéro de tva|n tva intracom|tva intra|"
     "btw nummer|btw nr|btw id|nif iva|partita iva|p iva|contribuinte|n contribuinte|v n contrib|"
     "n contrib|nif|nif n|no contrib|v no contrib|vat reg number|contribuinte n.º|n.º contribuinte|"
     "ert momsreg nr|er momsreg nr|ert momsregnr|kundens mva nr|kundens org nr|kundens orgnr|deres mva "
     "nr|jeres cvr nr|"
     "jeres se nr|asiakkaan alv numero|asiakkaan y tunnus"},
    {LabelKind::Currency, "currency|valuta|währung|devise|moneda|moeda|valuutta|divisa"},
    {LabelKind::Name, "name|navn|namn|nimi|nom|naam|nombre|nome|firma|company"},
    {LabelKind::BuyerBlock,
     "bill to|invoice to|buyer|sold to|billed to|customer details|"
     "fakturamottaker|fakturaadresse|køber|kunde|faktureringsadress|fakturaadress|köpare|"
     "ostaja|laskutettava|laskutusosoite|asiakas|"
     "käufer|rechnungsempfänger|käufer leistungsempfänger|leistungsempfänger|rechnungsadresse|"
     "client|acheteur|adresse de facturation|adresse du client|adresse client|facturé à|koper|klant|"
     "factuuradres|"
     "cliente|facturar a|destinatário|adquirente|comprador|committente"},
    {LabelKind::SellerBlock,
     "seller|supplier|vendor|from|sender|service "
     "provider|afsender|lähettäjä|avsändare|verkäufer|lieferant|leverandør|"
     "avsender|säljare|leverantör|myyjä|"
     "vendeur|fournisseur|vendedor|fornecedor|leverancier|cedente prestatore|prestatore"},
    {LabelKind::DeliveryBlock,
     "ship to|delivery address|deliver to|leveringsadresse|leveransadress|toimitusosoite|lieferadresse|"
     "lieferanschrift|adresse de livraison|afleveradres|dirección de entrega|morada de entrega|"
     "local de entrega|indirizzo di consegna|leveringsadresse"},
    {LabelKind::CreditNoteTitle,
     "credit note|credit memo|kreditnota|kreditfaktura|kreditnota nr|hyvityslasku|gutschrift|"
     "rechnungskorrektur|avoir|facture d'avoir|creditnota|creditfactuur|nota de crédito|nota de credito|"
     "nota di credito"},
    {LabelKind::InvoiceTitle,
     "invoice|faktura|lasku|rechnung|facture|factuur|factura|fatura|fattura|tax invoice|handelsrechnung"},
    {LabelKind::Page, "page|sida|side|sivu|seite|pág|pag|página|pagina|blatt"},
    {LabelKind::LineTotal,
     "sum of lines|total of lines|lines total|summa rader|sum linjer|sum varelinjer|rivien summa|"
     "positionssumme|summe positionen|summe der positionen|warenwert|summe warenwert|"
     "total des lignes|somme des lignes|totaal regels|som van de regels|total líneas|totale righe"},
};

// Line-table column titles, normalised like labels. A title may be a phrase ("preço unit",
// "vare nr"); the longest phrase wins so "à pris" is a price, not a stray "à".
struct ColumnRow
{
    ColumnKind kind;
    const char *variants;
};

const ColumnRow kColumnRows[] = {
    {ColumnKind::Code,
     "vare nr|varenr|varenummer|artikelnr|artikelnummer|art nr|artnr|art|art no|artikkelnr|"
     "produktnr|tuotenro|tuotekoodi|nro|item no|item number|item code|sku|product code|code|pos|position|"
     "ref|referência|référence|réf|código|codigo|codice|código artigo|nr|no|n|#"},
    {ColumnKind::Description,
     "description|item|items|product|service|details|"
     "beskrivning|benämning|specifikation|artikel|vara|varor|tjänst|text|"
     "beskrivelse|varenavn|varetekst|tekst|spesifikasjon|vare|artikkel|produkt|ydelse|"
     "kuvaus|tuote|tuote palvelu|nimike|selite|tuotenimi|"
     "bezeichnung|beschreibung|artikelbezeichnung|artikelbeschreibung|produktbeschreibung|leistung|"
     "leistungsbeschreibung|"
     "désignation|designation|libellé|omschrijving|"
     "descrição|designação|artigo|produto|descripción|concepto|descrizione"},
    {ColumnKind::Quantity,
     "quantity|qty|antal|ant|antall|mengde|kpl|määrä|menge|anzahl|qté|qte|quantité|aantal|"
     "qtd|quant|quantidade|cantidad|cant|quantità|stk|st"},
    {ColumnKind::Unit,
     "unit|enhet|enh|enhed|yks|yksikkö|einheit|me|unité|eenheid|unidade|un|unid|unidad|uds|unità"},
    {ColumnKind::Price,
     "price|unit price|pris|stk pris|st pris|styck pris|stück preis|à pris|á pris|a "
     "pris|enhetspris|stykpris|styckpris|á hinta|à hinta|a hinta|"
     "hinta|yks hinta|yksikköhinta|einzelpreis|preis|stückpreis|nettopreis|prix|prix unitaire|pu|pu ht|"
     "prijs|stukprijs|preço|preço unit|preço unitário|p unitário|p unit|precio|precio unitario|prezzo|"
     "prezzo unitario|rate"},
    {ColumnKind::Discount,
     "discount|rabatt|rab|rabat|alennus|ale|ale %|alennus %|rabatt %|rabat %|remise|korting|"
     "descuento|dto|sconto|desconto|desc|desc %"},
    {ColumnKind::Rate,
     "moms %|moms|momssats|mva %|mva|mva sats|alv %|alv|alv% |mwst|mwst %|mwst satz|ust|ust %|ust satz|"
     "steuersatz|steuer|steuer %|tva|tva %|taux tva|btw|btw %|iva|iva %|% iva|taxa iva|vat|vat %|vat "
     "rate|tax|tax %|%"},
    {ColumnKind::Amount,
     "amount|total|line total|net amount|belopp|summa|netto|nettobelopp|beløp|beløb|sum|totalt|linjesum|"
     "nettobeløp|beløp eks mva|fakturabeløp|fakturabelopp|linjebeløp|radbelopp|i alt|beløb i "
     "alt|yhteensä|veroton|rivin summa|gesamt|betrag|gesamtpreis|"
     "gesamtbetrag|nettobetrag|positionsbetrag|summe|entgelt|nettoentgelt|gesamtpreis netto|montant|montant "
     "ht|total ht|bedrag|totaal|valor|"
     "valor líquido|importe|importo|net|subtotal"},
};

} // namespace

namespace {

// Whether NFKC can change @p word: never in Latin-1 but for a few compatibility characters
// (no-break space, ordinals, superscripts, fractions, micro sign, spacing accents). Most Nordic,
// German and French words need no normalisation pass, which costs more than everything else.
bool needsCompatibilityForm(QStringView word)
{
    for (QChar c : word) {
        const char16_t u = c.unicode();
        if (u >= 0x100 ||
            (u >= 0xA0 && (u == 0xA0 || u == 0xA8 || u == 0xAA || u == 0xAF || (u >= 0xB2 && u <= 0xB5) ||
                           (u >= 0xB8 && u <= 0xBA) || (u >= 0xBC && u <= 0xBE))))
            return true;
    }
    return false;
}

// Calls @p sink with each label token of @p word, lower-cased, in order. A character loop
// rather than two regular expressions, and tokens handed out as views of a stack buffer: this
// runs for every word of every page and for every label variant.
template <typename Sink> void forEachToken(QStringView word, Sink sink)
{
    QString folded;
    QStringView w = word;
    const bool latin1 = !needsCompatibilityForm(word);
    if (!latin1) {
        folded = word.toString().normalized(QString::NormalizationForm_KC).toLower();
        w = folded;
    }
    QVarLengthArray<QChar, 64> current;
    auto flush = [&] {
        if (!current.isEmpty())
            sink(QStringView(current.constData(), current.size()));
        current.clear();
    };
    for (QChar c : w) {
        switch (c.unicode()) {
        case '.':
        case ':':
        case '#':
        case 0x00B0:
        case '(':
        case ')':
        case '*':
        case ';':
        case '[':
        case ']':
            break; // dropped
        case '-':
        case '/':
        case 0x2013:
        case 0x2014:
        case '_':
        case ' ':
            flush();
            break;
        default:
            // Latin-1 lower-cases one character at a time; anything else was folded above.
            if (!latin1)
                current.append(c);
            else if (c.unicode() >= 'A' && c.unicode() <= 'Z')
                current.append(QChar(char16_t(c.unicode() + ('a' - 'A'))));
            else
                current.append(c.unicode() < 0x80 ? c : c.toLower());
        }
    }
    flush();
}

} // namespace

QStringList LabelDictionary::normalizeWord(const QString &word)
{
    QStringList out;
    forEachToken(word, [&](QStringView token) { out << token.toString(); });
    return out;
}

// Built once per process, on first use, from the rows above: every token lands in one string
// and the entries refer to it by position, so a cold `einvoice extract` pays a few hundred
// microseconds here instead of thousands of small allocations.
LabelDictionary::LabelDictionary()
{
    qsizetype capacity = 0;
    for (const Row &row : kRows)
        capacity += qsizetype(std::strlen(row.variants));
    for (const ColumnRow &row : kColumnRows)
        capacity += qsizetype(std::strlen(row.variants));
    m_text.reserve(capacity);
    QList<std::pair<qsizetype, qsizetype>> spans; // token positions in m_text
    // Appends the tokens of one variant; returns its first token and count.
    auto addVariant = [&](QStringView variant, int *letters) {
        const int first = int(spans.size());
        forEachToken(variant, [&](QStringView token) {
            spans.append({m_text.size(), token.size()});
            m_text.append(token);
            *letters += int(token.size());
        });
        return std::pair<int, int>(first, int(spans.size()) - first);
    };
    for (const Row &row : kRows) {
        const QString variants = QString::fromUtf8(row.variants);
        for (QStringView v : QStringView(variants).split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            int letters = 0;
            const auto [first, count] = addVariant(v, &letters);
            if (count > 0)
                m_entries.append(Entry{row.kind, first, count, letters});
        }
    }
    for (const ColumnRow &row : kColumnRows) {
        const QString variants = QString::fromUtf8(row.variants);
        for (QStringView v : QStringView(variants).split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            int letters = 0;
            const auto [first, count] = addVariant(v, &letters);
            if (count > 0)
                m_columns.append(ColumnEntry{row.kind, first, count});
        }
    }
    // m_text is complete: its data no longer moves, so views of it stay valid.
    m_tokens.reserve(spans.size());
    for (const auto &[at, length] : std::as_const(spans))
        m_tokens.append(QStringView(m_text).mid(at, length));
    index(m_entries, &m_entryOrder, &m_entriesByFirst);
    index(m_columns, &m_columnOrder, &m_columnsByFirst);
}

template <typename E>
void LabelDictionary::index(const QList<E> &entries, QList<int> *order,
                            QHash<QStringView, Range> *byFirst) const
{
    // Group by first token, first come first numbered; within a group entries keep dictionary
    // order (ties go to the earlier entry).
    QHash<QStringView, int> groupOf;
    groupOf.reserve(entries.size());
    QList<int> group(entries.size());
    QList<int> counts;
    for (int i = 0; i < entries.size(); ++i) {
        const QStringView first = m_tokens[entries[i].firstToken];
        auto it = groupOf.find(first);
        if (it == groupOf.end()) {
            it = groupOf.insert(first, int(counts.size()));
            counts.append(0);
        }
        group[i] = *it;
        ++counts[*it];
    }
    QList<int> next(counts.size());
    for (int g = 1; g < counts.size(); ++g)
        next[g] = next[g - 1] + counts[g - 1];
    byFirst->reserve(groupOf.size());
    for (auto it = groupOf.cbegin(); it != groupOf.cend(); ++it)
        byFirst->insert(it.key(), Range{next[it.value()], counts[it.value()]});
    order->resize(entries.size());
    for (int i = 0; i < entries.size(); ++i)
        (*order)[next[group[i]]++] = i;
}

const LabelDictionary &LabelDictionary::instance()
{
    static const LabelDictionary dict;
    return dict;
}

std::optional<LabelMatch> LabelDictionary::matchStart(const QStringList &words) const
{
    // Tokens with the index of the word each came from (a label must end at a word boundary),
    // in a stack buffer: this runs for most segments of a page, and most start no label, which
    // the first token tells before the other words are normalised.
    QVarLengthArray<QChar, 256> chars;
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 16> spans;
    QVarLengthArray<int, 16> wordOf;
    auto addWord = [&](int i) {
        forEachToken(words[i], [&](QStringView t) {
            spans.append({chars.size(), t.size()});
            chars.append(t.data(), t.size());
            wordOf.append(i);
        });
    };
    auto token = [&](qsizetype k) {
        return QStringView(chars.constData() + spans[k].first, spans[k].second);
    };
    std::optional<LabelMatch> best;
    // Leading punctuation-only words ("-", ":") give no tokens; the label still starts at word 0.
    int next = 0;
    while (next < words.size() && spans.isEmpty())
        addWord(next++);
    if (spans.isEmpty())
        return best;
    const auto candidates = m_entriesByFirst.constFind(token(0));
    if (candidates == m_entriesByFirst.constEnd())
        return best;
    while (next < words.size() && spans.size() < 8)
        addWord(next++);
    const qsizetype tokenCount = spans.size();
    for (int k = candidates->start; k < candidates->start + candidates->count; ++k) {
        const Entry &e = m_entries[m_entryOrder[k]];
        if (e.tokenCount > tokenCount)
            continue;
        bool ok = true;
        for (int i = 0; i < e.tokenCount && ok; ++i)
            ok = token(i) == m_tokens[e.firstToken + i];
        if (!ok)
            continue;
        const int lastWord = wordOf[e.tokenCount - 1];
        if (e.tokenCount < tokenCount && wordOf[e.tokenCount] == lastWord)
            continue; // the label ends inside a word ("fakturanr" is not "faktura")
        if (!best || e.specificity > best->specificity)
            best = LabelMatch{e.kind, lastWord + 1, e.specificity};
    }
    return best;
}

std::optional<ColumnTitleMatch> LabelDictionary::matchColumnTitle(const QStringList &tokens, int start) const
{
    std::optional<ColumnTitleMatch> best;
    if (start < 0 || start >= tokens.size())
        return best;
    const auto candidates = m_columnsByFirst.constFind(QStringView(tokens[start]));
    if (candidates == m_columnsByFirst.constEnd())
        return best;
    for (int k = candidates->start; k < candidates->start + candidates->count; ++k) {
        const ColumnEntry &e = m_columns[m_columnOrder[k]];
        if (start + e.tokenCount > tokens.size() || (best && best->tokenCount >= e.tokenCount))
            continue;
        bool ok = true;
        for (int i = 0; i < e.tokenCount && ok; ++i)
            ok = tokens[start + i] == m_tokens[e.firstToken + i];
        if (ok)
            best = ColumnTitleMatch{e.kind, e.tokenCount};
    }
    return best;
}

QString LabelDictionary::kindName(LabelKind kind)
{
    switch (kind) {
    case LabelKind::InvoiceNumber:
        return QStringLiteral("invoice number");
    case LabelKind::IssueDate:
        return QStringLiteral("issue date");
    case LabelKind::DueDate:
        return QStringLiteral("due date");
    case LabelKind::OrderReference:
        return QStringLiteral("order reference");
    case LabelKind::BuyerReference:
        return QStringLiteral("buyer reference");
    case LabelKind::NetTotal:
        return QStringLiteral("total without VAT");
    case LabelKind::VatTotal:
        return QStringLiteral("VAT total");
    case LabelKind::GrossTotal:
        return QStringLiteral("total with VAT");
    case LabelKind::AmountDue:
        return QStringLiteral("amount due");
    default:
        return QStringLiteral("label");
    }
}

} // namespace einvoice
