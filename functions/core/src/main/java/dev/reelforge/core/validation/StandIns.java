package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values a document holds in place of ones it is given later, such as a saved template's merge placeholders
 * ({@code "length": "{{LEN}}"}): checked as far as they can be now, and in full once they are replaced.
 */
public interface StandIns {

    /** A document whose values are all its own. */
    StandIns NONE = new StandIns() {
        @Override
        public boolean standsForAnyValue(JsonNode value) {
            return false;
        }

        @Override
        public boolean holdsStandIn(String text) {
            return false;
        }
    };

    /** Whether {@code value} stands whole for a value of any type (a string that is one placeholder). */
    boolean standsForAnyValue(JsonNode value);

    /** Whether {@code text} holds a stand-in inside it: it stays text, but what text is known only later. */
    boolean holdsStandIn(String text);
}
