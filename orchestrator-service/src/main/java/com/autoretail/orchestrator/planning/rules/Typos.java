package com.autoretail.orchestrator.planning.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The misspellings a service desk types fast, mended before the intent rules read a clause ("asign TECH-003",
 * "paymnt link", "histroy"). Only the words that choose an intent are mended, and only for choosing it: ids, notes and
 * descriptions are read from the clause as written.
 */
final class Typos {

    private static final Map<String, String> MENDED = Map.ofEntries(
            Map.entry("asign", "assign"), Map.entry("assing", "assign"), Map.entry("asigned", "assigned"),
            Map.entry("paymnt", "payment"), Map.entry("paymnet", "payment"), Map.entry("pymnt", "payment"),
            Map.entry("payement", "payment"), Map.entry("paymet", "payment"), Map.entry("pyment", "payment"),
            Map.entry("histroy", "history"), Map.entry("hisotry", "history"), Map.entry("histry", "history"),
            Map.entry("detials", "details"), Map.entry("deatils", "details"), Map.entry("detals", "details"),
            Map.entry("refnd", "refund"), Map.entry("refud", "refund"), Map.entry("refunf", "refund"),
            Map.entry("staus", "status"), Map.entry("stauts", "status"), Map.entry("satus", "status"),
            Map.entry("reciept", "receipt"), Map.entry("receit", "receipt"), Map.entry("remidner", "reminder"),
            Map.entry("remnder", "reminder"), Map.entry("reminer", "reminder"), Map.entry("reserv", "reserve"),
            Map.entry("revserve", "reserve"),
            Map.entry("resreve", "reserve"), Map.entry("reseve", "reserve"), Map.entry("rserve", "reserve"),
            Map.entry("resrve", "reserve"), Map.entry("avaliable", "available"), Map.entry("availible", "available"),
            Map.entry("availabilty", "availability"), Map.entry("avalability", "availability"),
            Map.entry("cancle", "cancel"), Map.entry("invocie", "invoice"), Map.entry("lnik", "link"),
            Map.entry("compatable", "compatible"), Map.entry("compatibel", "compatible"),
            Map.entry("alternitive", "alternative"), Map.entry("alternatve", "alternative"),
            Map.entry("approvd", "approved"), Map.entry("aproved", "approved"), Map.entry("progres", "progress"),
            Map.entry("inprogress", "in progress"), Map.entry("chek", "check"), Map.entry("chk", "check"),
            Map.entry("serach", "search"), Map.entry("seach", "search"), Map.entry("nte", "note"));

    private static final Pattern WORD = Pattern.compile("\\b(?:" + String.join("|", MENDED.keySet()) + ")\\b");

    private Typos() {
    }

    /** The lower-cased text with its known misspellings mended; the same text when it has none. */
    static String mend(String lower) {
        Matcher typo = WORD.matcher(lower);
        if (!typo.find()) {
            return lower;
        }
        StringBuilder mended = new StringBuilder(lower.length() + 8);
        do {
            typo.appendReplacement(mended, MENDED.get(typo.group()));
        } while (typo.find());
        return typo.appendTail(mended).toString();
    }
}
