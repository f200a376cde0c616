package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON number, optionally whole, bounded, even, or limited to listed values. Strings holding digits
 * are not numbers. Bounds are inclusive unless built with {@link #greaterThan(double)}.
 */
public record NumberSchema(boolean integer, Double min, boolean minExclusive, Double max, List<Double> allowed,
        boolean even) implements Schema {

    public NumberSchema {
        allowed = List.copyOf(allowed);
    }

    public static NumberSchema anyNumber() {
        return new NumberSchema(false, null, false, null, List.of(), false);
    }

    public static NumberSchema anyInteger() {
        return new NumberSchema(true, null, false, null, List.of(), false);
    }

    public NumberSchema min(double inclusive) {
        return new NumberSchema(integer, inclusive, false, max, allowed, even);
    }

    public NumberSchema greaterThan(double exclusive) {
        return new NumberSchema(integer, exclusive, true, max, allowed, even);
    }

    public NumberSchema max(double inclusive) {
        return new NumberSchema(integer, min, minExclusive, inclusive, allowed, even);
    }

    public NumberSchema between(double minInclusive, double maxInclusive) {
        return min(minInclusive).max(maxInclusive);
    }

    public NumberSchema oneOf(double... values) {
        return new NumberSchema(integer, min, minExclusive, max,
                java.util.Arrays.stream(values).boxed().toList(), even);
    }

    public NumberSchema evenOnly() {
        return new NumberSchema(integer, min, minExclusive, max, allowed, true);
    }

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        if (!acceptsTypeOf(value)) {
            violations.add(path, "must be " + expectation());
            return;
        }
        double number = value.doubleValue();
        if (!allowed.isEmpty()) {
            if (allowed.stream().noneMatch(candidate -> candidate == number)) {
                violations.add(path, "must be " + expectation());
            }
            return;
        }
        boolean belowMin = min != null && (minExclusive ? number <= min : number < min);
        boolean aboveMax = max != null && number > max;
        if (belowMin || aboveMax) {
            violations.add(path, "must be " + expectation());
        } else if (even && value.decimalValue().remainder(BigDecimal.TWO).signum() != 0) {
            violations.add(path, "must be divisible by 2");
        }
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            return false;
        }
        return !integer || value.canConvertToExactIntegral();
    }

    @Override
    public String expectation() {
        if (!allowed.isEmpty()) {
            return "one of: " + allowed.stream().map(NumberSchema::format).collect(Collectors.joining(", "));
        }
        String kind = integer ? "an integer" : "a number";
        if (min != null && max != null && !minExclusive) {
            return kind + " between " + format(min) + " and " + format(max);
        }
        String range = "";
        if (min != null) {
            range += minExclusive ? " greater than " + format(min) : " greater than or equal to " + format(min);
        }
        if (max != null) {
            range += (range.isEmpty() ? "" : " and") + " less than or equal to " + format(max);
        }
        return kind + range;
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : BigDecimal.valueOf(number).toPlainString();
    }
}
