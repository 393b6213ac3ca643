#pragma once

#include "services/hygiene/DuplicateCandidate.h"

#include <QDialog>

class HygieneStore;
class LeadStore;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QUndoStack;

// Leads → Find duplicates: scans the workspace (exact rules, plus fuzzy name and company), lists candidate groups
// with their score and reason, and merges the one picked after review.
class DuplicatesDialog : public QDialog
{
    Q_OBJECT

public:
    DuplicatesDialog(HygieneStore* hygiene, LeadStore* leads, QUndoStack* undoStack, QWidget* parent = nullptr);
    void scan();
    QTableWidget* table() const { return m_table; }
    const QList<DuplicateCandidate>& candidates() const { return m_candidates; }
    // Opens the merge review for a row; with mergeImmediately the defaults are taken (for tests and quick merges).
    void reviewRow(int row, bool mergeImmediately = false);

signals:
    void leadRequested(const QString& leadId);

private:
    void showCandidates(const QList<DuplicateCandidate>& candidates);
    void setScanning(bool scanning);

    HygieneStore* m_hygiene;
    LeadStore* m_leads;
    QUndoStack* m_undoStack;
    QList<DuplicateCandidate> m_candidates;
    QDoubleSpinBox* m_threshold;
    QPushButton* m_scan;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_table;
    QPushButton* m_merge;
};
