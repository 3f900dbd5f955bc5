#include "legalform.h"

#include <QList>
#include <QVarLengthArray>

namespace einvoice {

namespace {

// Legal forms that end a company name ("Acme GmbH", "Nordvik AS"). ' ' stands for one optional
// ASCII white-space character and '?' makes the character before it optional.
// clang-format off
const char *const kLegalForms[] = {
    "AB", "AB.", "Ab", "Aktiebolag", "HB", "KB",                               // sv
    "AS", "ASA", "Aksjeselskap",                                               // no
    "A/S", "ApS", "Aktieselskab", "Anpartsselskab", "I/S",                     // da
    "Oy", "Oyj", "OY", "Osakeyhtiö", "Ky", "Tmi",                              // fi
    "GmbH", "gGmbH", "GMBH", "mbH", "AG", "KG", "OHG", "UG", "e. K.", "SE",    // de
    "Co. KG", "GmbH & Co.? KG",
    "SA", "S.A.", "SARL", "S.A.R.L.", "SAS", "SASU", "EURL",                   // fr
    "Lda.?", "Ltda.?", "Unipessoal", "SL", "S.L.",                             // pt, es
    "SpA", "S.p.A.", "Srl", "S.r.l.", "SRL",                                   // it
    "BV", "B.V.", "NV", "N.V.",                                                // nl
    "Ltd.?", "LTD", "Limited", "LLC", "Inc.?", "Corp.?", "PLC", "plc",         // en
};
// clang-format on

bool isAsciiSpace(QChar c)
{
    return c == QLatin1Char(' ') || (c >= u'\t' && c <= u'\r');
}

struct FormToken
{
    QChar c;
    bool space = false; // any one ASCII white-space character
    bool optional = false;
};

const QList<QList<FormToken>> &legalForms()
{
    static const QList<QList<FormToken>> forms = [] {
        QList<QList<FormToken>> out;
        for (const char *f : kLegalForms) {
            QList<FormToken> tokens;
            for (QChar c : QString::fromUtf8(f)) {
                if (c == QLatin1Char('?'))
                    tokens.last().optional = true;
                else if (c == QLatin1Char(' '))
                    tokens.append(FormToken{c, true, true});
                else
                    tokens.append(FormToken{c});
            }
            out.append(tokens);
        }
        return out;
    }();
    return forms;
}

// Appends every start in @p t at which tokens [0, k) of a form end at @p end.
void formStarts(const QList<FormToken> &tokens, qsizetype k, const QString &t, qsizetype end,
                QVarLengthArray<qsizetype, 4> *starts)
{
    if (k == 0) {
        starts->append(end);
        return;
    }
    const FormToken &tok = tokens[k - 1];
    if (tok.optional)
        formStarts(tokens, k - 1, t, end, starts);
    if (end > 0 && (tok.space ? isAsciiSpace(t[end - 1]) : t[end - 1] == tok.c))
        formStarts(tokens, k - 1, t, end - 1, starts);
}

} // namespace

// What the pattern `(?:^|[\s,])(AB|AS|...)\s*$` matched, without one: the reader runs without a
// JIT, and PCRE tried every position of every line against every form (30,000 instructions a
// call).
qsizetype LegalForm::startIn(const QString &t)
{
    qsizetype end = t.size();
    while (end > 0 && isAsciiSpace(t[end - 1]))
        --end;
    qsizetype best = -1;
    for (const QList<FormToken> &form : legalForms()) {
        QVarLengthArray<qsizetype, 4> starts;
        formStarts(form, form.size(), t, end, &starts);
        for (qsizetype s : starts) {
            qsizetype matchStart = -1;
            if (s > 0 && (isAsciiSpace(t[s - 1]) || t[s - 1] == QLatin1Char(',')))
                matchStart = s - 1;
            else if (s == 0)
                matchStart = 0;
            if (matchStart >= 0 && (best < 0 || matchStart < best))
                best = matchStart;
        }
    }
    return best;
}

} // namespace einvoice
