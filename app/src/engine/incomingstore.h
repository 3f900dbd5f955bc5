#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace einvoice {

/// Stores incoming invoices in the folder the user chose, under names a person can read:
/// `2025-03-14 Harbour Logistics NV 2025-0042.ubl.xml`. Every part of the name comes from the
/// other side (the portal, the seller), so it is cleaned: no path separators, no control or
/// reserved characters, no leading dots or "..", trimmed to a length every file system takes,
/// and made unique (" (2)") rather than overwriting. Files are written as a hidden temp file,
/// fsynced, then renamed. Stateless; any thread.
class IncomingStore
{
public:
    explicit IncomingStore(QString folder) : m_folder(std::move(folder)) {}

    /// The cleaned base name (without extension) for an invoice.
    static QString baseName(const QDate &date, const QString &seller, const QString &number);
    /// One name component made safe; empty input gives an empty result.
    static QString sanitize(const QString &part, int maxBytes = 80);

    /// Writes @p data as `<base><suffix>` (suffix e.g. ".ubl.xml", ".pdf"); returns the path,
    /// or an empty string with @p error naming the folder and the problem.
    QString store(const QString &base, const QString &suffix, const QByteArray &data, QString *error) const;

private:
    QString m_folder;
};

} // namespace einvoice
