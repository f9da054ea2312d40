// Many records in one transaction, each service call inside it a step of its own: an import commits
// every few hundred records instead of once per record, and a refused record leaves the others.
#pragma once

#include "core/Result.h"

#include <memory>

namespace pd {

class ServiceContext;
class Transaction;

class Batch final {
public:
    explicit Batch(const ServiceContext& ctx);
    ~Batch(); // rolls back what was not committed
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

    Status begin();
    Status commit();
    bool open() const { return m_tx != nullptr; }
    // How much a batch holds before it commits: on the central database little enough that another
    // workstation's write waits a few milliseconds; on the embedded one, where each commit waits for the
    // disk and one workstation writes, more.
    struct Limits {
        int records = 200;
        int milliseconds = 50;
    };
    Limits limits() const;

private:
    const ServiceContext& m_ctx;
    std::unique_ptr<Transaction> m_tx;
};

} // namespace pd
