#include "ui/settings/AiSettingsPage.h"

#include "models/Money.h"
#include "services/providers/AiConfiguration.h"
#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/MessageBoxes.h"
#include "ui/common/Theme.h"
#include "ui/settings/AiUsagePanel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
constexpr qint64 kMicrosPerCent = 10'000;
constexpr int kModelsShown = 8;
} // namespace

AiSettingsPage::AiSettingsPage(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_configuration(session->aiConfiguration())
{
    setObjectName(QStringLiteral("aiSettingsPage"));
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("aiValidationMessage"));
    m_errors->setWordWrap(true);
    const QColor danger = Theme::instance()->color(QStringLiteral("danger"));
    if (danger.isValid()) {
        QPalette palette = m_errors->palette();
        palette.setColor(QPalette::WindowText, danger);
        m_errors->setPalette(palette);
    }
    m_errors->hide();

    auto* usageBox = new QGroupBox(tr("This month’s usage"), this);
    m_usage = new AiUsagePanel(m_configuration, session->ai(), usageBox);
    auto* usageLayout = new QVBoxLayout(usageBox);
    usageLayout->addWidget(m_usage);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildConnectionBox());
    layout->addWidget(buildBudgetBox());
    layout->addWidget(usageBox, 1);
    layout->addWidget(m_errors);

    loadFields();
    for (QLineEdit* edit : { m_baseUrl, m_model, m_apiKey, m_orgBudget, m_myBudget })
        connect(edit, &QLineEdit::textEdited, this, [this] { m_edited = true; });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this] { m_edited = true; });
    connect(m_configuration, &AiConfiguration::changed, this, [this] {
        if (!m_edited)
            loadFields();
        showKeyState();
    });
    m_usage->reload();
}

QWidget* AiSettingsPage::buildConnectionBox()
{
    auto* box = new QGroupBox(tr("Language model"), this);
    m_baseUrl = new QLineEdit(box);
    m_baseUrl->setObjectName(QStringLiteral("aiBaseUrlEdit"));
    m_baseUrl->setPlaceholderText(tr("https://api.openai.com/v1 or http://127.0.0.1:11434/v1"));
    m_baseUrl->setToolTip(tr("Any server that speaks the OpenAI Chat Completions API: OpenAI, Ollama, llama.cpp, "
                             "vLLM, or a company gateway. Leave empty to switch AI features off."));
    m_model = new QLineEdit(box);
    m_model->setObjectName(QStringLiteral("aiModelEdit"));
    m_model->setPlaceholderText(tr("e.g. gpt-4o-mini or llama3.1"));
    m_apiKey = new QLineEdit(box);
    m_apiKey->setObjectName(QStringLiteral("aiApiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setClearButtonEnabled(true);
    m_removeKey = new QPushButton(tr("Remove key"), box);
    m_removeKey->setObjectName(QStringLiteral("aiRemoveKeyButton"));
    connect(m_removeKey, &QPushButton::clicked, this, &AiSettingsPage::removeKey);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_apiKey, 1);
    keyRow->addWidget(m_removeKey);
    m_keyStatus = new QLabel(box);
    m_keyStatus->setObjectName(QStringLiteral("aiKeyStatusLabel"));
    m_keyStatus->setWordWrap(true);
    m_sessionOnly = new QCheckBox(tr("Use the key for this session only (it is not saved anywhere)"), box);
    m_sessionOnly->setObjectName(QStringLiteral("aiSessionOnlyCheck"));
    m_sessionOnly->hide();
    m_timeout = new QSpinBox(box);
    m_timeout->setObjectName(QStringLiteral("aiTimeoutSpin"));
    m_timeout->setRange(AiOptions::kMinTimeoutSeconds, AiOptions::kMaxTimeoutSeconds);
    //: Unit of the AI timeout, seconds
    m_timeout->setSuffix(tr(" s"));

    m_test = new QPushButton(tr("&Test connection"), box);
    m_test->setObjectName(QStringLiteral("aiTestConnectionButton"));
    connect(m_test, &QPushButton::clicked, this, &AiSettingsPage::testConnection);
    m_testProgress = new QProgressBar(box);
    m_testProgress->setObjectName(QStringLiteral("aiTestProgress"));
    m_testProgress->setRange(0, 0);
    m_testProgress->setMaximumWidth(120);
    m_testProgress->hide();
    m_testResult = new QLabel(box);
    m_testResult->setObjectName(QStringLiteral("aiTestResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testProgress);
    testRow->addWidget(m_testResult, 1);

    auto* form = new QFormLayout(box);
    form->addRow(tr("&Base URL"), m_baseUrl);
    form->addRow(tr("&Model"), m_model);
    form->addRow(tr("API &key"), keyRow);
    form->addRow(QString(), m_keyStatus);
    form->addRow(QString(), m_sessionOnly);
    form->addRow(tr("T&imeout"), m_timeout);
    form->addRow(QString(), testRow);
    return box;
}

QWidget* AiSettingsPage::buildBudgetBox()
{
    auto* box = new QGroupBox(tr("Monthly budgets"), this);
    const QString symbol = m_configuration->currencySymbol();
    auto moneyRow = [box, &symbol](QLineEdit* edit) {
        edit->setPlaceholderText(tr("No limit"));
        auto* row = new QHBoxLayout;
        row->addWidget(new QLabel(symbol, box));
        row->addWidget(edit, 1);
        return row;
    };
    m_orgBudget = new QLineEdit(box);
    m_orgBudget->setObjectName(QStringLiteral("aiOrgBudgetEdit"));
    m_myBudget = new QLineEdit(box);
    m_myBudget->setObjectName(QStringLiteral("aiMyBudgetEdit"));
    auto* hint = new QLabel(tr("AI features stop with a clear message when a budget is used up; everything else keeps "
                               "working. Costs are estimates from the model’s list price."),
        box);
    hint->setWordWrap(true);
    auto* form = new QFormLayout(box);
    form->addRow(tr("&Workspace per month"), moneyRow(m_orgBudget));
    form->addRow(tr("&Mine per month"), moneyRow(m_myBudget));
    form->addRow(QString(), hint);
    return box;
}

QString AiSettingsPage::budgetText(const std::optional<qint64>& micros)
{
    if (!micros)
        return {};
    const qint64 cents = (*micros + kMicrosPerCent / 2) / kMicrosPerCent;
    return QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

void AiSettingsPage::loadFields()
{
    const AiOptions& options = m_configuration->options();
    m_baseUrl->setText(options.baseUrl.toString());
    m_model->setText(options.model);
    const QSignalBlocker blocker(m_timeout);
    m_timeout->setValue(options.timeoutSeconds);
    m_orgBudget->setText(budgetText(options.orgBudgetMicros));
    m_myBudget->setText(budgetText(options.myBudgetMicros));
    showKeyState();
}

void AiSettingsPage::showKeyState()
{
    using KeyState = AiConfiguration::KeyState;
    const KeyState state = m_configuration->keyState();
    m_keyStatus->setText(m_configuration->keyMessage());
    m_removeKey->setEnabled(state == KeyState::Stored || state == KeyState::SessionOnly);
    m_sessionOnly->setVisible(state == KeyState::Unavailable || m_sessionOnly->isChecked());
    switch (state) {
    case KeyState::Stored:
        m_apiKey->setPlaceholderText(
            tr("Stored in %1 — type a new key to replace it").arg(SecretStore::keychainName()));
        break;
    case KeyState::SessionOnly:
        m_apiKey->setPlaceholderText(tr("Kept for this session — type a new key to replace it"));
        break;
    default:
        m_apiKey->setPlaceholderText(tr("Not needed for local servers; stored in %1").arg(SecretStore::keychainName()));
        break;
    }
}

AiOptions AiSettingsPage::typedOptions(FieldErrors* errors) const
{
    AiOptions options;
    options.baseUrl = AiOptions::parseBaseUrl(m_baseUrl->text());
    options.model = m_model->text().trimmed();
    options.timeoutSeconds = m_timeout->value();
    const auto budget = [errors](QLineEdit* edit, const QString& field) -> std::optional<qint64> {
        if (edit->text().trimmed().isEmpty())
            return std::nullopt;
        qint64 minor = 0;
        if (!Money::parse(edit->text(), &minor)) {
            if (errors)
                errors->append({ field, tr("Enter the budget as an amount such as 25.00, or leave it empty for no "
                                           "limit.") });
            return std::nullopt;
        }
        return minor * kMicrosPerCent;
    };
    options.orgBudgetMicros = budget(m_orgBudget, QStringLiteral("orgBudget"));
    options.myBudgetMicros = budget(m_myBudget, QStringLiteral("myBudget"));
    return options;
}

bool AiSettingsPage::isDirty() const
{
    return m_edited || !m_apiKey->text().isEmpty();
}

void AiSettingsPage::showErrors(const FieldErrors& errors)
{
    QStringList lines;
    for (const FieldError& error : errors)
        lines.append(error.message);
    m_errors->setText(lines.join(QLatin1Char('\n')));
    m_errors->setVisible(!lines.isEmpty());
    const QHash<QString, QWidget*> fields { { QStringLiteral("baseUrl"), m_baseUrl },
        { QStringLiteral("model"), m_model }, { QStringLiteral("timeout"), m_timeout },
        { QStringLiteral("orgBudget"), m_orgBudget }, { QStringLiteral("myBudget"), m_myBudget } };
    if (!errors.isEmpty()) {
        if (QWidget* field = fields.value(errors.constFirst().field))
            field->setFocus();
    }
}

void AiSettingsPage::save(std::function<void(bool)> done)
{
    FieldErrors errors;
    AiSaveRequest request;
    request.options = typedOptions(&errors);
    errors += request.options.validate();
    showErrors(errors);
    if (!errors.isEmpty()) {
        emit saved(false);
        done(false);
        return;
    }
    if (!m_apiKey->text().isEmpty()) {
        request.keyChange = AiSaveRequest::KeyChange::Replace;
        request.newKey = m_apiKey->text();
        request.sessionOnly = !m_sessionOnly->isHidden() && m_sessionOnly->isChecked();
    }
    setEnabled(false);
    m_configuration->save(request, this, [this, done](const AiSaveOutcome& outcome) { onSaved(outcome, done); });
}

void AiSettingsPage::onSaved(const AiSaveOutcome& outcome, const std::function<void(bool)>& done)
{
    setEnabled(true);
    if (outcome.ok) {
        m_apiKey->clear();
        m_sessionOnly->setChecked(false);
        m_edited = false;
        loadFields();
        showErrors({});
    } else {
        showErrors(outcome.fieldErrors.isEmpty() ? FieldErrors { { QStringLiteral("apiKey"), outcome.message } }
                                                 : outcome.fieldErrors);
        if (outcome.keyUnavailable) {
            m_sessionOnly->show();
            m_sessionOnly->setFocus();
        }
    }
    emit saved(outcome.ok);
    done(outcome.ok);
}

void AiSettingsPage::removeKey()
{
    const auto answer = MessageBoxes::question(this, tr("Remove API key"),
        tr("Remove the API key of this workspace from %1? AI features that need a key stop working until you enter "
           "it again.")
            .arg(SecretStore::keychainName()));
    if (answer != QMessageBox::Yes)
        return;
    m_removeKey->setEnabled(false);
    m_configuration->removeKey(this, [this](const AiSaveOutcome& outcome) {
        showErrors(outcome.ok ? FieldErrors {} : FieldErrors { { QStringLiteral("apiKey"), outcome.message } });
        showKeyState();
    });
}

void AiSettingsPage::testConnection()
{
    if (m_testContext) {
        delete m_testContext; // a second click cancels the running test
        setTesting(false);
        m_testResult->setText(tr("Test cancelled."));
        return;
    }
    FieldErrors errors;
    const AiOptions options = typedOptions(&errors);
    if (options.baseUrl.isEmpty())
        errors.append({ QStringLiteral("baseUrl"),
            tr("Enter the base URL of the AI server first, for example https://api.openai.com/v1.") });
    for (const FieldError& error : options.validate()) {
        if (error.field == QLatin1String("baseUrl") || error.field == QLatin1String("timeout"))
            errors.append(error);
    }
    showErrors(errors);
    if (!errors.isEmpty()) {
        m_testResult->setText(errors.constFirst().message);
        emit testFinished(false);
        return;
    }
    m_testContext = new QObject(this);
    setTesting(true);
    const QString model = options.model;
    m_configuration->testConnection(options, m_apiKey->text(), m_testContext, [this, model](const LlmResult& result) {
        delete m_testContext;
        setTesting(false);
        showTestResult(result, model);
        emit testFinished(result.ok);
    });
}

void AiSettingsPage::setTesting(bool testing)
{
    m_testProgress->setVisible(testing);
    m_test->setText(testing ? tr("&Cancel test") : tr("&Test connection"));
    if (testing)
        m_testResult->setText(tr("Testing the connection…"));
}

void AiSettingsPage::showTestResult(const LlmResult& result, const QString& model)
{
    if (!result.ok) {
        m_testResult->setText(tr("Connection failed: %1").arg(result.error.message));
        return;
    }
    QStringList models = result.content.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    const bool listed = model.isEmpty() || models.contains(model);
    const int total = int(models.size());
    if (total > kModelsShown) {
        models = models.mid(0, kModelsShown);
        models.append(tr("and %n more", nullptr, total - kModelsShown));
    }
    const QString offered = models.isEmpty() ? tr("The server did not list its models.")
                                             : tr("The server offers: %1.").arg(models.join(QStringLiteral(", ")));
    m_testResult->setText(listed
            ? tr("Connected. %1").arg(offered)
            : tr("Connected, but the server does not list the model “%1”. %2").arg(model, offered));
}
