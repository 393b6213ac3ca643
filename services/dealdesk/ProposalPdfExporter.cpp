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
#include <QTextBlock>
#include <QTextCursor>
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
// Anchors around the parts that must not be split over two pages.
const QString kPricingStart = QStringLiteral("pricing-start");
const QString kPricingEnd = QStringLiteral("pricing-end");
const QString kAcceptanceStart = QStringLiteral("acceptance-start");
const QString kAcceptanceEnd = QStringLiteral("acceptance-end");

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

// "P-6F708192": the random tail of the id (the head of a UUIDv7 is a time stamp shared by proposals made together).
QString reference(const QString& id)
{
    QString hex = id;
    hex.remove(QLatin1Char('-'));
    return hex.isEmpty() ? QString() : QStringLiteral("P-") + hex.right(8).toUpper();
}

QString clientBlock(const Lead& client)
{
    QStringList lines;
    const auto add = [&lines](const QString& line) {
        if (!line.trimmed().isEmpty() && !lines.contains(line.trimmed()))
            lines.append(line.trimmed());
    };
    add(client.company);
    add(client.contactPerson.isEmpty() ? client.name : client.contactPerson);
    add(client.name);
    add(client.location);
    add(client.email);
    QString html
        = QStringLiteral("<p style=\"color:%1; font-size:7.5pt; letter-spacing:1px; margin-bottom:3px;\">%2</p>")
              .arg(kMuted, esc(tr("PREPARED FOR")));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        html += i == 0
            ? QStringLiteral("<p style=\"font-size:11pt; font-weight:bold; margin:0;\">%1</p>").arg(esc(lines.at(i)))
            : QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(esc(lines.at(i)));
    }
    return html;
}

QString factRow(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td style=\"color:%1; padding-right:12px;\">%2</td><td align=\"right\">%3</td></tr>")
        .arg(kMuted, esc(label), esc(value));
}

QString pricingTable(const Proposal& proposal)
{
    const ProposalTotals totals = proposal.computeTotals();
    const auto money = [&proposal](qint64 minor) { return esc(Money::format(minor, proposal.currency, true)); };
    QString html = QStringLiteral("<h2 style=\"color:%1; font-size:13pt; margin-top:18px;\"><a name=\"%2\"></a>%3</h2>")
                       .arg(kAccent, kPricingStart, esc(tr("Investment")));
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"border-collapse:collapse;\">"
        "<thead><tr style=\"background-color:%1; color:#ffffff;\">"
        "<th align=\"left\" width=\"44%\">%2</th><th align=\"right\" width=\"10%\">%3</th>"
        "<th align=\"right\" width=\"17%\">%4</th><th align=\"right\" width=\"10%\">%5</th>"
        "<th align=\"right\" width=\"19%\">%6</th>"
        "</tr></thead><tbody>")
                .arg(kAccent, esc(tr("Description")), esc(tr("Qty")), esc(tr("Unit price")), esc(tr("Tax")),
                    esc(tr("Amount")));
    for (qsizetype i = 0; i < proposal.lines.size(); ++i) {
        const PricingLine& line = proposal.lines.at(i);
        const QString background
            = i % 2 == 1 ? QStringLiteral(" style=\"background-color:%1;\"").arg(kStripe) : QString();
        html += QStringLiteral("<tr%1><td>%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                               "<td align=\"right\">%5</td><td align=\"right\">%6</td></tr>")
                    .arg(background, esc(line.item), esc(PricingLine::formatQuantity(line.quantityMilli)),
                        money(line.unitPriceMinor), esc(PricingLine::formatTaxRate(line.taxRateBasisPoints)),
                        money(totals.lines.value(i).netMinor));
    }
    // Totals are rows of the same table, so a page break never leaves them alone on the next page.
    const auto totalRow = [](const QString& label, const QString& amount, const QString& cellStyle) {
        return QStringLiteral(
            "<tr><td></td><td colspan=\"3\" align=\"right\"%1>%2</td><td align=\"right\"%1>%3</td></tr>")
            .arg(cellStyle, label, amount);
    };
    html += totalRow(esc(tr("Subtotal")), money(totals.subtotalMinor), {});
    html += totalRow(esc(tr("Tax")), money(totals.taxMinor), {});
    html += totalRow(
        QStringLiteral("<a name=\"%1\"></a><b>%2</b>").arg(kPricingEnd, esc(tr("Total (%1)").arg(proposal.currency))),
        QStringLiteral("<b>%1</b>").arg(money(totals.totalMinor)),
        QStringLiteral(" style=\"background-color:%1; color:#ffffff; font-size:11pt;\"").arg(kAccent));
    html += QStringLiteral("</tbody></table>");
    return html;
}

QString acceptanceBlock(const Proposal& proposal, const Lead& client, const QString& sender)
{
    QString html = QStringLiteral("<h2 style=\"color:%1; font-size:13pt; margin-top:22px;\"><a name=\"%2\"></a>%3</h2>")
                       .arg(kAccent, kAcceptanceStart, esc(tr("Acceptance")));
    const QString text = proposal.validUntil.isValid()
        ? tr("To accept this proposal, please sign below and return a copy by %1.").arg(formatDate(proposal.validUntil))
        : tr("To accept this proposal, please sign below and return a copy.");
    html += QStringLiteral("<p>%1</p>").arg(esc(text));
    const QString clientName = client.company.trimmed().isEmpty() ? client.name : client.company;
    // Underlines drawn with a rule row: QTextDocument has no per-paragraph borders.
    const auto cell = [](const QString& party) {
        QString rows
            = QStringLiteral("<tr><td style=\"font-weight:bold; padding-bottom:22px;\">%1</td></tr>").arg(esc(party));
        for (const QString& caption : { tr("Name and position"), tr("Signature"), tr("Date") }) {
            rows += QStringLiteral("<tr><td style=\"border-bottom:1px solid %1; height:22px;\">&nbsp;</td></tr>"
                                   "<tr><td style=\"color:%1; font-size:7.5pt; padding-bottom:10px;\">%2</td></tr>")
                        .arg(kMuted, esc(caption));
        }
        return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">%1</table>").arg(rows);
    };
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top:6px;\"><tr>"
                           "<td width=\"46%\" valign=\"top\">%1</td><td width=\"8%\"></td>"
                           "<td width=\"46%\" valign=\"top\">%2</td></tr></table>")
                .arg(cell(tr("For %1").arg(clientName)), cell(tr("For %1").arg(sender)));
    html += QStringLiteral("<p><a name=\"%1\"></a>&nbsp;</p>").arg(kAcceptanceEnd);
    return html;
}

QTextBlock anchoredBlock(const QTextDocument& document, const QString& name)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorNames().contains(name))
                return block;
        }
    }
    return {};
}

// Moves a part to the next page when it would be split but fits on one page: QTextDocument has no
// "page-break-inside: avoid", so the part's first block gets a page break before it. Returns true when it moved.
bool keepTogether(QTextDocument& document, const QString& startAnchor, const QString& endAnchor, qreal pageHeight)
{
    const QTextBlock first = anchoredBlock(document, startAnchor);
    const QTextBlock last = anchoredBlock(document, endAnchor);
    if (!first.isValid() || !last.isValid())
        return false;
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    const qreal top = layout->blockBoundingRect(first).top();
    const qreal bottom = layout->blockBoundingRect(last).bottom();
    const int firstPage = static_cast<int>(top / pageHeight);
    const int lastPage = static_cast<int>(bottom / pageHeight);
    if (firstPage == lastPage || bottom - top > pageHeight * 0.9 || top - firstPage * pageHeight < 1)
        return false;
    QTextCursor cursor(first);
    QTextBlockFormat format = cursor.blockFormat();
    format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    cursor.setBlockFormat(format);
    return true;
}
} // namespace

ProposalPdfExporter::ProposalPdfExporter(QString senderName, QString senderDetails)
    : m_senderName(std::move(senderName))
    , m_senderDetails(std::move(senderDetails))
{ }

QString ProposalPdfExporter::html(const Proposal& proposal, const Lead& client) const
{
    const QDate issued = proposal.sentAt.isValid() ? proposal.sentAt.toLocalTime().date() : QDate::currentDate();
    QString facts;
    if (!proposal.id.isEmpty())
        facts += factRow(tr("Reference"), reference(proposal.id));
    facts += factRow(tr("Date"), formatDate(issued));
    if (proposal.validUntil.isValid())
        facts += factRow(tr("Valid until"), formatDate(proposal.validUntil));

    QString sender = QStringLiteral("<p style=\"font-size:14pt; font-weight:bold; color:%1; margin:0;\">%2</p>")
                         .arg(kAccent, esc(m_senderName));
    if (!m_senderDetails.trimmed().isEmpty())
        sender += QStringLiteral("<p style=\"color:%1; margin:0;\">%2</p>").arg(kMuted, esc(m_senderDetails));

    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
        "<td width=\"55%\" valign=\"top\">%1</td>"
        "<td width=\"45%\" valign=\"top\" align=\"right\">"
        "<p align=\"right\" style=\"font-size:16pt; letter-spacing:3px; color:%2; margin:0;\">%3</p>"
        "<table align=\"right\" cellspacing=\"0\" cellpadding=\"1\" style=\"margin-top:4px;\">%4</table>"
        "</td></tr></table>")
                .arg(sender, kMuted, esc(tr("PROPOSAL")), facts);
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top:14px;\">"
                           "<tr><td style=\"border-top:2px solid %1; padding-top:12px;\">%2</td></tr></table>")
                .arg(kAccent, clientBlock(client));
    html += QStringLiteral("<h1 style=\"color:%1; font-size:21pt; margin-top:22px; margin-bottom:6px;\">%2</h1>")
                .arg(kAccent, esc(proposal.title));
    for (const ProposalSection& section : proposal.sections) {
        if (!section.title.trimmed().isEmpty())
            html += QStringLiteral("<h2 style=\"color:%1; font-size:13pt; margin-top:18px;\">%2</h2>")
                        .arg(kAccent, esc(section.title));
        // Section bodies are the editor's rich text (ProposalHtml's escaped subset) and go in as they are.
        html += QStringLiteral("<div>%1</div>").arg(section.html);
    }
    if (!proposal.lines.isEmpty())
        html += pricingTable(proposal);
    html += acceptanceBlock(proposal, client, m_senderName);
    html += QStringLiteral("</body></html>");
    return html;
}

QString ProposalPdfExporter::write(const Proposal& proposal, const Lead& client, QIODevice* device) const
{
    QPdfWriter writer(device);
    writer.setResolution(kResolutionDpi);
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 14), QPageLayout::Millimeter));
    writer.setTitle(proposal.title);
    writer.setCreator(m_senderName);

    QPainter painter;
    if (!painter.begin(&writer))
        return tr("Could not start writing the PDF.");

    QFont font = painter.font();
    // A business sans on every system; DejaVu Sans is the last resort on Linux.
    font.setFamilies({ QStringLiteral("Helvetica Neue"), QStringLiteral("Segoe UI"), QStringLiteral("Arial"),
        QStringLiteral("Liberation Sans"), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans") });
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
    keepTogether(document, kPricingStart, kPricingEnd, pageSize.height());
    keepTogether(document, kAcceptanceStart, kAcceptanceEnd, pageSize.height());
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
        painter.drawText(
            footer, Qt::AlignLeft | Qt::AlignVCenter, m_senderName + QStringLiteral(" · ") + proposal.title);
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
