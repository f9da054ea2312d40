#include "models/SearchModel.h"

#include "services/DisplayText.h"
#include "services/PatientService.h"

#include <QCoreApplication>

namespace pd {

namespace {

QList<RowsModel<SearchHit>::Column> columns() {
    const auto C = [](const QString& title, auto get) {
        return textColumn<SearchHit>(title, [get](const SearchHit& h) { return QVariant(get(h)); });
    };
    return {
        C(QCoreApplication::translate("SearchModel", "Type"),
          [](const SearchHit& h) {
              return h.kind == QLatin1String("patient")
                         ? QCoreApplication::translate("SearchModel", "Patient")
                         : QCoreApplication::translate("SearchModel", "Login");
          }),
        C(QCoreApplication::translate("SearchModel", "Name"), [](const SearchHit& h) { return h.name; }),
        C(QCoreApplication::translate("SearchModel", "MRN or login"),
          [](const SearchHit& h) { return h.key; }),
        C(QCoreApplication::translate("SearchModel", "E-mail"), [](const SearchHit& h) { return h.email; }),
        C(QCoreApplication::translate("SearchModel", "Phone"), [](const SearchHit& h) { return h.phone; }),
        C(QCoreApplication::translate("SearchModel", "Birth date or status"),
          [](const SearchHit& h) {
              return h.kind == QLatin1String("patient") ? DisplayText::date(h.birthDate)
                                                        : DisplayText::userStatus(h.status);
          }),
    };
}

} // namespace

SearchModel::SearchModel(DbRunner& runner, QObject* parent)
    : RowsModel<SearchHit>(columns(), parent)
    , m_runner(runner) {}

void SearchModel::setQuery(const QString& text) {
    m_query = text.simplified();
    if (m_query.isEmpty()) {
        clear();
        return;
    }
    load(
        [this, text = m_query](int offset, int limit) {
            return m_runner.run([text, offset, limit](const ServiceContext& ctx) {
                return PatientService(ctx).search(text, limit, offset);
            });
        },
        PageSize);
}

} // namespace pd
