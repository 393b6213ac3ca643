#include "services/hygiene/MatchKeys.h"

#include <QSet>

#include <algorithm>

namespace {
QSet<QString> setOf(std::initializer_list<const char*> words)
{
    QSet<QString> result;
    for (const char* word : words)
        result.insert(QString::fromLatin1(word));
    return result;
}

// Legal forms, articles and honorifics: "ACME Ltd." and "The Acme Company" are the same business.
const QSet<QString>& ignoredWords()
{
    static const QSet<QString> words = setOf({ "ltd", "limited", "gmbh", "inc", "incorporated", "llc", "llp", "lp",
        "co", "corp", "corporation", "company", "plc", "ag", "kg", "ug", "ek", "ev", "bv", "nv", "sa", "sas", "sarl",
        "srl", "spa", "oy", "ab", "pty", "the", "and", "mr", "mrs", "ms", "dr", "prof" });
    return words;
}

// Providers whose addresses anyone can have: the domain says nothing about the organisation.
const QSet<QString>& freeMailDomains()
{
    static const QSet<QString> domains = setOf({ "gmail.com", "googlemail.com", "icloud.com", "me.com", "mac.com",
        "msn.com", "web.de", "t-online.de", "freenet.de", "posteo.de", "mailbox.org", "proton.me", "protonmail.com",
        "protonmail.ch", "pm.me", "tutanota.com", "tutanota.de", "tuta.io", "fastmail.com", "hey.com", "zoho.com",
        "mail.com", "email.com", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "qq.com", "163.com", "126.com", "naver.com",
        "orange.fr", "free.fr", "laposte.net", "sfr.fr", "libero.it", "virgilio.it", "seznam.cz", "wp.pl", "o2.pl",
        "onet.pl", "interia.pl", "btinternet.com", "sky.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
        "cox.net", "rediffmail.com", "bluewin.ch", "telenet.be", "ziggo.nl", "kpnmail.nl" });
    return domains;
}

// Free-mail brands under any country domain: gmx.de, gmx.net, yahoo.co.uk, hotmail.fr, outlook.de, …
const QSet<QString>& freeMailBrands()
{
    static const QSet<QString> brands
        = setOf({ "gmx", "yahoo", "ymail", "hotmail", "outlook", "live", "aol", "yandex", "rocketmail" });
    return brands;
}

// Websites many unrelated businesses share (profile pages, link lists, site builders' apex domains).
const QSet<QString>& sharedHosts()
{
    static const QSet<QString> hosts = setOf({ "facebook.com", "m.facebook.com", "fb.com", "instagram.com",
        "linkedin.com", "twitter.com", "x.com", "tiktok.com", "youtube.com", "pinterest.com", "linktr.ee",
        "sites.google.com", "google.com", "maps.google.com", "goo.gl", "business.site", "yelp.com", "tripadvisor.com",
        "wa.me", "t.me", "etsy.com", "ebay.com", "amazon.com", "github.com", "medium.com" });
    return hosts;
}

// Lower-case letters and digits of one character with its accents dropped; empty for marks and punctuation.
QString foldedLetters(QChar c)
{
    switch (c.unicode()) {
    case u'ß':
        return QStringLiteral("ss");
    case u'æ':
    case u'Æ':
        return QStringLiteral("ae");
    case u'œ':
    case u'Œ':
        return QStringLiteral("oe");
    case u'ø':
    case u'Ø':
        return QStringLiteral("o");
    case u'đ':
    case u'Đ':
    case u'ð':
    case u'Ð':
        return QStringLiteral("d");
    case u'ł':
    case u'Ł':
        return QStringLiteral("l");
    case u'þ':
    case u'Þ':
        return QStringLiteral("th");
    case u'ı':
        return QStringLiteral("i");
    default:
        break;
    }
    QString result;
    for (const QChar part : QString(c).normalized(QString::NormalizationForm_KD)) {
        if (part.isLetterOrNumber() && part.category() != QChar::Mark_NonSpacing)
            result.append(part.toLower());
    }
    return result;
}

} // namespace

QStringList MatchKeys::foldedWords(const QString& text)
{
    QStringList words;
    QString word;
    const auto finishWord = [&] {
        if (!word.isEmpty())
            words.append(word);
        word.clear();
    };
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            word.append(c);
        else if (u >= u'A' && u <= u'Z')
            word.append(QChar(u + (u'a' - u'A')));
        else if (u == u'\'' || u == u'.' || u == u'\u2019' || u == u'`')
            continue;
        else if (u < 0x80)
            finishWord();
        else if (c.isLetterOrNumber() || c.isMark())
            word.append(foldedLetters(c));
        else
            finishWord();
    }
    finishWord();
    QStringList kept;
    for (const QString& w : std::as_const(words)) {
        if (!ignoredWords().contains(w))
            kept.append(w);
    }
    return kept.isEmpty() ? words : kept;
}

QString MatchKeys::websiteHost(const QString& website)
{
    QString host = website.trimmed().toLower();
    const qsizetype scheme = host.indexOf(QStringLiteral("://"));
    if (scheme >= 0)
        host = host.mid(scheme + 3);
    const auto pathStart = std::find_if(host.cbegin(), host.cend(),
        [](QChar c) { return c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#'); });
    host.truncate(pathStart - host.cbegin());
    const qsizetype userInfo = host.lastIndexOf(QLatin1Char('@'));
    if (userInfo >= 0)
        host = host.mid(userInfo + 1);
    const qsizetype port = host.indexOf(QLatin1Char(':'));
    if (port >= 0)
        host.truncate(port);
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.startsWith(QStringLiteral("www.")))
        host = host.mid(4);
    if (!host.contains(QLatin1Char('.')) || host.startsWith(QLatin1Char('.')) || host.contains(QLatin1Char(' ')))
        return {};
    return host;
}

bool MatchKeys::isSharedHost(const QString& host)
{
    if (sharedHosts().contains(host))
        return true;
    // Subdomains of the shared hosts too (de-de.facebook.com), but not of site builders (acme.wixsite.com).
    const qsizetype dot = host.indexOf(QLatin1Char('.'));
    return dot > 0 && sharedHosts().contains(host.mid(dot + 1));
}

bool MatchKeys::isFreeMailDomain(const QString& domain)
{
    if (freeMailDomains().contains(domain))
        return true;
    const qsizetype dot = domain.indexOf(QLatin1Char('.'));
    return dot > 0 && domain.count(QLatin1Char('.')) <= 2 && freeMailBrands().contains(domain.left(dot));
}
