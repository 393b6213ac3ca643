#pragma once

#include <QWidget>

class CallListModel;
class CallService;
class QAudioOutput;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMediaPlayer;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
struct CallRecord;

// Calls: the history with filters (lead, status, outcome, dates), the selected call's summary and transcript,
// recording playback, "Export transcript" to a .txt file, and the user's own outcome and notes.
class CallsTab : public QWidget
{
    Q_OBJECT

public:
    explicit CallsTab(CallService* calls, QWidget* parent = nullptr);

    void reload();
    QTableView* table() const { return m_table; }
    CallListModel* model() const { return m_model; }

signals:
    void loaded(int count);

private:
    void showCall(const CallRecord* call);
    void exportTranscript();
    void saveAnnotation();
    void togglePlayback();

    CallService* m_calls;
    CallListModel* m_model;
    QLineEdit* m_leadFilter;
    QComboBox* m_statusFilter;
    QComboBox* m_outcomeFilter;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QTableView* m_table;
    QLabel* m_empty;
    QLabel* m_heading;
    QPlainTextEdit* m_transcript;
    QComboBox* m_outcome;
    QPlainTextEdit* m_notes;
    QPushButton* m_save;
    QPushButton* m_export;
    QPushButton* m_play;
    QLabel* m_status;
    QMediaPlayer* m_player;
    QAudioOutput* m_audio;
    QTimer* m_reloadSoon;
    QString m_currentId;
};
