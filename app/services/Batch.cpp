#include "services/Batch.h"

#include "services/ServiceContext.h"
#include "store/Database.h"

namespace pd {

Batch::Batch(const ServiceContext& ctx)
    : m_ctx(ctx) {}

Batch::~Batch() = default;

Status Batch::begin() {
    auto tx = std::make_unique<Transaction>(m_ctx.db());
    PD_TRY(tx->begin());
    m_tx = std::move(tx);
    return {};
}

Batch::Limits Batch::limits() const {
    if (m_ctx.db().dialect() == Dialect::Postgres)
        return {200, 50};
    return {1000, 250};
}

Status Batch::commit() {
    if (!m_tx)
        return {};
    auto tx = std::move(m_tx);
    return tx->commit();
}

} // namespace pd
