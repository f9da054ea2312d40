#include "ui/restrictions/RestrictionBanner.h"

#include "services/DisplayText.h"

namespace pd {

RestrictionBanner::RestrictionBanner(QWidget* parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("restrictionBanner"));
    setAccessibleName(tr("Access restrictions"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(8);
    setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #6d0011; border: 2px solid #b00020; border-radius: 4px; }"));
    hide();
}

void RestrictionBanner::setRestrictions(const QList<Restriction>& restrictions, const QDate& today,
                                        qint64 barredBy) {
    QStringList lines;
    for (const Restriction& r : restrictions) {
        if (!r.isActiveOn(today))
            continue;
        const QString person =
            r.email.isEmpty() ? r.personName() : tr("%1 (%2)").arg(r.personName(), r.email);
        QString line =
            tr("<b>RESTRICTED:</b> %1 is barred from this record by a %2, %3 (restriction #%4). "
               "Don't enroll them, reissue to them or discuss the record with them.")
                .arg(person.toHtmlEscaped(), DisplayText::restrictionReason(r.reason).toHtmlEscaped(),
                     r.until.isValid() ? tr("until %1").arg(DisplayText::date(r.until))
                                       : tr("until a supervisor lifts it"))
                .arg(r.id);
        if (r.id == barredBy)
            line += QStringLiteral("<br><b>") + tr("This login is theirs: it sees nothing of this record.") +
                    QStringLiteral("</b>");
        if (!r.note.isEmpty())
            line += QStringLiteral("<br>") + r.note.toHtmlEscaped();
        lines << line;
    }
    setText(lines.join(QStringLiteral("<hr>")));
    setVisible(!lines.isEmpty());
}

} // namespace pd
