#pragma once

#include "models/FieldError.h"
#include "models/calling/CallScriptEntry.h"
#include "models/calling/Objection.h"
#include "services/providers/SpeechTypes.h"

#include <QHash>
#include <QWidget>

class ObjectionHandlersEditor;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class StringListEditor;
class VoicePreview;

// Edits one call script: name, purpose, industry, opening line (with "Preview voice"), talking points, objection
// handlers, rate range, closing strategy, voice, model, language and temperature. Validates inline as the user
// types after the first save attempt; the tab does the saving (saveRequested).
class ScriptEditor : public QWidget
{
    Q_OBJECT

public:
    ScriptEditor(VoicePreview* preview, QWidget* parent = nullptr);

    void load(const CallScriptEntry& entry);
    // A new, empty script with the given defaults (default voice from Settings → Calling).
    void startNew(const QString& defaultVoiceId);
    // The script as typed; money fields that are not amounts are reported in errors.
    CallScriptEntry entry(FieldErrors* errors = nullptr) const;
    QString scriptId() const { return m_loaded.script.id; }
    bool isNew() const { return m_isNew; }
    bool isDirty() const { return m_dirty; }
    void markSaved(const QString& id);

    void setLibrary(const QList<Objection>& library);
    // voices empty: no list (no key, or it failed); hint says why. defaultVoiceId speaks when the script names none.
    void setVoices(const QList<SpeechVoice>& voices, const QString& hint, const QString& defaultVoiceId);
    // Checks everything (the form's own parsing and CallScriptValidator) and shows the problems inline.
    bool validate();
    void showErrors(const FieldErrors& errors);
    void previewVoice();

signals:
    void saveRequested(const CallScriptEntry& entry);
    void dirtyChanged(bool dirty);
    void editLibraryRequested();

private:
    QWidget* buildBasics();
    QWidget* buildConversation();
    QWidget* buildVoiceAndModel();
    QLabel* errorLabel(const QString& field);
    void setDirty(bool dirty);
    void onEdited();
    void showPreviewState();
    void selectVoice(const QString& id);
    static QString moneyText(qint64 minor);

    VoicePreview* m_preview;
    CallScriptEntry m_loaded;
    bool m_isNew = true;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_validateAsYouType = false;
    QLabel* m_title = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QLineEdit* m_industry = nullptr;
    QPlainTextEdit* m_opening = nullptr;
    QPushButton* m_previewButton = nullptr;
    QLabel* m_previewStatus = nullptr;
    StringListEditor* m_points = nullptr;
    ObjectionHandlersEditor* m_handlers = nullptr;
    QLineEdit* m_rateMin = nullptr;
    QLineEdit* m_rateMax = nullptr;
    QComboBox* m_currency = nullptr;
    QPlainTextEdit* m_closing = nullptr;
    QComboBox* m_voice = nullptr;
    QLabel* m_voiceHint = nullptr;
    QLineEdit* m_model = nullptr;
    QComboBox* m_language = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QHash<QString, QLabel*> m_errors;
    QString m_defaultVoiceId;
};
