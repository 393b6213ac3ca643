#include "ui/intelligence/AiProfileView.h"

#include "models/RelativeTime.h"
#include "services/intelligence/IntelligenceStore.h"
#include "ui/common/Theme.h"
#include "ui/intelligence/IntelligenceText.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

AiProfileView::AiProfileView(IntelligenceStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_generate(new QPushButton(tr("Generate profile"), this))
    , m_busy(IntelligenceText::valueLabel(QStringLiteral("profileBusyLabel"), this))
    , m_error(IntelligenceText::valueLabel(QStringLiteral("profileErrorLabel"), this))
    , m_empty(IntelligenceText::valueLabel(QStringLiteral("profileEmptyState"), this))
    , m_content(new QWidget(this))
    , m_oneLiner(IntelligenceText::valueLabel(QStringLiteral("profileOneLiner"), m_content))
    , m_role(IntelligenceText::valueLabel(QStringLiteral("profileRole"), m_content))
    , m_decisionPower(IntelligenceText::valueLabel(QStringLiteral("profileDecisionPower"), m_content))
    , m_confidence(new QProgressBar(m_content))
    , m_painPoints(IntelligenceText::valueLabel(QStringLiteral("profilePainPoints"), m_content))
    , m_angles(IntelligenceText::valueLabel(QStringLiteral("profileOfferAngles"), m_content))
    , m_hooks(IntelligenceText::valueLabel(QStringLiteral("profileHooks"), m_content))
    , m_objections(IntelligenceText::valueLabel(QStringLiteral("profileObjections"), m_content))
    , m_nextAction(IntelligenceText::valueLabel(QStringLiteral("profileNextAction"), m_content))
    , m_sources(IntelligenceText::valueLabel(QStringLiteral("profileSourceFields"), m_content))
    , m_generatedAt(IntelligenceText::valueLabel(QStringLiteral("profileGeneratedAt"), this))
{
    setObjectName(QStringLiteral("AiProfileView"));
    m_generate->setObjectName(QStringLiteral("profileGenerateButton"));
    m_generate->setToolTip(
        tr("Ask the AI for a sales profile of this lead, built only from its own fields and history"));
    connect(m_generate, &QPushButton::clicked, this, &AiProfileView::generate);
    m_confidence->setObjectName(QStringLiteral("profileConfidence"));
    m_confidence->setRange(0, 100);
    m_confidence->setFormat(tr("%p % confident"));
    m_confidence->setToolTip(tr("How well the lead’s record supports this profile, as judged by the AI"));
    for (QLabel* muted : { m_busy, m_empty, m_generatedAt, m_sources })
        muted->setForegroundRole(QPalette::PlaceholderText);
    QPalette errorPalette = m_error->palette();
    const QColor danger = Theme::instance()->color(QStringLiteral("danger"));
    if (danger.isValid())
        errorPalette.setColor(QPalette::WindowText, danger);
    m_error->setPalette(errorPalette);
    QFont bold = m_oneLiner->font();
    bold.setBold(true);
    m_oneLiner->setFont(bold);

    auto* header = new QHBoxLayout;
    header->addWidget(IntelligenceText::headingLabel(tr("AI profile"), this));
    header->addStretch();
    header->addWidget(m_generate);

    auto* facts = new QFormLayout;
    facts->setRowWrapPolicy(QFormLayout::WrapLongRows);
    facts->addRow(tr("Likely role"), m_role);
    facts->addRow(tr("Decision power"), m_decisionPower);
    facts->addRow(tr("Confidence"), m_confidence);
    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_oneLiner);
    contentLayout->addLayout(facts);
    const auto block = [this, contentLayout](const QString& title, QLabel* value) {
        contentLayout->addWidget(IntelligenceText::headingLabel(title, m_content));
        contentLayout->addWidget(value);
    };
    block(tr("Next best action"), m_nextAction);
    block(tr("Pain points"), m_painPoints);
    block(tr("Best offer angles"), m_angles);
    block(tr("Personalisation hooks"), m_hooks);
    block(tr("Objections and responses"), m_objections);
    contentLayout->addWidget(IntelligenceText::headingLabel(tr("Message drafts"), m_content));
    m_coldEmail = addDraft(tr("Cold email"), QStringLiteral("ColdEmail"), m_content, contentLayout);
    m_followUp = addDraft(tr("Follow-up"), QStringLiteral("FollowUp"), m_content, contentLayout);
    m_linkedin = addDraft(tr("LinkedIn message"), QStringLiteral("Linkedin"), m_content, contentLayout);
    contentLayout->addWidget(m_sources);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_generatedAt);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_content);

    connect(m_store, &IntelligenceStore::profileChanged, this, [this](const QString& leadId) {
        if (leadId == m_leadId)
            reload();
    });
    for (auto signal : { &IntelligenceStore::profileStarted, &IntelligenceStore::profileChanged }) {
        connect(m_store, signal, this, [this](const QString& leadId) {
            if (leadId == m_leadId)
                refreshBusy();
        });
    }
    connect(m_store, &IntelligenceStore::profileFinished, this, [this](const QString& leadId) {
        if (leadId == m_leadId)
            refreshBusy();
    });
    m_error->hide();
    setLead({});
}

AiProfileView::Draft AiProfileView::addDraft(
    const QString& title, const QString& name, QWidget* parent, QVBoxLayout* layout)
{
    Draft draft;
    draft.text = new QPlainTextEdit(parent);
    draft.text->setObjectName(QStringLiteral("profileDraft") + name);
    draft.text->setReadOnly(true);
    draft.text->setMaximumHeight(110);
    draft.text->setAccessibleName(title);
    draft.copy = new QPushButton(tr("Copy"), parent);
    draft.copy->setObjectName(QStringLiteral("profileCopy") + name + QStringLiteral("Button"));
    draft.copy->setToolTip(tr("Copy the %1 to the clipboard").arg(title.toLower()));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(title, parent), 1);
    row->addWidget(draft.copy);
    layout->addLayout(row);
    layout->addWidget(draft.text);
    connect(draft.copy, &QPushButton::clicked, this, [this, draft] { copyDraft(draft); });
    return draft;
}

void AiProfileView::copyDraft(const Draft& draft)
{
    QGuiApplication::clipboard()->setText(draft.text->toPlainText());
    draft.copy->setText(tr("Copied"));
    QTimer::singleShot(1500, draft.copy, [copy = draft.copy] { copy->setText(tr("Copy")); });
}

void AiProfileView::setLead(const QString& leadId)
{
    m_leadId = leadId;
    m_error->hide();
    showProfile(std::nullopt);
    refreshBusy();
    if (!leadId.isEmpty())
        reload();
}

void AiProfileView::reload()
{
    const QString leadId = m_leadId;
    m_store->fetchProfile(leadId, this, [this, leadId](const std::optional<StoredAiProfile>& stored) {
        if (leadId == m_leadId)
            showProfile(stored);
    });
}

void AiProfileView::generate()
{
    if (m_leadId.isEmpty())
        return;
    m_error->hide();
    const QString leadId = m_leadId;
    m_store->generateProfile(leadId, this, [this, leadId](const ProfileOutcome& outcome) {
        if (leadId != m_leadId)
            return;
        refreshBusy();
        QString message = outcome.message;
        if (outcome.ok && !outcome.droppedFields.isEmpty())
            message = tr("The AI named fields this lead does not have (%1); they were left out of the profile.")
                          .arg(outcome.droppedFields.join(QStringLiteral(", ")));
        m_error->setText(message);
        m_error->setVisible(!message.isEmpty());
    });
    refreshBusy();
}

void AiProfileView::refreshBusy()
{
    const bool busy = !m_leadId.isEmpty() && m_store->isGeneratingProfile(m_leadId);
    m_generate->setEnabled(!m_leadId.isEmpty() && !busy);
    m_generate->setText(busy ? tr("Generating…") : (m_profile ? tr("Regenerate profile") : tr("Generate profile")));
    m_busy->setText(tr("Writing the profile…"));
    m_busy->setVisible(busy);
}

void AiProfileView::showProfile(const std::optional<StoredAiProfile>& stored)
{
    m_profile = stored;
    m_content->setVisible(stored.has_value());
    m_empty->setVisible(!stored && !m_leadId.isEmpty());
    m_empty->setText(tr("No AI profile yet. Generate profile writes a one-liner, likely role, offer angles, "
                        "objections with responses and message drafts from this lead’s own fields."));
    refreshBusy();
    if (!stored) {
        m_generatedAt->clear();
        return;
    }
    const AiProfile& profile = stored->profile;
    const QString unknown = tr("Not known");
    const QString none = tr("None");
    m_generatedAt->setText(tr("Generated %1 with %2")
                               .arg(RelativeTime::since(stored->generatedAt),
                                   stored->model.isEmpty() ? tr("an unknown model") : stored->model));
    m_oneLiner->setText(profile.oneLiner);
    m_role->setText(IntelligenceText::orPlaceholder(profile.likelyRole, unknown));
    m_decisionPower->setText(IntelligenceText::orPlaceholder(profile.decisionPower, unknown));
    m_confidence->setValue(std::clamp(profile.confidence, 0, 100));
    m_nextAction->setText(IntelligenceText::orPlaceholder(profile.nextBestAction, unknown));
    m_painPoints->setText(IntelligenceText::bullets(profile.painPoints, none));
    m_angles->setText(IntelligenceText::bullets(profile.bestOfferAngle, none));
    m_hooks->setText(IntelligenceText::bullets(profile.personalisationHooks, none));
    QStringList objections;
    for (const ProfileObjection& item : profile.objections)
        objections.append(
            tr("“%1”\n    → %2").arg(item.objection, IntelligenceText::orPlaceholder(item.response, unknown)));
    m_objections->setText(objections.isEmpty() ? none : objections.join(QLatin1Char('\n')));
    m_coldEmail.text->setPlainText(profile.messageDrafts.coldEmail1);
    m_followUp.text->setPlainText(profile.messageDrafts.followUp1);
    m_linkedin.text->setPlainText(profile.messageDrafts.linkedinDm1);
    for (const Draft* draft : { &m_coldEmail, &m_followUp, &m_linkedin })
        draft->copy->setEnabled(!draft->text->toPlainText().isEmpty());
    m_sources->setText(profile.sourceFieldsUsed.isEmpty()
            ? tr("Based on: no fields named")
            : tr("Based on: %1").arg(IntelligenceText::fieldList(profile.sourceFieldsUsed)));
}
