#include "ui/calling/ScriptEditor.h"

#include "models/Money.h"
#include "models/calling/CallScriptValidator.h"
#include "ui/calling/ObjectionHandlersEditor.h"
#include "ui/calling/StringListEditor.h"
#include "ui/calling/VoicePreview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {
QPlainTextEdit* textBox(QWidget* parent, const QString& name, int lines)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setTabChangesFocus(true);
    const int height = edit->fontMetrics().lineSpacing() * lines + 16;
    edit->setFixedHeight(height);
    return edit;
}

QWidget* withError(QWidget* field, QLabel* error)
{
    auto* box = new QWidget(field->parentWidget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}
} // namespace

ScriptEditor::ScriptEditor(VoicePreview* preview, QWidget* parent)
    : QWidget(parent)
    , m_preview(preview)
{
    setObjectName(QStringLiteral("scriptEditor"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("DetailTitle"));
    m_save = new QPushButton(tr("&Save script"), this);
    m_save->setObjectName(QStringLiteral("saveScriptButton"));
    m_save->setProperty("primary", true);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the script (Ctrl+S)"));
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertScriptButton"));
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_validateAsYouType = true;
        if (validate())
            emit saveRequested(entry());
    });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (m_isNew)
            startNew(m_loaded.script.voiceId);
        else
            load(m_loaded);
    });
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_revert);
    header->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(buildBasics());
    layout->addWidget(buildConversation());
    layout->addWidget(buildVoiceAndModel());
    layout->addStretch();

    connect(m_preview, &VoicePreview::stateChanged, this, &ScriptEditor::showPreviewState);
    connect(m_preview, &VoicePreview::failed, this, [this](const QString& message) {
        m_previewStatus->setText(message);
        m_previewStatus->setProperty("fieldError", true);
        style()->polish(m_previewStatus);
    });
    for (QLineEdit* edit : { m_name, m_industry, m_rateMin, m_rateMax, m_model })
        connect(edit, &QLineEdit::textEdited, this, &ScriptEditor::onEdited);
    for (QPlainTextEdit* edit : { m_purpose, m_opening, m_closing })
        connect(edit, &QPlainTextEdit::textChanged, this, &ScriptEditor::onEdited);
    for (QComboBox* combo : { m_currency, m_voice, m_language }) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ScriptEditor::onEdited);
        connect(combo, &QComboBox::editTextChanged, this, &ScriptEditor::onEdited);
    }
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ScriptEditor::onEdited);
    connect(m_points, &StringListEditor::changed, this, &ScriptEditor::onEdited);
    connect(m_handlers, &ObjectionHandlersEditor::changed, this, &ScriptEditor::onEdited);
    connect(m_handlers, &ObjectionHandlersEditor::editLibraryRequested, this, &ScriptEditor::editLibraryRequested);
    startNew(QString());
}

QLabel* ScriptEditor::errorLabel(const QString& field)
{
    auto* label = new QLabel(this);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setProperty("fieldError", true);
    label->setWordWrap(true);
    label->hide();
    m_errors.insert(field, label);
    return label;
}

QWidget* ScriptEditor::buildBasics()
{
    auto* box = new QGroupBox(tr("Script"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("scriptNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Website redesign for dental practices"));
    m_name->setMaxLength(CallScriptValidator::kMaxName + 20);
    m_purpose = textBox(box, QStringLiteral("scriptPurposeEdit"), 2);
    m_purpose->setPlaceholderText(tr("What the call should achieve, e.g. book a 15-minute discovery call"));
    m_industry = new QLineEdit(box);
    m_industry->setObjectName(QStringLiteral("scriptIndustryEdit"));
    m_industry->setPlaceholderText(tr("e.g. Dental, Real estate, Restaurants"));
    m_opening = textBox(box, QStringLiteral("openingLineEdit"), 3);
    m_opening->setPlaceholderText(tr("The first thing the agent says. Use {{first_name}} or {{company}} for the "
                                     "lead's details."));
    m_previewButton = new QPushButton(tr("▶ Preview voice"), box);
    m_previewButton->setObjectName(QStringLiteral("previewVoiceButton"));
    m_previewButton->setToolTip(tr("Hear the opening line in the chosen voice (Ctrl+P)"));
    m_previewButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_previewButton, &QPushButton::clicked, this, &ScriptEditor::previewVoice);
    m_previewStatus = new QLabel(box);
    m_previewStatus->setObjectName(QStringLiteral("previewStatusLabel"));
    m_previewStatus->setWordWrap(true);
    auto* previewRow = new QHBoxLayout;
    previewRow->addWidget(m_previewButton);
    previewRow->addWidget(m_previewStatus, 1);
    auto* openingBox = new QWidget(box);
    auto* openingLayout = new QVBoxLayout(openingBox);
    openingLayout->setContentsMargins(0, 0, 0, 0);
    openingLayout->setSpacing(4);
    openingLayout->addWidget(m_opening);
    openingLayout->addWidget(errorLabel(QStringLiteral("openingLine")));
    openingLayout->addLayout(previewRow);

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Name"), withError(m_name, errorLabel(QStringLiteral("name"))));
    form->addRow(tr("&Purpose"), withError(m_purpose, errorLabel(QStringLiteral("purpose"))));
    form->addRow(tr("&Industry"), withError(m_industry, errorLabel(QStringLiteral("industry"))));
    form->addRow(tr("&Opening line"), openingBox);
    return box;
}

QWidget* ScriptEditor::buildConversation()
{
    auto* box = new QGroupBox(tr("Conversation"), this);
    m_points = new StringListEditor(QStringLiteral("talkingPoints"), tr("Add point"), tr("New talking point"), box);
    m_handlers = new ObjectionHandlersEditor(box);
    m_rateMin = new QLineEdit(box);
    m_rateMin->setObjectName(QStringLiteral("rateMinEdit"));
    m_rateMin->setPlaceholderText(tr("from"));
    m_rateMax = new QLineEdit(box);
    m_rateMax->setObjectName(QStringLiteral("rateMaxEdit"));
    m_rateMax->setPlaceholderText(tr("to"));
    m_currency = new QComboBox(box);
    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    m_currency->setEditable(true);
    m_currency->addItems({ QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("GBP"), QStringLiteral("CAD"),
        QStringLiteral("AUD"), QStringLiteral("CHF") });
    auto* rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rateMin);
    rateRow->addWidget(new QLabel(QStringLiteral("–"), box));
    rateRow->addWidget(m_rateMax);
    rateRow->addWidget(m_currency);
    auto* rateBox = new QWidget(box);
    auto* rateLayout = new QVBoxLayout(rateBox);
    rateLayout->setContentsMargins(0, 0, 0, 0);
    rateLayout->setSpacing(2);
    rateLayout->addLayout(rateRow);
    rateLayout->addWidget(errorLabel(QStringLiteral("rate")));
    rateLayout->addWidget(errorLabel(QStringLiteral("currency")));
    m_closing = textBox(box, QStringLiteral("closingStrategyEdit"), 3);
    m_closing->setPlaceholderText(tr("How the agent asks for the next step, e.g. offer two time slots for a call"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("&Talking points"), withError(m_points, errorLabel(QStringLiteral("talkingPoints"))));
    form->addRow(tr("O&bjections"), withError(m_handlers, errorLabel(QStringLiteral("objectionHandlers"))));
    form->addRow(tr("&Rate range"), rateBox);
    form->addRow(tr("C&losing"), withError(m_closing, errorLabel(QStringLiteral("closingStrategy"))));
    return box;
}

QWidget* ScriptEditor::buildVoiceAndModel()
{
    auto* box = new QGroupBox(tr("Voice and model"), this);
    m_voice = new QComboBox(box);
    m_voice->setObjectName(QStringLiteral("voiceCombo"));
    m_voiceHint = new QLabel(box);
    m_voiceHint->setObjectName(QStringLiteral("voiceHintLabel"));
    m_voiceHint->setWordWrap(true);
    m_model = new QLineEdit(box);
    m_model->setObjectName(QStringLiteral("llmModelEdit"));
    m_model->setPlaceholderText(tr("e.g. gpt-4o-mini (empty: the provider's default)"));
    m_language = new QComboBox(box);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setEditable(true);
    m_language->addItems({ QStringLiteral("en"), QStringLiteral("en-US"), QStringLiteral("en-GB"), QStringLiteral("de"),
        QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("it"), QStringLiteral("nl"), QStringLiteral("pt") });
    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperature->setRange(0.0, CallScriptValidator::kMaxTemperature);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setToolTip(tr("0 keeps the agent close to the script; higher values let it improvise."));
    auto* form = new QFormLayout(box);
    form->addRow(tr("&Voice"), withError(m_voice, errorLabel(QStringLiteral("voiceId"))));
    form->addRow(QString(), m_voiceHint);
    form->addRow(tr("&Model"), withError(m_model, errorLabel(QStringLiteral("llmModel"))));
    form->addRow(tr("&Language"), withError(m_language, errorLabel(QStringLiteral("language"))));
    form->addRow(tr("&Temperature"), withError(m_temperature, errorLabel(QStringLiteral("temperature"))));
    return box;
}

QString ScriptEditor::moneyText(qint64 minor)
{
    if (minor == 0)
        return {};
    return minor % 100 == 0 ? QString::number(minor / 100)
                            : QStringLiteral("%1.%2").arg(minor / 100).arg(minor % 100, 2, 10, QLatin1Char('0'));
}

void ScriptEditor::load(const CallScriptEntry& entry)
{
    m_loading = true;
    m_loaded = entry;
    m_isNew = false;
    m_validateAsYouType = false;
    const CallScript& s = entry.script;
    m_title->setText(s.name);
    m_name->setText(s.name);
    m_purpose->setPlainText(s.purpose);
    m_industry->setText(s.industry);
    m_opening->setPlainText(s.openingLine);
    m_points->setValues(s.talkingPoints);
    m_handlers->setHandlers(s.objectionHandlers);
    m_handlers->setLinkedIds(entry.libraryObjectionIds);
    m_rateMin->setText(moneyText(s.rateMinMinor));
    m_rateMax->setText(moneyText(s.rateMaxMinor));
    m_currency->setCurrentText(s.currency);
    m_closing->setPlainText(s.closingStrategy);
    selectVoice(s.voiceId);
    m_model->setText(s.llmModel);
    m_language->setCurrentText(s.language);
    m_temperature->setValue(s.temperature);
    m_previewStatus->clear();
    showErrors({});
    m_loading = false;
    setDirty(false);
}

void ScriptEditor::startNew(const QString& defaultVoiceId)
{
    CallScriptEntry entry;
    entry.script.voiceId = defaultVoiceId;
    load(entry);
    m_isNew = true;
    m_save->setEnabled(true);
    m_title->setText(tr("New script"));
    m_name->setFocus();
}

void ScriptEditor::markSaved(const QString& id)
{
    m_loaded = entry();
    m_loaded.script.id = id;
    m_isNew = false;
    m_title->setText(m_loaded.script.name);
    setDirty(false);
}

CallScriptEntry ScriptEditor::entry(FieldErrors* errors) const
{
    CallScriptEntry result = m_loaded;
    CallScript& s = result.script;
    s.name = m_name->text();
    s.purpose = m_purpose->toPlainText();
    s.industry = m_industry->text();
    s.openingLine = m_opening->toPlainText();
    s.talkingPoints = m_points->values();
    s.objectionHandlers = m_handlers->handlers();
    result.libraryObjectionIds = m_handlers->linkedIds();
    const auto money = [errors](QLineEdit* edit) -> qint64 {
        if (edit->text().trimmed().isEmpty())
            return 0;
        qint64 minor = 0;
        if (!Money::parse(edit->text(), &minor) && errors)
            errors->append({ QStringLiteral("rate"), tr("Enter rates as amounts such as 1500 or 1,500.50.") });
        return minor;
    };
    s.rateMinMinor = money(m_rateMin);
    s.rateMaxMinor = money(m_rateMax);
    if (!m_rateMin->text().trimmed().isEmpty() && m_rateMax->text().trimmed().isEmpty())
        s.rateMaxMinor = s.rateMinMinor; // a single rate is a range of one
    s.currency = m_currency->currentText().trimmed().toUpper();
    s.closingStrategy = m_closing->toPlainText();
    s.voiceId = m_voice->currentData().toString();
    s.llmModel = m_model->text();
    s.language = m_language->currentText().trimmed();
    s.temperature = m_temperature->value();
    return result;
}

bool ScriptEditor::validate()
{
    FieldErrors errors;
    const CallScriptEntry typed = entry(&errors);
    if (errorFor(errors, QStringLiteral("rate")).isEmpty())
        errors += CallScriptValidator::validate(CallScriptValidator::normalized(typed.script));
    else
        for (const FieldError& error : CallScriptValidator::validate(CallScriptValidator::normalized(typed.script)))
            if (error.field != QLatin1String("rate"))
                errors.append(error);
    showErrors(errors);
    return errors.isEmpty();
}

void ScriptEditor::showErrors(const FieldErrors& errors)
{
    const QHash<QString, QWidget*> fields { { QStringLiteral("name"), m_name }, { QStringLiteral("purpose"), m_purpose },
        { QStringLiteral("industry"), m_industry }, { QStringLiteral("openingLine"), m_opening },
        { QStringLiteral("rate"), m_rateMin }, { QStringLiteral("closingStrategy"), m_closing },
        { QStringLiteral("llmModel"), m_model } };
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QString message = errorFor(errors, it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        if (QWidget* field = fields.value(it.key())) {
            field->setProperty("invalid", !message.isEmpty());
            field->style()->unpolish(field);
            field->style()->polish(field);
        }
    }
    if (!errors.isEmpty() && !m_loading) {
        if (QWidget* field = fields.value(errors.constFirst().field))
            field->setFocus();
    }
}

void ScriptEditor::onEdited()
{
    if (m_loading)
        return;
    setDirty(true);
    if (m_validateAsYouType) {
        // Re-check without moving the focus away from what the user is typing.
        m_loading = true;
        validate();
        m_loading = false;
    }
}

void ScriptEditor::setDirty(bool dirty)
{
    m_save->setEnabled(dirty || m_isNew);
    m_revert->setEnabled(dirty);
    if (m_dirty == dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged(dirty);
}

void ScriptEditor::setLibrary(const QList<Objection>& library)
{
    m_handlers->setLibrary(library);
}

void ScriptEditor::setVoices(const QList<SpeechVoice>& voices, const QString& hint, const QString& defaultVoiceId)
{
    m_defaultVoiceId = defaultVoiceId;
    const QString current = m_voice->currentData().toString();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_voice->clear();
    m_voice->addItem(tr("Default voice (Settings → Calling)"), QString());
    for (const SpeechVoice& voice : voices)
        m_voice->addItem(voice.description.isEmpty() ? voice.name : QStringLiteral("%1 — %2").arg(voice.name, voice.description),
            voice.id);
    selectVoice(current.isEmpty() ? m_loaded.script.voiceId : current);
    m_loading = wasLoading;
    m_voiceHint->setText(hint);
    m_voiceHint->setVisible(!hint.isEmpty());
}

void ScriptEditor::selectVoice(const QString& id)
{
    int index = m_voice->findData(id);
    if (index < 0) {
        if (m_voice->count() == 0)
            m_voice->addItem(tr("Default voice (Settings → Calling)"), QString());
        if (!id.isEmpty()) {
            m_voice->addItem(tr("%1 (not in your voice list)").arg(id), id);
            index = m_voice->count() - 1;
        } else {
            index = 0;
        }
    }
    m_voice->setCurrentIndex(index);
}

void ScriptEditor::previewVoice()
{
    if (m_preview->state() != VoicePreview::State::Idle) {
        m_preview->stop();
        return;
    }
    m_previewStatus->setProperty("fieldError", false);
    style()->polish(m_previewStatus);
    QString templateError;
    CallScriptValidator::templateVariables(m_opening->toPlainText(), &templateError);
    if (m_opening->toPlainText().trimmed().isEmpty() || !templateError.isEmpty()) {
        m_previewStatus->setText(templateError.isEmpty() ? tr("Write the opening line first.") : templateError);
        return;
    }
    const QString voice = m_voice->currentData().toString().isEmpty() ? m_defaultVoiceId
                                                                       : m_voice->currentData().toString();
    if (voice.isEmpty()) {
        m_previewStatus->setText(tr("Choose a voice, or set a default voice in Settings → Calling."));
        return;
    }
    m_preview->preview(m_opening->toPlainText(), voice);
}

void ScriptEditor::showPreviewState()
{
    switch (m_preview->state()) {
    case VoicePreview::State::Idle:
        m_previewButton->setText(tr("▶ Preview voice"));
        if (m_previewStatus->text() == tr("Playing…") || m_previewStatus->text() == tr("Asking ElevenLabs for the audio…"))
            m_previewStatus->clear();
        break;
    case VoicePreview::State::Synthesizing:
        m_previewButton->setText(tr("■ Cancel"));
        m_previewStatus->setText(tr("Asking ElevenLabs for the audio…"));
        break;
    case VoicePreview::State::Playing:
        m_previewButton->setText(tr("■ Stop"));
        m_previewStatus->setText(tr("Playing…"));
        break;
    }
}
