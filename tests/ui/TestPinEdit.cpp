// The PIN field keeps the digits in one buffer of its own and wipes that buffer where it is.
#include "ui/actions/ActionDialog.h"
#include "ui/common/PinEdit.h"

#include "core/Secrets.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QTest>
#include <QWidget>

using namespace pd;

namespace {

bool storageIsZero(const PinEdit& edit) {
    for (int i = 0; i < PinEdit::Capacity; ++i) {
        if (edit.storage()[i] != 0)
            return false;
    }
    return true;
}

// Each character as a keyboard would send it, whatever its script.
void type(PinEdit& edit, const QString& text) {
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(&edit, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(&edit, &release);
    }
}

QString storageText(const PinEdit& edit) {
    return QString(reinterpret_cast<const QChar*>(edit.storage()), PinEdit::Capacity);
}

} // namespace

class TestPinEdit : public QObject {
    Q_OBJECT

private slots:
    void whatIsTypedIsWhatIsKept_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("kept");
        QTest::newRow("six digits") << QStringLiteral("482913") << QStringLiteral("482913");
        QTest::newRow("letters are ignored") << QStringLiteral("48a29b13") << QStringLiteral("482913");
        QTest::newRow("at most eight") << QStringLiteral("4829137265") << QStringLiteral("48291372");
        QTest::newRow("full-width digits are digits")
            << QStringLiteral("\uFF14\uFF18\uFF12\uFF19") << QStringLiteral("4829");
        QTest::newRow("Arabic-Indic digits are digits")
            << QStringLiteral("\u0664\u0668\u0662\u0669") << QStringLiteral("4829");
        QTest::newRow("spaces and signs are ignored") << QStringLiteral(" 48-29 ") << QStringLiteral("4829");
    }

    void whatIsTypedIsWhatIsKept() {
        QFETCH(QString, typed);
        QFETCH(QString, kept);
        PinEdit edit;
        type(edit, typed);
        QCOMPARE(edit.pin(), kept);
        QCOMPARE(edit.pinLength(), kept.size());
        // The line edit underneath holds placeholders only: no digit of the PIN is in Qt's buffers.
        QCOMPARE(edit.text(), QString(kept.size(), QLatin1Char('*')));
        QCOMPARE(edit.echoMode(), QLineEdit::Password);
    }

    void aWipeZeroesTheBufferWhereItIs() {
        PinEdit edit;
        const char16_t* before = edit.storage();
        QTest::keyClicks(&edit, QStringLiteral("739164"));
        QVERIFY(storageText(edit).startsWith(QLatin1String("739164")));
        edit.wipe();
        QCOMPARE(edit.storage(), before); // the same memory, not a copy
        QVERIFY(storageIsZero(edit));
        QCOMPARE(edit.pinLength(), 0);
        QVERIFY(edit.text().isEmpty());
    }

    void backspaceTakesTheLastDigitOutOfTheBuffer() {
        PinEdit edit;
        QTest::keyClicks(&edit, QStringLiteral("4829"));
        QTest::keyClick(&edit, Qt::Key_Backspace);
        QCOMPARE(edit.pin(), QStringLiteral("482"));
        QCOMPARE(edit.storage()[3], char16_t(0));
        QTest::keyClick(&edit, Qt::Key_Delete);
        QVERIFY(storageIsZero(edit));
    }

    void nothingIsPastedOrCopied() {
        PinEdit edit;
        QApplication::clipboard()->setText(QStringLiteral("123456"));
        QTest::keyClick(&edit, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(edit.pinLength(), 0);
        QTest::keyClicks(&edit, QStringLiteral("4829"));
        QApplication::clipboard()->setText(QStringLiteral("unchanged"));
        QTest::keyClick(&edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(&edit, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(&edit, Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("unchanged"));
        QCOMPARE(edit.pin(), QStringLiteral("4829"));
        QTest::keyClick(&edit, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(edit.pin(), QStringLiteral("4829"));
    }

    void anInputMethodsDigitsCount() {
        PinEdit edit;
        QInputMethodEvent event(QString(), {});
        event.setCommitString(QStringLiteral("48x29"));
        QApplication::sendEvent(&edit, &event);
        QCOMPARE(edit.pin(), QStringLiteral("4829"));
        QCOMPARE(edit.text(), QStringLiteral("****"));
    }

    void theDialogsWipeBothFields() {
        QWidget parent;
        auto* form = new QFormLayout(&parent);
        const PinFields fields = addPinFields(form, &parent);
        QTest::keyClicks(fields.pin, QStringLiteral("604817"));
        QTest::keyClicks(fields.again, QStringLiteral("604817"));
        QVERIFY(pinProblem(fields, QDate(2016, 4, 2)).isEmpty());
        QTest::keyClick(fields.again, Qt::Key_Backspace);
        QTest::keyClicks(fields.again, QStringLiteral("8"));
        QCOMPARE(pinProblem(fields, QDate(2016, 4, 2)), QStringLiteral("The two PINs are not the same."));
        wipePinFields(fields);
        QVERIFY(storageIsZero(*fields.pin));
        QVERIFY(storageIsZero(*fields.again));
    }

    // A PIN handed to the worker thread is a buffer of its own, so the wipe when it is let go can't detach
    // and wipe a copy instead.
    void aSecretHandedToTheWorkerHasItsOwnBuffer() {
        PinEdit edit;
        QTest::keyClicks(&edit, QStringLiteral("739164"));
        QString typed = edit.pin();
        QVERIFY(reinterpret_cast<const void*>(typed.constData()) !=
                reinterpret_cast<const void*>(edit.storage()));
        const auto secret = Secrets::sharedSecret(typed);
        QVERIFY(secret->constData() != typed.constData());
        QCOMPARE(*secret, QStringLiteral("739164"));
        Secrets::wipe(typed);
        QCOMPARE(*secret, QStringLiteral("739164"));
    }
};

QTEST_MAIN(TestPinEdit)
#include "TestPinEdit.moc"
