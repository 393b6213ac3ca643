#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// One block of the proposal's body, such as "Scope" or "Timeline"; html is rich text from the editor.
struct ProposalSection
{
    QString title;
    QString html;

    friend bool operator==(const ProposalSection&, const ProposalSection&) = default;
};

// One priced item. Quantity is in thousandths (1500 = 1.5), tax in basis points (1900 = 19 %).
struct PricingLine
{
    QString item;
    qint64 quantityMilli = 1000;
    qint64 unitPriceMinor = 0;
    int taxRateBasisPoints = 0;

    friend bool operator==(const PricingLine&, const PricingLine&) = default;

    // "1.5", "12", "0.125": the quantity as a person would write it, in the current locale.
    static QString formatQuantity(qint64 quantityMilli);
    // "19 %", "7.5 %".
    static QString formatTaxRate(int basisPoints);
};

struct LineAmounts
{
    qint64 netMinor = 0;
    qint64 taxMinor = 0;
};

// Totals in minor units. overflow is set (and the affected sums are meaningless) when an amount exceeds qint64.
struct ProposalTotals
{
    QList<LineAmounts> lines;
    qint64 subtotalMinor = 0;
    qint64 taxMinor = 0;
    qint64 totalMinor = 0;
    bool overflow = false;
};

struct Proposal
{
    enum class Status { Draft, Sent, Accepted, Rejected };

    QString id;
    QString orgId;
    QString leadId;
    QString title;
    Status status = Status::Draft;
    QList<ProposalSection> sections;
    QList<PricingLine> lines;
    QString currency = QStringLiteral("EUR");
    QDate validUntil;
    QDateTime sentAt;
    QDateTime acceptedAt;
    QDateTime rejectedAt;
    QString rejectionReason;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;

    bool isValid() const { return !id.isEmpty(); }
    ProposalTotals computeTotals() const { return computeTotals(lines); }

    // Per line: net = quantity × unit price and tax = net × rate, each rounded half-up (away from zero) to the
    // minor unit; subtotal and tax total are sums of the rounded line values, total = subtotal + tax.
    static ProposalTotals computeTotals(const QList<PricingLine>& lines);
    static LineAmounts lineAmounts(const PricingLine& line, bool* overflow = nullptr);

    // Storage keys: "draft", "sent", "accepted", "rejected".
    static QString statusKey(Status status);
    static std::optional<Status> statusFromKey(const QString& key);
    static QList<Status> allStatuses();
    // Translated name for the UI.
    static QString statusLabel(Status status);

    // JSON used by the sections and lines columns.
    static QJsonArray sectionsToJson(const QList<ProposalSection>& sections);
    static QList<ProposalSection> sectionsFromJson(const QJsonArray& array);
    static QJsonArray linesToJson(const QList<PricingLine>& lines);
    static QList<PricingLine> linesFromJson(const QJsonArray& array);
};

Q_DECLARE_METATYPE(Proposal)
