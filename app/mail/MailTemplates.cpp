#include "mail/MailTemplates.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace pd::MailTemplates {

namespace {

const QString Root = QStringLiteral(":/mail");
const QString FallbackLanguage = QStringLiteral("en");

QString templatePath(const QString& language, const QString& kind, const QString& extension) {
    return Root + u'/' + language + u'/' + kind + u'.' + extension;
}

bool hasEveryKind(const QString& language) {
    if (!QFile::exists(templatePath(language, QStringLiteral("layout"), QStringLiteral("html"))))
        return false;
    for (const QString& kind : kinds()) {
        if (!QFile::exists(templatePath(language, kind, QStringLiteral("txt"))) ||
            !QFile::exists(templatePath(language, kind, QStringLiteral("html"))))
            return false;
    }
    return true;
}

// "es-MX" and "es_US" use the Spanish templates; anything without a full set gets English.
QString resolveLanguage(const QString& requested) {
    const QStringList available = languages();
    const QString lower = requested.trimmed().toLower();
    if (available.contains(lower))
        return lower;
    const QString base = lower.section(u'-', 0, 0).section(u'_', 0, 0);
    if (available.contains(base))
        return base;
    return FallbackLanguage;
}

Error templateError(const QString& message) {
    return Error::internal(QStringLiteral("mail.template"), message);
}

Result<QString> readTemplate(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return templateError(
            QCoreApplication::translate("MailTemplates", "The e-mail template %1 is missing.").arg(path));
    }
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return text;
}

// One pass, left to right: a value that itself contains "{{...}}" is copied as is, never expanded.
Result<QString> substitute(const QString& source, const QHash<QString, QString>& vars, bool html,
                           const QString& templateName) {
    QString out;
    out.reserve(source.size() + 256);
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = source.indexOf(QStringLiteral("{{"), pos);
        if (open < 0) {
            out += QStringView(source).mid(pos);
            break;
        }
        const qsizetype close = source.indexOf(QStringLiteral("}}"), open + 2);
        if (close < 0) {
            return templateError(
                QCoreApplication::translate("MailTemplates", "The e-mail template %1 has an unclosed “{{”.")
                    .arg(templateName));
        }
        const QString name = source.mid(open + 2, close - open - 2).trimmed();
        const auto it = vars.constFind(name);
        if (it == vars.constEnd()) {
            return templateError(QCoreApplication::translate("MailTemplates",
                                                             "The e-mail template %1 needs a value for "
                                                             "“%2”, and none was given.")
                                     .arg(templateName, name));
        }
        out += QStringView(source).mid(pos, open - pos);
        out += html ? it->toHtmlEscaped() : *it;
        pos = close + 2;
    }
    return out;
}

} // namespace

QStringList kinds() {
    return {QStringLiteral("invitation"),      QStringLiteral("reissue"),
            QStringLiteral("transition_12"),   QStringLiteral("transition_18"),
            QStringLiteral("deactivation"),    QStringLiteral("email_changed"),
            QStringLiteral("consent_rejected"), QStringLiteral("consent_reminder")};
}

QStringList languages() {
    // Adding a language is adding a resource folder with every kind in it; a half-translated folder
    // is left out so nobody gets a message that falls apart halfway.
    QStringList result;
    const QStringList folders = QDir(Root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& language : folders) {
        if (hasEveryKind(language))
            result.append(language);
    }
    return result;
}

Result<MailContent> render(const QString& kind, const QString& language,
                           const QHash<QString, QString>& vars) {
    if (!kinds().contains(kind)) {
        return templateError(
            QCoreApplication::translate("MailTemplates", "There is no e-mail template of the kind “%1”.")
                .arg(kind));
    }
    const QString lang = resolveLanguage(language);
    const QString textName = lang + u'/' + kind + QStringLiteral(".txt");
    const QString htmlName = lang + u'/' + kind + QStringLiteral(".html");

    const Result<QString> textSource = readTemplate(templatePath(lang, kind, QStringLiteral("txt")));
    if (!textSource)
        return textSource.error();
    const Result<QString> htmlSource = readTemplate(templatePath(lang, kind, QStringLiteral("html")));
    if (!htmlSource)
        return htmlSource.error();
    // Every kind's HTML is the body of one layout per language: head, card, signature and footer.
    const Result<QString> layoutSource =
        readTemplate(templatePath(lang, QStringLiteral("layout"), QStringLiteral("html")));
    if (!layoutSource)
        return layoutSource.error();

    static const QString SubjectPrefix = QStringLiteral("Subject:");
    const QString& text = textSource.value();
    const qsizetype firstBreak = text.indexOf(u'\n');
    if (!text.startsWith(SubjectPrefix) || firstBreak < 0 || text.mid(firstBreak + 1, 1) != u"\n") {
        return templateError(QCoreApplication::translate("MailTemplates",
                                                         "The e-mail template %1 must start with a "
                                                         "“Subject:” line followed by a blank line.")
                                 .arg(textName));
    }
    const QString subjectSource = text.mid(SubjectPrefix.size(), firstBreak - SubjectPrefix.size()).trimmed();
    const QString bodySource = text.mid(firstBreak + 2);

    Result<QString> subject = substitute(subjectSource, vars, false, textName);
    if (!subject)
        return subject.error();
    Result<QString> body = substitute(bodySource, vars, false, textName);
    if (!body)
        return body.error();
    Result<QString> content = substitute(htmlSource.value(), vars, true, htmlName);
    if (!content)
        return content.error();
    // The layout is filled around the rendered content, which is never scanned for placeholders again.
    static const QString Slot = QStringLiteral("{{content}}");
    const QString layoutName = lang + QStringLiteral("/layout.html");
    const qsizetype slot = layoutSource->indexOf(Slot);
    if (slot < 0)
        return templateError(QCoreApplication::translate("MailTemplates",
                                                         "The e-mail template %1 needs a value for "
                                                         "“%2”, and none was given.")
                                 .arg(layoutName, QStringLiteral("content")));
    QHash<QString, QString> layoutVars = vars;
    layoutVars.insert(QStringLiteral("subject"), subject.value());
    Result<QString> before = substitute(layoutSource->left(slot), layoutVars, true, layoutName);
    if (!before)
        return before.error();
    Result<QString> after = substitute(layoutSource->mid(slot + Slot.size()), layoutVars, true, layoutName);
    if (!after)
        return after.error();

    return MailContent{std::move(subject).value(), std::move(body).value(),
                       before.value() + content.value() + after.value()};
}

} // namespace pd::MailTemplates
