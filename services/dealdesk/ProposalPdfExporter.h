#pragma once

#include "models/Lead.h"
#include "models/Proposal.h"

#include <QString>

class QIODevice;

// Renders a proposal as a client-ready A4 PDF with Qt Gui only (QPdfWriter + QTextDocument): sender and client
// header, title and dates, the sections' rich text, a pricing table with totals, and "Page n of m" footers.
class ProposalPdfExporter
{
public:
    // senderName is the workspace / organisation the proposal comes from; senderDetails an optional second line
    // such as an address or website.
    explicit ProposalPdfExporter(QString senderName, QString senderDetails = {});

    // The document as HTML, as it is laid out into the pages.
    QString html(const Proposal& proposal, const Lead& client) const;
    // Writes the PDF to path all or nothing (QSaveFile): an existing file is only replaced by a complete one.
    // Returns an error message, or an empty string on success.
    QString exportTo(const Proposal& proposal, const Lead& client, const QString& path) const;
    // Writes the PDF to an open device.
    QString write(const Proposal& proposal, const Lead& client, QIODevice* device) const;

private:
    QString m_senderName;
    QString m_senderDetails;
};
