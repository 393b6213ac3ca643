#pragma once

#include "services/brain/BrainInsights.h"

#include <QAbstractItemModel>

// The Neural Brain's suggestions as a two-level tree: each sentence, with the leads it is about as children.
class BrainSuggestionModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // a child's lead id
        KindRole, // BrainSuggestion::Kind as int (both levels)
        LeadIdsRole, // a suggestion's lead ids (QStringList)
    };

    explicit BrainSuggestionModel(QObject* parent = nullptr);

    void setSuggestions(const QList<BrainSuggestion>& suggestions);
    const QList<BrainSuggestion>& suggestions() const { return m_suggestions; }
    bool isSuggestion(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QList<BrainSuggestion> m_suggestions;
};
