#pragma once

#include <QWidget>

class AudioPlayback;
class CallListModel;
class CallRecordingLoader;
class CallService;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class RecordingPlayer;
struct CallRecord;

// Calls: the history with filters (lead, status, outcome, dates), the selected call's summary and transcript,
// recording playback, "Export transcript" to a .txt file, and the user's own outcome and notes.
class CallsTab : public QWidget
{
    Q_OBJECT

public:
    CallsTab(CallService* calls, CallRecordingLoader* recordings, QWidget* parent = nullptr);

    void reload();
    QTableView* table() const { return m_table; }
    CallListModel* model() const { return m_model; }
    // Tests play recordings without a sound card.
    void setAudioPlayback(AudioPlayback* playback);

signals:
    void loaded(int count);

private:
    void showCall(const CallRecord* call);
    void exportTranscript();
    void saveAnnotation();

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
    RecordingPlayer* m_recording;
    QLabel* m_status;
    QTimer* m_reloadSoon;
    QString m_currentId;
};
