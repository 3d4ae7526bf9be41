package com.autoretail.orchestrator.planning.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free-text parts of a clause that only some actions need: a note's text, a new repair order's service
 * description, the name of a part to search for, a refund's reason code, a notification channel, a message for
 * the sales agent. Read on demand, from the clause as written.
 */
final class TextDetails {

    private static final int CI = Pattern.CASE_INSENSITIVE;

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{2,1000})\"|“([^”]{2,1000})”"
            + "|(?<=^|[\\s:])'([^']{2,1000})'(?=[\\s.,;!?]|$)");
    private static final Pattern NOTE = Pattern.compile(
            "\\b(?:note|comment|remark)s?\\b[^:]{0,120}?(?::|\\bsaying\\b|\\bthat\\b|\\s-\\s)\\s*(.+)$", CI);
    // "add note RO 1069 customer wants the old parts back": the words after the order are the note.
    private static final Pattern NOTE_AFTER_ORDER = Pattern.compile("\\b(?:note|comment|remark)s?\\b.{0,40}?"
            + "(?:\\bROs?|\\bR\\.O\\.|\\bR/O|\\brepair\\s+order)\\s*(?:#|-)?\\s*\\d{3,10}\\b\\s*[,:-]?\\s*"
            + "(?:that\\s+|saying\\s+)?(\\S.{2,})$", CI);
    private static final Pattern DESCRIPTION_LABEL = Pattern.compile(
            "\\b(?:description|service|work|job|issue|complaint)\\s*[:=]\\s*(.+)$", CI);
    private static final Pattern ID = Pattern.compile(
            "\\bVEH[-_]?\\d{3,6}\\b|\\bCUST[-_]?\\d{3,6}\\b|\\b[A-HJ-NPR-Z0-9]{17}\\b", CI);
    private static final Pattern AFTER_LAST_ID = Pattern.compile("^\\s*[,:-]?\\s*(?:for|to|with|about|regarding"
            + "|because(?:\\s+of)?)?\\s*[:-]?\\s*(?:an?\\s+|the\\s+)?(.{3,})$", CI);
    private static final Pattern FOR_WHAT = Pattern.compile("\\bfor\\s+(?!(?:the\\s+)?(?:customer|client|vehicle)\\b"
            + "|cust[-_]?\\d|veh[-_]?\\d|an?\\s+(?:customer|vehicle)\\b)(?:an?\\s+|the\\s+)?([^,;]{3,160}?)"
            + "(?=\\s*(?:,|;|\\bfor\\s+(?:the\\s+)?(?:customer|client|vehicle)|\\bwith\\b|$))", CI);
    private static final Pattern PART_NAME = Pattern.compile("\\b(?:search(?:\\s+for)?|find|look\\s*(?:up|for)"
            + "|looking\\s+for|do\\s+we\\s+have|got(?:\\s+any)?|need|show\\s+me|any)\\s+(?:(?:a|an|the|some|any)\\s+)?"
            + "(?:parts?\\s+(?:named|called|for)\\s+)?(.{1,80}?)(?=\\s+(?:for|compatible|that\\s+fits?"
            + "|which\\s+fits?|fitting"
            + "|to\\s+fit|on|in\\s+stock|from)\\b|[?.!,]|$)", CI);
    private static final Pattern TRAILING_PARTS = Pattern.compile("\\s+(?:parts?|in\\s+the\\s+catalogue)$", CI);
    // "write down on RO 1015 that ...", "jot down on RO 1013: ...": the words after the order are the note.
    private static final Pattern NOTE_BY_VERB = Pattern.compile("^(?:please\\s+|pls\\s+)?(?:(?:write|jot|put|note|take)"
            + "\\s+down|record|log|document|mention)\\s+(?:on|in|against|for|to)\\s+(?:the\\s+)?(?:RO|R\\.O\\.|R/O"
            + "|repair\\s+order)\\s*(?:#|-)?\\s*\\d{3,10}\\b\\s*[,:-]?\\s*(?:that\\s+|saying\\s+)?(\\S.{2,})$", CI);
    // A command after the description belongs to the clause, not to the work: "..., transmission flush, make an RO".
    private static final Pattern CREATE_TAIL = Pattern.compile("\\s*[,;.-]\\s*(?:please\\s+|pls\\s+)?(?:make|create|open"
            + "|raise|start|set\\s+up|write\\s+up|log|book)\\b.{0,40}$", CI);
    // "headlight bulbs, 2021 Ford Escape - what do we carry?": the part named first, the question after.
    private static final Pattern NAME_FIRST = Pattern.compile("^\\s*(?:(?:a|an|the|some|any)\\s+)?([A-Za-z][A-Za-z\\s-]{2,60}?)"
            + "\\s*(?:,|\\s-\\s|\\bfor\\b)", CI);
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\(?\\d[\\d\\s().-]{6,18}\\d(?![\\w-])");
    private static final Pattern SMS = Pattern.compile("\\b(?:sms|text(?:\\s+message)?|phone)\\b", CI);
    private static final Pattern SALES_MESSAGE = Pattern.compile(
            "\\bsales(?:\\s+(?:agent|assistant|team|bot))?\\b\\s*(?:[:,-]|\\bthat\\b|\\bto\\b|\\bif\\b)?\\s*(.+)$", CI);

    // The payment agent's reason codes, by the words that give them away, in the order they are looked for.
    private static final List<Map.Entry<String, String>> REASONS = List.of(
            Map.entry("duplicate", "duplicate_payment"), Map.entry("double", "duplicate_payment"),
            Map.entry("twice", "duplicate_payment"), Map.entry("overcharg", "overcharge"),
            Map.entry("charged too much", "overcharge"), Map.entry("warranty", "warranty"),
            Map.entry("goodwill", "goodwill"), Map.entry("not performed", "service_not_performed"),
            Map.entry("wasn't performed", "service_not_performed"), Map.entry("not done", "service_not_performed"),
            Map.entry("never done", "service_not_performed"), Map.entry("never performed", "service_not_performed"),
            Map.entry("wasn't done", "service_not_performed"), Map.entry("not carried out", "service_not_performed"),
            Map.entry("never did", "service_not_performed"), Map.entry("didn't do", "service_not_performed"),
            Map.entry("service_not_performed", "service_not_performed"), Map.entry("customer request", "customer_request"),
            Map.entry("customer_request", "customer_request"), Map.entry("requested", "customer_request"));

    private TextDetails() {
    }

    static String note(String clause) {
        String quoted = quoted(clause);
        if (quoted != null) {
            return quoted;
        }
        Matcher note = NOTE.matcher(clause);
        if (note.find()) {
            return sentence(note.group(1));
        }
        Matcher afterOrder = NOTE_AFTER_ORDER.matcher(clause);
        if (afterOrder.find()) {
            return sentence(afterOrder.group(1));
        }
        Matcher byVerb = NOTE_BY_VERB.matcher(clause);
        return byVerb.find() ? sentence(byVerb.group(1)) : null;
    }

    static String serviceDescription(String clause) {
        String description = describedWork(clause);
        return description == null ? null : sentence(CREATE_TAIL.matcher(description).replaceFirst(""));
    }

    private static String describedWork(String clause) {
        String quoted = quoted(clause);
        if (quoted != null) {
            return quoted;
        }
        Matcher labelled = DESCRIPTION_LABEL.matcher(clause);
        if (labelled.find()) {
            return sentence(labelled.group(1));
        }
        Matcher id = ID.matcher(clause);
        int end = -1;
        while (id.find()) {
            end = id.end();
        }
        if (end >= 0) {
            Matcher after = AFTER_LAST_ID.matcher(clause.substring(end));
            if (after.find()) {
                return sentence(after.group(1));
            }
        }
        Matcher forWhat = FOR_WHAT.matcher(clause);
        return forWhat.find() ? sentence(forWhat.group(1)) : null;
    }

    static String partName(String clause) {
        Matcher found = PART_NAME.matcher(clause);
        if (!found.find()) {
            Matcher first = NAME_FIRST.matcher(clause);
            return first.find() ? first.group(1).strip() : null;
        }
        String name = TRAILING_PARTS.matcher(found.group(1).strip()).replaceAll("");
        return name.length() < 3 ? null : name;
    }

    /** The payment agent's reason code; {@code customer_request} when the request names no reason. */
    static String refundReason(String clause) {
        String lower = clause.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> reason : REASONS) {
            if (lower.contains(reason.getKey())) {
                return reason.getValue();
            }
        }
        return "customer_request";
    }

    /** A phone number as written ("+1-555-0107"), the recipient of a text message; null when the clause has none. */
    static String phone(String clause) {
        Matcher phone = PHONE.matcher(clause);
        while (phone.find()) {
            if (phone.group().chars().filter(Character::isDigit).count() >= 7) {
                return phone.group().strip();
            }
        }
        return null;
    }

    static String channel(String clause) {
        return SMS.matcher(clause).find() ? "sms" : "email";
    }

    static String salesMessage(String clause) {
        String quoted = quoted(clause);
        if (quoted != null) {
            return quoted;
        }
        Matcher found = SALES_MESSAGE.matcher(clause);
        String message = found.find() ? sentence(found.group(1)) : null;
        String asked = message == null || message.length() < 2 ? clause.strip() : message;
        // the clause keeps its question mark for the intent rules; the message is passed on as before, without it
        return asked.length() > 1 && asked.endsWith("?") ? asked.substring(0, asked.length() - 1).strip() : asked;
    }

    /** Whether the text has a quote character at all, before a quote pattern scans it. */
    static boolean mayQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '“') {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String clause) {
        if (!mayQuote(clause)) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(clause);
        if (!quoted.find()) {
            return null;
        }
        for (int group = 1; group <= quoted.groupCount(); group++) {
            if (quoted.group(group) != null) {
                return quoted.group(group).strip();
            }
        }
        return null;
    }

    /** The text without the sentence's closing punctuation. */
    private static String sentence(String text) {
        String stripped = text.strip();
        int end = stripped.length();
        while (end > 0 && ".!".indexOf(stripped.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == 0 ? null : stripped.substring(0, end);
    }
}
