package com.autoretail.orchestrator.planning.rules.entities;

import com.autoretail.orchestrator.planning.rules.entities.RequestEntities.StatusGoal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the status a clause asks a repair order to reach, the way a service desk says it: the status's own name
 * ("in progress", "parts ordered"), or what happened ("waiting for parts" is parts_ordered, "the car is ready" is
 * ready_for_pickup), or a step that is over ("passed quality check", "approved by the customer", "parts arrived"),
 * which names the status the order leaves: the one it enters comes from the repair-orders agent's transition matrix
 * ({@link Transitions}), never from a copy of it here.
 * Phrases are tried in order and a phrase never claims words an earlier one took, so "quality check passed" is the
 * status after quality_check, not quality_check.
 */
final class StatusPhrases {

    private static final int CI = Pattern.CASE_INSENSITIVE;

    private static final String QUALITY_CHECK = "(?:qc|quality[\\s_-]?check|inspection)";
    private static final String CUSTOMER = "(?:the\\s+)?(?:customer|client|owner|cust)";

    private record Phrase(Pattern pattern, StatusGoal goal) {
    }

    private static final List<Phrase> PHRASES = List.of(
            // A failed check sends the work back to the bay: in_progress again, whatever the check was called.
            to("in_progress", "\\b(?:failed|flunked|did\\s*n[o']?t\\s+pass)\\s+(?:the\\s+|its\\s+)?" + QUALITY_CHECK
                    + "\\b|\\b" + QUALITY_CHECK + "\\s+(?:has\\s+|was\\s+)?failed\\b|\\b(?:send|sent|sending|put|move"
                    + "|kick|kicked)\\s+(?:it\\s+|her\\s+|the\\s+(?:car|vehicle|job)\\s+)?back\\s+(?:to|into)\\s+(?:the\\s+)?"
                    + "(?:tech\\w*|bay|shop|workshop|floor|work)\\b|\\bback\\s+(?:to|into|in)\\s+the\\s+(?:bay|shop"
                    + "|workshop)\\b|\\bneeds?\\s+(?:some\\s+)?re-?work\\b"
                    // the check as the one who found a fault: "QC found a leak", "inspection flagged the brakes"
                    + "|\\b(?:" + QUALITY_CHECK + "|inspector)\\s+(?:found|flagged|spotted|noticed|caught|rejected"
                    + "|picked\\s+up)\\b"),
            after("quality_check", "\\b(?:passed|cleared|finished|completed|done\\s+with|through)\\s+(?:the\\s+)?"
                    + QUALITY_CHECK + "\\b|\\b" + QUALITY_CHECK + "\\s+(?:is\\s+|was\\s+|has\\s+|got\\s+)?(?:passed"
                    + "|ok(?:ay)?|done|completed?|finished|good|cleared|signed\\s+off)\\b"),
            after("customer_approval", "\\b" + CUSTOMER + "\\s+(?:has\\s+|have\\s+|just\\s+)?(?:approved|ok'?d"
                    + "|okayed|signed\\s+off|agreed|accepted|said\\s+yes|gave\\s+(?:the\\s+|us\\s+the\\s+)?(?:ok"
                    + "|go[\\s-]?ahead"
                    + "|approval))\\b|\\bapproved\\s+by\\s+" + CUSTOMER + "\\b|\\b(?:got|received|have"
                    + "|has)\\s+(?:the\\s+)?"
                    + "(?:customer'?s?\\s+|client'?s?\\s+)?(?:approval|go[\\s-]?ahead|sign[\\s-]?off)\\b"
                    + "|\\bcustomer[\\s_-]?approval\\s+(?:received|given|granted|done|is\\s+in)\\b"),
            // "stuck until the parts arrive", "can't go on till parts come in": waiting for parts
            to("parts_ordered", "\\b(?:until|till|til)\\s+(?:the\\s+|its\\s+|our\\s+)?parts?\\s+(?:arrive|come|get\\s+here"
                    + "|show\\s+up|are\\s+(?:in|here|delivered))"),
            // "parts arrived", "the parts for RO 2016 came in"; not "parts are in stock"
            after("parts_ordered", "\\bparts?(?:\\s+for\\s+(?:\\S+\\s+){0,3}?\\S+)?\\s+(?:have\\s+|has\\s+|just\\s+)?"
                    + "(?:arrived|came\\s+in|come\\s+in|are\\s+in|is\\s+in|received|delivered|showed\\s+up|are\\s+here"
                    + "|is\\s+here)\\b(?!\\s+stock)"
                    + "|\\b(?:received|got)\\s+(?:the\\s+)?parts\\b"),
            to("parts_ordered", "\\b(?:waiting|wait|waits|awaiting|held\\s+up)\\s+(?:for\\s+|on\\s+)?(?:the\\s+"
                    + "|some\\s+)?"
                    + "parts?\\b|\\bparts?\\s+(?:on\\s+order|back[\\s-]?ordered)\\b|\\bon\\s+hold\\s+(?:for|pending)"
                    + "\\s+parts\\b|\\bordered\\s+(?:the\\s+)?parts\\b|\\bparts[\\s_-]?ordered\\b"),
            to("customer_approval", "\\b(?:awaiting|waiting\\s+(?:for|on)|pending|needs?|send\\s+(?:it\\s+)?for"
                    + "|on\\s+hold\\s+for)\\s+(?:the\\s+)?(?:customer'?s?\\s+|client'?s?\\s+)?(?:approval|ok"
                    + "|go[\\s-]?ahead"
                    + "|sign[\\s-]?off)\\b|\\bcustomer[\\s_-]?approval\\b"),
            to("quality_check", "\\bquality[\\s_-]?check\\b|\\b(?:to|for|into|in)\\s+(?:qc|inspection)\\b|\\bqc\\b"),
            // "wants it ready by Friday" is a deadline, no status
            to("ready_for_pickup", "(?<!\\b(?:wants?|wanted|needs?|needed)\\s(?:it|them|the\\s+car)\\s)\\bready"
                    + "(?:[\\s_-]?(?:for|to\\s+be)[\\s_-]?(?:pick[\\s_-]?up|picked\\s+up|collection|collected))?\\b"
                    + "(?!\\s+(?:by|before|until|till)\\b)|\\bgood\\s+to\\s+go\\b|\\bcan\\s+be\\s+(?:picked\\s+up"
                    + "|collected)\\b"),
            to("completed", "\\b(?:was|been|got)\\s+(?:picked\\s+up|collected)\\b|\\b(?:picked\\s+up|collected"
                    + "|took\\s+(?:home|away)|drove\\s+(?:off|away|home)\\s+(?:in|with))\\s+(?:the|his|her|their)\\s+"
                    + "(?:car|vehicle|truck|van)\\b|\\bcompleted?\\b"),
            to("in_progress", "\\bin[\\s_-]?progress\\b|\\b(?:start(?:ed|ing)?|begin|began|begun|kick(?:ed)?\\s+off"
                    + "|resumed?)\\s+(?:the\\s+)?(?:work(?:ing)?|repairs?|job)\\b"
                    + "|\\bwork\\s+(?:has\\s+)?(?:started|begun"
                    + "|began|resumed)\\b|\\bstart(?:ed)?\\s+(?:on|working)\\b"
                    + "|\\bget(?:ting)?\\s+(?:going|started|cracking)\\s+(?:on|with)\\b"
                    + "|\\b(?:work|job|repairs?)\\s+(?:starts?|begins?|is\\s+starting)\\b"),
            to("closed", "\\bclos(?:e|ed|ing)\\b"),
            to("invoiced", "\\binvoiced\\b"),
            to("cancelled", "\\bcancell?ed\\b|\\bcancel\\b"),
            to("scheduled", "\\bscheduled?\\b|\\bbook(?:ed)?\\s+in\\b|\\b(?:booked|slotted|penciled|pencilled)\\s+(?:in\\s+)?"
                    + "(?:for|on)\\s+(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|next|the\\s+\\d|\\d)"),
            to("pending", "\\bpending\\b"),
            // Work done may be ready for quality check or the whole order complete: asked, never guessed.
            new Phrase(Pattern.compile("\\b(?:done|finished|all\\s+set)\\b", CI), StatusGoal.unclear()));

    private record Found(int start, int end, StatusGoal goal, boolean negated) {
    }

    // "isn't ready yet", "wasn't approved by the customer", "never ready on time": a status denied, none asked for
    private static final Pattern DENIED = Pattern.compile("(?:\\bnot|n['’]t|\\bnever)\\s+(?:(?:yet|been|be|quite|really|even"
            + "|fully|still)\\s+)?$", CI);
    private static final int DENIAL_REACH = 24;

    private StatusPhrases() {
    }

    /** The statuses the text asks for, in the order written; the last is what a clause asks for. */
    static List<StatusGoal> in(String text) {
        List<Found> found = new ArrayList<>();
        for (Phrase phrase : PHRASES) {
            Matcher matcher = phrase.pattern.matcher(text);
            while (matcher.find()) {
                if (free(found, matcher.start(), matcher.end())) {
                    String before = text.substring(Math.max(0, matcher.start() - DENIAL_REACH), matcher.start());
                    found.add(new Found(matcher.start(), matcher.end(), phrase.goal,
                            DENIED.matcher(before).find()));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        List<StatusGoal> goals = new ArrayList<>(found.size());
        for (Found one : found) {
            if (!one.negated && !goals.contains(one.goal)) {
                goals.add(one.goal);
            }
        }
        return List.copyOf(goals);
    }

    private static boolean free(List<Found> taken, int start, int end) {
        for (Found one : taken) {
            if (start < one.end && one.start < end) {
                return false;
            }
        }
        return true;
    }

    private static Phrase to(String status, String regex) {
        return new Phrase(Pattern.compile(regex, CI), StatusGoal.of(status));
    }

    private static Phrase after(String status, String regex) {
        return new Phrase(Pattern.compile(regex, CI), StatusGoal.after(status));
    }
}
