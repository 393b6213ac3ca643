#pragma once

#include <QPointer>
#include <QWidget>

class CallScriptSource;
class CallingRuntime;
class QLabel;
class QMenu;
class QPushButton;
class QToolButton;
struct CallScript;

// The contact row of a lead's detail panel: "AI call" with one of the call scripts (Vapi), "Call from my phone"
// (Twilio rings the user, then connects the lead) and "Text…" (Twilio SMS). Refusals (do not call, calling hours,
// a number that is not valid) and what is missing in Settings → Calling are said in the row.
class LeadContactActions : public QWidget
{
    Q_OBJECT

public:
    LeadContactActions(CallingRuntime* runtime, CallScriptSource* scripts, QWidget* parent = nullptr);

    void setLead(const QString& leadId, const QString& leadName);
    QString statusText() const;

    void callWithScript(const CallScript& script);
    void callFromMyPhone();
    void openTextMessage();

private:
    void fillScriptMenu();
    void showStatus(const QString& text);

    CallingRuntime* m_runtime;
    CallScriptSource* m_scripts;
    QToolButton* m_aiCall;
    QMenu* m_scriptMenu;
    QPushButton* m_bridgeCall;
    QPushButton* m_text;
    QLabel* m_status;
    QString m_leadId;
    QString m_leadName;
    QPointer<QObject> m_scriptRequest;
};
