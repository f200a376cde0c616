package dev.reelforge.local.apigateway;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates an authorizer's IAM policy against a method ARN as API Gateway does: an explicit Deny wins,
 * otherwise some Allow statement for {@code execute-api:Invoke} must match. In resources, {@code *}
 * matches any run of characters and {@code ?} one character, line terminators included: a path may hold a
 * percent-decoded newline.
 */
final class PolicyEvaluation {

    private PolicyEvaluation() {}

    static boolean allows(Map<?, ?> policyDocument, String methodArn) {
        boolean allowed = false;
        for (Object item : asList(policyDocument.get("Statement"))) {
            if (!(item instanceof Map<?, ?> statement) || !invokes(statement.get("Action"))) {
                continue;
            }
            boolean matches = asList(statement.get("Resource")).stream()
                    .anyMatch(resource -> glob(String.valueOf(resource)).matcher(methodArn).matches());
            if (matches && "Deny".equals(statement.get("Effect"))) {
                return false;
            }
            allowed |= matches && "Allow".equals(statement.get("Effect"));
        }
        return allowed;
    }

    private static boolean invokes(Object action) {
        return asList(action).stream().map(String::valueOf)
                .anyMatch(name -> name.equals("*") || name.equals("execute-api:*") || name.equals("execute-api:Invoke"));
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        return value == null ? List.of() : List.of(value);
    }

    private static Pattern glob(String resource) {
        StringBuilder regex = new StringBuilder();
        for (char c : resource.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
