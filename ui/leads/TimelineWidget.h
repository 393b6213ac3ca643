#pragma once

#include "models/Activity.h"
#include "models/PipelineStage.h"

#include <QWidget>

class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;
class TimelineStore;

// A lead's activity timeline, newest first, with a box to add notes; notes can be edited and deleted (undoable).
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    TimelineWidget(TimelineStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    void setLead(const QString& leadId);
    void setStages(const PipelineStages& stages);
    void reload();
    QListWidget* list() const { return m_list; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPushButton* addButton() const { return m_add; }

private:
    void addNote();
    void editSelected();
    void deleteSelected();
    void show(const QList<Activity>& activities);
    QString describe(const Activity& activity) const;

    TimelineStore* m_store;
    QUndoStack* m_undoStack;
    QString m_leadId;
    QHash<QString, QString> m_stageNames;
    QList<Activity> m_activities;
    QListWidget* m_list;
    QPlainTextEdit* m_note;
    QPushButton* m_add;
};
