#include "services/dealdesk/ProposalPdfExporter.h"

#include "models/Money.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProposalPdfExporter", text);
}

constexpr int kResolutionDpi = 300;
const QString kAccent = QStringLiteral("#1f3a5f");
const QString kMuted = QStringLiteral("#6b7280");
const QString kStripe = QStringLiteral("#f3f5f8");

QLocale displayLocale()
{
    // Same choice as Money::format: the C locale reads oddly to a client.
    return QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale();
}

QString formatDate(const QDate& date)
{
    return displayLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString partyBlock(const QString& caption, const QStringList& lines)
{
    QString html = QStringLiteral("<p style=\"color:%1; font-size:8pt; margin-bottom:2px;\">%2</p>")
                       .arg(kMuted, esc(caption.toUpper()));
    bool first = true;
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        html += first ? QStringLiteral("<p style=\"font-size:11pt; font-weight:bold; margin:0;\">%1</p>").arg(esc(line))
                      : QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(esc(line));
        first = false;
    }
    return html;
}

QString pricingTable(const Proposal& proposal)
{
    const ProposalTotals totals = proposal.computeTotals();
    const auto money = [&proposal](qint64 minor) { return esc(Money::format(minor, proposal.currency, true)); };
    QString html = QStringLiteral("<h2 style=\"color:%1;\">%2</h2>").arg(kAccent, esc(tr("Pricing")));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" style=\"border-collapse:collapse;\">"
                           "<thead><tr style=\"background-color:%1; color:#ffffff;\">"
                           "<th align=\"left\" width=\"46%\">%2</th><th align=\"right\">%3</th>"
                           "<th align=\"right\">%4</th><th align=\"right\">%5</th><th align=\"right\">%6</th>"
                           "</tr></thead><tbody>")
                .arg(kAccent, esc(tr("Item")), esc(tr("Qty")), esc(tr("Unit price")), esc(tr("Tax")), esc(tr("Net")));
    for (qsizetype i = 0; i < proposal.lines.size(); ++i) {
        const PricingLine& line = proposal.lines.at(i);
        const QString background = i % 2 == 1 ? QStringLiteral(" style=\"background-color:%1;\"").arg(kStripe)
                                              : QString();
        html += QStringLiteral("<tr%1><td>%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                               "<td align=\"right\">%5</td><td align=\"right\">%6</td></tr>")
                    .arg(background, esc(line.item), esc(PricingLine::formatQuantity(line.quantityMilli)),
                        money(line.unitPriceMinor), esc(PricingLine::formatTaxRate(line.taxRateBasisPoints)),
                        money(totals.lines.value(i).netMinor));
    }
    html += QStringLiteral("</tbody></table>");
    html += QStringLiteral("<table align=\"right\" width=\"45%\" cellspacing=\"0\" cellpadding=\"4\" "
                           "style=\"margin-top:8px;\">"
                           "<tr><td>%1</td><td align=\"right\">%2</td></tr>"
                           "<tr><td>%3</td><td align=\"right\">%4</td></tr>"
                           "<tr style=\"background-color:%5; color:#ffffff; font-weight:bold;\">"
                           "<td>%6</td><td align=\"right\">%7</td></tr></table>")
                .arg(esc(tr("Subtotal")), money(totals.subtotalMinor), esc(tr("Tax")), money(totals.taxMinor), kAccent,
                    esc(tr("Total")), money(totals.totalMinor));
    return html;
}
} // namespace

ProposalPdfExporter::ProposalPdfExporter(QString senderName, QString senderDetails)
    : m_senderName(std::move(senderName))
    , m_senderDetails(std::move(senderDetails))
{
}

QString ProposalPdfExporter::html(const Proposal& proposal, const Lead& client) const
{
    const QDate issued = proposal.sentAt.isValid() ? proposal.sentAt.toLocalTime().date() : QDate::currentDate();
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                           "<td width=\"55%\" valign=\"top\">%1</td><td width=\"45%\" valign=\"top\">%2</td>"
                           "</tr></table>")
                .arg(partyBlock(tr("From"), { m_senderName, m_senderDetails }),
                    partyBlock(tr("Prepared for"), { client.name, client.company == client.name ? QString() : client.company,
                                                         client.contactPerson == client.name ? QString() : client.contactPerson,
                                                         client.email }));
    html += QStringLiteral("<hr/>");
    html += QStringLiteral("<h1 style=\"color:%1; font-size:20pt; margin-top:14px;\">%2</h1>")
                .arg(kAccent, esc(proposal.title));
    QString dates = esc(tr("Date: %1").arg(formatDate(issued)));
    if (proposal.validUntil.isValid())
        dates += QStringLiteral(" &nbsp;&nbsp;·&nbsp;&nbsp; ") + esc(tr("Valid until: %1").arg(formatDate(proposal.validUntil)));
    html += QStringLiteral("<p style=\"color:%1;\">%2</p>").arg(kMuted, dates);
    for (const ProposalSection& section : proposal.sections) {
        if (!section.title.trimmed().isEmpty())
            html += QStringLiteral("<h2 style=\"color:%1;\">%2</h2>").arg(kAccent, esc(section.title));
        // Section bodies are the editor's rich text and go in as they are.
        html += QStringLiteral("<div>%1</div>").arg(section.html);
    }
    if (!proposal.lines.isEmpty())
        html += pricingTable(proposal);
    html += QStringLiteral("</body></html>");
    return html;
}

QString ProposalPdfExporter::write(const Proposal& proposal, const Lead& client, QIODevice* device) const
{
    QPdfWriter writer(device);
    writer.setResolution(kResolutionDpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 14),
        QPageLayout::Millimeter));
    writer.setTitle(proposal.title);
    writer.setCreator(m_senderName);

    QPainter painter;
    if (!painter.begin(&writer))
        return tr("Could not start writing the PDF.");

    QFont font = painter.font();
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(10);
    QFont footerFont = font;
    footerFont.setPointSizeF(8);

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setHtml(html(proposal, client));

    const QFontMetricsF footerMetrics(footerFont, &writer);
    const qreal footerHeight = footerMetrics.height() * 3;
    const QSizeF area(writer.width(), writer.height());
    const QSizeF pageSize(area.width(), area.height() - footerHeight);
    document.setPageSize(pageSize);
    const int pageCount = document.pageCount();

    for (int page = 0; page < pageCount; ++page) {
        if (page > 0 && !writer.newPage()) {
            painter.end();
            return tr("Could not add page %1 to the PDF.").arg(page + 1);
        }
        painter.save();
        const QRectF visible(0, page * pageSize.height(), pageSize.width(), pageSize.height());
        painter.translate(0, -visible.top());
        painter.setClipRect(visible);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = visible;
        document.documentLayout()->draw(&painter, context);
        painter.restore();

        const qreal lineY = area.height() - footerHeight + footerMetrics.height();
        painter.setPen(QPen(QColor(0xd1, 0xd5, 0xdb), 0));
        painter.drawLine(QPointF(0, lineY), QPointF(area.width(), lineY));
        painter.setFont(footerFont);
        painter.setPen(QColor(0x6b, 0x72, 0x80));
        const QRectF footer(0, lineY + footerMetrics.height() * 0.4, area.width(), footerMetrics.height() * 1.5);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, m_senderName + QStringLiteral(" · ") + proposal.title);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(page + 1).arg(pageCount));
    }
    if (!painter.end())
        return tr("Could not finish the PDF.");
    return {};
}

QString ProposalPdfExporter::exportTo(const Proposal& proposal, const Lead& client, const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    const QString error = write(proposal, client, &file);
    if (!error.isEmpty()) {
        file.cancelWriting();
        return error;
    }
    if (file.error() != QFileDevice::NoError || !file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}
