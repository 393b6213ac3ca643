#include "ui/settings/CallingSettingsPage.h"

#include "services/calling/CallingConfiguration.h"
#include "services/calling/CallingRuntime.h"
#include "services/phone/PhoneNormalizer.h"
#include "services/secrets/SecretStore.h"
#include "services/settings/AppSettings.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/MessageBoxes.h"
#include "ui/common/Theme.h"
#include "ui/settings/VapiNumberPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace {
QString hint(const QString& provider)
{
    if (provider == CallingConfiguration::vapiProvider())
        return CallingSettingsPage::tr("Vapi private API key (AI voice calls)");
    if (provider == CallingConfiguration::twilioProvider())
        return CallingSettingsPage::tr("Twilio auth token (click-to-call, SMS)");
    return CallingSettingsPage::tr("ElevenLabs API key (voice previews)");
}

QString normalizedPhone(const QString& typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    const PhoneNormalizer::Result result = PhoneNormalizer(AppSettings::defaultRegion()).normalize(text);
    return result.ok() ? result.e164 : text;
}
} // namespace

CallingSettingsPage::CallingSettingsPage(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_configuration(session->calling())
{
    m_vapiNumber = new VapiNumberPicker(session->callingRuntime()->vapi(), this);
    setObjectName(QStringLiteral("callingSettingsPage"));
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("callingValidationMessage"));
    m_errors->setWordWrap(true);
    const QColor danger = Theme::instance()->color(QStringLiteral("danger"));
    if (danger.isValid()) {
        QPalette palette = m_errors->palette();
        palette.setColor(QPalette::WindowText, danger);
        m_errors->setPalette(palette);
    }
    m_errors->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildKeysBox());
    layout->addWidget(buildConnectionBox());
    layout->addWidget(buildCallingBox());
    layout->addWidget(m_errors);
    layout->addStretch();

    loadFields();
    const QList<QLineEdit*> edits { m_vapiBaseUrl, m_twilioBaseUrl, m_twilioSid, m_twilioFrom,
        m_ownPhone, m_elevenLabsBaseUrl };
    for (QLineEdit* edit : edits)
        connect(edit, &QLineEdit::textEdited, this, [this] { m_edited = true; });
    for (QSpinBox* spin : { m_maxConcurrent, m_callsPerSecond })
        connect(spin, &QSpinBox::valueChanged, this, [this] { m_edited = true; });
    for (QTimeEdit* time : { m_hoursStart, m_hoursEnd })
        connect(time, &QTimeEdit::timeChanged, this, [this] { m_edited = true; });
    connect(m_defaultVoice, &QComboBox::activated, this, [this] { m_edited = true; });
    connect(m_vapiNumber, &VapiNumberPicker::edited, this, [this] { m_edited = true; });
    connect(m_configuration, &CallingConfiguration::changed, this, [this] {
        if (!m_edited)
            loadFields();
        showKeyStates();
        // A Vapi key saved or loaded from the keychain after the page opened: offer the account's numbers.
        if (!m_vapiNumber->loaded() && m_configuration->hasKey(CallingConfiguration::vapiProvider()))
            m_vapiNumber->reload();
    });
    reloadVoices();
    m_vapiNumber->reload();
}

QLineEdit* CallingSettingsPage::keyEdit(const QString& provider, const QString& objectName)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setClearButtonEnabled(true);
    edit->setToolTip(hint(provider));
    m_keys.insert(provider, edit);
    auto* status = new QLabel(this);
    status->setObjectName(objectName + QStringLiteral("Status"));
    status->setWordWrap(true);
    status->setProperty("muted", true);
    m_keyStatus.insert(provider, status);
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(objectName + QStringLiteral("Remove"));
    connect(remove, &QPushButton::clicked, this, [this, provider] { removeKey(provider); });
    m_removeKey.insert(provider, remove);
    return edit;
}

QWidget* CallingSettingsPage::buildKeysBox()
{
    auto* box = new QGroupBox(tr("Provider keys"), this);
    auto* form = new QFormLayout(box);
    const QList<QPair<QString, QString>> rows { { CallingConfiguration::vapiProvider(), tr("Vapi API key") },
        { CallingConfiguration::twilioProvider(), tr("Twilio auth token") },
        { CallingConfiguration::elevenLabsProvider(), tr("ElevenLabs API key") } };
    const QHash<QString, QString> names { { CallingConfiguration::vapiProvider(), QStringLiteral("vapiKeyEdit") },
        { CallingConfiguration::twilioProvider(), QStringLiteral("twilioTokenEdit") },
        { CallingConfiguration::elevenLabsProvider(), QStringLiteral("elevenLabsKeyEdit") } };
    for (const auto& [provider, label] : rows) {
        if (provider == CallingConfiguration::twilioProvider()) {
            m_twilioSid = new QLineEdit(box);
            m_twilioSid->setObjectName(QStringLiteral("twilioSidEdit"));
            m_twilioSid->setPlaceholderText(tr("AC… (Twilio Console → Account info)"));
            form->addRow(tr("Twilio account &SID"), m_twilioSid);
        }
        QLineEdit* edit = keyEdit(provider, names.value(provider));
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(m_removeKey.value(provider));
        form->addRow(label, row);
        form->addRow(QString(), m_keyStatus.value(provider));
    }
    m_sessionOnly = new QCheckBox(tr("Use the keys for this session only (they are not saved anywhere)"), box);
    m_sessionOnly->setObjectName(QStringLiteral("callingSessionOnlyCheck"));
    m_sessionOnly->hide();
    form->addRow(QString(), m_sessionOnly);
    auto* note = new QLabel(tr("Keys are stored only in %1, never in files or the workspace. Leave a field empty to "
                               "keep the stored key.")
                                .arg(SecretStore::keychainName()),
        box);
    note->setObjectName(QStringLiteral("EmptyStateText"));
    note->setWordWrap(true);
    form->addRow(QString(), note);
    return box;
}

QWidget* CallingSettingsPage::buildConnectionBox()
{
    auto* box = new QGroupBox(tr("Connections and numbers"), this);
    const auto urlEdit = [box](const QString& name) {
        auto* edit = new QLineEdit(box);
        edit->setObjectName(name);
        return edit;
    };
    m_vapiBaseUrl = urlEdit(QStringLiteral("vapiBaseUrlEdit"));
    m_twilioBaseUrl = urlEdit(QStringLiteral("twilioBaseUrlEdit"));
    m_elevenLabsBaseUrl = urlEdit(QStringLiteral("elevenLabsBaseUrlEdit"));
    m_twilioFrom = urlEdit(QStringLiteral("twilioFromEdit"));
    m_twilioFrom->setPlaceholderText(tr("+14155550123"));
    m_ownPhone = urlEdit(QStringLiteral("ownPhoneEdit"));
    m_ownPhone->setPlaceholderText(tr("Your phone, rung first for click-to-call"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Vapi base URL"), m_vapiBaseUrl);
    form->addRow(tr("Vapi &outbound number"), m_vapiNumber);
    form->addRow(tr("Twilio base URL"), m_twilioBaseUrl);
    form->addRow(tr("Twilio &from number"), m_twilioFrom);
    form->addRow(tr("Your &phone"), m_ownPhone);
    form->addRow(tr("ElevenLabs base URL"), m_elevenLabsBaseUrl);
    return box;
}

QWidget* CallingSettingsPage::buildCallingBox()
{
    auto* box = new QGroupBox(tr("Calling hours, pace and voice"), this);
    m_hoursStart = new QTimeEdit(box);
    m_hoursStart->setObjectName(QStringLiteral("callingHoursStartEdit"));
    m_hoursStart->setDisplayFormat(QStringLiteral("HH:mm"));
    m_hoursEnd = new QTimeEdit(box);
    m_hoursEnd->setObjectName(QStringLiteral("callingHoursEndEdit"));
    m_hoursEnd->setDisplayFormat(QStringLiteral("HH:mm"));
    auto* hours = new QHBoxLayout;
    hours->addWidget(m_hoursStart);
    //: Between the start and the end of the calling hours
    hours->addWidget(new QLabel(tr("to"), box));
    hours->addWidget(m_hoursEnd);
    hours->addWidget(new QLabel(tr("local time of the lead"), box), 1);
    m_maxConcurrent = new QSpinBox(box);
    m_maxConcurrent->setObjectName(QStringLiteral("maxConcurrentCallsSpin"));
    m_maxConcurrent->setRange(1, CallingSettings::kMaxConcurrentLimit);
    m_maxConcurrent->setToolTip(tr("Your Vapi plan's concurrency limit (10 by default)."));
    m_callsPerSecond = new QSpinBox(box);
    m_callsPerSecond->setObjectName(QStringLiteral("callsPerSecondSpin"));
    m_callsPerSecond->setRange(1, CallingSettings::kMaxCallsPerSecond);
    m_callsPerSecond->setToolTip(tr("Twilio allows 1 call per second per account unless you raised it."));
    m_defaultVoice = new QComboBox(box);
    m_defaultVoice->setObjectName(QStringLiteral("defaultVoiceCombo"));
    m_defaultVoice->setMinimumContentsLength(28);
    m_refreshVoices = new QPushButton(tr("Refresh voices"), box);
    m_refreshVoices->setObjectName(QStringLiteral("refreshVoicesButton"));
    connect(m_refreshVoices, &QPushButton::clicked, this, &CallingSettingsPage::reloadVoices);
    auto* voiceRow = new QHBoxLayout;
    voiceRow->addWidget(m_defaultVoice, 1);
    voiceRow->addWidget(m_refreshVoices);
    m_voiceStatus = new QLabel(box);
    m_voiceStatus->setObjectName(QStringLiteral("voiceStatusLabel"));
    m_voiceStatus->setWordWrap(true);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Calling hours"), hours);
    form->addRow(tr("Concurrent AI &calls"), m_maxConcurrent);
    form->addRow(tr("Calls per &second"), m_callsPerSecond);
    form->addRow(tr("Default voice"), voiceRow);
    form->addRow(QString(), m_voiceStatus);
    return box;
}

void CallingSettingsPage::loadFields()
{
    const CallingSettings& s = m_configuration->settings();
    m_vapiBaseUrl->setText(s.vapiBaseUrl.toString());
    m_vapiNumber->setCurrentId(s.vapiPhoneNumberId);
    m_twilioBaseUrl->setText(s.twilioBaseUrl.toString());
    m_twilioSid->setText(s.twilioAccountSid);
    m_twilioFrom->setText(s.twilioFromNumber);
    m_ownPhone->setText(s.ownPhone);
    m_elevenLabsBaseUrl->setText(s.elevenLabsBaseUrl.toString());
    const QSignalBlocker blockStart(m_hoursStart), blockEnd(m_hoursEnd), blockMax(m_maxConcurrent),
        blockCps(m_callsPerSecond);
    m_hoursStart->setTime(s.callingHoursStart);
    m_hoursEnd->setTime(s.callingHoursEnd);
    m_maxConcurrent->setValue(s.maxConcurrentCalls);
    m_callsPerSecond->setValue(qRound(s.callsPerSecond));
    int voice = m_defaultVoice->findData(s.defaultVoiceId);
    if (voice < 0) {
        m_defaultVoice->addItem(s.defaultVoiceId.isEmpty() ? tr("No default voice") : s.defaultVoiceId, s.defaultVoiceId);
        voice = m_defaultVoice->count() - 1;
    }
    m_defaultVoice->setCurrentIndex(voice);
    showKeyStates();
}

void CallingSettingsPage::showKeyStates()
{
    using KeyState = CallingConfiguration::KeyState;
    bool unavailable = false;
    for (const QString& provider : CallingConfiguration::providers()) {
        const KeyState state = m_configuration->keyState(provider);
        m_keyStatus.value(provider)->setText(m_configuration->keyMessage(provider));
        m_removeKey.value(provider)->setEnabled(state == KeyState::Stored || state == KeyState::SessionOnly);
        m_keys.value(provider)->setPlaceholderText(state == KeyState::Stored
                ? tr("Stored — type a new key to replace it")
                : state == KeyState::SessionOnly ? tr("Kept for this session — type a new key to replace it")
                                                 : hint(provider));
        unavailable = unavailable || state == KeyState::Unavailable;
    }
    m_sessionOnly->setVisible(unavailable || m_sessionOnly->isChecked());
}

void CallingSettingsPage::reloadVoices()
{
    delete m_voiceContext;
    if (!m_configuration->hasKey(CallingConfiguration::elevenLabsProvider())) {
        m_voiceStatus->setText(tr("Save an ElevenLabs key to choose from your voices."));
        return;
    }
    m_voiceContext = new QObject(this);
    m_refreshVoices->setEnabled(false);
    m_voiceStatus->setText(tr("Loading your ElevenLabs voices…"));
    m_configuration->speech()->listVoices(m_voiceContext, [this](const SpeechResult& result) {
        delete m_voiceContext;
        m_refreshVoices->setEnabled(true);
        if (!result.ok) {
            m_voiceStatus->setText(tr("The voices could not be loaded: %1").arg(result.error.message));
            emit voicesLoaded(-1);
            return;
        }
        const QString current = m_defaultVoice->currentData().toString();
        m_defaultVoice->clear();
        m_defaultVoice->addItem(tr("No default voice"), QString());
        for (const SpeechVoice& voice : result.voices)
            m_defaultVoice->addItem(voice.description.isEmpty() ? voice.name
                                                                : QStringLiteral("%1 — %2").arg(voice.name, voice.description),
                voice.id);
        const int index = m_defaultVoice->findData(current);
        if (index < 0 && !current.isEmpty())
            m_defaultVoice->addItem(tr("%1 (not in your voices)").arg(current), current);
        m_defaultVoice->setCurrentIndex(std::max(0, m_defaultVoice->findData(current)));
        m_voiceStatus->setText(tr("%n voice(s) in your ElevenLabs account.", nullptr, int(result.voices.size())));
        emit voicesLoaded(int(result.voices.size()));
    });
}

CallingSettings CallingSettingsPage::typedSettings(FieldErrors*) const
{
    CallingSettings s = m_configuration->settings();
    s.vapiBaseUrl = QUrl(m_vapiBaseUrl->text().trimmed(), QUrl::TolerantMode);
    s.vapiPhoneNumberId = m_vapiNumber->currentId();
    s.twilioBaseUrl = QUrl(m_twilioBaseUrl->text().trimmed(), QUrl::TolerantMode);
    s.twilioAccountSid = m_twilioSid->text().trimmed();
    s.twilioFromNumber = normalizedPhone(m_twilioFrom->text());
    s.ownPhone = normalizedPhone(m_ownPhone->text());
    s.elevenLabsBaseUrl = QUrl(m_elevenLabsBaseUrl->text().trimmed(), QUrl::TolerantMode);
    s.defaultVoiceId = m_defaultVoice->currentData().toString();
    s.callingHoursStart = m_hoursStart->time();
    s.callingHoursEnd = m_hoursEnd->time();
    s.maxConcurrentCalls = m_maxConcurrent->value();
    s.callsPerSecond = m_callsPerSecond->value();
    return s;
}

bool CallingSettingsPage::isDirty() const
{
    if (m_edited)
        return true;
    for (const QLineEdit* edit : m_keys) {
        if (!edit->text().isEmpty())
            return true;
    }
    return false;
}

void CallingSettingsPage::showErrors(const FieldErrors& errors)
{
    QStringList lines;
    for (const FieldError& error : errors)
        lines.append(error.message);
    m_errors->setText(lines.join(QLatin1Char('\n')));
    m_errors->setVisible(!lines.isEmpty());
    const QHash<QString, QWidget*> fields { { QStringLiteral("vapiBaseUrl"), m_vapiBaseUrl },
        { QStringLiteral("twilioBaseUrl"), m_twilioBaseUrl }, { QStringLiteral("elevenLabsBaseUrl"), m_elevenLabsBaseUrl },
        { QStringLiteral("twilioAccountSid"), m_twilioSid }, { QStringLiteral("twilioFromNumber"), m_twilioFrom },
        { QStringLiteral("ownPhone"), m_ownPhone }, { QStringLiteral("vapiPhoneNumberId"), m_vapiNumber },
        { QStringLiteral("callingHours"), m_hoursStart }, { QStringLiteral("maxConcurrentCalls"), m_maxConcurrent },
        { QStringLiteral("callsPerSecond"), m_callsPerSecond } };
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        it.value()->setProperty("invalid", !errorFor(errors, it.key()).isEmpty());
        it.value()->style()->unpolish(it.value());
        it.value()->style()->polish(it.value());
    }
    if (!errors.isEmpty()) {
        if (QWidget* field = fields.value(errors.constFirst().field))
            field->setFocus();
    }
}

void CallingSettingsPage::save(std::function<void(bool)> done)
{
    CallingSaveRequest request;
    request.settings = typedSettings();
    const FieldErrors errors = request.settings.validate();
    showErrors(errors);
    if (!errors.isEmpty()) {
        emit saved(false);
        done(false);
        return;
    }
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        if (!it.value()->text().isEmpty())
            request.newKeys.insert(it.key(), it.value()->text());
    }
    request.sessionOnly = !m_sessionOnly->isHidden() && m_sessionOnly->isChecked();
    setEnabled(false);
    m_configuration->save(request, this, [this, done](const CallingSaveOutcome& outcome) { onSaved(outcome, done); });
}

void CallingSettingsPage::onSaved(const CallingSaveOutcome& outcome, const std::function<void(bool)>& done)
{
    setEnabled(true);
    if (outcome.ok) {
        for (QLineEdit* edit : std::as_const(m_keys))
            edit->clear();
        m_sessionOnly->setChecked(false);
        m_edited = false;
        loadFields();
        showErrors({});
        reloadVoices();
    } else {
        showErrors(outcome.fieldErrors.isEmpty() ? FieldErrors { { QStringLiteral("keys"), outcome.message } }
                                                 : outcome.fieldErrors);
        if (outcome.keyUnavailable) {
            m_sessionOnly->show();
            m_sessionOnly->setFocus();
        }
    }
    emit saved(outcome.ok);
    done(outcome.ok);
}

void CallingSettingsPage::removeKey(const QString& provider)
{
    const auto answer = MessageBoxes::question(this, tr("Remove key"),
        tr("Remove this key of the workspace from %1? Calling features that need it stop working until you enter it "
           "again.")
            .arg(SecretStore::keychainName()));
    if (answer != QMessageBox::Yes)
        return;
    m_removeKey.value(provider)->setEnabled(false);
    m_configuration->removeKey(provider, this, [this](const CallingSaveOutcome& outcome) {
        showErrors(outcome.ok ? FieldErrors {} : FieldErrors { { QStringLiteral("keys"), outcome.message } });
        showKeyStates();
        if (outcome.ok)
            reloadVoices();
    });
}
