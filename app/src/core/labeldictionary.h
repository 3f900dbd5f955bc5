#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace einvoice {

/// What a printed label announces.
enum class LabelKind
{
    InvoiceNumber,
    IssueDate,
    DueDate,
    OrderReference,
    BuyerReference,
    SellerReference, // "our reference": recognised so it is never taken for the buyer's
    CustomerNumber,  // recognised so it is never taken for the invoice number
    NetTotal,
    VatTotal,
    GrossTotal,
    AmountDue,
    Rounding,
    Prepaid,
    Iban,
    Bic,
    Bankgiro,
    Plusgiro,
    PaymentReference, // KID, OCR, Viitenumero, FIK
    AccountNumber,    // domestic account
    OrgNumber,
    VatNumber,
    Currency,
    Name,          // "Name:" inside a party block
    BuyerBlock,    // "Bill to", "Fakturamottaker", "Käufer", "Cliente"
    SellerBlock,   // "Seller", "Verkäufer", "Leverandør"
    DeliveryBlock, // "Ship to", "Leveringsadresse"
    CreditNoteTitle,
    InvoiceTitle,
    Page,     // "Side", "Seite", "Page": its number is never a value
    LineTotal // sum of the line amounts before document allowances and charges ("Positionssumme")
};

/// What a column title of an invoice-line table announces.
enum class ColumnKind
{
    Code, // item number, position: never part of the description
    Description,
    Quantity,
    Unit,
    Price,
    Discount,
    Rate, // VAT rate
    Amount
};

/// A column title matched at a position of a run of normalised tokens.
struct ColumnTitleMatch
{
    ColumnKind kind;
    int tokenCount = 0;
};

/// A label matched at the start of a run of words.
struct LabelMatch
{
    LabelKind kind;
    int wordCount = 0;   // words of the run the label used
    int specificity = 0; // letters in the label: longer labels win over shorter ones
};

/// Label variants per language (en, sv, nb, nn, da, fi, de, fr, nl, es, pt, it), matched on
/// normalised words (lower case, punctuation `.:#°()` dropped, `-` and `/` as spaces).
class LabelDictionary
{
public:
    static const LabelDictionary &instance();

    /// The longest label at the start of @p words, if any.
    std::optional<LabelMatch> matchStart(const QStringList &words) const;
    /// Lower-cases and strips a word into zero or more label tokens.
    static QStringList normalizeWord(const QString &word);
    static QString kindName(LabelKind kind);
    /// The longest line-table column title starting at @p tokens[start] (normalised tokens).
    std::optional<ColumnTitleMatch> matchColumnTitle(const QStringList &tokens, int start) const;

private:
    LabelDictionary();
    Q_DISABLE_COPY_MOVE(LabelDictionary) // m_tokens are views of m_text
    struct Entry
    {
        LabelKind kind;
        int firstToken; // into m_tokens
        int tokenCount;
        int specificity;
    };
    struct ColumnEntry
    {
        ColumnKind kind;
        int firstToken;
        int tokenCount;
    };
    struct Range
    {
        int start;
        int count;
    };
    template <typename E>
    void index(const QList<E> &entries, QList<int> *order, QHash<QStringView, Range> *byFirst) const;

    QString m_text;              // every token of every variant, back to back
    QList<QStringView> m_tokens; // views of m_text
    QList<Entry> m_entries;
    QList<ColumnEntry> m_columns;
    // Entries by their first token: a word is compared with the few labels that can start with
    // it, not with every label. The range is into the order list, which keeps dictionary order
    // within one first token (ties go to the earlier entry).
    QList<int> m_entryOrder;
    QList<int> m_columnOrder;
    QHash<QStringView, Range> m_entriesByFirst;
    QHash<QStringView, Range> m_columnsByFirst;
};

} // namespace einvoice
