#include "ui/workspace/ServerConnectionDialog.h"

#include "services/secrets/SecretStore.h"
#include "services/teamserver/PgConnInfo.h"
#include "services/workspace/ServerConnectionCheck.h"
#include "services/workspace/WorkspaceRegistry.h"
#include "ui/sync/SyncErrorTitle.h"
#include "ui/workspace/FieldErrorLabels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ServerConnectionDialog::ServerConnectionDialog(WorkspaceRegistry* registry, QWidget* parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_errors(new FieldErrorLabels(this))
{
    setObjectName(QStringLiteral("ServerConnectionDialog"));
    setWindowTitle(tr("Connect to a team server"));
    buildForm();
    resize(520, sizeHint().height());
}

void ServerConnectionDialog::buildForm()
{
    auto* intro = new QLabel(tr("Your agency’s PostgreSQL server holds the shared leads. Business Hub keeps a copy "
                                "on this computer, so you can keep working offline; changes are exchanged whenever "
                                "the server is reachable."),
        this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("EmptyStateText"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("serverNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Acme Agency"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("serverHostEdit"));
    m_host->setPlaceholderText(tr("db.example.com"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("serverPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("serverDatabaseEdit"));
    m_database->setPlaceholderText(tr("businesshub"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("serverUserEdit"));
    m_user->setPlaceholderText(tr("your login, usually your e-mail address"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("serverPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("serverSslModeCombo"));
    m_sslMode->addItem(
        tr("verify-full — encrypted, certificate and host name checked (recommended)"), QStringLiteral("verify-full"));
    m_sslMode->addItem(tr("verify-ca — encrypted, certificate checked"), QStringLiteral("verify-ca"));
    m_sslMode->addItem(tr("require — encrypted, certificate not checked"), QStringLiteral("require"));
    m_sslMode->addItem(tr("prefer — this computer only"), QStringLiteral("prefer"));
    m_sslMode->addItem(tr("disable — this computer only, not encrypted"), QStringLiteral("disable"));
    m_tlsHint = new QLabel(this);
    m_tlsHint->setObjectName(QStringLiteral("EmptyStateText"));
    m_tlsHint->setWordWrap(true);
    m_sessionOnly = new QCheckBox(tr("Use the password for this session only (it is not saved anywhere)"), this);
    m_sessionOnly->setObjectName(QStringLiteral("serverSessionOnlyCheck"));
    m_sessionOnly->hide();

    auto* form = new QFormLayout;
    m_errors->addRow(form, tr("&Name"), QStringLiteral("name"), m_name);
    m_errors->addRow(form, tr("&Server"), QStringLiteral("host"), m_host);
    m_errors->addRow(form, tr("&Port"), QStringLiteral("port"), m_port);
    m_errors->addRow(form, tr("&Database"), QStringLiteral("database"), m_database);
    m_errors->addRow(form, tr("&Login"), QStringLiteral("user"), m_user);
    m_errors->addRow(form, tr("Pass&word"), QStringLiteral("password"), m_password);
    m_errors->addRow(form, tr("&TLS"), QStringLiteral("sslMode"), m_sslMode);
    form->addRow(QString(), m_tlsHint);
    form->addRow(QString(), m_sessionOnly);

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("serverTestButton"));
    connect(m_test, &QPushButton::clicked, this, &ServerConnectionDialog::testConnection);
    m_testProgress = new QProgressBar(this);
    m_testProgress->setRange(0, 0);
    m_testProgress->setMaximumWidth(100);
    m_testProgress->hide();
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("serverTestResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testProgress, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("FieldError"));
    m_saveError->setWordWrap(true);
    m_saveError->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("serverConnectButton"));
    m_connect->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServerConnectionDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_saveError);
    layout->addStretch();
    layout->addWidget(buttons);

    const auto revalidate = [this] {
        if (m_validated)
            m_errors->show(validate());
        updateTlsHint();
    };
    for (QLineEdit* edit : { m_name, m_host, m_database, m_user, m_password })
        connect(edit, &QLineEdit::textEdited, this, revalidate);
    connect(m_port, &QSpinBox::valueChanged, this, revalidate);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, revalidate);
    updateTlsHint();
}

void ServerConnectionDialog::updateTlsHint()
{
    const QString mode = m_sslMode->currentData().toString();
    if (mode == QLatin1String("verify-full"))
        m_tlsHint->setText(tr("Recommended: the connection is encrypted and the server must prove it is the one "
                              "named above."));
    else if (mode.startsWith(QLatin1String("verify-")) || mode == QLatin1String("require"))
        m_tlsHint->setText(tr("Encrypted, but without checking the server’s name, someone on the network could "
                              "pose as the server. Prefer verify-full."));
    else
        m_tlsHint->setText(tr("Only for a server on this computer (localhost): the connection may not be encrypted."));
}

WorkspaceEntry ServerConnectionDialog::typedEntry() const
{
    WorkspaceEntry entry;
    entry.kind = WorkspaceEntry::Kind::Server;
    entry.name = m_name->text().trimmed();
    entry.host = m_host->text().trimmed();
    entry.port = m_port->value();
    entry.database = m_database->text().trimmed();
    entry.user = m_user->text().trimmed();
    entry.sslMode = m_sslMode->currentData().toString();
    return entry;
}

FieldErrors ServerConnectionDialog::validate() const
{
    FieldErrors errors = typedEntry().validate();
    if (m_password->text().isEmpty())
        errors.append({ QStringLiteral("password"), tr("Enter your password for the team server.") });
    return errors;
}

void ServerConnectionDialog::testConnection()
{
    if (m_testContext) {
        delete m_testContext; // a second click stops waiting for the answer
        setTesting(false);
        m_testResult->setText(tr("Test cancelled."));
        return;
    }
    m_validated = true;
    FieldErrors errors = validate();
    errors.removeIf([](const FieldError& error) { return error.field == QLatin1String("name"); });
    m_errors->show(errors);
    if (!errors.isEmpty()) {
        m_testResult->setText(tr("Correct the marked fields first."));
        emit testFinished(false);
        return;
    }
    m_testContext = new QObject(this);
    setTesting(true);
    ServerConnectionCheck::run(
        typedEntry().connInfo(m_password->text()), m_testContext, [this](const ServerCheckResult& result) {
            m_testContext->deleteLater(); // this answer runs inside it
            m_testContext = nullptr;
            setTesting(false);
            showTestResult(result);
            emit testFinished(result.ok);
        });
}

void ServerConnectionDialog::setTesting(bool testing)
{
    m_testProgress->setVisible(testing);
    m_test->setText(testing ? tr("&Cancel test") : tr("&Test connection"));
    if (testing)
        m_testResult->setText(tr("Connecting to the server…"));
}

void ServerConnectionDialog::showTestResult(const ServerCheckResult& result)
{
    if (result.ok) {
        m_testResult->setText(tr("Connected: you are %1 of “%2”.").arg(result.identity.role, result.identity.orgName));
        return;
    }
    m_testResult->setText(
        QStringLiteral("<b>%1</b><br>%2")
            .arg(SyncErrorTitle::of(result.failure.kind).toHtmlEscaped(), result.failure.message.toHtmlEscaped()));
}

void ServerConnectionDialog::accept()
{
    if (m_saving)
        return;
    m_validated = true;
    const FieldErrors errors = validate();
    m_errors->show(errors);
    if (!errors.isEmpty()) {
        emit saveFailed(errors.constFirst().message);
        return;
    }
    m_saving = true;
    m_connect->setEnabled(false);
    const bool sessionOnly = !m_sessionOnly->isHidden() && m_sessionOnly->isChecked();
    QPointer<ServerConnectionDialog> self(this);
    m_registry->addServer(
        typedEntry(), m_password->text(), sessionOnly, this, [self](const WorkspaceSaveOutcome& outcome) {
            if (!self)
                return;
            self->m_saving = false;
            self->m_connect->setEnabled(true);
            if (outcome.ok) {
                self->m_saved = outcome.entry;
                self->QDialog::accept();
                return;
            }
            self->m_errors->show(outcome.fieldErrors);
            self->m_saveError->setText(outcome.message);
            self->m_saveError->setVisible(!outcome.message.isEmpty());
            if (outcome.keychainUnavailable) {
                self->m_sessionOnly->show();
                self->m_sessionOnly->setFocus();
            }
            emit self->saveFailed(outcome.message);
        });
}
